"""The proposal page in Chromium: the sample before scripts, the live draft, storage, escaping."""

from __future__ import annotations

import json

import pytest
from browsing import (
    ANSWERS_KEY,
    SAME_HTML,
    VIEWPORTS,
    WATCH_LAYOUT_SHIFT,
    download,
    guard_origin,
    is_local,
    layout_shift,
    page_without_scripts,
    record_dialogs,
    shows,
    store_before_load,
    stored,
    stored_text,
)
from playwright.sync_api import Browser, Page

import telework
from telework.proposal import DETAIL_FIELDS, sample_proposal
from telework.proposal.web import respond

pytestmark = pytest.mark.browser

PROPOSAL_PAGE = "tools/proposal.html"
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
        store_before_load(page, ANSWERS_KEY, json.dumps(answers))
    page.goto(site_url + PROPOSAL_PAGE)


def fill(page: Page, details: dict[str, str]) -> None:
    for name, value in details.items():
        selector = f"#tw-proposal-{name}"
        if name == "days":
            page.select_option(selector, value)
        else:
            page.fill(selector, value)


def test_before_scripts_run_the_page_shows_the_sample_draft_and_no_dead_form(
    browser: Browser, site_url: str
) -> None:
    with page_without_scripts(browser) as page:
        page.goto(site_url + PROPOSAL_PAGE)
        sample = telework.render_proposal_html(sample_proposal(), heading_level=3)
        assert page.evaluate(SAME_HTML, [PREVIEW, sample])
        assert not page.is_visible(f"{WIDGET} form")
        assert not page.is_visible(f"{WIDGET} .tw-actions")


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
    assert shows(page, SETTLED, expected["html"])
    assert page.locator(f"{WIDGET} .tw-field-error:visible").count() == 0
    assert download(page, f"{WIDGET} [data-action=download]") == (
        "proposal.md",
        expected["markdown"],
    )


def test_a_bad_detail_is_marked_on_its_field_and_left_out_of_the_draft(
    page: Page, site_url: str
) -> None:
    open_page(page, site_url, {})
    page.wait_for_selector(SETTLED)
    fill(page, {"name": "Sam", "trial_weeks": "40"})
    expected = respond({}, {"name": "Sam", "trial_weeks": "40"})
    assert shows(page, SETTLED, expected["html"])
    error = page.locator("#tw-proposal-trial_weeks-error")
    assert error.is_visible()
    assert "from 1 to 26" in error.inner_text()
    assert page.get_attribute("#tw-proposal-trial_weeks", "aria-invalid") == "true"


def test_markup_typed_into_any_field_stays_text(page: Page, site_url: str) -> None:
    dialogs = record_dialogs(page)
    open_page(page, site_url, ANSWERS)
    page.wait_for_selector(SETTLED)
    fill(page, PAYLOADS)
    expected = respond(ANSWERS, PAYLOADS)
    assert shows(page, SETTLED, expected["html"])
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
    assert shows(page, SETTLED, respond({}, DETAILS)["html"])
    assert stored(page, DETAILS_KEY) == DETAILS

    page.reload()
    page.wait_for_selector(SETTLED)
    assert page.input_value("#tw-proposal-manager") == "Alex"
    assert page.input_value("#tw-proposal-notes") == DETAILS["notes"]

    page.click(f"{WIDGET} [data-action=forget]")
    assert shows(page, SETTLED, respond({}, {})["html"])
    assert stored_text(page, DETAILS_KEY) is None
    assert page.input_value("#tw-proposal-name") == ""
    for url in [*requests, page.url]:
        assert "Rivera" not in url and "Alex" not in url
        assert is_local(url)


def test_the_page_requests_nothing_outside_its_own_origin(page: Page, site_url: str) -> None:
    guard = guard_origin(page)
    open_page(page, site_url, ANSWERS)
    page.wait_for_selector(SETTLED)
    fill(page, {"name": "Sam"})
    assert shows(page, SETTLED, respond(ANSWERS, {"name": "Sam"})["html"])
    assert guard.outside == []


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_the_page_does_not_shift_while_python_starts(
    page: Page, site_url: str, viewport: dict[str, int]
) -> None:
    page.set_viewport_size({"width": viewport["width"], "height": viewport["height"]})
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
    assert shows(page, SETTLED, respond({}, {"name": "Sam Rivera"})["html"])
