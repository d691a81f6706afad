// organisasi pages: copy and share a survey's public link; on the public form, a
// question's error clears as soon as it is answered. No inline script (CSP).
(function () {
  function copyLink(button) {
    const url = button.dataset.shareUrl;
    const done = function () {
      const label = button.querySelector("[data-label]");
      if (label) {
        label.textContent = "Tersalin";
        setTimeout(function () { label.textContent = "Salin"; }, 2000);
      }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done);
      return;
    }
    const input = document.getElementById(button.dataset.copyFrom);
    if (input) {
      input.select();
      document.execCommand("copy");
      done();
    }
  }

  function shareLink(button) {
    navigator.share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl })
      .catch(function () { /* the user closed the share sheet */ });
  }

  function clearError(event) {
    const fieldset = event.target.closest("fieldset[data-question]");
    if (!fieldset) {
      return;
    }
    fieldset.classList.remove("border-danger");
    fieldset.querySelectorAll("[data-error]").forEach(function (node) { node.remove(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-share-action=copy]").forEach(function (button) {
      button.addEventListener("click", function () { copyLink(button); });
    });
    document.querySelectorAll("[data-share-action=share]").forEach(function (button) {
      if (navigator.share) {
        button.hidden = false;
        button.addEventListener("click", function () { shareLink(button); });
      }
    });
    document.querySelectorAll("form[data-survey-form]").forEach(function (form) {
      form.addEventListener("change", clearError);
      form.addEventListener("input", clearError);
    });
  });
})();
