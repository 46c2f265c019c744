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

    // Moving between steps of a long form (setUpSteps) saves what was answered straight away.
    form.addEventListener("worksheet:step", function () {
      window.clearTimeout(timer);
      save();
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


  // A long form on a phone: a few questions per screen with "Questions 6-10 of 40", an answered
  // count and Previous/Next buttons that save the draft. Without this script (or on a wider screen)
  // it is the whole form on one page; hidden questions are still posted with the form.
  var PER_STEP = 5;
  var PAGED_FROM = 9; // fields; a shorter form fits a phone well enough on one page
  var NARROW = "(max-width: 47.99rem)";

  function isAnswered(field) {
    var controls = field.querySelectorAll("input, textarea, select");
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i];
      if (control.type === "radio" || control.type === "checkbox") {
        if (control.checked) return true;
      } else if (control.type !== "hidden" && control.value.trim() !== "") {
        return true;
      }
    }
    return false;
  }

  function setUpSteps(form, container) {
    var fields = Array.prototype.filter.call(container.children, function (child) {
      return child.classList.contains("field");
    });
    if (fields.length < PAGED_FROM) return;

    // Steps break at a heading (a section) or after PER_STEP questions.
    var steps = [];
    var current = null;
    Array.prototype.forEach.call(container.children, function (child) {
      var isField = child.classList.contains("field");
      var isHeading = child.tagName === "H2";
      if (current === null || (isHeading && current.fields.length) ||
          (isField && current.fields.length >= PER_STEP)) {
        current = { elements: [], fields: [] };
        steps.push(current);
      }
      current.elements.push(child);
      if (isField) current.fields.push(child);
    });
    if (steps.length < 2) return;

    var ends = Array.prototype.slice.call(form.querySelectorAll("[data-steps-end]"));
    var narrow = window.matchMedia(NARROW);
    // After a refused Submit the page comes back with the problems marked: open the step that
    // holds the first of them, not a later one, and put the cursor there (the person pressed
    // Submit on the last step; a mark on a hidden step was invisible). The fields after the
    // steps ("Anything else") belong to the last step.
    var index = 0;
    var firstError = null;
    steps.some(function (step, position) {
      firstError = step.fields.filter(function (f) { return f.classList.contains("field--error"); })[0] || null;
      if (firstError) index = position;
      return firstError !== null;
    });
    if (!firstError) {
      ends.some(function (element) {
        firstError = element.querySelector(".field--error");
        return firstError !== null;
      });
      if (firstError) index = steps.length - 1;
    }

    var top = document.createElement("div");
    top.className = "steps";
    var where = document.createElement("p");
    where.className = "steps__where";
    where.tabIndex = -1;
    var progress = document.createElement("progress");
    progress.className = "steps__progress";
    progress.max = fields.length;
    progress.id = "steps-progress";
    var answered = document.createElement("label");
    answered.className = "steps__answered";
    answered.htmlFor = progress.id;
    top.appendChild(where);
    top.appendChild(answered);
    top.appendChild(progress);
    container.parentNode.insertBefore(top, container);

    var buttons = document.createElement("div");
    buttons.className = "steps__buttons";
    var previous = document.createElement("button");
    previous.type = "button";
    previous.className = "button";
    previous.textContent = "Previous";
    var next = document.createElement("button");
    next.type = "button";
    next.className = "button button--primary";
    next.textContent = "Next";
    buttons.appendChild(previous);
    buttons.appendChild(next);
    container.parentNode.insertBefore(buttons, container.nextSibling);

    function countAnswered() {
      var count = fields.filter(isAnswered).length;
      progress.value = count;
      answered.textContent = count + " of " + fields.length + " answered";
    }

    function show() {
      var paged = narrow.matches;
      var first = 0;
      steps.forEach(function (step, position) {
        if (position < index) first += step.fields.length;
        step.elements.forEach(function (element) {
          element.hidden = paged && position !== index;
        });
      });
      var last = index === steps.length - 1;
      ends.forEach(function (element) {
        element.hidden = paged && !last;
      });
      top.hidden = !paged;
      buttons.hidden = !paged;
      previous.hidden = index === 0;
      next.hidden = last;
      var count = steps[index].fields.length;
      where.textContent = count === 1
        ? "Question " + (first + 1) + " of " + fields.length
        : "Questions " + (first + 1) + "\u2013" + (first + count) + " of " + fields.length;
      countAnswered();
    }

    function go(step) {
      index = step;
      form.dispatchEvent(new CustomEvent("worksheet:step"));
      show();
      where.focus();
      top.scrollIntoView({ block: "start" });
    }

    previous.addEventListener("click", function () { go(index - 1); });
    next.addEventListener("click", function () { go(index + 1); });
    form.addEventListener("change", countAnswered);
    form.addEventListener("input", countAnswered);
    narrow.addEventListener("change", show);
    show();
    if (firstError) {
      var control = firstError.querySelector("input:not([type=hidden]), textarea, select");
      if (control) control.focus();
    }
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-rows]"), setUpRows);
    var form = document.querySelector("form[data-autosave-url]");
    if (form && window.htmx) setUpAutosave(form);
    var steps = form && form.querySelector("[data-steps]");
    if (steps) setUpSteps(form, steps);
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
