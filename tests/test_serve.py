"""tools/serve.py, which `make serve`, the browser tests and the benchmarks use: it serves
the site as a well-configured static host would."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tools.serve import serve

PAGE = b"<!doctype html><title>Page</title><p>Hello, reader.</p>"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_bytes(PAGE)
    (tmp_path / "index.html.gz").write_bytes(gzip.compress(PAGE))
    (tmp_path / "_headers").write_text("/*\n  X-Content-Type-Options: nosniff\n", "utf-8")
    (tmp_path / ".doctrees").mkdir()
    (tmp_path / ".doctrees" / "environment.pickle").write_bytes(b"the build's own")
    (tmp_path / ".buildinfo").write_text("config: 0\n", "utf-8")
    return tmp_path


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.parametrize(
    "path", [".doctrees/environment.pickle", "%2Edoctrees/environment.pickle", ".buildinfo"]
)
def test_hidden_files_of_the_build_are_not_served(site: Path, path: str) -> None:
    with serve(site) as root:
        status, _, body = fetch(root + path)
    assert status == 404
    assert b"the build's own" not in body


def test_the_compressed_copy_goes_to_browsers_that_accept_it_the_file_to_others(
    site: Path,
) -> None:
    with serve(site) as root:
        status, headers, body = fetch(root, **{"Accept-Encoding": "gzip"})
        assert (status, headers["Content-Encoding"], gzip.decompress(body)) == (200, "gzip", PAGE)
        status, headers, body = fetch(root, **{"Accept-Encoding": "gzip;q=0"})
        assert (status, "Content-Encoding" in headers, body) == (200, False, PAGE)
    assert headers["Vary"] == "Accept-Encoding"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_checksummed_links_are_kept_a_year_and_others_revalidated(site: Path) -> None:
    with serve(site) as root:
        _, kept, _ = fetch(root + "index.html?v=1a2b3c")
        _, plain, _ = fetch(root + "index.html")
    assert kept["Cache-Control"] == "public, max-age=31536000, immutable"
    assert plain["Cache-Control"] == "no-cache"
