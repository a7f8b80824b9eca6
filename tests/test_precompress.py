"""tools/precompress.mjs: a host sends a compressed copy in place of its file, so the site
keeps copies of this build's files only."""

from __future__ import annotations

import gzip
import subprocess
from pathlib import Path

PRECOMPRESS = Path(__file__).resolve().parent.parent / "tools" / "precompress.mjs"
PAGE = "<p>The same sentence, again and again.</p>\n" * 100
"""Large and repetitive enough to be worth compressing."""


def test_copies_of_this_build_are_written_and_those_an_earlier_build_left_removed(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text(PAGE, encoding="utf-8")
    (site / "page.html.gz").write_bytes(gzip.compress(b"an earlier build's page"))
    (site / "small.js").write_text("export {};\n", encoding="utf-8")  # now too small
    (site / "small.js.gz").write_bytes(gzip.compress(b"an earlier, larger small.js"))
    (site / "small.js.br").write_bytes(b"an earlier build's brotli")
    (site / "removed.css.br").write_bytes(b"a stylesheet no longer in the site")
    (site / "data.csv.gz").write_bytes(gzip.compress(b"a,b\n"))  # an archive, not a copy

    subprocess.run(["node", str(PRECOMPRESS), str(site), str(tmp_path / "cache")], check=True)

    assert gzip.decompress((site / "page.html.gz").read_bytes()).decode() == PAGE
    assert (site / "page.html.br").exists()
    assert sorted(path.name for path in site.iterdir()) == [
        "data.csv.gz",
        "page.html",
        "page.html.br",
        "page.html.gz",
        "small.js",
    ]
