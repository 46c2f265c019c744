// Resumable upload of a recording with tus-js-client: progress, resume after a dropped
// connection (the same file chosen again carries on), then the details form is submitted.
(function () {
  "use strict";

  var form = document.querySelector(".recording-upload");
  if (!form || !window.tus) {
    return;
  }
  var input = document.getElementById("recording-file");
  var hidden = form.querySelector("input[name=upload]");
  var box = form.querySelector(".upload-progress");
  var bar = document.getElementById("upload-progress-bar");
  var status = form.querySelector(".upload-status");
  var submit = form.querySelector("button[type=submit]");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var maxSize = parseInt(form.dataset.maxSize, 10);
  var current = null;

  function say(text) {
    box.hidden = false;
    status.textContent = text;
  }

  function megabytes(bytes) {
    return (bytes / (1024 * 1024)).toFixed(1) + " MB";
  }

  input.addEventListener("change", function () {
    var file = input.files[0];
    hidden.value = "";
    if (current) {
      current.abort();
    }
    if (!file) {
      return;
    }
    if (file.size === 0) {
      say("This file is empty. Choose the recording itself.");
      return;
    }
    if (file.size > maxSize) {
      say("This file is " + megabytes(file.size) + "; recordings can be at most " + megabytes(maxSize) + ".");
      return;
    }
    submit.disabled = true;
    bar.value = 0;
    say("Uploading…");
    current = new window.tus.Upload(file, {
      endpoint: form.dataset.createUrl,
      chunkSize: 8 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      removeFingerprintOnSuccess: true,
      storeFingerprintForResuming: true,
      metadata: { filename: file.name, filetype: file.type },
      headers: { "X-CSRFToken": csrf },
      onProgress: function (sent, total) {
        var percent = Math.floor((sent / total) * 100);
        bar.value = percent;
        status.textContent = "Uploaded " + percent + "% (" + megabytes(sent) + " of " + megabytes(total) + ")";
      },
      onError: function (error) {
        submit.disabled = false;
        var response = error.originalResponse;
        var message = response && response.getBody() ? response.getBody() : "The connection was lost.";
        say(message + " Choose the file again to carry on or to try another.");
      },
      onSuccess: function () {
        var parts = current.url.replace(/\/$/, "").split("/");
        hidden.value = parts[parts.length - 1];
        bar.value = 100;
        submit.disabled = false;
        say("Uploaded and checked. Fill in the details and save the recording.");
      },
    });
    current.findPreviousUploads().then(function (previous) {
      if (previous.length) {
        current.resumeFromPreviousUpload(previous[0]);
      }
      current.start();
    });
  });
})();
