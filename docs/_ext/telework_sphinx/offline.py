"""Offline reading and installing: a web app manifest, and a service worker that keeps the
book's pages after one visit, and Python's runtime once a page with a widget has used it.

When the build finishes, the service worker is written at the root of the site (so that
it serves the whole site) from service-worker.js, headed by what it keeps, each file with
its SHA-256 integrity:
- to precache: every page, and what pages load (scripts, stylesheets, images, the fonts
  and images stylesheets name, the modules scripts import);
- the runtime: the files beside Python's worker that no page loads directly (Pyodide, the
  wheel), kept once Python has run in a page whose scripts reach that worker.
Its cache is named after a hash of all of that, so every build has a cache of its own: a
new build is fetched whole, checked against those hashes, and used from the reader's next
visit, never mixed with the old one.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .security import WORKER

SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
SOURCE = Path(__file__).resolve().parent / "service-worker.js"
ICONS = {"192x192": "_static/icons/icon-192.png", "512x512": "_static/icons/icon-512.png"}
DESCRIPTION = "Ask to work from home, step by step, with a checklist made for you."
THEME_COLOR = "#1d5c87"
"""The icon's blue."""
PYTHON_WORKER = WORKER.lstrip("/")

HTML_REFERENCE = re.compile(r'<(?:script|link|img|source)\b[^>]*?\s(?:src|href)="([^"]+)"')
CSS_REFERENCE = re.compile(r"""(,\s*)?(?:url\(\s*["']?|@import\s+["'])([^"')]+)""")
"""A stylesheet's url() or @import "..."; a url() after a comma is a fallback (fonts list
woff2 first, then older formats, which no browser with service workers needs)."""
JS_REFERENCE = re.compile(r"""["'`]([\w./-]+\.m?js)["'`]""")
"""A module or script named in a script, relative to it (imports, new URL(...))."""
PRECOMPRESSED = (".gz", ".br")


def site_files(outdir: Path) -> set[str]:
    """The site's files, as paths from its root; not hidden ones (the build's own), not
    page sources (downloads), not this module's, and no .br or .gz file: those are copies
    of other files that hosts send compressed (the book has no archive of its own), or
    copies an earlier build left, which compressing the site removes after this runs."""
    files = {
        path.relative_to(outdir).as_posix()
        for path in outdir.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.parts)
    }
    return {
        name
        for name in files
        if not name.startswith("_sources/")
        and not name.endswith(PRECOMPRESSED)
        and name not in {SERVICE_WORKER, "_headers", "objects.inv"}
    }


def references(outdir: Path, name: str) -> list[str]:
    """The site paths that file `name` loads (relative references only)."""
    if name.endswith(".html"):  # what it loads, not the pages it links to (prev, next)
        found = [r for r in HTML_REFERENCE.findall(read(outdir, name)) if ".html" not in r]
    elif name.endswith(".css"):
        found = [url for fallback, url in CSS_REFERENCE.findall(read(outdir, name)) if not fallback]
    elif name.endswith((".js", ".mjs")):
        found = JS_REFERENCE.findall(read(outdir, name))
    else:
        return []
    base = posixpath.dirname(name)
    paths = (ref.split("#")[0].split("?")[0] for ref in found if ":" not in ref)
    return [posixpath.normpath(posixpath.join(base, path)) for path in paths if path]


def read(outdir: Path, name: str) -> str:
    return (outdir / name).read_text(encoding="utf-8", errors="replace")


def loaded_by(start: str, files: set[str], loads: Callable[[str], list[str]]) -> set[str]:
    """`start` and every site file it loads, directly or through the files it loads."""
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name in files and name not in seen:
            seen.add(name)
            todo += loads(name)
    return seen


def integrity(path: Path) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode()


def plan(outdir: Path) -> dict[str, Any]:
    """What the service worker keeps: precache and runtime ({path: integrity}), and the
    pages that start Python."""
    files = site_files(outdir)
    loads = functools.cache(functools.partial(references, outdir))  # pages share assets
    pages = sorted(n for n in files if n.endswith(".html") and not n.startswith("_static/"))
    precache: set[str] = {MANIFEST, *ICONS.values(), *pages}
    python_pages = []
    for page in pages:
        loaded = loaded_by(page, files, loads)
        precache |= loaded
        if PYTHON_WORKER in loaded:
            python_pages.append(page)
    runtime_dir = posixpath.dirname(PYTHON_WORKER) + "/"
    runtime = {n for n in files if n.startswith(runtime_dir) and n not in precache}
    return {
        "precache": {name: integrity(outdir / name) for name in sorted(precache & files)},
        "runtime": {name: integrity(outdir / name) for name in sorted(runtime)},
        "pythonPages": python_pages,
    }


def service_worker(kept: dict[str, Any]) -> str:
    """sw.js: the plan and a build id (hash of the plan and the code), then the code."""
    code = SOURCE.read_text(encoding="utf-8")
    listed = json.dumps(kept, indent=1, sort_keys=True)
    build = hashlib.sha256((listed + code).encode()).hexdigest()[:16]
    return f"const BUILD = {json.dumps(build)};\nconst KEPT = {listed};\n\n{code}"


def manifest(app: Sphinx) -> str:
    title = app.config.html_title or app.config.project
    return json.dumps(
        {
            "name": title,
            "short_name": "Telework",
            "description": DESCRIPTION,
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": THEME_COLOR,
            "icons": [
                {"src": src, "sizes": sizes, "type": "image/png", "purpose": "any"}
                for sizes, src in ICONS.items()
            ],
        },
        indent=1,
    )


def write_offline_files(app: Sphinx, exception: Exception | None) -> None:
    """On build-finished (after the pages are final): the manifest and the service worker."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    (outdir / MANIFEST).write_text(manifest(app) + "\n", encoding="utf-8")
    (outdir / SERVICE_WORKER).write_text(service_worker(plan(outdir)), encoding="utf-8")


def add_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Every page names the manifest, the theme colour and the home-screen icon."""
    pathto = context["pathto"]
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="manifest" href="{pathto(MANIFEST, 1)}" />'
        f'\n<link rel="apple-touch-icon" href="{pathto(ICONS["192x192"], 1)}" />'
        f'\n<meta name="theme-color" content="{THEME_COLOR}" />'
    )


def setup_offline(app: Sphinx) -> None:
    app.add_js_file("site/offline.js", loading_method="defer")
    app.connect("html-page-context", add_links)
    app.connect("build-finished", write_offline_files, priority=800)
