// Each engagement chart on the dashboard: homework reviews per week by outcome; the table alongside holds the same figures.
(function () {
  "use strict";

  var colours = window.cbtCharts.colours;

  window.cbtCharts.register("engagement", function (data) {
    return {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: "Done", data: data.done, backgroundColor: colours.ok },
          { label: "Partly done", data: data.partly, backgroundColor: colours.accent },
          { label: "Not attempted", data: data.not_attempted, backgroundColor: colours.slate },
        ],
      },
      options: {
        plugins: { legend: { position: "bottom" } },
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    };
  });
})();
