/* A lookup's answer, loaded with the first answer (lookup.js): each participant's stages with
   their journey, the printed result slip, and the own total on the statistics page.
   The data layout is written by LookupData.swift. */
(function () {
  "use strict";

  function text(element, key) { return element.getAttribute("data-t-" + key) || key; }

  // The answer's words in the page's language, from the manifest (LookupData.swift).
  var manifestText = null;
  function words(manifest) {
    if (!manifestText) {
      var all = manifest.text || {};
      manifestText = all[document.documentElement.lang] || all[Object.keys(all)[0]] || { labels: {} };
    }
    return manifestText;
  }
  function say(manifest, key) { return words(manifest)[key] || key; }

  // "{name}" placeholders filled in.
  function fill(template, values) {
    return Object.keys(values).reduce(function (result, name) {
      return result.split("{" + name + "}").join(values[name]);
    }, template);
  }

  // Decimals come as "72.35"; the page writes them with its own mark.
  function number(manifest, value) {
    var decimal = words(manifest).decimal || ",";
    return typeof value === "string" && /^[0-9]+\.[0-9]+$/.test(value) ? value.replace(".", decimal) : String(value);
  }

  // A stage's journey: every score beside its passing mark, met or missed by how much,
  // the rank among the formation's participants and the formation's line.
  function journey(manifest, i, detail) {
    var labels = words(manifest).labels || {};
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

  // The participant's own SKD total, said in words and marked on the distribution.
  function markOwnPosition(manifest, note, row) {
    var tell = function (key, values) {
      note.textContent = fill(text(note, key), values);
      note.hidden = false;
    };
    var stage = manifest.pages.findIndex(function (p) { return /(^|\/)skd\/$/.test(p); });
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
        var lines = row[6] && row[6][i] ? journey(manifest, i, row[6][i]) : null;
        if (lines && lines.children.length) item.appendChild(lines);
        stages.appendChild(item);
      });
      // Stages whose results are not published yet are still to come.
      (manifest.upcoming || []).forEach(function (label) {
        var item = document.createElement("li");
        item.textContent = label + ": " + say(manifest, "upcoming");
        stages.appendChild(item);
      });
      li.appendChild(stages);
      // With an SKD table: where the participant's total stands among everyone's.
      if (manifest.pages.some(function (p) { return /(^|\/)skd\/$/.test(p); })) {
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

  window.TerbukaLookupMore = { render: render, markOwnPosition: markOwnPosition };
})();
