// The site menu: a <details> that is a "Menu" button on a phone and always open as one bar on a
// wider screen (the stylesheet hides its button there). Without JavaScript the button still works.
(function () {
  "use strict";
  const wide = window.matchMedia("(min-width: 48rem)");
  function fit() {
    document.querySelectorAll("[data-site-menu]").forEach(function (menu) {
      menu.open = wide.matches;
    });
  }
  document.addEventListener("DOMContentLoaded", fit);
  wide.addEventListener("change", fit);
})();
