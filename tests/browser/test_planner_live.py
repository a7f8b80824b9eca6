"""The live planner in Chromium: same checklist as the library, sharing, storage, keyboard."""

from __future__ import annotations

import pytest
from browsing import (
    ANSWERS_KEY,
    CHAPTER_PAGE,
    PLANNER_PAGE,
    TICKS_KEY,
    VIEWPORTS,
    choose,
    chosen_answers,
    context_at,
    expected_items,
    fragment,
    open_chapter,
    open_planner,
    shown_items,
    stored,
    wait_until_settled,
)
from playwright.sync_api import Page

import telework

pytestmark = pytest.mark.browser

ANSWER_SETS = {
    "no answers": {},
    "interviewing, needs it, crowded field": {
        "situation": "interviewing",
        "motive": "need",
        "demand": "ordinary",
        "field": "crowded",
    },
    "elsewhere, designed role, a maybe with a pay cut": {
        "situation": "elsewhere",
        "role_design": "yes",
        "connections": "yes",
        "stage": "maybe",
        "maybe_offer": "pay",
    },
    "current employer, established, said no": {
        "situation": "current",
        "trust": "established",
        "job_fit": "networked",
        "sensitive_data": "yes",
        "employer_experience": "none",
        "arrangement": "trial",
        "home_setup": "partly",
        "experience": "yes",
        "stage": "no",
    },
}


@pytest.mark.parametrize("answers", ANSWER_SETS.values(), ids=ANSWER_SETS.keys())
def test_choosing_answers_shows_the_checklist_the_library_plans(
    page: Page, site_url: str, answers: dict[str, str]
) -> None:
    open_planner(page, site_url)
    choose(page, answers)
    assert shown_items(page) == expected_items(answers)
    assert chosen_answers(page) == answers


def test_questions_appear_only_when_they_apply(page: Page, site_url: str) -> None:
    open_planner(page, site_url)
    trust = page.locator('.tw-question[data-question="trust"]')
    assert trust.is_hidden()
    choose(page, {"situation": "current"})
    assert trust.is_visible()
    choose(page, {"situation": "interviewing"})
    assert trust.is_hidden()


def test_a_shared_link_restores_its_answers(page: Page, site_url: str) -> None:
    answers = ANSWER_SETS["elsewhere, designed role, a maybe with a pay cut"]
    open_planner(page, site_url, fragment(answers))
    assert chosen_answers(page) == answers
    assert shown_items(page) == expected_items(answers)
    assert "#a=" not in page.url  # applied, then dropped so later changes win on reload
    assert stored(page, ANSWERS_KEY) == answers


def test_copy_link_gives_a_link_that_restores_the_plan(page: Page, site_url: str) -> None:
    answers = {"situation": "current", "trust": "new", "stage": "not_asked"}
    open_planner(page, site_url)
    choose(page, answers)
    page.click('[data-action="copy-link"]')
    link = page.input_value(".tw-share-url")
    assert link.startswith(site_url + PLANNER_PAGE + "#a=")

    assert page.context.browser is not None
    with context_at(page.context.browser, VIEWPORTS["wide"]) as fresh:  # another reader
        other = fresh.new_page()
        other.goto(link)
        wait_until_settled(other)
        assert chosen_answers(other) == answers
        assert shown_items(other) == expected_items(answers)


def test_answers_and_ticks_survive_a_reload_and_reset_clears_both(
    page: Page, site_url: str
) -> None:
    answers = {"situation": "interviewing", "motive": "need"}
    open_planner(page, site_url)
    choose(page, answers)
    ticked = shown_items(page)[0]
    page.check(f'.tw-tick[data-item="{ticked}"]')

    page.reload()
    wait_until_settled(page)
    assert chosen_answers(page) == answers
    assert page.is_checked(f'.tw-tick[data-item="{ticked}"]')

    page.click('[data-action="reset"]')
    wait_until_settled(page)
    assert chosen_answers(page) == {}
    assert shown_items(page) == expected_items({})
    assert page.locator(".tw-tick:checked").count() == 0
    assert stored(page, ANSWERS_KEY) is None
    assert stored(page, TICKS_KEY) is None


def test_chapter_planner_shares_answers_with_the_full_planner(page: Page, site_url: str) -> None:
    answers = {"situation": "interviewing", "motive": "need"}  # the chapter shows an item
    open_planner(page, site_url)
    choose(page, answers)

    open_chapter(page, site_url + CHAPTER_PAGE)
    assert chosen_answers(page) == answers
    sections = page.get_attribute(".tw-planner", "data-sections").split()
    assert shown_items(page) == list(telework.plan(answers, sections=sections).item_ids())
    # The live checklist's headings stay one level below the widget's title.
    title = page.eval_on_selector(".tw-planner-title", "e => e.tagName")
    tags = "elements => elements.map((e) => e.tagName)"
    headings = page.eval_on_selector_all(".tw-result .tw-section > :first-child", tags)
    assert headings and set(headings) == {f"H{int(title[1]) + 1}"}


def test_the_planner_works_with_the_keyboard_alone(page: Page, site_url: str) -> None:
    open_planner(page, site_url)
    first_radio = "document.activeElement?.matches('.tw-planner input[type=radio]')"
    for _ in range(200):  # Tab through the page's navigation into the form
        page.keyboard.press("Tab")
        if page.evaluate(first_radio):
            break
    assert page.evaluate("document.activeElement.name").endswith("-situation")

    page.keyboard.press("ArrowDown")  # "Not sure yet" -> interviewing
    wait_until_settled(page)
    page.keyboard.press("Tab")  # to the next question, now shown: need or want
    assert page.evaluate("document.activeElement.name").endswith("-motive")
    page.keyboard.press("ArrowDown")
    wait_until_settled(page)
    answers = {"situation": "interviewing", "motive": "need"}
    assert chosen_answers(page) == answers
    assert shown_items(page) == expected_items(answers)

    for _ in range(200):  # on to the first checklist item, and tick it with Space
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement?.classList.contains('tw-tick')"):
            break
    page.keyboard.press("Space")
    item = page.evaluate("document.activeElement.dataset.item")
    assert item == expected_items(answers)[0]
    assert stored(page, TICKS_KEY) == {item: True}


def test_print_checklist_prints_only_that_checklist_with_its_reasons(
    page: Page, site_url: str
) -> None:
    # Headless Chromium has no print dialog: window.print only announces the printing.
    page.add_init_script(
        "window.print = () => { window.printed = true; dispatchEvent(new Event('beforeprint')); }"
    )
    open_chapter(page, site_url + CHAPTER_PAGE)
    choose(page, {"situation": "interviewing", "motive": "need"})
    page.click('[data-action="print"]')
    page.emulate_media(media="print")

    assert page.evaluate("window.printed") is True
    assert page.locator(".tw-planner .tw-item").first.is_visible()
    assert page.locator(".tw-planner details.tw-why:not([open])").count() == 0
    for elsewhere in (".tw-form", ".tw-actions", "h1", "nav"):
        assert page.locator(elsewhere).first.is_hidden(), elsewhere
