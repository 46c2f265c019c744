// Shows the "make it easier" suggestion while a confidence below 7 is typed; it never blocks saving.
(function () {
  "use strict";

  var input = document.querySelector("[data-confidence]");
  var hint = document.getElementById("confidence-hint");
  if (!input || !hint) return;

  function update() {
    var value = input.value === "" ? null : Number(input.value);
    hint.hidden = !(value !== null && value >= 0 && value < 7);
  }

  input.addEventListener("input", update);
  update();
})();
