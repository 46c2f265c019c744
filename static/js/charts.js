// The one helper every Chart.js chart goes through. A chart is a canvas naming its data (a
// json_script element, by id, in data-chart) and its kind (data-chart-kind); each kind's builder
// turns that data into a Chart.js configuration. The helper reads the data, adds the settings
// all our charts share and marks the canvas data-chart-drawn once it is drawn. The canvas sits
// in a box (.chart__box) that gives it its height, so a chart never spills over what follows.
(function () {
  "use strict";

  var builders = {};

  // The site's colours (static/css/site.css), so charts and pages agree.
  var COLOURS = {
    ink: "#1b2631",
    brand: "#1d4e5f",
    accent: "#b3541e",
    ok: "#1e6b3a",
    // Engagement's "not attempted": a neutral slate, lighter than the text's muted grey.
    slate: "#5b6b7a",
  };

  function read(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    return source ? JSON.parse(source.textContent) : null;
  }

  function draw(canvas) {
    var build = builders[canvas.getAttribute("data-chart-kind")];
    if (!build || !window.Chart || canvas.hasAttribute("data-chart-drawn")) return;
    var data = read(canvas);
    if (!data) return;
    var config = build(data, canvas);
    // Every chart fills its box and appears at once: the table beside it holds the same figures.
    config.options = Object.assign(
      { responsive: true, maintainAspectRatio: false, animation: false },
      config.options
    );
    new window.Chart(canvas, config);
    canvas.setAttribute("data-chart-drawn", "");
  }

  function drawAll() {
    Array.prototype.forEach.call(document.querySelectorAll("canvas[data-chart-kind]"), draw);
  }

  // Chart scripts load deferred after this one; each registers its kinds, and whatever is on the
  // page is drawn as soon as both the page and the kind's builder are there.
  function register(kind, build) {
    builders[kind] = build;
    if (document.readyState !== "loading") drawAll();
  }

  function axisTitle(text) {
    return { display: true, text: text, color: COLOURS.ink };
  }

  window.cbtCharts = { register: register, colours: COLOURS, axisTitle: axisTitle };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  }
})();
