"""The build gives every page a Content-Security-Policy allowing its own inline scripts by
hash, and refuses inline code the policy would block."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from subprocess import CompletedProcess

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs" / "_ext"))
from telework_sphinx.security import headers_file, secure_page

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8" />
<title>A page</title>
<script>var inline = 1;</script>
<script type="application/json">{"data": "not run, not hashed"}</script>
<script src="_static/a.js"></script>
</head><body><script>alert('Hello, world.');</script>
<button onclick="window.print()">Print</button></body></html>
"""
# The two scripts' hashes, as given in MDN's and the CSP specification's examples.
HASHES = (
    "'sha256-B2yPHKaXnvFWtRChIbabYmUBFZdVfKKXHbWtWidDVF8=' "
    "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
)


def test_a_pages_inline_scripts_are_allowed_by_their_hashes_and_nothing_else() -> None:
    secured, policy, problems = secure_page(PAGE)
    assert f"script-src 'self' {HASHES};" in policy
    assert "unsafe" not in policy.split("style-src")[0]
    assert problems == []
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
    assert secured.split("<title>")[0].endswith(f'<meta charset="utf-8" />\n{meta}\n')
    assert "<button data-tw-print>Print</button>" in secured


def test_securing_a_page_again_changes_nothing() -> None:
    once, policy, _ = secure_page(PAGE)
    assert secure_page(once) == (once, policy, [])


@pytest.mark.parametrize(
    "markup",
    ['<a href="#" onmouseover="steal()">x</a>', '<a href=" JavaScript:steal()">x</a>'],
)
def test_inline_code_the_policy_would_block_is_reported(markup: str) -> None:
    _, _, problems = secure_page(PAGE.replace("</body>", markup + "</body>"))
    assert len(problems) == 1


def test_headers_give_each_page_its_policy_and_the_worker_webassembly() -> None:
    text = headers_file({"index.html": "P1", "a/b.html": "P2"})
    rules = text.split("\n/")
    assert "*\n  X-Content-Type-Options: nosniff" in rules[1]
    assert "  Content-Security-Policy: P2; frame-ancestors 'none'" in text.split("/a/b.html\n")[1]
    for url in ("/index.html\n", "/\n"):
        assert text.split(url)[1].startswith("  Content-Security-Policy: P1; frame-ancestors")
    worker = text.split("/_static/planner/worker.mjs\n")[1].split("\n")[0]
    assert "'wasm-unsafe-eval'" in worker


@pytest.mark.book
def test_a_page_with_an_inline_event_handler_fails_the_build(
    build_scratch_book: Callable[[Mapping[str, str]], CompletedProcess[str]],
) -> None:
    page = "# Home\n\n<button onclick=\"alert('hi')\">Hi</button>\n"
    result = build_scratch_book({"index": page})
    assert result.returncode != 0
    assert "index.html: inline event handler <button onclick=...>" in result.stderr
