// The tool widgets (proposal, rehearsal, trial) on a page opened from disk: file:// URLs
// block module scripts and workers, so the widgets' own scripts never run there. This
// classic script says so in each widget, with the advice to serve the book over http, and
// hides what would do nothing: the widget's form and actions.
(function () {
  if (location.protocol !== "file:") return;
  for (const root of document.querySelectorAll(".tw-planner[data-unavailable]")) {
    root.dataset.state = "unavailable"; // the stylesheets hide the forms
    root.querySelector(".tw-status").textContent =
      `${root.dataset.unavailable} ${root.dataset.fromDisk}`;
    root.querySelector(".tw-actions").hidden = true;
  }
})();
