/* Keeps opened pages for offline reading when served over http(s); from disk nothing is needed. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var root = document.documentElement.getAttribute("data-root") || "";
  navigator.serviceWorker.register(root + "sw.js").catch(function () {});
})();
