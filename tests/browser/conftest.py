"""Browser fixtures: the built book served from 127.0.0.1, and headless Debian Chromium.

The site comes from the session's `built_site` fixture (tests/conftest.py), served by
tools/serve.py on a free port for the whole session. Each test gets a fresh browser
context, i.e. an empty profile: no cache, no stored answers.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import VIEWPORTS, context_at
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tools.chromium import CHROMIUM, CHROMIUM_ARGS
from tools.serve import serve


@pytest.fixture(scope="session")
def site_dir(request: pytest.FixtureRequest) -> Path:
    """The built book: `built_site`, or an existing build named by $TELEWORK_BUILT_SITE."""
    existing = os.environ.get("TELEWORK_BUILT_SITE")
    if existing:
        return Path(existing).resolve()
    built: Path = request.getfixturevalue("built_site")
    return built


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built book's root URL on 127.0.0.1 (ends with a slash)."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh profile (no cache, no stored answers, no service worker yet)."""
    with context_at(browser, VIEWPORTS["wide"]) as context:
        yield context


@pytest.fixture
def network_context(browser: Browser) -> Iterator[BrowserContext]:
    """A context without the book's service worker, for tests that watch requests with
    route(): what the worker answers from its cache never reaches route()."""
    with context_at(browser, VIEWPORTS["wide"], service_workers="block") as context:
        yield context


@pytest.fixture(params=VIEWPORTS.values(), ids=VIEWPORTS.keys())
def sized_context(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    """A fresh profile at each screen size of VIEWPORTS: a test using it runs at both. A
    module whose tests all should overrides `context` with it."""
    with context_at(browser, request.param) as context:
        yield context


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
