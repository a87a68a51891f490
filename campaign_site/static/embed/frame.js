/* Inside a widget iframe: tell the embedding page how tall the widget is, now and
 * whenever it changes, so the loader can size the iframe without scrollbars. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var name = new URLSearchParams(location.search).get("frame") || window.name;
  var last = 0;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "campaign-embed:height", frame: name, height: height }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener("load", report);
  report();
})();
