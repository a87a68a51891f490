/* Campaign embed loader. Partners paste:
 *   <script async src="https://SITE/embed.js"></script>
 *   <div data-campaign-embed="petition" data-id="12" data-lang="fr"></div>
 * Optional: data-theme="dark", data-partner="KEY", data-filters="category=pow".
 * Each div becomes an iframe of SITE/embed/<kind>/<id>/ that reports its height.
 * No dependencies; keep it under 3 KB gzipped (a test checks). */
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = new URL(script ? script.src : "/", location.href).origin;
  var frames = {};
  var count = 0;

  function scan() {
    var nodes = document.querySelectorAll("[data-campaign-embed]:not([data-campaign-ready])");
    for (var i = 0; i < nodes.length; i++) build(nodes[i]);
  }

  function build(node) {
    var d = node.dataset;
    var kind = d.campaignEmbed;
    if (!/^[a-z]+$/.test(kind) || !/^\d+$/.test(d.id || "")) return;
    var name = "campaign-embed-" + ++count;
    var params = new URLSearchParams(d.filters || "");
    ["lang", "theme", "partner"].forEach(function (key) {
      if (d[key]) params.set(key, d[key]);
    });
    params.set("frame", name);
    var frame = document.createElement("iframe");
    frame.src = origin + "/embed/" + kind + "/" + d.id + "/?" + params;
    frame.name = name;
    frame.title = d.title || "Campaign widget";
    frame.loading = "lazy";
    frame.style.cssText = "width:100%;max-width:" + (d.width || 600) + "px;height:" + (d.height || 480) + "px;border:0;display:block";
    node.setAttribute("data-campaign-ready", "");
    node.appendChild(frame);
    frames[name] = frame;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== "campaign-embed:height") return;
    var frame = frames[data.frame];
    var height = Math.ceil(Number(data.height));
    if (frame && height > 0 && height < 10000) frame.style.height = height + "px";
  });

  window.CampaignEmbed = { scan: scan };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
