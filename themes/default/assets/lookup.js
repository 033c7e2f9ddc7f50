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
    return s;
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

  // The answer's details (the journey, the slip, the own position on the statistics
  // page) are in lookup-more.js, loaded with the first answer: a page that nobody searches
  // on does not carry them.
  var scriptBase = ((document.currentScript && document.currentScript.src) || "").replace(/[^\/]*$/, "");
  var moreWaiters = null;
  function withMore(done) {
    if (window.TerbukaLookupMore) { done(); return; }
    if (moreWaiters) { moreWaiters.push(done); return; }
    moreWaiters = [done];
    var finish = function () { moreWaiters.splice(0).forEach(function (f) { f(); }); };
    load(scriptBase + "lookup-more.js", finish).onload = finish;
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
    form.hidden = false;

    function show(rows, message) {
      withMore(function () {
        if (window.TerbukaLookupMore) {
          window.TerbukaLookupMore.render(manifest, form, rows, message);
        } else {
          status.textContent = t("error");
        }
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

  var asked = new URLSearchParams(window.location.search).get("cari");
  document.querySelectorAll("[data-own-position]").forEach(function (note) {
    if (asked && /^[0-9][0-9 .-]*$/.test(asked)) {
      var base = note.getAttribute("data-own-position");
      var number = asked.trim();
      withManifest(base, function () {
        withShard(base, "n" + (fnv1a(number) % manifest.numberShards), function (rows) {
          var row = rows.filter(function (r) { return r[0] === number; })[0];
          if (row) withMore(function () { window.TerbukaLookupMore.markOwnPosition(manifest, note, row); });
        }, function () {});
      }, function () {});
    }
  });

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
