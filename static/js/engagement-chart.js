// Draws each engagement chart from the JSON that the page embeds beside it (data table alongside).
(function () {
  if (typeof Chart === "undefined") return;
  const colours = { done: "#1e6b3a", partly: "#b3541e", not_attempted: "#5b6b7a" };
  document.querySelectorAll("canvas[data-engagement]").forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.engagement);
    if (!source) return;
    const data = JSON.parse(source.textContent);
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: "Done", data: data.done, backgroundColor: colours.done },
          { label: "Partly done", data: data.partly, backgroundColor: colours.partly },
          { label: "Not attempted", data: data.not_attempted, backgroundColor: colours.not_attempted },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { position: "bottom" } },
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
  });
})();
