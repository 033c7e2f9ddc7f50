/* Site-wide search from file:// or a server. The index is plain scripts loaded with
   <script> tags (no fetch, no modules): data/search.js lists the word keys, and one shard,
   data/search-<n>.js, holds the entries with a word under the key of the rarest word typed
   (SearchRendering.swift), so that a search loads the keys and one shard. */
(function () {
  "use strict";
  var keys = null;
  var keyWaiters = [];
  var shards = {};
  var shardWaiters = {};
  window.TerbukaSearch = {
    keys: function (data) {
      keys = data.keys;
      keyWaiters.splice(0).forEach(function (f) { f(); });
    },
    shard: function (number, rows) {
      shards[number] = rows;
      (shardWaiters[number] || []).splice(0).forEach(function (f) { f(); });
    }
  };
  function load(src, fail) {
    var script = document.createElement("script");
    script.src = src;
    script.onerror = fail;
    document.head.appendChild(script);
  }
  // As SearchWords in Swift: lower case (final sigma as sigma), accents dropped, runs of
  // letters and digits, lengths in code points.
  function words(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u03c2/g, "\u03c3")
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(function (w) { return Array.from(w).slice(0, 48).join(""); });
  }
  // The key that holds a word: the longest prefix key, or the word itself ("word$").
  function keyOf(word) {
    var found = null;
    var longer = false;
    keys.forEach(function (entry) {
      var key = entry[0];
      var exact = key[key.length - 1] === "$";
      var stem = exact ? key.slice(0, -1) : key;
      if (exact ? stem === word : word.indexOf(stem) === 0) {
        if (!found || found[0].length < key.length) found = entry;
      } else if (stem.indexOf(word) === 0) {
        longer = true;
      }
    });
    return { entry: found, longer: longer };
  }
  document.querySelectorAll("form.site-search").forEach(function (form) {
    var input = form.querySelector("input");
    var status = form.querySelector("[role=status]");
    var list = form.querySelector("ol");
    var base = form.getAttribute("data-root") + form.getAttribute("data-prefix");
    var data = form.getAttribute("data-index");
    var t = function (key) { return form.getAttribute("data-t-" + key) || key; };
    var failed = function () { status.textContent = t("error"); };
    form.hidden = false;
    function withKeys(done) {
      if (keys) { done(); return; }
      keyWaiters.push(done);
      if (keyWaiters.length === 1) load(data, failed);
    }
    function withShard(number, done) {
      if (shards[number]) { done(); return; }
      var waiting = shardWaiters[number] = shardWaiters[number] || [];
      waiting.push(done);
      if (waiting.length === 1) load(data.replace(/search\.js$/, "search-" + number + ".js"), failed);
    }
    function show(found, message) {
      status.textContent = message;
      found.slice(0, 50).forEach(function (e) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = base + e[2];
        link.textContent = e[0];
        item.appendChild(link);
        item.appendChild(document.createTextNode(" — " + e[1]));
        list.appendChild(item);
      });
    }
    function search() {
      var wanted = words(input.value);
      list.textContent = "";
      if (!wanted.length) return;
      // Search by the word whose key holds the fewest entries; shorter words only narrow.
      var best = null;
      var bestPartial = false;
      var tooShort = true;
      var missing = false;
      wanted.forEach(function (word) {
        if (Array.from(word).length < 3) return;
        tooShort = false;
        var key = keyOf(word);
        if (!key.entry) { if (!key.longer) missing = true; return; }
        if (!best || key.entry[2] < best[2]) {
          best = key.entry;
          // The word's own key ("word$") holds only that word; longer words starting with
          // it are under other keys.
          bestPartial = key.longer;
        }
      });
      if (tooShort) { show([], t("short")); return; }
      if (missing) { show([], t("none")); return; }
      if (!best) { show([], t("more")); return; }
      withShard(best[1], function () {
        var found = shards[best[1]].filter(function (e) {
          var have = words(e[0] + " " + e[3]);
          return wanted.every(function (w) { return have.some(function (h) { return h.indexOf(w) === 0; }); });
        });
        show(found, best[3] ? t("truncated") : bestPartial ? t("more") : found.length > 50 ? t("many")
          : found.length ? "" : t("none"));
      });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      withKeys(search);
    });
  });
})();
