// Loads the planner's module (an async script, so a full planner starts Python early), or,
// where modules cannot run (pages opened from disk: file:// URLs block module scripts and
// workers), shows the message rendered beside each planner.
(function () {
  const options = { ...document.currentScript.dataset };
  if (location.protocol !== "file:") {
    import(new URL("planner.mjs", document.currentScript.src).href).then((m) => m.run(options));
    return;
  }
  const unavailable = () => {
    for (const planner of document.querySelectorAll(".tw-planner")) {
      planner.dataset.state = "unavailable";
      planner.querySelector(".tw-unavailable").hidden = false;
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", unavailable);
  else unavailable();
})();
