// Registers the book's service worker (sw.js at the site's root, see offline.py), which
// keeps the book readable offline, once the page has loaded; then tells it this page is
// open, so that a page using Python gets Python's runtime kept as well.
(function () {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  const root = document.documentElement.dataset.content_root ?? "./";
  const worker = new URL(`${root}sw.js`, location.href);
  const register = () =>
    navigator.serviceWorker
      .register(worker)
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active?.postMessage("opened"))
      .catch(() => {}); // reading offline is an extra: the page works the same without it
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
})();
