"""The reader's own answers and ticks survive a shared link's offer, blocked storage, a
garbled link and another tab's work after a Reset; and the focus never falls to the page's
<body> when the planner's messages change, at a desktop's and a phone's size."""

from __future__ import annotations

import json

import pytest
from browsing import (
    ANSWERS_KEY,
    BLOCK_STORAGE,
    TICKS_KEY,
    choose,
    chosen_answers,
    expected_items,
    fragment,
    open_planner,
    stored,
    wait_until_settled,
)
from playwright.sync_api import BrowserContext, Page, expect
from test_planner_interview import PLANNER, SHARED, save_before_load

pytestmark = pytest.mark.browser

CHOICE = f"{PLANNER} .tw-choice"
MINE = {"situation": "current", "job_fit": "onsite"}


@pytest.fixture
def context(sized_context: BrowserContext) -> BrowserContext:
    """Every test here runs at both screen sizes."""
    return sized_context


def paste_link(page: Page, answers_fragment: str) -> None:
    """A link pasted into the open tab's address bar: only its fragment changes."""
    page.evaluate(f"location.hash = {json.dumps(answers_fragment)}")


def focus_is_inside(page: Page, selector: str) -> bool:
    """Whether the focused element is (or is inside) the first element `selector` matches."""
    inside: bool = page.evaluate(
        "(selector) => { const e = document.querySelector(selector);"
        " return e !== null && e.contains(document.activeElement); }",
        selector,
    )
    return inside


def focus_left_body(page: Page) -> bool:
    left: bool = page.evaluate("() => document.activeElement !== document.body")
    return left


# ---- a shared link's offer -------------------------------------------------------------------


def test_answers_given_beside_a_shared_links_offer_are_saved(page: Page, site_url: str) -> None:
    save_before_load(page, MINE)
    open_planner(page, site_url, fragment(SHARED))
    assert page.locator(CHOICE).is_visible()  # offered, and left unanswered
    choose(page, {"trust": "established"})
    assert stored(page, ANSWERS_KEY) == {**MINE, "trust": "established"}
    page.reload()
    wait_until_settled(page)
    assert chosen_answers(page) == {**MINE, "trust": "established"}
    assert page.locator(CHOICE).count() == 0  # the link was read once, then dropped


def test_open_and_keep_mine_move_the_focus_to_what_changed(page: Page, site_url: str) -> None:
    save_before_load(page, MINE)
    open_planner(page, site_url, fragment(SHARED))
    page.click(f"{CHOICE} button:text('Open the shared plan')")
    wait_until_settled(page)
    assert focus_is_inside(page, CHOICE)  # the message saying a shared plan is shown
    focused = page.evaluate("() => document.activeElement.textContent")
    assert focused.startswith("You are looking at the shared plan")

    page.click(f"{CHOICE} button:text('Back to my plan')")
    wait_until_settled(page)
    assert chosen_answers(page) == MINE
    assert focus_left_body(page) and focus_is_inside(page, PLANNER)

    paste_link(page, fragment(SHARED))
    page.locator(CHOICE).wait_for()
    page.click(f"{CHOICE} button:text('Keep mine')")
    wait_until_settled(page)
    assert chosen_answers(page) == MINE
    assert focus_left_body(page) and focus_is_inside(page, PLANNER)


def test_a_link_pasted_into_an_open_tab_shows_its_offer_in_view_with_the_focus(
    page: Page, site_url: str
) -> None:
    open_planner(page, site_url)
    choose(page, MINE)
    page.evaluate("() => scrollTo(0, document.body.scrollHeight)")  # read to the end
    paste_link(page, fragment(SHARED))
    choice = page.locator(CHOICE)
    choice.wait_for()
    expect(choice).to_be_in_viewport()
    assert focus_is_inside(page, CHOICE)
    announced = "() => document.activeElement.closest('[role=status], [aria-live]') !== null"
    assert page.evaluate(announced)
    assert chosen_answers(page) == MINE


# ---- storage that will not keep -------------------------------------------------------------


