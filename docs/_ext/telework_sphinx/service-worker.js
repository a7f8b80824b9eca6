/* global BUILD, KEPT */
// The book's service worker: its pages readable offline after one visit, and Python's
// runtime kept once Python has run in a page with a widget. The build writes BUILD and KEPT
// above this code (see offline.py): KEPT.precache and KEPT.runtime map each site path to
// the file's integrity; KEPT.pythonPages lists the pages that start Python.
//
// One cache per build, filled only with files matching this build's hashes. A new build
// installs beside the old one and takes over when no open tab uses the old one (the
// reader's next visit); tabs never mix files of two builds.

const CACHE = `telework-${BUILD}`;
const ROOT = new URL("./", self.location.href);
const KEPT_FILES = new Map(Object.entries({ ...KEPT.precache, ...KEPT.runtime }));
const PYTHON_PAGES = new Set(KEPT.pythonPages);

/** The site path a URL asks for ("" and folders mean their index.html), or null. */
function sitePath(url) {
  if (url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) return null;
  let path;
  try {
    path = decodeURIComponent(url.pathname.slice(ROOT.pathname.length));
  } catch {
    return null; // not a name the build wrote
  }
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/** Fetches a kept file from the network, checked against this build's hash, into the cache. */
async function keep(cache, path) {
  const url = new URL(path, ROOT);
  const response = await fetch(url, { integrity: KEPT_FILES.get(path), cache: "no-cache" });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  await cache.put(url, response);
}

let keepingRuntime = null;

/** Keeps the runtime files not kept yet (one run at a time). */
function keepRuntime() {
  keepingRuntime ??= (async () => {
    const cache = await caches.open(CACHE);
    const missing = [];
    for (const path of Object.keys(KEPT.runtime)) {
      if (!(await cache.match(new URL(path, ROOT)))) missing.push(path);
    }
    await Promise.all(missing.map((path) => keep(cache, path)));
  })().finally(() => {
    keepingRuntime = null;
  });
  return keepingRuntime;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => Promise.all(Object.keys(KEPT.precache).map((path) => keep(cache, path)))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("telework-") && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      ),
  );
});

// A page tells when Python has run in it (offline.js); if it is one that starts Python, its
// runtime is kept.
self.addEventListener("message", (event) => {
  const source = event.source;
  if (event.data !== "python-ran" || !source || !("url" in source)) return;
  if (PYTHON_PAGES.has(sitePath(new URL(source.url)))) {
    event.waitUntil(keepRuntime().catch(() => {})); // offline or changed: next time
  }
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const path = request.method === "GET" ? sitePath(new URL(request.url)) : null;
  if (path === null || !KEPT_FILES.has(path)) return; // not this build's: the network as usual
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(new URL(path, ROOT)))
      .then((kept) => kept ?? fetch(request)),
  );
});
