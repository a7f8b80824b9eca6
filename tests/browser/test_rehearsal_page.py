"""The rehearsal page in Chromium: the sheet before scripts, cards, practice, export, privacy."""

from __future__ import annotations

import json

import pytest
from browsing import (
    ANSWERS_KEY,
    SAME_HTML,
    axe_findings,
    download,
    is_local,
    page_without_scripts,
    record_dialogs,
    shows,
    store_before_load,
    stored,
)
from playwright.sync_api import Browser, Page

import telework
from telework.rehearse import every_question, render_sheet_html, respond

pytestmark = pytest.mark.browser

REHEARSE_PAGE = "tools/rehearse.html"
REPLIES_KEY = "telework-rehearsal-replies"
WIDGET = ".tw-rehearsal-widget"
CARD = f"{WIDGET}[data-state=live] .tw-card"
PREVIEW = f"{WIDGET} .tw-rehearsal-preview"
SETTLED = f"{WIDGET}[data-state=live] .tw-rehearsal-preview:not([aria-busy])"
ANSWERS = {"situation": "current", "stage": "maybe", "sensitive_data": "yes"}
REPLY = "I would suggest a four-week trial, reviewed on a date we set now."
SECRET = "Xylophone-7731"
"""A word that must never appear in a URL or a request."""


def open_page(page: Page, site_url: str, answers: dict[str, str], fragment: str = "") -> None:
    store_before_load(page, ANSWERS_KEY, json.dumps(answers))
    page.goto(site_url + REHEARSE_PAGE + fragment)
    page.wait_for_selector(CARD)


def card_prompt(page: Page) -> str:
    return page.inner_text(f"{CARD} h3")


def test_before_scripts_run_the_page_shows_every_question_with_its_anchor(
    browser: Browser, site_url: str
) -> None:
    with page_without_scripts(browser) as page:
        page.goto(site_url + REHEARSE_PAGE)
        sheet = render_sheet_html(every_question(), heading_level=3, link_base="../", anchors=True)
        assert page.evaluate(SAME_HTML, [PREVIEW, sheet])
        for question in telework.rehearse.load_rehearsal().questions:
            assert page.locator(f"#rehearse-{question.id}").count() == 1
        for hidden in (".tw-rehearsal-options", ".tw-actions", ".tw-rehearsal-deck"):
            assert not page.is_visible(f"{WIDGET} {hidden}")


def test_cards_come_one_at_a_time_in_the_librarys_order_and_work_from_the_keyboard(
    page: Page, site_url: str
) -> None:
    open_page(page, site_url, ANSWERS)
    questions = telework.rehearsal(ANSWERS)
    assert page.locator(f"{WIDGET} .tw-card").count() == 1
    assert card_prompt(page) == questions[0].prompt
    assert page.is_disabled(f"{CARD} [data-nav=previous]")
    page.focus(f"{CARD} [data-nav=next]")
    page.keyboard.press("Enter")
    assert card_prompt(page) == questions[1].prompt
    assert page.evaluate("document.activeElement.id") == f"rehearse-{questions[1].id}"
    page.keyboard.press("Tab")  # from the card to its reply box
    page.keyboard.type(REPLY)
    for _ in questions[1].elements[:1]:
        page.keyboard.press("Tab")
        page.keyboard.press("Space")  # ticks the first element
    assert page.is_checked(f"{CARD} input[value={questions[1].elements[0].id}]")
    page.click(f"{CARD} summary")
    assert page.is_visible(f"{CARD} .tw-card-hint a[href$='{questions[1].href()[-30:]}']")
    replies = {questions[1].id: {"reply": REPLY, "covered": [questions[1].elements[0].id]}}
    assert shows(page, SETTLED, respond(ANSWERS, replies, link_base="../")["html"])


def test_a_link_to_a_card_opens_that_card(page: Page, site_url: str) -> None:
    open_page(page, site_url, ANSWERS, "#rehearse-in-return")
    assert card_prompt(page) == "What would you put on the table in return?"
    assert page.get_attribute(CARD, "id") == "rehearse-in-return"


