"""The library is stdlib-only and runs on every CPython from 3.11 found on this machine."""

import shutil
import subprocess
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
