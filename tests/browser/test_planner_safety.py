"""The planner fails soft and safe: tampered links, a missing runtime, no outside requests."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browsing import (
    FAILURE_WAIT_MS,
    PLANNER_PAGE,
    PYTHON_WIDGETS,
    UNAVAILABLE,
    chosen_answers,
    expected_items,
    fragment,
    guard_origin,
    open_planner,
    page_without_scripts,
    record_dialogs,
    shown_items,
    wait_until_settled,
)
from playwright.sync_api import Browser, BrowserContext, Page

import telework

pytestmark = pytest.mark.browser

# Each sets window.pwned (or opens a dialog) if it ever runs as HTML or script.
PAYLOADS = [
    '<img src=x onerror="window.pwned=true">',
    "<script>window.pwned=true</script>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
]
TAMPERED = {
    "unknown question": [("salary", "high")],
    "unknown option": [("motive", "maybe-later")],
    "payload as a key": [(payload, "yes") for payload in PAYLOADS],
    "payload as a value": [("situation", payload) for payload in PAYLOADS[:1]]
    + [("motive", payload) for payload in PAYLOADS[1:2]],
}


@pytest.fixture
def watched(page: Page) -> list[str]:
    """Dialogs opened by the page; window.pwned starts false on every document."""
    page.add_init_script("window.pwned = false")
    return record_dialogs(page)


@pytest.mark.parametrize("bad", TAMPERED.values(), ids=TAMPERED.keys())
def test_a_tampered_link_changes_nothing_but_the_notice(
    page: Page, site_url: str, watched: list[str], bad: list[tuple[str, str]]
) -> None:
    valid = {"situation": "current", "stage": "yes"}
    keep = [(k, v) for k, v in valid.items() if k not in dict(bad)]
    open_planner(page, site_url, fragment(dict([*keep, *bad])))

    kept = dict(keep)
    assert chosen_answers(page) == kept
    assert shown_items(page) == list(telework.plan_relevant(kept).item_ids())
    notices = page.locator(".tw-notices li")
    assert notices.count() == len(bad)
    assert all(text.startswith("Ignored") for text in notices.all_inner_texts())
    assert page.locator(".tw-notices *:not(ul):not(li)").count() == 0  # text, never markup
    assert page.evaluate("window.pwned") is False
    assert watched == []


def test_tampered_storage_is_cleaned_with_a_notice(
    page: Page, site_url: str, watched: list[str]
) -> None:
    open_planner(page, site_url)  # the first visit is over: its planner has read storage
    page.evaluate(
        """() => { localStorage.setItem('telework-planner-answers',
             JSON.stringify({situation: 'interviewing', '<img src=x onerror=pwned=1>': 1}));
           localStorage.setItem('telework-planner-ticks', '{not json') }"""
    )
    page.reload()
    wait_until_settled(page)
    assert chosen_answers(page) == {"situation": "interviewing"}
    ticks, answer = page.locator(".tw-notices li").all_inner_texts()
    assert ticks.startswith("Your saved ticks could not be read")  # and are kept aside
    assert answer.startswith("Ignored unknown question")
    assert page.evaluate("window.pwned") is False
    assert watched == []


# Through the page's own Python client, as any script on the page could.
CALL_OUTSIDE_TELEWORK = """async () => {
  const { python } = await import("../_static/planner/python.mjs"); // from tools/
  try {
    return { result: await python.call("os", "getcwd", []) };
  } catch (error) {
    return { error: error.message };
  }
}"""


def test_the_worker_runs_only_the_telework_package_and_answers_errors_in_one_line(
    page: Page, site_url: str
) -> None:
    open_planner(page, site_url)
    answer = page.evaluate(CALL_OUTSIDE_TELEWORK)
    assert answer == {"error": "ValueError: only the telework package can be called, not 'os'"}


def test_without_webassembly_the_static_checklist_stays_with_one_message(
    context: BrowserContext, site_url: str
) -> None:
    context.route("**/*.wasm", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + PLANNER_PAGE)
    page.wait_for_selector(UNAVAILABLE, timeout=FAILURE_WAIT_MS)

    assert shown_items(page) == expected_items({})
    message = page.locator(".tw-unavailable")
    assert message.is_visible()
    assert "live planner could not start" in message.inner_text()
    assert "make serve" not in message.inner_text()  # served over http already
    assert page.locator(".tw-form").is_hidden()  # no control left that does nothing


def test_opened_from_disk_the_static_checklist_stays_with_one_message(
    page: Page, site_dir: Path
) -> None:
    page.goto((site_dir / PLANNER_PAGE).as_uri())
    page.wait_for_selector(UNAVAILABLE, timeout=FAILURE_WAIT_MS)
    assert shown_items(page) == expected_items({})
    assert page.locator(".tw-unavailable").is_visible()
    assert "serve the book over http, for example with make serve" in page.inner_text(
        ".tw-unavailable"
    )


def test_no_page_makes_a_request_outside_its_own_site(
    network_context: BrowserContext, site_url: str, site_dir: Path
) -> None:
    guard = guard_origin(network_context)
    page = network_context.new_page()
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    assert PLANNER_PAGE in pages
    outside: dict[str, list[str]] = {}
    started_python: list[str] = []
    with_widget = []
    for name in pages:
        requested, stopped = len(guard.requests), len(guard.outside)
        page.goto(site_url + name, wait_until="load")
        widget = page.locator(PYTHON_WIDGETS)
        if widget.count():
            with_widget.append(name)
            widget.first.scroll_into_view_if_needed()
            # Python started: its requests are checked too.
            page.wait_for_selector(f":is({PYTHON_WIDGETS})[data-state=live]")
        if guard.outside[stopped:]:
            outside[name] = guard.outside[stopped:]
        if any(
            "/_static/planner/pyodide/" in urlsplit(url).path for url in guard.requests[requested:]
        ):
            started_python.append(name)

    assert outside == {}
    assert len(with_widget) >= 5  # the planner, the proposal drafter, the chapters' planners
    assert started_python == with_widget  # no other page downloads Python


def test_without_javascript_the_checklist_shows_with_an_explanation(
    browser: Browser, site_url: str
) -> None:
    with page_without_scripts(browser) as page:
        page.goto(site_url + PLANNER_PAGE)
        assert shown_items(page) == expected_items({})
        assert page.locator(".tw-noscript").is_visible()
        assert page.locator(".tw-form").is_hidden()  # no control that does nothing
        assert page.locator(".tw-actions").is_hidden()
