"""What the web planner runs on, copied into the built site: Pyodide, a wheel of `telework`, the JS.

Pyodide comes from the npm package pinned in package-lock.json (`npm ci` puts it in
node_modules/pyodide). Only the files a browser needs are copied, with a small lock file
carrying the runtime's real ABI. The standard library is shipped trimmed to the modules
the package can import, precompiled (tools/precompile.mjs), and so is the wheel: the
browser compiles no Python, which more than halves the time to a live planner, and
downloads a fifth of the standard library.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[3]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
SOURCE = ROOT / "src" / "telework"
STATIC = Path(__file__).resolve().parent / "static"
CACHE = ROOT / "node_modules" / ".cache" / "telework-planner"
"""Precompiled standard libraries, by input hash (npm's usual cache place)."""
PRECOMPILE = ROOT / "tools" / "precompile.mjs"
PRECOMPRESS = ROOT / "tools" / "precompress.mjs"
COMPRESSED = CACHE.parent / "telework-compressed"
"""Brotli and gzip copies of the site's files, by content hash."""

USES_PLANNER_FILES = "telework-planner-files"
"""Page metadata key set on pages that load the planner's files (see `uses_planner_files`)."""
STATIC_SUBDIR = "planner"
"""The planner's folder in the site's _static/ (the package's static/planner/ goes there too)."""
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
STDLIB = "python_stdlib.zip"
SIZES = "sizes.json"
"""Sizes of the files the worker downloads itself, for its progress reports (worker.mjs)."""
FIRST_CALL = "telework.web.respond({})"
"""What the planner's worker runs first (it reads the guide's data)."""
WHEEL_TAG = "py3-none-any"


def project_version() -> tuple[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return str(project["name"]), str(project["version"])


def wheel_name() -> str:
    name, version = project_version()
    return f"{name}-{version}-{WHEEL_TAG}.whl"


def build_wheel(out_dir: Path, compiled: Path | None = None) -> Path:
    """Write a pure-Python wheel of src/telework (code, data, py.typed) and return its path.

    `compiled` is a site-packages folder of precompiled ``__pycache__/*.pyc`` to include.
    """
    name, version = project_version()
    dist_info = f"{name}-{version}.dist-info"
    files: dict[str, bytes] = {}
    for path in sorted(SOURCE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files[f"{name}/{path.relative_to(SOURCE).as_posix()}"] = path.read_bytes()
    if compiled is not None:
        for path in sorted(compiled.rglob("*.pyc")):
            files[path.relative_to(compiled).as_posix()] = path.read_bytes()
    files[f"{dist_info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode()
    )
    files[f"{dist_info}/WHEEL"] = (
        f"Wheel-Version: 1.0\nGenerator: telework_sphinx\nRoot-Is-Purelib: true\nTag: {WHEEL_TAG}\n"
    ).encode()
    record = [f"{name},sha256={_digest(data)},{len(data)}" for name, data in files.items()]
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()

    out_dir.mkdir(parents=True, exist_ok=True)
    wheel = out_dir / wheel_name()
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, zipfile.ZIP_DEFLATED)
    return wheel


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def lock_file() -> str:
    """A lock with no packages and the runtime's own `info` (its ABI must match the runtime's)."""
    info = json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    return json.dumps({"info": info, "packages": {}}, indent=1) + "\n"


def warm_up() -> str:
    """The Python precompiling runs: it imports every module of the package that a browser
    can load (not `__main__`, nor modules needing packages outside the standard library)
    and every standard-library module named in the package's source (some are imported
    inside functions), then makes the first call. The trimmed standard library holds
    what this imports, and nothing else."""
    package = SOURCE.name
    modules: list[str] = []
    stdlib: set[str] = set()
    for path in sorted(SOURCE.rglob("*.py")):
        parts = path.relative_to(SOURCE.parent).with_suffix("").parts
        tops = {name: name.split(".")[0] for name in _absolute_imports(path)}
        in_stdlib = {name for name, top in tops.items() if top in sys.stdlib_module_names}
        if parts[-1] != "__main__" and set(tops.values()) <= {package, *sys.stdlib_module_names}:
            modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
        stdlib |= in_stdlib
    imports = sorted(stdlib) + modules
    return "".join(f"import {name}\n" for name in imports) + FIRST_CALL + "\n"


def _absolute_imports(source: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_bytes())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names - {"__future__"}


def precompile(wheel: Path, cache_dir: Path) -> Path:
    """Precompiled start-up modules for `wheel` (see tools/precompile.mjs), cached by input.

    Returns a folder holding python_stdlib.zip and site-packages/.
    """
    key = hashlib.sha256()
    for part in (PYODIDE_DIR / STDLIB, PYODIDE_DIR / "pyodide.asm.wasm", wheel, PRECOMPILE):
        key.update(part.read_bytes())
    code = warm_up()
    key.update(code.encode())
    cached = cache_dir / key.hexdigest()[:16]
    if (cached / STDLIB).exists():
        return cached
    partial = cached.with_suffix(".partial")
    shutil.rmtree(partial, ignore_errors=True)
    args = [_node(), str(PRECOMPILE), str(PYODIDE_DIR), str(wheel), code, str(partial)]
    done = subprocess.run(args, capture_output=True, text=True, check=False, timeout=300)
    if done.returncode != 0:
        raise ExtensionError(f"precompiling Python for the web planner failed:\n{done.stderr}")
    logger.info("[planner] %s", done.stdout.strip())
    for old in cache_dir.iterdir():  # one entry is enough: drop those of earlier inputs
        if old != partial and old != wheel.parent:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    partial.replace(cached)
    return cached


def precompress(app: Sphinx, exception: Exception | None) -> None:
    """On build-finished: brotli and gzip copies beside the site's files (tools/precompress.mjs),
    which hosts honouring precompressed files send, and tools/serve.py too."""
    if exception is None:
        logger.info("[planner] %s", compress_site(Path(app.outdir)))


def compress_site(outdir: Path) -> str:
    """Brotli and gzip copies beside the files of the built site `outdir`, replacing those
    of an earlier build; returns what was done."""
    args = [_node(), str(PRECOMPRESS), str(outdir), str(COMPRESSED)]
    done = subprocess.run(args, capture_output=True, text=True, check=False, timeout=600)
    if done.returncode != 0:
        raise ExtensionError(f"compressing the built site failed:\n{done.stderr}")
    return done.stdout.strip()


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise ExtensionError("the web planner needs Node.js (`node`) to build its files")
    return node


def check_pyodide() -> None:
    needed = (*RUNTIME_FILES, STDLIB, "pyodide-lock.json")
    missing = [name for name in needed if not (PYODIDE_DIR / name).exists()]
    if missing:
        raise ExtensionError(
            f"Pyodide is missing from {PYODIDE_DIR} ({', '.join(missing)}); "
            "run `npm ci` in the repository root"
        )


def stage_runtime(app: Sphinx) -> None:
    """On builder-inited: stage Pyodide and the wheel as static files of HTML builds.

    Sphinx copies static paths before writing pages, so the pages' asset links get their
    checksums; the planner's own JS and CSS are a static path of the package itself.
    """
    if app.builder.format != "html":
        return
    check_pyodide()
    staged = Path(app.doctreedir) / "planner-static"
    runtime = staged / STATIC_SUBDIR / "pyodide"
    runtime.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        _copy(PYODIDE_DIR / name, runtime / name)
    (runtime / "pyodide-lock.json").write_text(lock_file(), encoding="utf-8")
    compiled = precompile(build_wheel(CACHE / "source"), CACHE)
    wheel = build_wheel(runtime.parent, compiled / "site-packages")
    _copy(compiled / STDLIB, runtime / STDLIB)
    downloads = (runtime / "pyodide.asm.wasm", runtime / STDLIB, wheel)
    sizes = {path.name: path.stat().st_size for path in downloads}
    (runtime / SIZES).write_text(json.dumps(sizes) + "\n", encoding="utf-8")
    app.config.html_static_path.extend([str(STATIC), str(staged)])
    app.connect("build-finished", precompress, priority=900)  # after every file is final
    # The widgets' own code counts too: Sphinx does not track an extension's source.
    digest = _tree_digest(STATIC, staged, Path(__file__).parent.glob("*.py"))
    app.telework_runtime_digest = digest  # type: ignore[attr-defined]


def pages_to_refresh(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """On env-get-outdated: pages using the planner's files, when those files changed.

    Sphinx copies static files only when some page is written, and pages link their
    assets with a checksum: a changed script must rewrite the pages that load it. (The
    first build with this extension knows no such pages yet: it rewrites the root page.)
    """
    digest = getattr(app, "telework_runtime_digest", None)
    if digest is None or getattr(env, "telework_runtime_digest", None) == digest:
        return []
    env.telework_runtime_digest = digest  # type: ignore[attr-defined]
    return sorted(name for name, meta in env.metadata.items() if meta.get(USES_PLANNER_FILES)) or [
        app.config.root_doc
    ]


def uses_planner_files(env: BuildEnvironment, *, rendered_from_library: bool = True) -> None:
    """Mark the page being read as loading the planner's files, so that it is rewritten
    when they change; a widget rendered from the library is also rebuilt when it changes."""
    env.metadata[env.docname][USES_PLANNER_FILES] = True
    if rendered_from_library:
        for path in sorted(SOURCE.rglob("*")):
            if path.suffix in {".py", ".toml"}:
                env.note_dependency(str(path))


def _tree_digest(*sources: Path | Iterable[Path]) -> str:
    """A digest of files: folders (their files, recursively) or iterables of files."""
    digest = hashlib.sha256()
    for source in sources:
        files = sorted(source.rglob("*") if isinstance(source, Path) else source)
        for path in files:
            if path.is_file():
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _copy(source: Path, target: Path) -> None:
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return
    shutil.copyfile(source, target)
