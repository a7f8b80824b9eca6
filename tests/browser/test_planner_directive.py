"""The telework-planner directive at build time: what it renders and how it reports mistakes."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

import telework

ScratchBuild = Callable[[Mapping[str, str]], subprocess.CompletedProcess[str]]
"""tests/conftest.py's build_scratch_book: builds {docname: MyST text} with the book's config."""

WIDGET = """\
# A chapter

## Timing

```{telework-planner}
:questions: situation motive
:sections: prepare timing
:title: When should I raise it?
```
"""


def test_a_chapter_planner_renders_its_questions_sections_and_assets(
    build_scratch_book: ScratchBuild, tmp_path: Path
) -> None:
    result = build_scratch_book({"index": "# Home\n\nNo planner here.\n", "chapter": WIDGET})
    # (A scratch book lacks the chapters checklist items link to: the build warns of those.)
    assert "telework-planner" not in result.stderr
    page = (tmp_path / "html" / "chapter.html").read_text(encoding="utf-8")
    home = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")

    assert re.findall(r'data-question="([^"]+)"', page) == ["situation", "motive"]
    assert re.search(r'data-question="motive"[^>]* hidden>', page)  # not asked yet
    assert shown_sections(page) == ["prepare"]  # timing has nothing without answers
    # Its title sits under the page's h2; its checklist's headings one level below it.
    assert '<h3 class="tw-planner-title"' in page
    assert re.findall(r'data-section="[^"]+" data-phase="[^"]+"><(h\d)>', page) == ["h4"]
    assert 'data-heading-level="4"' in page  # what the live checklist is asked for
    shown = re.findall(r'<li class="tw-item" data-item="([^"]+)"', page)
    assert shown == list(telework.plan({}, sections=["prepare", "timing"]).item_ids())
    assert "planner/planner.js" in page and "planner/planner.css" in page
    assert "planner/" not in home


def shown_sections(page: str) -> list[str]:
    return re.findall(r'<section class="tw-section" data-section="([^"]+)"', page)


def test_unknown_ids_fail_the_build_naming_what_is_allowed(
    build_scratch_book: ScratchBuild,
) -> None:
    bad = WIDGET.replace(":questions: situation motive", ":questions: situation salary")
    result = build_scratch_book({"index": bad})
    assert result.returncode != 0
    assert ":questions: has unknown 'salary'; allowed: situation, motive" in result.stderr
