"""The proposal page in Chromium: the sample before scripts, the live draft, storage, escaping."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browsing import BOOT_TIMEOUT_MS, WATCH_LAYOUT_SHIFT, layout_shift
from playwright.sync_api import Browser, Dialog, Page, Request, Route
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import telework
from telework.proposal import DETAIL_FIELDS, sample_proposal
from telework.proposal.web import respond

pytestmark = pytest.mark.browser

PROPOSAL_PAGE = "tools/proposal.html"
ANSWERS_KEY = "telework-planner-answers"
DETAILS_KEY = "telework-proposal-details"
WIDGET = ".tw-proposal-widget"
PREVIEW = f"{WIDGET} .tw-proposal-preview"
SETTLED = f"{WIDGET}[data-state=live] .tw-proposal-preview:not([aria-busy])"
ANSWERS = {"situation": "current", "sensitive_data": "yes", "stage": "maybe", "maybe_offer": "work"}
DETAILS = {
    "name": "Sam Rivera",
    "manager": "Alex",
    "days": "3",
    "trial_weeks": "4",
    "review_date": "2026-05-04",
    "notes": "I keep Mondays in the office.\nMy set-up is ready.",
}
PAYLOADS = {
    "name": "<script>alert(1)</script>",
    "role": '" onerror=alert(1) x="',
    "manager": "<img src=x onerror=alert(1)>",
    "notes": "](javascript:alert(1))\n<iframe src=javascript:alert(1)></iframe>",
}


def open_page(page: Page, site_url: str, answers: dict[str, str] | None = None) -> None:
    if answers is not None:
        page.add_init_script(
            f"localStorage.setItem({ANSWERS_KEY!r}, {json.dumps(json.dumps(answers))})"
        )
    page.goto(site_url + PROPOSAL_PAGE)


def fill(page: Page, details: dict[str, str]) -> None:
    for name, value in details.items():
        selector = f"#tw-proposal-{name}"
        if name == "days":
            page.select_option(selector, value)
        else:
            page.fill(selector, value)


SAME_HTML = """([selector, html]) => {
  const element = document.querySelector(selector);
  const expected = document.createElement("template");
  expected.innerHTML = html;
  return element !== null && element.innerHTML === expected.innerHTML;
}"""
"""Whether an element holds `html`, compared as the browser parses it (it re-serialises &#x27;)."""


def shows(page: Page, html: str, selector: str = SETTLED) -> bool:
    """Wait until the element shows `html`; False if it never does."""
    try:
        page.wait_for_function(SAME_HTML, arg=[selector, html], timeout=BOOT_TIMEOUT_MS)
    except PlaywrightTimeout:
        return False
    return True


def test_before_scripts_run_the_page_shows_the_sample_draft_and_no_dead_form(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PROPOSAL_PAGE)
    sample = telework.render_proposal_html(sample_proposal(), heading_level=3)
    assert page.evaluate(SAME_HTML, [PREVIEW, sample])
    assert not page.is_visible(f"{WIDGET} form")
    assert not page.is_visible(f"{WIDGET} .tw-actions")
    context.close()


def test_every_form_control_has_a_label_and_a_description(page: Page, site_url: str) -> None:
    page.goto(site_url + PROPOSAL_PAGE)
    for name in DETAIL_FIELDS:
        control = page.locator(f"#tw-proposal-{name}")
        assert control.get_attribute("name") == name
        assert page.locator(f'label[for="tw-proposal-{name}"]').count() == 1
        described = (control.get_attribute("aria-describedby") or "").split()
        assert f"tw-proposal-{name}-help" in described


def test_filling_the_form_previews_the_librarys_draft_and_downloads_it(
    page: Page, site_url: str
) -> None:
    open_page(page, site_url, ANSWERS)
    page.wait_for_selector(SETTLED)
    fill(page, DETAILS)
    expected = respond(ANSWERS, DETAILS)
    assert shows(page, expected["html"])
    assert page.locator(f"{WIDGET} .tw-field-error:visible").count() == 0
    with page.expect_download() as download:
        page.click(f"{WIDGET} [data-action=download]")
    assert download.value.suggested_filename == "proposal.md"
    assert Path(download.value.path()).read_text(encoding="utf-8") == expected["markdown"]


def test_a_bad_detail_is_marked_on_its_field_and_left_out_of_the_draft(
    page: Page, site_url: str
) -> None:
    open_page(page, site_url, {})
    page.wait_for_selector(SETTLED)
    fill(page, {"name": "Sam", "trial_weeks": "40"})
    expected = respond({}, {"name": "Sam", "trial_weeks": "40"})
    assert shows(page, expected["html"])
    error = page.locator("#tw-proposal-trial_weeks-error")
    assert error.is_visible()
    assert "from 1 to 26" in error.inner_text()
    assert page.get_attribute("#tw-proposal-trial_weeks", "aria-invalid") == "true"


def test_markup_typed_into_any_field_stays_text(page: Page, site_url: str) -> None:
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    open_page(page, site_url, ANSWERS)
    page.wait_for_selector(SETTLED)
    fill(page, PAYLOADS)
    expected = respond(ANSWERS, PAYLOADS)
    assert shows(page, expected["html"])
    assert page.locator(f"{PREVIEW} :is(script, img, iframe, a)").count() == 0
    assert page.locator(f"{PREVIEW} [onerror]").count() == 0
    text = page.inner_text(PREVIEW)
    assert PAYLOADS["name"] in text and PAYLOADS["manager"] in text
    page.wait_for_timeout(300)  # let any injected handler fire before looking for dialogs
    assert dialogs == []


def test_details_stay_in_this_browser_until_forgotten(page: Page, site_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_page(page, site_url, {})
    page.wait_for_selector(SETTLED)
    fill(page, DETAILS)
    assert shows(page, respond({}, DETAILS)["html"])
    stored = json.loads(page.evaluate(f"localStorage.getItem({DETAILS_KEY!r})"))
    assert stored == DETAILS

    page.reload()
    page.wait_for_selector(SETTLED)
    assert page.input_value("#tw-proposal-manager") == "Alex"
    assert page.input_value("#tw-proposal-notes") == DETAILS["notes"]

    page.click(f"{WIDGET} [data-action=forget]")
    assert shows(page, respond({}, {})["html"])
    assert page.evaluate(f"localStorage.getItem({DETAILS_KEY!r})") is None
    assert page.input_value("#tw-proposal-name") == ""
    for url in [*requests, page.url]:
        assert "Rivera" not in url and "Alex" not in url
        assert urlsplit(url).hostname == "127.0.0.1"


def test_the_page_requests_nothing_outside_its_own_origin(page: Page, site_url: str) -> None:
    outside: list[str] = []

    def guard(route: Route, request: Request) -> None:
        if urlsplit(request.url).hostname == "127.0.0.1" or request.url.startswith("blob:"):
            route.continue_()
        else:
            outside.append(request.url)
            route.abort()

    page.route("**/*", guard)
    open_page(page, site_url, ANSWERS)
    page.wait_for_selector(SETTLED)
    fill(page, {"name": "Sam"})
    assert shows(page, respond(ANSWERS, {"name": "Sam"})["html"])
    assert outside == []


@pytest.mark.parametrize("size", [(1280, 900), (375, 812)], ids=["wide", "phone"])
def test_the_page_does_not_shift_while_python_starts(
    page: Page, site_url: str, size: tuple[int, int]
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.add_init_script(WATCH_LAYOUT_SHIFT)
    open_page(page, site_url, {})
    page.wait_for_selector(SETTLED)
    assert layout_shift(page) <= 0.01


def test_a_failed_call_does_not_disable_the_draft_for_good(page: Page, site_url: str) -> None:
    open_page(page, site_url, {})
    page.wait_for_selector(SETTLED)
    page.evaluate(
        """async () => {
          const { python } = await import("../_static/planner/python.mjs");
          const call = python.call.bind(python);
          python.call = (...args) => {
            python.call = call; // only the next call fails
            return Promise.reject(new Error("the worker stopped"));
          };
        }"""
    )
    fill(page, {"name": "Sam"})
    status = f"{WIDGET} .tw-status"
    page.wait_for_function(
        f"() => document.querySelector({status!r}).textContent.includes('the worker stopped')"
    )
    fill(page, {"name": "Sam Rivera"})
    assert shows(page, respond({}, {"name": "Sam Rivera"})["html"])
