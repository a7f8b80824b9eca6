// Starts the planner: an async classic script, so that on the full planner's page it starts
// Python's worker at once, before the page has finished loading, then loads the module that
// wires the page. Where modules cannot run (pages opened from disk: file:// URLs block
// module scripts and workers) it shows the message rendered beside each planner instead.
(function () {
  const PLANNERS = ".tw-planner[data-questions]"; // not other widgets styled alike
  const script = document.currentScript;
  const options = { ...script.dataset };
  if (location.protocol === "file:") {
    const unavailable = () => {
      for (const planner of document.querySelectorAll(PLANNERS)) {
        planner.dataset.state = "unavailable";
        planner.querySelector(".tw-unavailable").hidden = false;
      }
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", unavailable);
    else unavailable();
    return;
  }
  let handover = null;
  if (options.start === "now") {
    try {
      const worker = new Worker(new URL("worker.mjs", script.src), { type: "module" });
      const early = []; // events until planner.mjs takes the worker over
      worker.onmessage = (event) => early.push(event);
      worker.onerror = (event) => {
        event.preventDefault();
        early.push(event);
      };
      worker.postMessage({ type: "boot", wheel: new URL(options.wheel, script.src).href });
      handover = { worker, early };
    } catch {
      handover = null; // planner.mjs tries again and reports what fails
    }
  }
  import(new URL("planner.mjs", script.src).href).then((module) => module.run(options, handover));
})();
