// Survey result charts (Chart.js, vendored). Redrawn after every htmx refresh of #hasil.
(function () {
  const charts = [];

  function readData() {
    const node = document.getElementById("data-hasil");
    return node ? JSON.parse(node.textContent) : null;
  }

  function draw() {
    if (typeof Chart === "undefined") {
      return;
    }
    while (charts.length) {
      charts.pop().destroy();
    }
    const data = readData();
    if (!data) {
      return;
    }
    const unsurCanvas = document.getElementById("grafik-unsur");
    if (unsurCanvas && data.unsur.labels.length) {
      const datasets = [{ label: "NRR periode ini", data: data.unsur.nrr, backgroundColor: "#0b5d7a" }];
      if (data.unsur.sebelumnya.length) {
        datasets.push({ label: "Periode sebelumnya", data: data.unsur.sebelumnya, backgroundColor: "#adb5bd" });
      }
      charts.push(new Chart(unsurCanvas, {
        type: "bar",
        data: { labels: data.unsur.labels, datasets: datasets },
        options: {
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { min: 0, max: 4, ticks: { stepSize: 1 } } },
          plugins: { tooltip: { callbacks: { title: function (items) { return data.unsur.names[items[0].dataIndex]; } } } },
        },
      }));
    }
    document.querySelectorAll("canvas.grafik-sebaran").forEach(function (canvas) {
      const sebaran = data.sebaran[canvas.dataset.pertanyaan];
      if (!sebaran) {
        return;
      }
      charts.push(new Chart(canvas, {
        type: "bar",
        data: { labels: sebaran.labels, datasets: [{ label: "Jawaban", data: sebaran.counts, backgroundColor: "#0b5d7a" }] },
        options: { indexAxis: "y", maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } } },
      }));
    });
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();
