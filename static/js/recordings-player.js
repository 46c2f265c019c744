// The recording page: typing a comment pauses the player and pins the comment to its time;
// a comment's timestamp jumps the player there.
(function () {
  "use strict";

  var player = document.getElementById("recording-player");
  if (!player) {
    return;
  }
  var form = document.querySelector(".comment-form");
  if (form) {
    var seconds = form.querySelector("input[name=seconds]");
    var body = form.querySelector("textarea[name=body]");
    var pin = function () {
      if (!player.paused) {
        player.pause();
      }
      if (body.value.length <= 1 || !seconds.value) {
        seconds.value = (Math.floor(player.currentTime * 10) / 10).toFixed(1);
      }
    };
    body.addEventListener("focus", function () {
      if (!seconds.value) {
        seconds.value = (Math.floor(player.currentTime * 10) / 10).toFixed(1);
      }
    });
    body.addEventListener("input", pin);
    form.addEventListener("submit", function () {
      if (!body.value.trim()) {
        seconds.value = seconds.value || "0";
      }
    });
  }
  document.querySelectorAll("[data-seek]").forEach(function (button) {
    button.addEventListener("click", function () {
      player.currentTime = parseFloat(button.dataset.seek);
      player.focus();
      var playing = player.play();
      if (playing && playing.catch) {
        playing.catch(function () {});
      }
    });
  });
})();
