/* The participant lookup's search and answer, loaded at the first search (lookup.js):
   shards of LookupData.swift found by number or name, and each participant's stages with
   their journey, the printed result slip, and the own total on the statistics page. */
(function () {
  "use strict";

  // Data arrives in plain scripts added with <script> tags (no fetch, no modules), so that
  // the lookup works from file:// too.
  var pending = {};
  var shards = {};
  var manifest = null;
  var manifestWaiters = [];

  window.TerbukaLookup = {
    manifest: function (data) {
      manifest = data;
      manifestWaiters.splice(0).forEach(function (f) { f(); });
    },
    receive: function (name, rows, positions) {
      // Each shard names the positions of its participants' formations.
      if (manifest) {
        manifest.positions = manifest.positions || {};
        Object.keys(positions || {}).forEach(function (code) { manifest.positions[code] = positions[code]; });
      }
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

  function fnv1a(value) {
    var bytes = new TextEncoder().encode(value);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  // Words of at least 3 letters, each cut to 48 letters as the index is (LookupData.swift).
  function words(value) {
    return value.toLowerCase().split(/[^\p{L}]+/u).filter(function (w) { return w.length >= 3; })
      .map(function (w) { return w.slice(0, 48); });
  }

  // The participant with this number, or null (its shard is chosen by a hash of the number).
  function byNumber(base, number, done, fail) {
    withManifest(base, function () {
      withShard(base, "n" + (fnv1a(number) % manifest.numberShards), function (rows) {
        done(rows.filter(function (r) { return r[0] === number; }));
      }, fail);
    }, fail);
  }

  // One search of a form: by number as written, or by the words of a name.
  function search(form) {
    var base = form.getAttribute("data-lookup");
    var query = form.querySelector("input").value.trim();
    var t = function (key) { return text(form, key); };
    var show = function (rows, message) { render(manifest, form, rows, message); };
    var failed = function () { show([], t("error")); };
    if (!query) return;
    if (/^[0-9][0-9 .-]*$/.test(query)) {
      byNumber(base, query, function (found) { show(found, found.length ? "" : t("none")); }, failed);
      return;
    }
    withManifest(base, function () {
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
        show(found, best[3] ? t("truncated") : found.length > 50 ? t("many") : found.length ? "" : t("none"));
      }, failed);
    }, failed);
  }

  // The statistics page opened from a lookup (?cari=NUMBER): the participant's own total.
  function ownPosition(note, number) {
    byNumber(note.getAttribute("data-own-position"), number, function (found) {
      if (found.length) markOwnPosition(manifest, note, found[0]);
    }, function () {});
  }


  function text(element, key) { return element.getAttribute("data-t-" + key) || key; }

  // The answer's words in the page's language, from the manifest (LookupData.swift).
  var manifestText = null;
  function texts(manifest) {
    if (!manifestText) {
      var all = manifest.text || {};
      manifestText = all[document.documentElement.lang] || all[Object.keys(all)[0]] || { labels: {} };
    }
    return manifestText;
  }
  function say(manifest, key) { return texts(manifest)[key] || key; }

  // "{name}" placeholders filled in.
  function fill(template, values) {
    return Object.keys(values).reduce(function (result, name) {
      return result.split("{" + name + "}").join(values[name]);
    }, template);
  }

  // The index of the SKD table among the manifest's tables, or -1.
  function skdTable(manifest) {
    return manifest.pages.findIndex(function (p) { return /(^|\/)skd\/$/.test(p); });
  }

  // Decimals come as "72.35"; the page writes them with its own mark.
  function number(manifest, value) {
    var decimal = texts(manifest).decimal || ",";
    return typeof value === "string" && /^[0-9]+\.[0-9]+$/.test(value) ? value.replace(".", decimal) : String(value);
  }

  // A stage's journey: every score beside its passing mark, met or missed by how much,
  // the rank among the formation's participants and the formation's line.
  function journey(manifest, i, detail) {
    var labels = texts(manifest).labels || {};
    var lines = document.createElement("ul");
    lines.className = "journey";
    var marks = detail[3] ? (manifest.marks || {})[detail[3]] || {} : {};
    function line(content, className) {
      var item = document.createElement("li");
      item.textContent = content;
      if (className) item.className = className;
      lines.appendChild(item);
    }
    (manifest.columns[i] || []).forEach(function (id, c) {
      var value = detail[0][c];
      if (value === null || value === "" || id === "status") return;
      if (id === "rank") { line(fill(say(manifest, "rank"), { rank: value, count: detail[1] })); return; }
      if (id === "reason") { line(say(manifest, "reason") + ": " + value); return; }
      var shown = (labels[id] || id) + " " + number(manifest, value);
      if (typeof value === "number" && marks[id] !== undefined) {
        var met = value >= marks[id];
        line(shown + " — " + (met ? fill(say(manifest, "met"), { mark: marks[id] })
          : fill(say(manifest, "missed"), { mark: marks[id], gap: marks[id] - value })), met ? "met" : "missed");
        return;
      }
      line(shown);
    });
    if (detail[2] !== null && detail[2] !== undefined) {
      line(fill(say(manifest, "cutoff"), { value: number(manifest, detail[2]) }));
    }
    return lines;
  }

  // The slip: this participant's journey alone on the printed page, with the site, the
  // announcements it comes from and the SHA-256 of their tables.
  function printSlip(manifest, li) {
    document.querySelectorAll(".slip").forEach(function (old) { old.remove(); });
    var slip = document.createElement("section");
    slip.className = "slip";
    var title = document.createElement("h2");
    title.textContent = manifest.site || document.title;
    slip.appendChild(title);
    var vacancy = document.createElement("p");
    vacancy.textContent = manifest.vacancy || "";
    slip.appendChild(vacancy);
    var copy = li.cloneNode(true);
    copy.querySelectorAll("button, .own-position-link").forEach(function (b) { b.remove(); });
    slip.appendChild(copy);
    var sources = document.createElement("ul");
    sources.className = "slip-sources";
    (manifest.tables || []).forEach(function (table, i) {
      var item = document.createElement("li");
      var local = texts(manifest);
      item.textContent = (local.stages || manifest.stages)[i] + (table.number ? ", " + table.number : "") + ", " +
        ((local.dates || [])[i] || table.published) + ": " + table.file + " SHA-256 " + table.sha256;
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

  // The participant's own SKD total, said in words and marked on the distribution.
  function markOwnPosition(manifest, note, row) {
    var tell = function (key, values) {
      note.textContent = fill(text(note, key), values);
      note.hidden = false;
    };
    var stage = skdTable(manifest);
    var detail = stage >= 0 && row[6] ? row[6][stage] : 0;
    var column = stage >= 0 ? manifest.columns[stage].indexOf("total") : -1;
    var total = detail && column >= 0 ? detail[0][column] : null;
    var who = row[0] + " (" + row[1] + ")";
    if (typeof total !== "number") { tell("own-absent", { participant: who }); return; }
    tell("own", { participant: who, total: total });
    var svg = note.closest("section").querySelector("svg[data-span]");
    if (!svg) return;
    var get = function (name) { return Number(svg.getAttribute("data-" + name)); };
    var x = get("left") + total * get("width") / get("span");
    var ns = "http://www.w3.org/2000/svg";
    var line = document.createElementNS(ns, "line");
    [["x1", x], ["x2", x], ["y1", get("top") - 10], ["y2", get("top") + get("height")], ["stroke", "#b00020"],
      ["stroke-width", 3], ["class", "own-total"]].forEach(function (a) { line.setAttribute(a[0], a[1]); });
    var label = document.createElementNS(ns, "text");
    [["x", x], ["y", get("top") - 12], ["font-size", 12], ["fill", "#b00020"], ["text-anchor", "middle"]]
      .forEach(function (a) { label.setAttribute(a[0], a[1]); });
    label.textContent = String(total);
    svg.appendChild(line);
    svg.appendChild(label);
  }

  // The answer: per participant each stage's status with a link to its row, the journey,
  // the stages still to come, where the SKD total stands, and the slip to print.
  function render(manifest, form, rows, message) {
    var vacancyRoot = form.getAttribute("data-vacancy-root");
    var status = form.querySelector("[role=status]");
    var list = form.querySelector("ol");
    var t = function (key) { return text(form, key); };
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
        link.textContent = (texts(manifest).stages || manifest.stages)[i];
        item.appendChild(link);
        item.appendChild(document.createTextNode(": " + code));
        // A correction changed this status: say what it was.
        if (row[5] && row[5][i]) {
          var was = document.createElement("strong");
          was.className = "changed";
          was.textContent = " " + t("changed").replace("{code}", row[5][i]);
          item.appendChild(was);
        }
        var lines = row[6] && row[6][i] ? journey(manifest, i, row[6][i]) : null;
        if (lines && lines.children.length) item.appendChild(lines);
        stages.appendChild(item);
      });
      // The stages after the last one published are still to come, for a participant whose
      // last status lets them go on (MS, P/L).
      var last = row[3].filter(function (code) { return code; }).pop();
      var goesOn = (manifest.continuing || []).indexOf(last) >= 0;
      (goesOn ? texts(manifest).upcoming || [] : []).forEach(function (label) {
        var item = document.createElement("li");
        item.textContent = label + ": " + say(manifest, "upcoming");
        stages.appendChild(item);
      });
      li.appendChild(stages);
      // With an SKD table: where the participant's total stands among everyone's.
      var skd = skdTable(manifest);
      if (skd >= 0 && row[6] && row[6][skd]) {
        var where = document.createElement("a");
        where.className = "own-position-link";
        where.href = vacancyRoot + "statistik/index.html?cari=" + encodeURIComponent(row[0]) + "#grafik-skd";
        where.textContent = say(manifest, "position");
        li.appendChild(where);
        li.appendChild(document.createTextNode(" "));
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "print-slip";
      button.textContent = say(manifest, "print");
      button.addEventListener("click", function () { printSlip(manifest, li); });
      li.appendChild(button);
      list.appendChild(li);
    });
  }

  window.TerbukaLookupMore = { search: search, ownPosition: ownPosition };
})();
