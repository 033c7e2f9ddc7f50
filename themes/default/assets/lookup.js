/* Participant lookup for Terbuka result pages. Works from file:// as well as over
   http(s): data comes in plain scripts added with <script> tags (no fetch, no modules).
   The shard layout is written by LookupData.swift. */
(function () {
  "use strict";
  var pending = {};
  var shards = {};
  var manifest = null;
  var manifestWaiters = [];

  window.TerbukaLookup = {
    manifest: function (data) {
      manifest = data;
      manifestWaiters.splice(0).forEach(function (f) { f(); });
    },
    receive: function (name, rows) {
      shards[name] = rows;
      (pending[name] || []).splice(0).forEach(function (f) { f(rows); });
    }
  };

  function load(src, onerror) {
    var s = document.createElement("script");
    s.src = src;
    s.onerror = onerror;
    document.head.appendChild(s);
  }

  function withManifest(base, done, fail) {
    if (manifest) { done(); return; }
    manifestWaiters.push(done);
    if (manifestWaiters.length === 1) load(base + "manifest.js", fail);
  }

  function withShard(base, name, done, fail) {
    if (shards[name]) { done(shards[name]); return; }
    (pending[name] = pending[name] || []).push(done);
    if (pending[name].length === 1) load(base + name + ".js", fail);
  }

  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  // Words of at least 3 letters, each cut to 48 letters as the index is (LookupData.swift).
  function words(text) {
    return text.toLowerCase().split(/[^\p{L}]+/u).filter(function (w) { return w.length >= 3; })
      .map(function (w) { return w.slice(0, 48); });
  }

  function setup(form) {
    var base = form.getAttribute("data-lookup");
    var vacancyRoot = form.getAttribute("data-vacancy-root");
    var input = form.querySelector("input");
    var status = form.querySelector("[role=status]");
    var list = form.querySelector("ol");
    var t = function (key) { return form.getAttribute("data-t-" + key) || key; };
    var labels = JSON.parse(form.getAttribute("data-labels") || "{}");
    var decimal = form.getAttribute("data-decimal") || ",";
    form.hidden = false;

    // "{name}" placeholders of an interface string filled in.
    function fill(key, values) {
      return Object.keys(values).reduce(function (text, name) {
        return text.split("{" + name + "}").join(values[name]);
      }, t(key));
    }

    // Decimals come as "72.35"; the page writes them with its own mark.
    function number(value) {
      return typeof value === "string" && /^[0-9]+\.[0-9]+$/.test(value) ? value.replace(".", decimal) : String(value);
    }

    // A stage's journey: every score beside its passing mark, met or missed by how much,
    // the rank among the formation's participants and the formation's line.
    function journey(i, detail) {
      var lines = document.createElement("ul");
      lines.className = "journey";
      var marks = detail[3] ? (manifest.marks || {})[detail[3]] || {} : {};
      function line(text, className) {
        var item = document.createElement("li");
        item.textContent = text;
        if (className) item.className = className;
        lines.appendChild(item);
      }
      (manifest.columns[i] || []).forEach(function (id, c) {
        var value = detail[0][c];
        if (value === null || value === "" || id === "status") return;
        if (id === "rank") { line(fill("rank", { rank: value, count: detail[1] })); return; }
        if (id === "reason") { line(t("reason") + ": " + value); return; }
        var text = (labels[id] || id) + " " + number(value);
        if (typeof value === "number" && marks[id] !== undefined) {
          var met = value >= marks[id];
          line(text + " — " + (met ? fill("met", { mark: marks[id] })
            : fill("missed", { mark: marks[id], gap: marks[id] - value })), met ? "met" : "missed");
          return;
        }
        line(text);
      });
      if (detail[2] !== null && detail[2] !== undefined) line(fill("cutoff", { value: number(detail[2]) }));
      return lines;
    }

    // The slip: this participant's journey alone on the printed page, with the site, the
    // announcements it comes from and the SHA-256 of their tables.
    function printSlip(li) {
      document.querySelectorAll(".slip").forEach(function (old) { old.remove(); });
      var slip = document.createElement("section");
      slip.className = "slip";
      var title = document.createElement("h2");
      title.textContent = form.getAttribute("data-site") || document.title;
      slip.appendChild(title);
      var vacancy = document.createElement("p");
      vacancy.textContent = form.getAttribute("data-vacancy") || "";
      slip.appendChild(vacancy);
      var copy = li.cloneNode(true);
      copy.querySelectorAll("button").forEach(function (b) { b.remove(); });
      slip.appendChild(copy);
      var sources = document.createElement("ul");
      sources.className = "slip-sources";
      (manifest.tables || []).forEach(function (table, i) {
        var item = document.createElement("li");
        item.textContent = manifest.stages[i] + (table.number ? ", " + table.number : "") + ", " + table.published +
          ": " + table.file + " SHA-256 " + table.sha256;
        sources.appendChild(item);
      });
      slip.appendChild(sources);
      document.body.appendChild(slip);
      document.body.classList.add("printing-slip");
      window.addEventListener("afterprint", function done() {
        window.removeEventListener("afterprint", done);
        document.body.classList.remove("printing-slip");
        slip.remove();
      });
      window.print();
    }

    function show(rows, message) {
      list.textContent = "";
      status.textContent = message;
      // An answer asked for in the address (?cari=) is brought into view: the form may be
      // far down a phone's screen, under the site's header.
      if (form.hasAttribute("data-from-address")) {
        form.removeAttribute("data-from-address");
        setTimeout(function () { form.scrollIntoView({ block: "start" }); }, 0);
      }
      rows.slice(0, 50).forEach(function (row) {
        var li = document.createElement("li");
        var head = document.createElement("strong");
        head.textContent = row[0] + " — " + row[1];
        li.appendChild(head);
        // The position first, as a person reads it; the code after it.
        var position = (manifest.positions || {})[row[2]];
        li.appendChild(document.createTextNode(
          (position ? ", " + position : "") + " (" + t("formation") + " " + row[2] + ")"));
        var stages = document.createElement("ul");
        row[3].forEach(function (code, i) {
          if (!code) return;
          var item = document.createElement("li");
          var link = document.createElement("a");
          var page = row[4][i];
          link.href = vacancyRoot + manifest.pages[i] + (page > 0 ? (page + 1) + "/" : "") + "index.html#" +
            encodeURIComponent("f-" + row[2].replace(/ /g, "_"));
          link.textContent = manifest.stages[i];
          item.appendChild(link);
          item.appendChild(document.createTextNode(": " + code));
          // A correction changed this status: say what it was.
          if (row[5] && row[5][i]) {
            var was = document.createElement("strong");
            was.className = "changed";
            was.textContent = " " + t("changed").replace("{code}", row[5][i]);
            item.appendChild(was);
          }
          var lines = row[6] && row[6][i] ? journey(i, row[6][i]) : null;
          if (lines && lines.children.length) item.appendChild(lines);
          stages.appendChild(item);
        });
        // Stages whose results are not published yet are still to come.
        (manifest.upcoming || []).forEach(function (label) {
          var item = document.createElement("li");
          item.textContent = label + ": " + t("upcoming");
          stages.appendChild(item);
        });
        li.appendChild(stages);
        var button = document.createElement("button");
        button.type = "button";
        button.className = "print-slip";
        button.textContent = t("print");
        button.addEventListener("click", function () { printSlip(li); });
        li.appendChild(button);
        list.appendChild(li);
      });
    }

    function failed() { show([], t("error")); }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = input.value.trim();
      if (!query) return;
      status.textContent = t("searching");
      withManifest(base, function () {
        if (/^[0-9][0-9 .-]*$/.test(query)) {
          // Numbers are looked up as written (the shard is chosen by a hash of the number).
          var number = query;
          withShard(base, "n" + (fnv1a(number) % manifest.numberShards), function (rows) {
            var found = rows.filter(function (r) { return r[0] === number; });
            show(found, found.length ? "" : t("none"));
          }, failed);
          return;
        }
        var wanted = words(query);
        if (!wanted.length) { show([], t("short")); return; }
        // For each word typed, the manifest key that holds it (the longest prefix, or the
        // word itself); search by the word whose key has the fewest names.
        var best = null;
        var deeper = false;
        wanted.forEach(function (word) {
          var found = null;
          var longer = false;
          manifest.names.forEach(function (entry) {
            var key = entry[0];
            var exact = key[key.length - 1] === "$";
            var stem = exact ? key.slice(0, -1) : key;
            if (exact ? stem === word : word.indexOf(stem) === 0) {
              if (!found || found[0].length < key.length) found = entry;
            } else if (stem.indexOf(word) === 0 && stem !== word) {
              longer = true;
            }
          });
          if (found && (!best || found[2] < best[2])) best = found;
          if (!found && longer) deeper = true;
        });
        if (!best) { show([], deeper ? t("short") : t("none")); return; }
        withShard(base, "a" + best[1], function (rows) {
          var found = rows.filter(function (r) {
            var have = words(r[1]);
            return wanted.every(function (w) { return have.some(function (h) { return h.indexOf(w) === 0; }); });
          });
          var note = best[3] ? t("truncated") : found.length > 50 ? t("many") : found.length ? "" : t("none");
          show(found, note);
        }, failed);
      }, failed);
    });
  }

  document.querySelectorAll("form[data-lookup]").forEach(function (form) {
    setup(form);
    // A link such as hasil/skd/index.html?cari=2653001000007 opens with that lookup done.
    var query = new URLSearchParams(window.location.search).get("cari");
    if (query) {
      form.querySelector("input").value = query;
      form.setAttribute("data-from-address", "");
      form.requestSubmit();
    }
  });
})();
