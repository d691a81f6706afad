// Indikator and SKP pages: small enhancements; every page works without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  // A select marked data-autosubmit submits its form when changed (e.g. the year on "SKP bawahan").
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
});
