"""Copies of the packaged data files, edited per test, for loading guides that must fail."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from telework.loader import FILES


def write_guide(directory: Path, **edits: tuple[str, str]) -> Path:
    """Copy the packaged data into `directory`, replacing text: file_stem=(old, new)."""
    for name in FILES:
        text = (files("telework") / "data" / name).read_text(encoding="utf-8")
        stem = name.removesuffix(".toml")
        if stem in edits:
            old, new = edits[stem]
            assert old in text, f"{old!r} not in {name}"
            text = text.replace(old, new, 1)
        (directory / name).write_text(text, encoding="utf-8")
    return directory
