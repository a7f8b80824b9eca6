// Registers the book's service worker (sw.js at the site's root, see offline.py), which
// keeps the book readable offline, once the page has loaded. Once a widget of the page has
// Python running (its runtime is then in the browser's cache), it tells the worker, which
// keeps that runtime too; a widget never started (one never scrolled to) costs no download.
(function () {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  const root = document.documentElement.dataset.content_root ?? "./";
  const worker = new URL(`${root}sw.js`, location.href);
  const LIVE = '.tw-planner[data-state="live"]';
  const pythonRan = new Promise((resolve) => {
    if (document.querySelector(LIVE)) return resolve();
    if (!document.querySelector(".tw-planner")) return; // no widget: never
    const observer = new MutationObserver(() => {
      if (!document.querySelector(LIVE)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { subtree: true, attributeFilter: ["data-state"] });
  });
  const register = () =>
    navigator.serviceWorker
      .register(worker)
      .then(() => Promise.all([navigator.serviceWorker.ready, pythonRan]))
      .then(([registration]) => registration.active?.postMessage("python-ran"))
      .catch(() => {}); // reading offline is an extra: the page works the same without it
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
})();
