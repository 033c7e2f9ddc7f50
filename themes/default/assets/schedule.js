/* Marks each stage past, current or coming by the reader's clock; without this script the
   page shows the marking as of the time the site was built, and says so. */
(function () {
  "use strict";
  var now = Date.now();
  document.querySelectorAll("li.stage[data-start]").forEach(function (item) {
    var start = Number(item.getAttribute("data-start"));
    var end = Number(item.getAttribute("data-end"));
    var state = end <= now ? "past" : start <= now ? "current" : "coming";
    item.classList.remove("stage-past", "stage-current", "stage-coming");
    item.classList.add("stage-" + state);
    var label = item.querySelector(".stage-state");
    if (label) label.textContent = label.getAttribute("data-" + state);
  });
  document.querySelectorAll(".as-of[data-device]").forEach(function (note) {
    note.textContent = note.getAttribute("data-device");
  });
})();
