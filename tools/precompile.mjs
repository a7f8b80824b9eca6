// Precompile the Python modules the web planner imports at start-up.
//
//   node tools/precompile.mjs <pyodide-dir> <wheel> <warm-up-python> <out-dir>
//
// Boots the same Pyodide the site ships (so the bytecode matches its interpreter), installs
// the wheel, runs the warm-up code (which imports everything the package can import, and
// raises an error as a failing call would), then writes to <out-dir>:
//   python_stdlib.zip  the runtime's standard library trimmed to the modules imported so
//                      far, each as a .pyc only, stored uncompressed (the host's brotli
//                      compresses the whole file far better than zip's deflate does);
//   site-packages/     the wheel's imported modules as __pycache__/*.pyc, to add to the wheel.
// The .pyc files are "unchecked hash" ones: used without looking at the source's date.
// Compiling nothing in the browser saves most of the interpreter's start-up time.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheel, warmUp, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node tools/precompile.mjs <pyodide-dir> <wheel> <warm-up-python> <out-dir>");
  process.exit(2);
}

try {
  await precompile();
} catch (error) {
  // Only the message: a stack would quote a line of the minified runtime.
  console.error(String(error.message ?? error));
  process.exit(1);
}

async function precompile() {
  const { loadPyodide } = await import(pathToFileURL(resolve(pyodideDir, "pyodide.mjs")).href);
  const py = await loadPyodide({ indexURL: resolve(pyodideDir) + "/" });
  const sitePackages = py.runPython("import site; site.getsitepackages()[0]");
  py.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir: sitePackages });
  py.runPython(warmUp);
  try {
    py.runPython("raise ValueError('how a failing call is reported')");
  } catch {
    // expected: formatting the error imports what a failing call in the browser needs
  }
  py.runPython(`
import importlib.util, sys, zipfile
from pathlib import Path
from importlib._bootstrap_external import _code_to_hash_pyc

STDLIB = next(p for p in sys.path if p.endswith(".zip"))
SITE = "${sitePackages}"
OUT = Path("/tmp/precompiled")

def pyc(source, origin):
    code = compile(source, origin, "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), False))

origins = [getattr(getattr(m, "__spec__", None), "origin", None) or "" for m in list(sys.modules.values())]
stdlib_pycs = {}
with zipfile.ZipFile(STDLIB) as stdlib:
    for origin in origins:
        if origin.startswith(STDLIB + "/") and origin.endswith(".py"):
            name = origin[len(STDLIB) + 1:]
            stdlib_pycs[name[:-3] + ".pyc"] = pyc(stdlib.read(name), origin)
site_pycs = 0
for origin in origins:
    if origin.startswith(SITE + "/") and origin.endswith(".py"):
        target = OUT / "site-packages" / Path(importlib.util.cache_from_source(origin)).relative_to(SITE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pyc(Path(origin).read_bytes(), origin))
        site_pycs += 1

with zipfile.ZipFile(OUT / "python_stdlib.zip", "w", zipfile.ZIP_STORED) as out:
    for name, data in sorted(stdlib_pycs.items()):
        out.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data)
print(f"precompiled {len(stdlib_pycs)} standard-library and {site_pycs} package modules")
`);
  copyOut(py, "/tmp/precompiled", outDir);
}

function copyOut(py, from, to) {
  mkdirSync(to, { recursive: true });
  for (const name of py.FS.readdir(from)) {
    if (name === "." || name === "..") continue;
    const path = `${from}/${name}`;
    if (py.FS.isDir(py.FS.stat(path).mode)) copyOut(py, path, join(to, name));
    else writeFileSync(join(to, name), py.FS.readFile(path));
  }
}
