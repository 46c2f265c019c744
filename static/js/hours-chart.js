// The hours log chart: credited hours per period, stacked by kind; the table beside it holds the same numbers.
(function () {
  "use strict";

  var colours = window.cbtCharts.colours;

  window.cbtCharts.register("hours", function (data) {
    return {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          {
            label: "Individual hours",
            data: data.individual,
            backgroundColor: colours.brand,
            stack: "credited",
          },
          {
            label: "Group hours credited",
            data: data.groupCredited,
            backgroundColor: colours.accent,
            stack: "credited",
          },
          {
            label: "Group hours attended",
            data: data.groupAttended,
            backgroundColor: "rgba(179, 84, 30, 0.25)",
            borderColor: colours.accent,
            borderWidth: 2,
            borderDash: [4, 3],
            stack: "attended",
          },
        ],
      },
      options: {
        scales: {
          x: { stacked: true },
          y: {
            stacked: true,
            beginAtZero: true,
            title: { display: true, text: "Hours" },
          },
        },
        plugins: {
          legend: { position: "bottom" },
          tooltip: { mode: "index", intersect: false },
        },
      },
    };
  });
})();
