// Worksheet pages: autosave of drafts through htmx, "add a row" for repeating groups, printing.
// Loaded as a file (no inline script) so it runs under the site's Content Security Policy.
(function () {
  "use strict";

  var SAVE_EVERY_MS = 3000;

  function setUpAutosave(form) {
    var url = form.getAttribute("data-autosave-url");
    var timer = null;
    var dirty = false;
    var stopped = form.hasAttribute("data-autosave-stopped");
    var status = document.getElementById("autosave-status");

    function save() {
      timer = null;
      if (!dirty || stopped) return;
      dirty = false;
      // htmx posts the whole form (hx-trigger="worksheet:autosave"); requests are queued in order.
      window.htmx.trigger(form, "worksheet:autosave");
    }

    // Save at most every few seconds while someone types, and a few seconds after they stop.
    function changed() {
      if (stopped) return;
      dirty = true;
      if (timer === null) timer = window.setTimeout(save, SAVE_EVERY_MS);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);

    // Leaving the page (another tab, another app, closing): save straight away.
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden" && dirty) {
        window.clearTimeout(timer);
        save();
      }
    });
    window.addEventListener("pagehide", function () {
      if (dirty && !stopped && navigator.sendBeacon) {
        navigator.sendBeacon(url, new FormData(form));
        dirty = false;
      }
    });
    // A page restored from the browser's back-forward cache may show an old version: reload it.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) window.location.reload();
    });

    // The submit button posts everything itself; no autosave may race it.
    form.addEventListener("submit", function () {
      window.clearTimeout(timer);
      dirty = false;
      stopped = true;
    });

    // htmx fires swap events on the target; the request's own element is in requestConfig.
    function fromForm(event) {
      var config = event.detail.requestConfig;
      return event.detail.elt === form || (config && config.elt === form);
    }

    // A refused autosave (stale version, already submitted) still shows its explanation.
    document.body.addEventListener("htmx:beforeSwap", function (event) {
      if (fromForm(event) && event.detail.xhr.status >= 400 && event.detail.xhr.status < 500) {
        event.detail.shouldSwap = true;
        event.detail.isError = false;
      }
    });
    document.body.addEventListener("htmx:afterSwap", function (event) {
      if (!fromForm(event) || !status) return;
      if (status.querySelector("[data-autosave-state='stopped']")) {
        stopped = true;
        form.setAttribute("data-autosave-stopped", "");
      }
    });
    document.body.addEventListener("htmx:sendError", function (event) {
      if (!fromForm(event) || !status) return;
      dirty = true;
      status.innerHTML = "";
      var message = document.createElement("p");
      message.className = "autosave autosave--offline";
      message.setAttribute("role", "alert");
      message.textContent =
        "Could not reach the server. Your text is still here and will be saved when the connection returns.";
      status.appendChild(message);
    });
  }

  function setUpRows(container) {
    var extra = Array.prototype.slice.call(container.querySelectorAll("[data-row-extra]"));
    if (!extra.length) return;
    extra.forEach(function (row) {
      row.hidden = true;
    });
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button rows__add";
    button.textContent = "Add a row";
    button.addEventListener("click", function () {
      var next = extra.shift();
      if (!next) return;
      next.hidden = false;
      var first = next.querySelector("input, textarea, select");
      if (first) first.focus();
      if (!extra.length) button.hidden = true;
    });
    container.appendChild(button);
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-rows]"), setUpRows);
    var form = document.querySelector("form[data-autosave-url]");
    if (form && window.htmx) setUpAutosave(form);
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
