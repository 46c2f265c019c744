// Feedback pages: let htmx show refused forms (400) and edit conflicts (409) in place, and move
// focus to what changed so keyboard and screen-reader users know the result. Without JavaScript
// every form posts and the page reloads with the same messages.
(function () {
  "use strict";

  function fromFeedback(event) {
    var target = event.detail.target;
    return target && target.closest && target.closest(".feedback-entry, .comment, .thread");
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if ((status === 400 || status === 409) && fromFeedback(event)) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // The swapped element may be the one replaced, so look in the whole page for what to focus.
  document.addEventListener("htmx:afterSettle", function (event) {
    if (!fromFeedback(event) && !document.querySelector("[data-feedback-focus]")) return;
    var focus =
      document.querySelector("[data-feedback-focus]") ||
      document.querySelector(".feedback-entry .field--error textarea, .feedback-entry .field--error input") ||
      document.querySelector(".comment--editing textarea");
    if (!focus) return;
    focus.removeAttribute("data-feedback-focus");
    focus.focus();
  });
})();
