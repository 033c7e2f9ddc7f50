/* Participant lookup on result pages: the form and a lookup asked for in the address
   (?cari=). The search and the answer are in lookup-more.js, loaded at the first search, so
   that a page nobody searches on does not carry them. Works from file:// as well. */
(function () {
  "use strict";
  var self = document.currentScript || document.querySelector("script[src$='lookup.js']");
  var base = ((self && self.src) || "").replace(/[^\/]*$/, "");
  var waiting = null;

  // Loaded or not, the waiting searches go on (without it they say so), and a later
  // search tries again.
  function withMore(done) {
    if (window.TerbukaLookupMore) { done(); return; }
    if (waiting) { waiting.push(done); return; }
    waiting = [done];
    var script = document.createElement("script");
    script.src = base + "lookup-more.js";
    script.onload = script.onerror = function () {
      var ready = waiting;
      waiting = null;
      ready.forEach(function (f) { f(); });
    };
    document.head.appendChild(script);
  }

  var asked = new URLSearchParams(window.location.search).get("cari");
  document.querySelectorAll("form[data-lookup]").forEach(function (form) {
    var status = form.querySelector("[role=status]");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!form.querySelector("input").value.trim()) return;
      status.textContent = form.getAttribute("data-t-searching") || "";
      withMore(function () {
        if (window.TerbukaLookupMore) window.TerbukaLookupMore.search(form);
        else status.textContent = form.getAttribute("data-t-error") || "";
      });
    });
    // A link such as hasil/skd/index.html?cari=2653001000007 opens with that lookup done.
    if (asked) {
      form.querySelector("input").value = asked;
      form.setAttribute("data-from-address", "");
      form.requestSubmit();
    }
  });
  document.querySelectorAll("[data-own-position]").forEach(function (note) {
    if (!asked || !/^[0-9][0-9 .-]*$/.test(asked)) return;
    withMore(function () { if (window.TerbukaLookupMore) window.TerbukaLookupMore.ownPosition(note, asked.trim()); });
  });
})();
