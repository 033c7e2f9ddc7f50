/* Site-wide search from file:// or a server: the index is a plain script loaded with a
   <script> tag on the first search (no fetch, no modules). */
(function () {
  "use strict";
  var entries = null;
  var waiting = [];
  window.TerbukaSearch = {
    index: function (data) {
      entries = data.map(function (e) { return { title: e[0], kind: e[1], path: e[2], text: normalize(e[0] + " " + e[3]) }; });
      waiting.splice(0).forEach(function (f) { f(); });
    }
  };
  function normalize(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  document.querySelectorAll("form.site-search").forEach(function (form) {
    var input = form.querySelector("input");
    var status = form.querySelector("[role=status]");
    var list = form.querySelector("ol");
    var base = form.getAttribute("data-root") + form.getAttribute("data-prefix");
    var t = function (key) { return form.getAttribute("data-t-" + key) || key; };
    form.hidden = false;
    function search() {
      var words = normalize(input.value).split(/\s+/).filter(Boolean);
      list.textContent = "";
      if (!words.length) return;
      var found = entries.filter(function (e) { return words.every(function (w) { return e.text.indexOf(w) >= 0; }); });
      status.textContent = found.length ? (found.length > 50 ? t("many") : "") : t("none");
      found.slice(0, 50).forEach(function (e) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = base + e.path;
        link.textContent = e.title;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" — " + e.kind));
        list.appendChild(item);
      });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (entries) { search(); return; }
      waiting.push(search);
      if (waiting.length === 1) {
        var script = document.createElement("script");
        script.src = form.getAttribute("data-index");
        script.onerror = function () { status.textContent = t("error"); };
        document.head.appendChild(script);
      }
    });
  });
})();
