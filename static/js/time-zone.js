// Tells the server the browser's time zone once, while the person's own zone is still unknown,
// so that "today", "overdue" and reminder times follow where they are (supervision.views.people).
(function () {
  "use strict";
  var body = document.body;
  var address = body.getAttribute("data-time-zone-report");
  if (!address || !window.Intl || !window.fetch) {
    return;
  }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) {
    return;
  }
  var headers = JSON.parse(body.getAttribute("hx-headers") || "{}");
  var form = new URLSearchParams();
  form.append("timezone", zone);
  fetch(address, {
    method: "POST",
    credentials: "same-origin",
    headers: { "X-CSRFToken": headers["X-CSRFToken"] || "" },
    body: form,
  }).catch(function () {
    // Not worth disturbing the person: the zone can be set on the preferences page.
  });
})();
