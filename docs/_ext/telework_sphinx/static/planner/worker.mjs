// Runs Python (Pyodide) off the main thread and answers the page's widgets by calling
// functions of the telework package (telework.web.respond for the planner).
//
// Messages in:  {type: "boot", wheel: URL}
//               {type: "call", id, module: "telework....", name, args: [...], kwargs: {...}}
// Messages out: {type: "ready"} | {type: "failed", reason}
//               {type: "result", id, result} | {type: "error", id, reason}

const BOOT_TIMEOUT_MS = 30000;
const RUNTIME = new URL("./pyodide/", import.meta.url).href;
const WASM = `${RUNTIME}pyodide.asm.wasm`;

// loadPyodide never settles when the .wasm fails to load (it logs and waits), so the
// wasm request is watched here and a failure ends the boot at once.
let failBoot;
const bootFailure = new Promise((_, reject) => {
  failBoot = reject;
});
bootFailure.catch(() => {}); // handled where boot races against it

// The runtime asks for its .wasm only once its 1 MB of JS has loaded; fetching and
// compiling it from the start instead runs both at the same time.
const earlyWasm = compileWasm(fetch(WASM, { credentials: "same-origin" }));
earlyWasm.catch(() => {}); // reported through failBoot
guardWasmLoading();

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
  const wheel = fetch(wheelURL).then((response) => {
    if (!response.ok) throw new Error(`${wheelURL}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
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

/** Compile the runtime's .wasm from a fetch; any failure ends the boot (see failBoot). */
async function compileWasm(source) {
  try {
    const response = await source;
    if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
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

/** Make the runtime instantiate the module compiled early, without fetching it again. */
function guardWasmLoading() {
  WebAssembly.instantiateStreaming = async (_response, imports) => {
    const module = await earlyWasm;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
  const fetchForReal = self.fetch.bind(self);
  self.fetch = (input, init) =>
    String(input?.url ?? input) === WASM
      ? Promise.resolve(new Response(null)) // only handed to instantiateStreaming above
      : fetchForReal(input, init);
}
