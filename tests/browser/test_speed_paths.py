"""What makes pages fast, checked for what it must not break: compressed files, the
trimmed downloads, and the worker's failures (a lost download, a worker that dies)."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

import pytest
from browsing import (
    FAILURE_WAIT_MS,
    PLANNER_PAGE,
    UNAVAILABLE,
    choose,
    expected_items,
    first_held,
    hold,
    open_planner,
    shown_items,
)
from playwright.sync_api import BrowserContext, Page, Response

pytestmark = pytest.mark.browser

RUNTIME = "_static/planner/pyodide/"
WIDGET_PAGE_BUDGET = 5_000_000
PLAIN_PAGE_BUDGET = 300_000
"""Bytes on the wire for one cold visit (issue 14's targets)."""

PYTHON = 'const { python } = await import("../_static/planner/python.mjs"); // from tools/'
CALL_TWICE = (
    "async () => {\n"
    + PYTHON
    + """
  const outcome = async () => {
    try {
      return { result: await python.call("telework.web", "respond", [{}]) };
    } catch (error) {
      return { error: error.message };
    }
  };
  return [await outcome(), await outcome()];
}"""
)
WATCH_UNHANDLED = """() => {
  self.unhandled = [];
  self.addEventListener("unhandledrejection", (event) => self.unhandled.push(String(event.reason)));
}"""
LAST_PROGRESS = (
    "async () => {\n"
    + PYTHON
    + """
  return await new Promise((resolve) => {
    python.onProgress((loaded, total) => resolve([loaded, total]));
  });
}"""
)


def page_own(response: Response) -> bool:
    """Whether the page asked for `response` (the service worker keeping the book for offline
    reading fetches more in the background, which the reader does not wait for)."""
    return response.request.service_worker is None


def bytes_received(responses: list[Response]) -> int:
    total = 0
    for response in responses:
        sizes = response.request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return total


def test_the_planner_goes_live_from_compressed_files_within_the_byte_budget(
    context: BrowserContext, site_url: str, site_dir: Path
) -> None:
    responses: list[Response] = []
    context.on("response", lambda response: page_own(response) and responses.append(response))
    page = context.new_page()
    page.goto(site_url + PLANNER_PAGE)
    choose(page, {"situation": "current", "stage": "yes"})
    assert shown_items(page) == expected_items({"situation": "current", "stage": "yes"})
    page.wait_for_load_state("networkidle")

    by_name = {response.url.rsplit("/", 1)[1].split("?")[0]: response for response in responses}
    for name in ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs", "planner.html"):
        response = by_name[name]
        assert response.headers.get("content-encoding") == "br", name
        on_disk = next(site_dir.rglob(name)).stat().st_size
        assert response.request.sizes()["responseBodySize"] < on_disk / 2, name
    assert bytes_received(responses) <= WIDGET_PAGE_BUDGET


def test_a_page_without_a_widget_loads_no_python_nor_the_search_index(
    context: BrowserContext, site_url: str
) -> None:
    responses: list[Response] = []
    context.on("response", lambda response: page_own(response) and responses.append(response))
    page = context.new_page()
    page.goto(site_url + "index.html", wait_until="networkidle")
    urls = [response.url for response in responses]
    assert not [url for url in urls if RUNTIME in url or url.endswith(".whl")]
    assert not [url for url in urls if "searchindex" in url or "searchtools" in url]
    assert bytes_received(responses) <= PLAIN_PAGE_BUDGET

    # Searching still works: the search page loads what it needs.
    page.goto(site_url + "search.html?q=employer")
    page.wait_for_selector("#search-results li a")
    assert page.locator("#search-results li").count() > 3


def test_a_failed_standard_library_download_shows_the_message_and_throws_nothing(
    context: BrowserContext, site_url: str
) -> None:
    held = hold(context, "**/python_stdlib.zip")  # the download, failed once the worker is watched
    page = context.new_page()
    with page.expect_worker() as started:
        page.goto(site_url + PLANNER_PAGE)
    worker = started.value
    worker.evaluate(WATCH_UNHANDLED)
    first_held(page, held).abort()
    page.wait_for_selector(UNAVAILABLE, timeout=FAILURE_WAIT_MS)

    assert shown_items(page) == expected_items({})
    assert "live planner could not start" in page.locator(".tw-unavailable").inner_text()
    assert page.locator(".tw-form").is_hidden()
    assert worker.evaluate("() => self.unhandled") == []


def test_when_the_worker_dies_waiting_and_later_calls_fail_at_once(
    page: Page, site_url: str
) -> None:
    open_planner(page, site_url)
    worker = next(w for w in page.workers if w.url.split("?")[0].endswith("worker.mjs"))
    # The next message makes the worker throw, uncaught, as a crashed runtime does.
    worker.evaluate("() => { self.onmessage = () => { throw new Error('the runtime crashed'); }; }")

    waiting, later = page.evaluate(CALL_TWICE)
    # Not the 15 s timeout's "Python did not answer": the failure is known at once.
    assert waiting == {"error": "Python stopped working; reload the page to start it again"}
    assert later == waiting


def test_download_progress_reaches_the_runtime_s_full_size(
    page: Page, site_url: str, site_dir: Path
) -> None:
    open_planner(page, site_url)
    runtime = site_dir / RUNTIME
    wheel = next(runtime.parent.glob("telework-*.whl"))
    files = [runtime / "pyodide.asm.wasm", runtime / "python_stdlib.zip", wheel]
    full_size = sum(path.stat().st_size for path in files)
    assert page.evaluate(LAST_PROGRESS) == [full_size, full_size]


def test_the_server_sends_what_a_host_with_precompressed_files_sends(
    site_url: str, site_dir: Path
) -> None:
    url = site_url + "index.html"
    plain = (site_dir / "index.html").read_bytes()

    def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), b""

    status, headers, body = get(url, **{"Accept-Encoding": "gzip"})
    assert (status, headers["Content-Encoding"], gzip.decompress(body)) == (200, "gzip", plain)
    assert headers["Vary"] == "Accept-Encoding"
    assert headers["Cache-Control"] == "no-cache"
    status, headers, body = get(url, **{"Accept-Encoding": "br;q=0, identity"})
    assert (status, "Content-Encoding" in headers, body) == (200, False, plain)
    status, headers, _ = get(url, **{"If-Modified-Since": headers["Last-Modified"]})
    assert status == 304
    status, headers, _ = get(site_url + "_static/book.css?v=1234abcd")
    assert "immutable" in headers["Cache-Control"]
