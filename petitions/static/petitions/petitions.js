/* Progressive enhancement of the petition form: sign without leaving the page.
   Without this file everything works the same through ordinary form posts. */
(function () {
  "use strict";

  function focus(element) {
    if (element) {
      element.focus();
    }
  }

  function enhanceCopy(root) {
    var button = root.querySelector("[data-copy-link]");
    var input = root.querySelector("#share-url");
    var status = root.querySelector("[data-copy-status]");
    if (!button || !input || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(function () {
        if (status) {
          status.textContent = button.getAttribute("data-copied") || "✓";
        }
      });
    });
  }

  // Scripts in HTML set through innerHTML never run. The under-attack check's widget
  // (campaign_site/templates/abuse/proof_of_work.html) arrives this way when the page was
  // served, from a cache, before editors switched it on: load its scripts, in order.
  function loadProofOfWork(container) {
    if (!container.querySelector("altcha-widget") || window.customElements.get("altcha-widget")) {
      return;
    }
    container.querySelectorAll("script[src]").forEach(function (inert) {
      var script = document.createElement("script");
      Array.prototype.forEach.call(inert.attributes, function (attribute) {
        script.setAttribute(attribute.name, attribute.value);
      });
      script.async = false;
      document.body.appendChild(script);
    });
  }

  function enhance(box) {
    box.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.matches("[data-sign-form]")) {
        return;
      }
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "omit",
      })
        .then(function (response) {
          if (!response.headers.get("Content-Type").includes("application/json")) {
            throw new Error("not JSON");
          }
          return response.json();
        })
        .then(function (data) {
          box.innerHTML = data.html;
          loadProofOfWork(box);
          var counter = document.querySelector("[data-counter]");
          if (data.counter_html && counter) {
            counter.outerHTML = data.counter_html;
          }
          if (data.state === "invalid") {
            focus(box.querySelector("[data-error-summary]"));
          } else {
            enhanceCopy(box);
            focus(box.querySelector("[data-thanks-heading]"));
          }
        })
        .catch(function () {
          // Network trouble or an unexpected answer: post the form the ordinary way.
          form.submit();
        });
    });
    enhanceCopy(box);
  }

  document.querySelectorAll("[data-sign-box]").forEach(enhance);
})();
