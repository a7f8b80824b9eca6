// Runs Python (Pyodide) off the main thread and answers the page with telework.web.respond.
//
// Messages in:  {type: "boot", wheel: URL}
//               {type: "respond", id, pairs: [[question, option], ...], sections: [...],
//                linkBase, headingLevel}
//               {type: "call", id, module: "telework....", name, args: [...]}  (other widgets)
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
      (error) => self.postMessage({ type: "failed", reason: String(error?.message ?? error) }),
    );
  } else if (data.type === "respond" || data.type === "call") {
    try {
      if (!ready) throw new Error("Python has not been started");
      const python = await ready;
      const result = data.type === "respond" ? python.respond(data) : python.call(data);
      self.postMessage({ type: "result", id: data.id, result });
    } catch (error) {
      self.postMessage({ type: "error", id: data.id, reason: String(error?.message ?? error) });
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
  const [answer, call] = py.runPython(`
from importlib import import_module

from telework.web import respond

def answer(pairs, sections, link_base, heading_level):
    raw = {}
    for key, value in pairs:
        raw[key] = value
    return respond(
        raw, link_base=link_base, sections=list(sections) or None, heading_level=heading_level
    )

def call(module, name, args):
    if module != "telework" and not module.startswith("telework."):
        raise ValueError(f"only the telework package can be called, not {module!r}")
    return getattr(import_module(module), name)(*args)

answer, call
`).toJs();
  const run = (fn, ...args) => {
    const pyArgs = args.map((arg) => py.toPy(arg));
    const result = fn(...pyArgs);
    try {
      return result?.toJs
        ? result.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false })
        : result;
    } finally {
      result?.destroy?.();
      pyArgs.forEach((arg) => arg?.destroy?.());
    }
  };
  return {
    respond: ({ pairs, sections, linkBase, headingLevel }) =>
      run(answer, pairs, sections, linkBase, headingLevel),
    call: ({ module, name, args }) => run(call, module, name, args),
  };
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
