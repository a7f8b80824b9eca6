"""After one visit the book reads offline, planner included; a new build reaches the reader
on the next visit, whole; and the book can be installed as an app."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from browsing import (
    CHAPTER_PAGE,
    PLANNER_PAGE,
    VIEWPORTS,
    choose,
    expected_items,
    open_chapter,
    open_planner,
    shown_items,
    wait_until_settled,
)
from playwright.sync_api import BrowserContext, Page

from tools.serve import serve

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "docs" / "_ext"))
from telework_sphinx.offline import SERVICE_WORKER, plan, service_worker
from telework_sphinx.runtime import compress_site

pytestmark = pytest.mark.browser

KEPT_PATHS = """async () => {
  const kept = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith("telework-")) continue;
    for (const request of await (await caches.open(name)).keys()) {
      kept.push(new URL(request.url).pathname.slice(1));
    }
  }
  return kept;
}"""
UNTIL_KEPT = f"""async ([wanted, timeout]) => {{
  const keptPaths = {KEPT_PATHS};
  for (const end = Date.now() + timeout; Date.now() < end; ) {{
    const kept = await keptPaths();
    if (wanted.every((path) => kept.includes(path))) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }}
  return false;
}}"""
"""Waits until the service worker has kept every path of `wanted`."""
ACTIVE = "navigator.serviceWorker.ready.then(() => true)"
UNTIL_WAITING = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  const installed = (worker) => new Promise((resolve) => {
    const check = () => ["installed", "redundant"].includes(worker.state) && resolve(worker.state);
    worker.addEventListener("statechange", check);
    check();
  });
  if (registration.waiting) return "installed";
  if (registration.installing) return installed(registration.installing);
  const found = { once: true };
  const update = new Promise((resolve) =>
    registration.addEventListener("updatefound", resolve, found));
  const late = new Promise((resolve) => setTimeout(() => resolve("late"), 60000));
  if ((await Promise.race([update, late])) === "late") return "no update found in 60 s";
  return installed(registration.installing);
}"""
"""Waits until a new service worker has installed (its build fetched whole) or failed to."""
IN_TESTS = "in-incognito"
"""Test browsers' profiles are private ones, where nothing installs."""
ANSWERS = {"situation": "current", "stage": "yes"}
RUNTIME_WASM = "_static/planner/pyodide/pyodide.asm.wasm"
COPIES = {".br", ".gz"}
"""Compressed copies of the site's files, which hosts send in their place."""


def python_runtime(site: Path) -> set[str]:
    """What a page needs to start Python: Pyodide's files and the wheel of the package."""
    planner = site / "_static" / "planner"
    files = [*planner.glob("pyodide/*"), *planner.glob("*.whl")]
    return {path.relative_to(site).as_posix() for path in files if path.suffix not in COPIES}


def test_after_one_visit_pages_and_the_planner_work_offline(
    context: BrowserContext, page: Page, site_url: str, site_dir: Path
) -> None:
    encodings: dict[str, str | None] = {}
    context.on("response", lambda r: encodings.update({r.url: r.headers.get("content-encoding")}))
    open_planner(page, site_url)
    runtime = python_runtime(site_dir)
    assert len(runtime) >= 4
    assert page.evaluate(UNTIL_KEPT, [sorted(runtime), 60_000])
    # What is kept came compressed, as hosts with precompressed files send it.
    assert encodings[site_url + PLANNER_PAGE] in {"br", "gzip"}
    assert encodings[site_url + RUNTIME_WASM] in {"br", "gzip"}

    context.set_offline(True)
    page.reload()
    wait_until_settled(page)
    choose(page, ANSWERS)
    assert shown_items(page) == expected_items(ANSWERS)

    open_chapter(page, site_url + CHAPTER_PAGE)  # never opened before
    assert page.locator("h1").first.inner_text() != ""
    page.goto(site_url)  # the root, as a folder
    assert page.title().startswith("Telework Guidebook")
    assert page.evaluate("navigator.onLine") is False


def rebuild(site: Path, page: str, title: str) -> None:
    """A new build of `site` in which `page` has a new title, its service worker written
    and its files compressed as the book's build does (the server sends the copies)."""
    path = site / page
    html = re.sub("<title>.*?</title>", f"<title>{title}</title>", path.read_text("utf-8"))
    path.write_text(html, encoding="utf-8")
    (site / SERVICE_WORKER).write_text(service_worker(plan(site)), encoding="utf-8")
    compress_site(site)


def test_a_new_build_reaches_the_reader_whole_on_the_next_visit(
    context: BrowserContext, site_dir: Path, tmp_path: Path
) -> None:
    site = tmp_path / "html"
    shutil.copytree(site_dir, site, ignore=shutil.ignore_patterns(".*"))
    with serve(site) as url:
        page = context.new_page()
        page.goto(url + "index.html")
        assert page.evaluate(ACTIVE)
        old_title = page.title()
        rebuild(site, "index.html", "Rebuilt")

        page.reload()  # a tab of the old build stays on the old build
        assert page.title() == old_title
        assert page.evaluate(UNTIL_WAITING) == "installed"  # the new build, fetched whole
        page.close()

        page = context.new_page()  # the next visit
        page.goto(url + "index.html")
        assert page.title() == "Rebuilt"
        context.set_offline(True)
        page.reload()
        assert page.title() == "Rebuilt"
        caches = page.evaluate("caches.keys()")
        assert len([name for name in caches if name.startswith("telework-")]) == 1


def test_the_book_is_installable_with_its_icons(page: Page, site_url: str) -> None:
    page.goto(site_url + "index.html")
    cdp = page.context.new_cdp_session(page)
    assert cdp.send("Page.getAppManifest")["errors"] == []
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [e["errorId"] for e in errors if e["errorId"] != IN_TESTS] == []
    manifest = page.request.get(site_url + "manifest.webmanifest").json()
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    for icon in manifest["icons"]:
        assert page.request.get(site_url + icon["src"]).headers["content-type"] == "image/png"
    favicon = page.request.get(site_url + "favicon.ico")
    assert favicon.ok and favicon.body()[:4] == b"\x00\x00\x01\x00"  # an .ico's signature


def test_the_runtime_is_kept_only_once_a_widget_has_started_python(
    context: BrowserContext, site_url: str, site_dir: Path
) -> None:
    """A chapter's widget starts Python when scrolled to: until then neither the page nor
    the service worker downloads the runtime (a reader on a metered connection who only
    reads pays for no Python); once it is live, the runtime is kept for offline use."""
    runtime = python_runtime(site_dir)
    fetched: list[str] = []
    context.on("request", lambda request: fetched.append(request.url.removeprefix(site_url)))
    page = context.new_page()
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(site_url + CHAPTER_PAGE)
    assert page.evaluate(ACTIVE)  # installed: every page is kept
    page.wait_for_timeout(1500)  # time for a request the worker would make at once
    assert page.locator(".tw-planner").first.get_attribute("data-state") == "waiting"
    assert runtime & {url.split("?")[0] for url in fetched} == set()

    page.locator(".tw-planner").first.scroll_into_view_if_needed()
    wait_until_settled(page)
    assert page.evaluate(UNTIL_KEPT, [sorted(runtime), 60_000])
