"""Shared fixtures: the built book, and small scratch books built with the book's config."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def sphinx_command(source: Path, output: Path) -> list[str]:
    """The book's build command (as `make book` runs it), for another source or output dir;
    its doctrees go beside `output`, not into the site."""
    return [
        sys.executable, "-m", "sphinx", "-b", "html", "-c", str(ROOT),
        "-d", str(output.parent / "doctrees"), str(source), str(output), "-W", "--keep-going",
    ]  # fmt: skip


def run_sphinx(source: Path, output: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        sphinx_command(source, output), cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole book, built once per test session into a temporary folder; its output dir."""
    output = tmp_path_factory.mktemp("book") / "html"
    result = run_sphinx(DOCS, output)
    if result.returncode != 0:
        pytest.fail(
            f"the book build failed (exit {result.returncode}):\n{result.stderr[-6000:]}",
            pytrace=False,
        )
    return output


ScratchBuild = Callable[[Mapping[str, str]], subprocess.CompletedProcess[str]]


@pytest.fixture
def build_scratch_book(tmp_path: Path) -> ScratchBuild:
    """Build a small book of the given pages ({docname: MyST text}) with the book's config.

    The first page is the root; the others are its chapters. Returns the finished process,
    whose stderr holds the warnings.
    """

    def build(pages: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
        source = tmp_path / "docs"
        docnames = list(pages)
        for docname, text in pages.items():
            path = source / f"{docname}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        toc = [f"root: {docnames[0]}", "format: jb-book"]
        if docnames[1:]:
            toc += ["chapters:", *(f"  - file: {name}" for name in docnames[1:])]
        (source / "_toc.yml").write_text("\n".join(toc) + "\n", encoding="utf-8")
        return run_sphinx(source, tmp_path / "html")

    return build
