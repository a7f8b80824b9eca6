// Loads the planner's module, or, where modules cannot run (pages opened from disk: file://
// URLs block module scripts and workers), shows the message rendered beside each planner.
(function () {
  if (location.protocol === "file:") {
    for (const planner of document.querySelectorAll(".tw-planner")) {
      planner.dataset.state = "unavailable";
      planner.querySelector(".tw-unavailable").hidden = false;
    }
    return;
  }
  import(new URL("planner.mjs", document.currentScript.src).href);
})();
