// The vendored ALTCHA widget (static/vendor/altcha, its "external" build) brings no worker
// of its own, so the proof of work runs in our copy of its PBKDF2 worker: a script of this
// origin, as the Content-Security-Policy wants.
(function () {
  var script = document.currentScript;
  var workerUrl = script && script.getAttribute("data-worker");
  if (!window.$altcha || !workerUrl) {
    return;
  }
  window.$altcha.algorithms.set("PBKDF2/SHA-256", function () {
    return new Worker(workerUrl);
  });
})();
