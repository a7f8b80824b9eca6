// Runs Python (Pyodide) off the main thread and answers the page's widgets by calling
// functions of the telework package (telework.web.respond for the planner).
//
// Messages in:  {type: "boot", wheel: URL}
//               {type: "call", id, module: "telework....", name, args: [...], kwargs: {...}}
// Messages out: {type: "progress", loaded, total} (bytes of the runtime's files received)
//               {type: "ready"} | {type: "failed", reason}
//               {type: "result", id, result} | {type: "error", id, reason}

const BOOT_TIMEOUT_MS = 30000;
const PROGRESS_EVERY_MS = 50;
const RUNTIME = new URL("./pyodide/", import.meta.url).href;
const WASM = `${RUNTIME}pyodide.asm.wasm`;
const STDLIB = `${RUNTIME}python_stdlib.zip`;
const SIZES = `${RUNTIME}sizes.json`; // {file name: bytes} of the files downloaded here

// loadPyodide never settles when the .wasm or the standard library fails to load (it logs
// and waits), so both requests are made here and a failure ends the boot at once.
let failBoot;
const bootFailure = new Promise((_, reject) => {
  failBoot = reject;
});
bootFailure.catch(() => {}); // handled where boot races against it

const progress = { loaded: 0, total: null, reportedAt: -Infinity };
fetch(SIZES)
  .then((response) => (response.ok ? response.json() : null))
  .then((sizes) => {
    progress.total = Object.values(sizes ?? {}).reduce((sum, size) => sum + size, 0) || null;
    reportProgress(0);
  })
  .catch(() => {}); // no total known: no progress reported, nothing else changes

// The runtime asks for these only once its 1 MB of JS has loaded; fetching them (and
// compiling the .wasm) from the start instead runs all of it at the same time.
const earlyWasm = compileWasm(download(WASM));
earlyWasm.catch(() => {}); // reported through failBoot
const earlyStdlib = download(STDLIB);
earlyStdlib.catch((error) => {
  failBoot(new Error(`could not load Python's standard library: ${error?.message ?? error}`));
});
guardRuntimeLoading();

let ready = null;

self.onmessage = async ({ data }) => {
  if (data.type === "boot") {
    ready ??= boot(data.wheel);
    ready.then(
      () => self.postMessage({ type: "ready" }),
      (error) => self.postMessage({ type: "failed", reason: reason(error) }),
    );
  } else if (data.type === "call") {
    try {
      if (!ready) throw new Error("Python has not been started");
      const call = await ready;
      self.postMessage({ type: "result", id: data.id, result: call(data) });
    } catch (error) {
      self.postMessage({ type: "error", id: data.id, reason: reason(error) });
    }
  }
};

async function boot(wheelURL) {
  const wheel = download(wheelURL).then((response) => response.arrayBuffer());
  wheel.catch(() => {}); // reported by the race below, not as an unhandled rejection
  const timeout = new Promise((_, reject) => {
    setTimeout(() => reject(new Error("Python took too long to start")), BOOT_TIMEOUT_MS);
  });
  const settle = (promise) => Promise.race([promise, bootFailure, timeout]);

  const { loadPyodide } = await settle(import(`${RUNTIME}pyodide.mjs`));
  const py = await settle(loadPyodide({ indexURL: RUNTIME }));
  const sitePackages = py.runPython("import site; site.getsitepackages()[0]");
  py.unpackArchive(await settle(wheel), "wheel", { extractDir: sitePackages });
  const call = py.runPython(`
from importlib import import_module

def call(module, name, args, kwargs):
    if module != "telework" and not module.startswith("telework."):
        raise ValueError(f"only the telework package can be called, not {module!r}")
    return getattr(import_module(module), name)(*args, **kwargs)

call
`);
  return ({ module, name, args, kwargs }) => {
    const pyArgs = [module, name, args, kwargs ?? {}].map((arg) => py.toPy(arg));
    const result = call(...pyArgs);
    try {
      return result?.toJs
        ? result.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false })
        : result;
    } finally {
      result?.destroy?.();
      pyArgs.forEach((arg) => arg?.destroy?.());
    }
  };
}

/** What went wrong, in one line: a Python error's message is its whole traceback, whose
 * last line names the exception (readers see this, not the traceback). */
function reason(error) {
  const lines = String(error?.message ?? error).trim().split("\n");
  return lines[lines.length - 1].trim();
}

/** Fetch a file of the runtime, counting its bytes as they arrive (on a copy of the body:
 * the response itself is used whole, so the browser can keep the code compiled from it). */
async function download(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  count(response.clone().body);
  return response;
}

async function count(body) {
  const reader = body.getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      reportProgress(chunk.value.byteLength);
    }
  } catch {
    // a failed download is reported where the response is used
  }
}

/** Add `received` bytes; tell the page every few ms, and when all have come. */
function reportProgress(received) {
  progress.loaded += received;
  const { loaded, total, reportedAt } = progress;
  if (total === null) return;
  const now = performance.now();
  if (received === 0 || loaded >= total || now - reportedAt >= PROGRESS_EVERY_MS) {
    progress.reportedAt = now;
    self.postMessage({ type: "progress", loaded: Math.min(loaded, total), total });
  }
}

/** Compile the runtime's .wasm from a download; any failure ends the boot (see failBoot). */
async function compileWasm(source) {
  try {
    const response = await source;
    const type = response.headers.get("Content-Type") ?? "";
    if (type.split(";")[0].trim() === "application/wasm") {
      return await WebAssembly.compileStreaming(response);
    }
    // Served with another MIME type: streaming would refuse it, the bytes are fine.
    return await WebAssembly.compile(await response.arrayBuffer());
  } catch (error) {
    failBoot(new Error(`could not load Python's WebAssembly: ${error?.message ?? error}`));
    throw error;
  }
}

/** Make the runtime use the .wasm compiled early and the standard library fetched early,
 * without fetching them again. */
function guardRuntimeLoading() {
  WebAssembly.instantiateStreaming = async (_response, imports) => {
    const module = await earlyWasm;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
  const fetchForReal = self.fetch.bind(self);
  self.fetch = (input, init) => {
    const url = String(input?.url ?? input);
    if (url === WASM) return Promise.resolve(new Response(null)); // see instantiateStreaming
    // A failed standard library ends the boot through failBoot; the runtime's own wait is
    // left pending, so that its failure is not thrown a second time, uncaught.
    if (url === STDLIB) return earlyStdlib.catch(() => new Promise(() => {}));
    return fetchForReal(input, init);
  };
}
