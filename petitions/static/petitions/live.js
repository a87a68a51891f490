/* Live figures: the count, the progress towards the goal and the latest signers, read
   every few seconds from the petition's count.json (cached for at most 10 s by every
   layer), so a page served from the cache keeps up with a viral day.
   Without this file the page shows the figures of its cached copy (at most a minute old). */
(function () {
  "use strict";

  var PERIOD_MS = 10000;
  var language = document.documentElement.lang || "en";
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(language) : null;

  function setFigure(root, name, value, display) {
    root.querySelectorAll('[data-live="' + name + '"]').forEach(function (figure) {
      var before = Number(figure.getAttribute("data-value"));
      if (before === value) {
        return;
      }
      // "1 signature" cannot become "2 signature": the grammar around the number is the
      // server's; leave it to the next page load when the plural form would change.
      if (figure.closest("[data-live-plural]")) {
        if (!plurals || plurals.select(before) !== plurals.select(value)) {
          return;
        }
      }
      figure.setAttribute("data-value", String(value));
      figure.textContent = display;
    });
  }

  function setProgress(root, data) {
    root.querySelectorAll('progress[data-live="progress"]').forEach(function (bar) {
      var label = bar.getAttribute("aria-label");
      if (label) {
        bar.setAttribute(
          "aria-label",
          label
            .replace(bar.getAttribute("data-total-display") || "\u0000", data.display.total_signatures)
            .replace(bar.getAttribute("data-goal-display") || "\u0000", data.display.goal)
        );
      }
      bar.setAttribute("data-total-display", data.display.total_signatures);
      bar.setAttribute("data-goal-display", data.display.goal);
      bar.max = data.goal;
      bar.value = data.total_signatures;
      bar.textContent = data.percent + "%";
    });
  }

  function setSigners(signers) {
    document.querySelectorAll("[data-live-signers]").forEach(function (box) {
      var list = box.querySelector("ul");
      var format = box.getAttribute("data-signer-format") || "{name} ({country})";
      if (!list || !signers) {
        return;
      }
      var items = signers.map(function (signer) {
        var item = document.createElement("li");
        item.textContent = signer.country
          ? format.replace("{name}", signer.first_name).replace("{country}", signer.country)
          : signer.first_name;
        return item;
      });
      list.replaceChildren.apply(list, items);
      box.hidden = items.length === 0;
    });
  }

  function remember(root) {
    // A screen reader would read the count aloud every ten seconds: it stays quiet.
    if (root.getAttribute("aria-live") === "polite") {
      root.setAttribute("aria-live", "off");
    }
    // What the server wrote, so the progress bar's label can be rewritten in place.
    var total = root.querySelector('[data-live="total"]');
    var goal = root.querySelector('[data-live="goal"]');
    root.querySelectorAll('progress[data-live="progress"]').forEach(function (bar) {
      if (total && !bar.hasAttribute("data-total-display")) {
        bar.setAttribute("data-total-display", total.textContent);
      }
      if (goal && !bar.hasAttribute("data-goal-display")) {
        bar.setAttribute("data-goal-display", goal.textContent);
      }
    });
  }

  function refresh() {
    if (document.hidden) {
      return;
    }
    // Queried each time: signing replaces the counter with a fresh copy.
    var roots = document.querySelectorAll("[data-live-url]");
    var urls = {};
    roots.forEach(function (root) {
      remember(root);
      var url = root.getAttribute("data-live-url");
      (urls[url] = urls[url] || []).push(root);
    });
    Object.keys(urls).forEach(function (url) {
      fetch(url, { credentials: "omit", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (!data || !data.display) {
            return;
          }
          urls[url].forEach(function (root) {
            setFigure(root, "total", data.total_signatures, data.display.total_signatures);
            setFigure(root, "goal", data.goal, data.display.goal);
            setProgress(root, data);
          });
          if ("recent_signers" in data) {
            setSigners(data.recent_signers);
          }
        })
        .catch(function () {
          // Offline or the site is down: keep what is shown and try again later.
        });
    });
  }

  if (!window.fetch || !document.querySelector("[data-live-url]")) {
    return;
  }
  setInterval(refresh, PERIOD_MS);
  document.addEventListener("visibilitychange", refresh);
})();
