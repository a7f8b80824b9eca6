// Precompile the standard-library modules the web planner imports at start-up.
//
//   node tools/precompile.mjs <pyodide-dir> <wheel> <warm-up-python> <out-zip>
//
// Boots the same Pyodide the site ships (so the bytecode matches its interpreter), installs
// the wheel, runs the warm-up code, then writes a copy of python_stdlib.zip in which every
// module imported so far also has an unchecked-hash .pyc beside its .py. zipimport prefers
// the .pyc, which saves most of the interpreter's start-up time in the browser.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheel, warmUp, outZip] = process.argv.slice(2);
if (!outZip) {
  console.error("usage: node tools/precompile.mjs <pyodide-dir> <wheel> <warm-up-python> <out-zip>");
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
  py.runPython(`
import sys, zipfile
from importlib.util import source_hash
from importlib._bootstrap_external import _code_to_hash_pyc

STDLIB = next(p for p in sys.path if p.endswith(".zip"))
compiled = {}
with zipfile.ZipFile(STDLIB) as stdlib:
    for module in list(sys.modules.values()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
        if origin.startswith(STDLIB + "/") and origin.endswith(".py"):
            name = origin[len(STDLIB) + 1:]
            source = stdlib.read(name)
            code = compile(source, origin, "exec", dont_inherit=True)
            compiled[name[:-3] + ".pyc"] = _code_to_hash_pyc(code, source_hash(source), False)

with open(STDLIB, "rb") as src, open("/tmp/out.zip", "wb") as out:
    out.write(src.read())
with zipfile.ZipFile("/tmp/out.zip", "a", zipfile.ZIP_DEFLATED) as out:
    for name, data in sorted(compiled.items()):
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        out.writestr(info, bytes(data))
print(f"precompiled {len(compiled)} start-up modules")
`);
  writeFileSync(outZip, py.FS.readFile("/tmp/out.zip"));
}
