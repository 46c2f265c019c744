// Shows the "make it easier" suggestion while a confidence below 7 is typed; it never blocks saving.
(function () {
  const input = document.querySelector("[data-confidence]");
  const hint = document.getElementById("confidence-hint");
  if (!input || !hint) return;
  const update = () => {
    const value = input.value === "" ? null : Number(input.value);
    hint.hidden = !(value !== null && value >= 0 && value < 7);
  };
  input.addEventListener("input", update);
  update();
})();
