// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Times: shown in the reader's locale and time zone; the ISO form the
  // server wrote stays in the title, shown on hover. Dates alone (class
  // "date") are calendar days, formatted in UTC so that they keep their day.
  var moment = new Intl.DateTimeFormat(undefined, {dateStyle: "medium", timeStyle: "short"});
  var day = new Intl.DateTimeFormat(undefined, {dateStyle: "medium", timeZone: "UTC"});
  Array.prototype.forEach.call(document.querySelectorAll("time.local[datetime]"), function (t) {
    var d = new Date(t.getAttribute("datetime"));
    if (!isNaN(d)) t.textContent = (t.classList.contains("date") ? day : moment).format(d);
  });
  var tz = document.querySelector(".foot .tz");
  if (tz) tz.textContent = "times in " + Intl.DateTimeFormat().resolvedOptions().timeZone + " (ISO on hover)";

  // The alert queue: the order of its alerts, kept for the alert page's
  // j and k (next and previous alert of the queue as it was sorted).
  var links = Array.prototype.slice.call(document.querySelectorAll("a.alert-link"));
  if (links.length) {
    try {
      sessionStorage.setItem("veto.queue", JSON.stringify(links.map(function (a) { return a.getAttribute("href"); })));
    } catch (err) { /* storage off: j and k stay on the queue page */ }
  }

  // The alert page: its place in the queue, and the decision keys.
  var reason = document.getElementById("decide-reason");
  var queue = [];
  try { queue = JSON.parse(sessionStorage.getItem("veto.queue") || "[]"); } catch (err) { queue = []; }
  var here = queue.indexOf(location.pathname);
  var nav = document.querySelector("nav.queue-nav");
  if (nav && here >= 0) {
    var add = function (i, text, rel) {
      if (i < 0 || i >= queue.length) return;
      var a = document.createElement("a");
      a.href = queue[i];
      a.rel = rel;
      a.textContent = text;
      nav.appendChild(a);
    };
    add(here - 1, "← Previous alert (k)", "prev");
    nav.appendChild(document.createTextNode(" Alert " + (here + 1) + " of " + queue.length + " in the queue "));
    add(here + 1, "Next alert (j) →", "next");
    nav.hidden = false;
  }
  var keys = document.querySelector("p.keys");
  if (keys && (reason || here >= 0)) keys.hidden = false;
  var decisions = {t: "true_match", f: "false_positive", e: "escalate"};

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(e.target.tagName)) return;
    if (links.length && (e.key === "j" || e.key === "k")) {
      // In the queue, j and k move the focus to the next or previous alert.
      var i = links.indexOf(document.activeElement);
      i = e.key === "j" ? Math.min(i + 1, links.length - 1) : Math.max(i - 1, 0);
      links[i].focus();
      e.preventDefault();
      return;
    }
    if (here >= 0 && (e.key === "j" || e.key === "k")) {
      var to = queue[e.key === "j" ? here + 1 : here - 1];
      if (to) location.assign(to);
      e.preventDefault();
      return;
    }
    if (decisionFor(e)) e.preventDefault();
  });
  // t, f, e choose the decision and move to its reason: a decision is
  // never recorded without one. On key up, so that the key's letter is
  // not typed into the reason.
  document.addEventListener("keyup", function (e) {
    var radio = decisionFor(e);
    if (radio) {
      radio.checked = true;
      reason.focus();
    }
  });
  function decisionFor(e) {
    if (!reason || !decisions[e.key] || e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(e.target.tagName)) return null;
    return document.querySelector('input[name="decision"][value="' + decisions[e.key] + '"]');
  }
})();
