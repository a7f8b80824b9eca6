"""The library is stdlib-only and runs on every CPython from 3.11 found on this machine."""

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PYODIDE = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"
PYODIDE_PYTHON = "3.14"
PYODIDE_RUN = """
import { loadPyodide } from "pyodide";
const py = await loadPyodide({ stdout: console.log, stderr: console.error });
py.FS.mkdirTree("%s");
py.FS.mount(py.FS.filesystems.NODEFS, { root: "%s" }, "%s");
py.runPython(process.argv[1]);
""" % ((str(SRC),) * 3)
SMOKE = """
import sys, telework
from telework.analysis import analyse
assert analyse(telework.load_guide()).ok
c = telework.plan({"situation": "current", "stage": "maybe", "maybe_offer": "work"})
assert "maybe-extra-work" in c.item_ids()
renderers = (telework.render_html, telework.render_markdown, telework.render_text)
for render in (*renderers, telework.render_json):
    assert render(c)
print(sys.version_info[:2], len(c.item_ids()))
"""
VERSIONS = ["3.11", "3.12", "3.13", "3.14"]


@pytest.mark.parametrize("version", VERSIONS)
def test_library_runs_on_python(version: str) -> None:
    # pyenv's shims name interpreters that are not active; look for the real binaries first
    found = sorted(Path.home().glob(f".pyenv/versions/{version}.*/bin/python{version}"))
    python = str(found[-1]) if found else shutil.which(f"python{version}")
    code = f"import sys; sys.path.insert(0, {str(SRC)!r})\n{SMOKE}"
    if python is not None:
        command = [python, "-I", "-c", code]
    elif version == PYODIDE_PYTHON and PYODIDE.exists() and shutil.which("node"):
        command = ["node", "--input-type=module", "-e", PYODIDE_RUN, code]
    else:
        pytest.skip(f"neither CPython {version} nor Pyodide with Node.js is installed here")
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert f"({version.split('.')[0]}, {version.split('.')[1]})" in result.stdout


BROWSER_RUN = """
import { readFileSync } from "node:fs";
const [runtime, wheel, code] = process.argv.slice(1);
try {
  const { loadPyodide } = await import(`${runtime}/pyodide.mjs`);
  const py = await loadPyodide({ indexURL: `${runtime}/`, stdout: console.log });
  const sitePackages = py.runPython("import site; site.getsitepackages()[0]");
  py.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir: sitePackages });
  py.runPython(code);
} catch (error) {
  console.error(error.message); // Python's traceback, not the runtime's minified source
  process.exit(1);
}
"""
NOTEBOOK_ONLY = "widgets"
"""The name of the modules that need ipywidgets (the notebook extra): not for browsers."""


def public_modules() -> list[str]:
    """Every module of the package, by its file, but `__main__` and other `_name`s."""
    names = []
    for path in sorted((SRC / "telework").rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if not any(part.startswith("_") for part in parts):
            names.append(".".join(parts))
    return names


def test_the_site_s_trimmed_standard_library_runs_every_public_module(built_site: Path) -> None:
    """The book ships a standard library holding only what the package imports: in that
    Pyodide, with the book's own wheel, every public module imports and the library works."""
    if not shutil.which("node"):
        pytest.skip("Node.js is not installed here")
    runtime = built_site / "_static" / "planner" / "pyodide"
    wheel = next((built_site / "_static" / "planner").glob("telework-*.whl"))
    modules = [name for name in public_modules() if name.split(".")[-1] != NOTEBOOK_ONLY]
    assert {"telework", "telework.web", "telework.proposal.web", "telework.trial.web"} <= set(
        modules
    )
    assert "telework.rehearse.web" in modules
    code = "".join(f"import {name}\n" for name in modules) + SMOKE
    code += "assert telework.proposal.web.respond({}, {})\n"
    command = ["node", "--input-type=module", "-e", BROWSER_RUN, str(runtime), str(wheel), code]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "(3, 14)" in result.stdout

    with zipfile.ZipFile(runtime / "python_stdlib.zip") as stdlib:
        names = set(stdlib.namelist())
    assert "tomllib/__init__.pyc" in names  # the guide's data is TOML
    assert "unittest/__init__.pyc" not in names  # never imported by the package
    assert not any(name.endswith(".py") for name in names)  # compiled ahead, all of it
