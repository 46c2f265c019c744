// Draws the hours log chart from the figures the page embeds; the table beside it holds the same numbers.
(function () {
  "use strict";

  function draw() {
    var canvas = document.getElementById("hours-chart");
    var source = document.getElementById("hours-data");
    if (!canvas || !source || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          {
            label: "Individual hours",
            data: data.individual,
            backgroundColor: "#1d4e5f",
            stack: "credited",
          },
          {
            label: "Group hours credited",
            data: data.groupCredited,
            backgroundColor: "#b3541e",
            stack: "credited",
          },
          {
            label: "Group hours attended",
            data: data.groupAttended,
            backgroundColor: "rgba(179, 84, 30, 0.25)",
            borderColor: "#b3541e",
            borderWidth: 2,
            borderDash: [4, 3],
            stack: "attended",
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
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
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
