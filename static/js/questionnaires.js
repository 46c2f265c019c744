// Questionnaire charts (kinds "profile", "compare" and "history" of static/js/charts.js): a profile
// of scale scores, two results side by side, and a scale over time, each with the scale's bands
// shaded behind it. The same figures are in a table next to every chart; the chart is a picture of
// that table.
(function () {
  "use strict";

  var charts = window.cbtCharts;
  // Light to dark greys with a hint of the brand colour: distinguishable without relying on hue.
  var BAND_FILLS = ["rgba(29, 78, 95, 0.06)", "rgba(29, 78, 95, 0.14)", "rgba(29, 78, 95, 0.24)",
    "rgba(29, 78, 95, 0.34)", "rgba(29, 78, 95, 0.44)"];
  var SERIES = [charts.colours.brand, charts.colours.accent];
  var INK = charts.colours.ink;

  function fill(index) {
    return BAND_FILLS[Math.min(index, BAND_FILLS.length - 1)];
  }

  // Bands are inclusive on a grid (e.g. 1-2.49 and 2.5-3.99); drawn, each reaches the next's start.
  function spans(bands, axisMax) {
    var sorted = bands.slice().sort(function (a, b) { return a.min - b.min; });
    return sorted.map(function (band, index) {
      var next = sorted[index + 1];
      return { label: band.label, from: band.min, to: next ? next.min : Math.max(band.max, axisMax) };
    });
  }

  // Horizontal charts: each category row gets its own scale's bands, shaded across the row.
  var rowBands = {
    id: "rowBands",
    beforeDatasetsDraw: function (chart, args, options) {
      var rows = options.bands || [];
      var x = chart.scales.x;
      var y = chart.scales.y;
      var ctx = chart.ctx;
      var step = rows.length > 1 ? Math.abs(y.getPixelForValue(1) - y.getPixelForValue(0)) : y.height;
      ctx.save();
      ctx.font = "11px system-ui, sans-serif";
      ctx.textBaseline = "top";
      rows.forEach(function (bands, row) {
        var centre = y.getPixelForValue(row);
        var top = centre - step * 0.45;
        var height = step * 0.9;
        spans(bands, x.max).forEach(function (span, index) {
          var left = x.getPixelForValue(span.from);
          var right = x.getPixelForValue(span.to);
          ctx.fillStyle = fill(index);
          ctx.fillRect(left, top, right - left, height);
          ctx.strokeStyle = "rgba(27, 38, 49, 0.35)";
          ctx.beginPath();
          ctx.moveTo(left, top);
          ctx.lineTo(left, top + height);
          ctx.stroke();
          // A label only where it fits inside its band, so neighbouring labels never overlap.
          if (ctx.measureText(span.label).width + 6 < right - left) {
            ctx.fillStyle = INK;
            ctx.fillText(span.label, left + 3, top + 2);
          }
        });
      });
      ctx.restore();
    },
  };

  // Charts over time: the scale's bands as horizontal stripes behind the line.
  var stripeBands = {
    id: "stripeBands",
    beforeDatasetsDraw: function (chart, args, options) {
      var bands = options.bands || [];
      var x = chart.scales.x;
      var y = chart.scales.y;
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = "11px system-ui, sans-serif";
      ctx.textBaseline = "bottom";
      spans(bands, y.max).forEach(function (span, index) {
        var bottom = y.getPixelForValue(span.from);
        var top = y.getPixelForValue(span.to);
        ctx.fillStyle = fill(index);
        ctx.fillRect(x.left, top, x.right - x.left, bottom - top);
        if (bottom - top > 14) {
          ctx.fillStyle = INK;
          ctx.fillText(span.label, x.left + 4, bottom - 2);
        }
      });
      ctx.restore();
    },
  };

  function horizontal(data, canvas) {
    var datasets = data.series.map(function (series, index) {
      return {
        label: series.label,
        data: series.values,
        backgroundColor: SERIES[index % SERIES.length],
        borderColor: INK,
        borderWidth: 1,
        barPercentage: data.series.length > 1 ? 0.7 : 0.45,
        categoryPercentage: 0.8,
      };
    });
    var box = canvas.parentNode;
    // The box grows with the number of scales (set through the DOM, which the CSP allows).
    box.style.height = Math.max(160, data.labels.length * (data.series.length > 1 ? 52 : 40) + 70) + "px";
    return {
      type: "bar",
      data: { labels: data.labels, datasets: datasets },
      plugins: [rowBands],
      options: {
        indexAxis: "y",
        scales: {
          x: { min: data.axis.min, max: data.axis.max, title: charts.axisTitle(data.unit), ticks: { color: INK } },
          y: { ticks: { color: INK, autoSkip: false } },
        },
        plugins: {
          legend: { display: data.series.length > 1, labels: { color: INK } },
          rowBands: { bands: data.bands },
        },
      },
    };
  }

  function overTime(data) {
    return {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, index) {
          return {
            label: series.label,
            data: series.values,
            borderColor: SERIES[index % SERIES.length],
            backgroundColor: SERIES[index % SERIES.length],
            pointRadius: 4,
            spanGaps: false,
          };
        }),
      },
      plugins: [stripeBands],
      options: {
        scales: {
          y: { min: data.axis.min, max: data.axis.max, title: charts.axisTitle(data.unit), ticks: { color: INK } },
          x: { ticks: { color: INK } },
        },
        plugins: { legend: { display: false }, stripeBands: { bands: data.bands } },
      },
    };
  }

  charts.register("profile", horizontal);
  charts.register("compare", horizontal);
  charts.register("history", overTime);
})();