def test_practice_mode_shuffles_every_question_and_times_each_one(
    page: Page, site_url: str
) -> None:
    page.clock.install()
    page.add_init_script("Math.random = () => 0")  # a known shuffle
    open_page(page, site_url, ANSWERS)
    in_order = [q.prompt for q in telework.rehearsal(ANSWERS)]
    page.check(f"{WIDGET} input[name=practice]")
    page.check(f"{WIDGET} input[name=timer]")
    assert page.inner_text(f"{CARD} .tw-card-timer") == "60 seconds left"
    page.clock.run_for(60_000)
    assert page.inner_text(f"{CARD} .tw-card-timer") == "Time is up: move on to the next question."
    seen = [card_prompt(page)]
    while page.is_enabled(f"{CARD} [data-nav=next]"):
        page.click(f"{CARD} [data-nav=next]")
        seen.append(card_prompt(page))
    assert sorted(seen) == sorted(in_order) and seen != in_order


def test_the_sheet_downloads_as_markdown_with_the_replies(page: Page, site_url: str) -> None:
    open_page(page, site_url, ANSWERS)
    page.fill(f"{CARD} textarea", REPLY)
    first = telework.rehearsal(ANSWERS)[0]
    replies = {first.id: {"reply": REPLY, "covered": []}}
    expected = respond(ANSWERS, replies, link_base="../")
    assert shows(page, SETTLED, expected["html"])
    name, text = download(page, f"{WIDGET} [data-action=download]")
    assert (name, text) == ("rehearsal.md", expected["markdown"])
    assert f"> {REPLY}" in text


def test_markup_typed_as_a_reply_stays_text(page: Page, site_url: str) -> None:
    dialogs = record_dialogs(page)
    open_page(page, site_url, ANSWERS)
    payload = '<img src=x onerror=alert(1)><script>alert(2)</script>" onmouseover="alert(3)'
    page.fill(f"{CARD} textarea", payload)
    first = telework.rehearsal(ANSWERS)[0]
    assert shows(page, SETTLED, respond(ANSWERS, {first.id: payload}, link_base="../")["html"])
    assert page.locator(f"{PREVIEW} img, {PREVIEW} script").count() == 0
    assert payload in page.inner_text(PREVIEW)
    assert dialogs == []


def test_replies_stay_in_this_browser_until_forgotten(page: Page, site_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url + (request.post_data or "")))
    open_page(page, site_url, ANSWERS)
    first = telework.rehearsal(ANSWERS)[0]
    page.fill(f"{CARD} textarea", f"{REPLY} {SECRET}")
    page.check(f"{CARD} input[value={first.elements[0].id}]")
    covered = [first.elements[0].id]
    replies = {first.id: {"reply": f"{REPLY} {SECRET}", "covered": covered}}
    assert shows(page, SETTLED, respond(ANSWERS, replies, link_base="../")["html"])
    assert stored(page, REPLIES_KEY) == replies

    page.reload()
    page.wait_for_selector(CARD)
    assert page.input_value(f"{CARD} textarea") == f"{REPLY} {SECRET}"
    assert page.is_checked(f"{CARD} input[value={first.elements[0].id}]")

    page.click(f"{WIDGET} [data-action=forget]")
    assert shows(page, SETTLED, respond(ANSWERS, {}, link_base="../")["html"])
    assert stored(page, REPLIES_KEY) is None
    assert page.input_value(f"{CARD} textarea") == ""
    assert "forgotten" in page.inner_text(f"{WIDGET} .tw-status")
    for url in [*requests, page.url]:
        assert SECRET not in url
        assert is_local(url)


def test_the_live_page_has_no_serious_accessibility_violation(page: Page, site_url: str) -> None:
    open_page(page, site_url, ANSWERS)
    page.click(f"{CARD} summary")  # the hint open, as a reader would see it
    assert axe_findings(page, impacts={"serious", "critical"}) == []
