// Progressive enhancement only: every page works without this file.
// In the alert queue, j and k move the focus to the next or previous alert.
document.addEventListener("keydown", function (e) {
  if (e.key !== "j" && e.key !== "k" || e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
  var links = Array.prototype.slice.call(document.querySelectorAll("a.alert-link"));
  if (!links.length) return;
  var i = links.indexOf(document.activeElement);
  i = e.key === "j" ? Math.min(i + 1, links.length - 1) : Math.max(i - 1, 0);
  links[i].focus();
  e.preventDefault();
});
