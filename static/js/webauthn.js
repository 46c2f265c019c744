// Starts allauth's WebAuthn forms (security keys, passkeys) from data attributes, and shows their errors on the page.
(function () {
  "use strict";

  function showError(message) {
    var box = document.querySelector("[data-webauthn-error]");
    if (!box) {
      return;
    }
    box.textContent = message;
    box.hidden = false;
  }

  document.addEventListener("allauth.error", function (event) {
    // allauth logs to the console unless the page handles the error; we tell the person instead.
    event.preventDefault();
    var exception = event.detail && event.detail.exception;
    var cancelled = exception && exception.name === "NotAllowedError";
    showError(
      cancelled
        ? "The security key step was cancelled or timed out. Try again when you are ready."
        : "Your browser could not use a security key or passkey here. Try again, or use a code instead."
    );
  });

  document.addEventListener("DOMContentLoaded", function () {
    var forms = window.allauth && window.allauth.webauthn && window.allauth.webauthn.forms;
    if (!forms || !window.PublicKeyCredential) {
      if (document.querySelector("[data-webauthn]")) {
        showError("This browser cannot use security keys or passkeys.");
      }
      return;
    }
    document.querySelectorAll("[data-webauthn]").forEach(function (element) {
      var start = forms[element.dataset.webauthn];
      if (typeof start === "function") {
        start({ ids: JSON.parse(element.dataset.webauthnIds) });
      }
    });
  });
})();
