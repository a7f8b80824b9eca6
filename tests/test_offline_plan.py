"""What the service worker keeps: every page and what pages load, and Python's runtime
for the pages that start it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs" / "_ext"))
from telework_sphinx.offline import plan

SITE = {
    "index.html": '<link rel="stylesheet" href="_static/a.css?v=1"><script src="_static/b.js">'
    '</script><link rel="next" href="c/d.html"><img src="https://elsewhere.example/x.png">',
    "c/d.html": '<script src="../_static/planner/planner.js"></script>',
    "_static/a.css": '@import "basic.css";'
    '@font-face{src:url(f.woff2) format("woff2"),url(f.ttf) format("truetype")}'
    "p{background:url('img/dot.png')}",
    "_static/basic.css": "",
    "_static/f.woff2": "",
    "_static/f.ttf": "",
    "_static/img/dot.png": "",
    "_static/b.js": "",
    "_static/unused.js": "",
    "_static/planner/planner.js": 'import("./planner.mjs")',
    "_static/planner/planner.mjs": 'new URL("./worker.mjs", import.meta.url)',
    "_static/planner/worker.mjs": "`${RUNTIME}pyodide.mjs`",
    "_static/planner/pyodide/pyodide.mjs": "",
    "_static/planner/pyodide/pyodide.asm.wasm": "",
    "_static/planner/pyodide/pyodide.asm.wasm.br": "",  # for hosts sending Content-Encoding
    "_static/planner/pyodide/removed.mjs.gz": "",  # an earlier build's, compressing removes it
    "_static/planner/telework.whl": "",
    "_static/webpack-macros.html": "",
    "_sources/index.md": "",
    "manifest.webmanifest": "{}",
    "_static/icons/icon-192.png": "",
    "_static/icons/icon-512.png": "",
    ".doctrees/environment.pickle": "",
}


def test_pages_what_they_load_and_the_python_runtime_for_pages_that_start_it(
    tmp_path: Path,
) -> None:
    for name, text in SITE.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    kept = plan(tmp_path)
    assert set(kept["precache"]) == {
        "index.html",
        "c/d.html",
        "_static/a.css",
        "_static/basic.css",
        "_static/f.woff2",
        "_static/img/dot.png",
        "_static/b.js",
        "_static/planner/planner.js",
        "_static/planner/planner.mjs",
        "_static/planner/worker.mjs",
        "manifest.webmanifest",
        "_static/icons/icon-192.png",
        "_static/icons/icon-512.png",
    }
    assert set(kept["runtime"]) == {
        "_static/planner/pyodide/pyodide.mjs",
        "_static/planner/pyodide/pyodide.asm.wasm",
        "_static/planner/telework.whl",
    }
    assert kept["pythonPages"] == ["c/d.html"]
    empty = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="  # SHA-256 of no bytes
    assert kept["precache"]["_static/b.js"] == empty


def test_the_books_widget_pages_start_python_and_the_others_do_not(built_site: Path) -> None:
    python_pages = plan(built_site)["pythonPages"]
    assert {"tools/planner.html", "tools/proposal.html", "job-search/need-or-want.html"} <= set(
        python_pages
    )
    assert not {"index.html", "reference/glossary.html", "search.html"} & set(python_pages)