def test_with_storage_blocked_a_pasted_link_is_offered_and_keep_mine_keeps_them(
    page: Page, site_url: str
) -> None:
    page.add_init_script(BLOCK_STORAGE)
    open_planner(page, site_url)
    choose(page, MINE)
    paste_link(page, fragment(SHARED))
    page.locator(CHOICE).wait_for()
    assert chosen_answers(page) == MINE  # offered, not applied

    page.click(f"{CHOICE} button:text('Open the shared plan')")
    wait_until_settled(page)
    assert chosen_answers(page) == SHARED
    page.click(f"{CHOICE} button:text('Back to my plan')")
    wait_until_settled(page)
    assert chosen_answers(page) == MINE

    paste_link(page, fragment(SHARED))
    page.locator(CHOICE).wait_for()
    page.click(f"{CHOICE} button:text('Keep mine')")
    wait_until_settled(page)
    assert chosen_answers(page) == MINE


# ---- a garbled link -------------------------------------------------------------------------


@pytest.mark.parametrize("garbled", ["#a=%E0%A4%A", "#a=situation%3D%E0%A4%A"])
def test_a_garbled_link_is_named_in_one_line_and_changes_nothing(
    page: Page, site_url: str, garbled: str
) -> None:
    save_before_load(page, MINE)
    open_planner(page, site_url, garbled)
    assert page.locator(CHOICE).count() == 0  # no "different plan" offer
    [notice] = page.locator(f"{PLANNER} .tw-notices li").all_inner_texts()
    assert notice == (
        "The link's answers could not be read (it is not validly URL-encoded: "
        "it may have been cut short), so it was not used."
    )
    assert chosen_answers(page) == MINE
    assert stored(page, ANSWERS_KEY) == MINE


# ---- Reset's Undo ----------------------------------------------------------------------------


def test_undo_keeps_what_another_tab_did_after_the_reset(
    context: BrowserContext, site_url: str
) -> None:
    first, second = context.new_page(), context.new_page()
    open_planner(first, site_url)
    open_planner(second, site_url)
    choose(first, MINE)
    mine_item = expected_items(MINE)[0]
    first.check(f'.tw-tick[data-item="{mine_item}"]')
    first.click(f"{PLANNER} [data-action=reset]")
    wait_until_settled(first)

    second.wait_for_function(f"() => localStorage.getItem('{ANSWERS_KEY}') === null")
    wait_until_settled(second)
    choose(second, {"situation": "interviewing"})
    theirs = expected_items({"situation": "interviewing"})[-1]
    second.check(f'.tw-tick[data-item="{theirs}"]')
    first.wait_for_function(
        "() => document.querySelector('.tw-planner input[value=interviewing]').checked"
    )
    wait_until_settled(first)

    first.click(f"{PLANNER} .tw-feedback button:text('Undo')")
    wait_until_settled(first)
    # The later answer to the same question stands; the rest of what Reset removed is back.
    kept = {"situation": "interviewing", "job_fit": "onsite"}
    assert stored(first, ANSWERS_KEY) == kept
    assert stored(first, TICKS_KEY) == {mine_item: True, theirs: True}
    assert first.inner_text(f"{PLANNER} .tw-feedback") == (
        "Your answers and ticks are back, with the changes made since the reset."
    )
    assert focus_is_inside(first, f"{PLANNER} .tw-feedback")  # not the page's <body>
    second.wait_for_function(
        f"() => document.querySelector('.tw-tick[data-item=\"{mine_item}\"]')?.checked"
    )
    assert second.is_checked(f'.tw-tick[data-item="{theirs}"]')


def test_undo_with_nothing_done_since_brings_everything_back_and_keeps_the_focus(
    page: Page, site_url: str
) -> None:
    open_planner(page, site_url)
    choose(page, SHARED)
    page.click(f"{PLANNER} [data-action=reset]")
    wait_until_settled(page)
    page.click(f"{PLANNER} .tw-feedback button:text('Undo')")
    wait_until_settled(page)
    assert chosen_answers(page) == SHARED
    assert page.inner_text(f"{PLANNER} .tw-feedback") == "Your answers and ticks are back."
    assert focus_is_inside(page, f"{PLANNER} .tw-feedback")
