"""A change to the book's own static files rewrites every page (which links them by checksum)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs" / "_ext"))
from telework_sphinx.site_assets import pages_to_rewrite

PAGES = {"index", "after/after-no"}


def outdated(app: Any, env: Any) -> list[str]:
    return pages_to_rewrite(app, env, set(), set(), set())


def test_pages_are_rewritten_after_a_static_file_changes_and_only_then(tmp_path: Path) -> None:
    static = tmp_path / "_static"
    static.mkdir()
    (static / "book.css").write_text("a { color: red }", encoding="utf-8")
    app = SimpleNamespace(
        confdir=str(tmp_path), config=SimpleNamespace(html_static_path=["_static"])
    )
    env = SimpleNamespace(found_docs=PAGES)
    assert outdated(app, env) == sorted(PAGES)  # a build that has not seen these files
    assert outdated(app, env) == []
    (static / "book.css").write_text("a { color: blue }", encoding="utf-8")
    assert outdated(app, env) == sorted(PAGES)
    assert outdated(app, env) == []
    (static / "icons").mkdir()
    (static / "icons" / "new.svg").write_text("<svg/>", encoding="utf-8")
    assert outdated(app, env) == sorted(PAGES)
