"""The full planner as a guided interview, at a desktop's and a phone's size: one step at a
time, by mouse or keyboard, "Check your answers", the plan in view, and nothing the reader
did ever lost (shared links, other tabs, storage that will not keep, Reset's Undo)."""

from __future__ import annotations

import json
import re

import pytest
from browsing import (
    ANSWERS_KEY,
    BLOCK_STORAGE,
    CHAPTER_PAGE,
    PLANNER_PAGE,
    TICKS_KEY,
    VIEWPORTS,
    WATCH_LAYOUT_SHIFT,
    choose,
    chosen_answers,
    context_at,
    expected_items,
    first_held,
    fragment,
    hold,
    layout_shift,
    open_chapter,
    open_planner,
    shown_items,
    store_before_load,
    stored,
    wait_until_settled,
)
from playwright.sync_api import Browser, BrowserContext, Page, expect

pytestmark = pytest.mark.browser

PLANNER = ".tw-planner"
SHOWN_STEP = f"{PLANNER} .tw-step:not([hidden])"
MINE = {"situation": "current", "trust": "established"}
SHARED = {"situation": "interviewing", "motive": "need"}


@pytest.fixture
def context(sized_context: BrowserContext) -> BrowserContext:
    """Every test here runs at both screen sizes."""
    return sized_context


def shown_step(page: Page) -> str:
    """The heading of the step on screen: "Step 2 of 4 You and the job"."""
    return " ".join(page.inner_text(f"{SHOWN_STEP} .tw-step-title").split())


def save_before_load(page: Page, answers: dict[str, str]) -> None:
    """Have `answers` saved, as an earlier visit would have left them."""
    store_before_load(page, ANSWERS_KEY, json.dumps(answers))


# ---- steps ----------------------------------------------------------------------------------


def test_one_step_at_a_time_with_back_next_and_steps_that_apply(page: Page, site_url: str) -> None:
    open_planner(page, site_url)
    assert page.locator(SHOWN_STEP).count() == 1
    # With no answers nothing asks what the employer said: four steps, not five.
    assert shown_step(page) == "Step 1 of 4 Where you stand"
    assert page.locator(f"{PLANNER} [data-move=back]").is_hidden()
    page.click(f"{PLANNER} [data-move=next]")
    assert shown_step(page) == "Step 2 of 4 You and the job"
    page.click(f"{PLANNER} [data-move=back]")
    assert shown_step(page) == "Step 1 of 4 Where you stand"

    choose(page, {"situation": "current"})  # a current employer's answer is asked about
    assert shown_step(page) == "Step 1 of 5 Where you stand"
    page.click(f'{PLANNER} .tw-step-link:text("What they said")')
    assert shown_step(page) == "Step 5 of 5 What they said"
    assert page.inner_text(f"{PLANNER} [data-move=next]") == "Check your answers"


def test_the_steps_work_by_keyboard_and_arrows_never_wrap_to_not_sure(
    page: Page, site_url: str
) -> None:
    open_planner(page, site_url)
    page.focus(f'{PLANNER} input[value="current"]')
    page.keyboard.press("Space")
    wait_until_settled(page)
    page.keyboard.press("ArrowDown")  # "current" is the last option: no wrap to "Not sure yet"
    page.keyboard.press("ArrowRight")
    assert chosen_answers(page)["situation"] == "current"
    page.keyboard.press("ArrowUp")  # the option above is still one key away
    wait_until_settled(page)
    assert chosen_answers(page)["situation"] == "elsewhere"

    page.focus(f"{PLANNER} [data-move=next]")
    page.keyboard.press("Enter")
    assert shown_step(page) == "Step 2 of 5 You and the job"  # job seekers hear back too
    assert page.evaluate("document.activeElement.classList.contains('tw-step-title')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name").endswith("-job_fit")


def test_check_your_answers_lists_each_answer_with_a_change_button(
    page: Page, site_url: str
) -> None:
    open_planner(page, site_url)
    choose(page, {"situation": "interviewing", "motive": "need"})
    page.click(f'{PLANNER} .tw-step-link[data-goto="check"]')
    summary = f"{PLANNER} .tw-summary"
    assert page.inner_text(f"{summary} dt >> nth=0") == "Where do you stand?"
    assert page.inner_text(f"{summary} dd >> nth=0").startswith(
        "I'm applying or interviewing for a new job"
    )
    assert page.inner_text(f"{summary} dd >> nth=1").startswith("A need: ")
    assert "Not sure yet" in page.inner_text(f"{summary} dd >> nth=2")  # unanswered, shown
    page.click(f'{summary} [data-change="motive"]')
    assert shown_step(page) == "Step 1 of 5 Where you stand"
    assert page.evaluate("document.activeElement.value") == "need"


# ---- the plan in view ------------------------------------------------------------------------


def test_the_plan_stays_in_view_and_shows_progress(page: Page, site_url: str) -> None:
    open_planner(page, site_url)
    answers = {"situation": "interviewing", "motive": "need"}
    choose(page, answers)
    items = len(expected_items(answers))
    first = expected_items(answers)[0]
    page.check(f'.tw-tick[data-item="{first}"]')
    assert page.inner_text(f"{PLANNER} .tw-progress-text") == f"1 of {items} done"
    assert page.eval_on_selector(f"{PLANNER} progress", "p => [p.value, p.max]") == [1, items]

    page.click(f'{PLANNER} .tw-step-link[data-goto="2"]')  # four questions: a long step
    page.locator(f"{SHOWN_STEP} .tw-question:visible").last.scroll_into_view_if_needed()
    viewport = page.viewport_size
    assert viewport is not None
    if viewport["width"] >= 1100:  # beside the questions, and in view while answering
        plan = page.locator(f"{PLANNER} .tw-plan").bounding_box()
        step = page.locator(SHOWN_STEP).bounding_box()
        assert plan is not None and step is not None
        assert plan["x"] > step["x"] + step["width"] - 1
        # The plan started far above (the step is long), yet fills much of the screen.
        in_view = min(plan["y"] + plan["height"], viewport["height"]) - max(plan["y"], 0)
        assert in_view >= viewport["height"] / 2
        assert page.locator(f"{PLANNER} .tw-plan-bar").is_hidden()
    else:  # a bar at the foot of the screen says where the plan stands and leads to it
        bar = page.locator(f"{PLANNER} .tw-plan-bar")
        box = bar.bounding_box()
        assert box is not None and box["y"] + box["height"] <= viewport["height"] + 1
        assert bar.inner_text() == f"{items} steps · 1 done · See your plan"
        page.click(f"{PLANNER} .tw-plan-bar a")
        assert page.locator(f"{PLANNER} .tw-progress").is_visible()


def test_items_a_change_adds_are_marked(page: Page, site_url: str) -> None:
    open_planner(page, site_url)
    before = set(shown_items(page))
    assert page.locator(f"{PLANNER} .tw-added").count() == 0
    choose(page, {"situation": "interviewing"})
    added = page.eval_on_selector_all(
        f"{PLANNER} .tw-item.tw-added", "items => items.map(i => i.dataset.item)"
    )
    assert added and set(added) == set(shown_items(page)) - before


def test_feedback_appears_beside_the_buttons(page: Page, site_url: str) -> None:
    open_planner(page, site_url)
    page.click(f"{PLANNER} [data-action=copy-link]")
    feedback = page.locator(f"{PLANNER} .tw-feedback")
    expect(feedback).to_contain_text(re.compile("Link copied|Copy the link below"))
    buttons = page.locator(f"{PLANNER} .tw-actions").bounding_box()
    box = feedback.bounding_box()
    assert buttons is not None and box is not None
    assert 0 <= box["y"] - (buttons["y"] + buttons["height"]) < 40


# ---- nothing lost ----------------------------------------------------------------------------


def test_an_answer_clicked_before_the_script_runs_beats_the_saved_one(
    page: Page, site_url: str
) -> None:
    save_before_load(page, MINE)
    held = hold(page, "**/planner.mjs")  # the planner's module, until the reader has clicked
    page.goto(site_url + PLANNER_PAGE)
    module = first_held(page, held)
    page.check(f'{PLANNER} .tw-question[data-question="situation"] input[value="interviewing"]')
    module.continue_()
    wait_until_settled(page)
    assert chosen_answers(page)["situation"] == "interviewing"
    assert stored(page, ANSWERS_KEY) == {**MINE, "situation": "interviewing"}
    assert shown_items(page) == expected_items({"situation": "interviewing"})  # trust: not asked


def test_a_shared_link_asks_before_it_replaces_saved_answers(page: Page, site_url: str) -> None:
    save_before_load(page, MINE)
    open_planner(page, site_url, fragment(SHARED))
    assert chosen_answers(page) == MINE  # nothing replaced yet
    choice = f"{PLANNER} .tw-choice"
    assert "different from the ones you saved" in page.inner_text(choice)

    page.click(f"{choice} button:text('Open the shared plan')")
    wait_until_settled(page)
    assert chosen_answers(page) == SHARED
    assert shown_items(page) == expected_items(SHARED)
    assert stored(page, ANSWERS_KEY) == MINE  # shown, not saved
    page.click(f"{choice} button:text('Back to my plan')")
    wait_until_settled(page)
    assert chosen_answers(page) == MINE
    assert page.locator(choice).count() == 0


def test_keeping_a_shared_plan_saves_it(page: Page, site_url: str) -> None:
    save_before_load(page, MINE)
    open_planner(page, site_url, fragment(SHARED))
    page.click(f"{PLANNER} .tw-choice button:text('Open the shared plan')")
    wait_until_settled(page)
    page.click(f"{PLANNER} .tw-choice button:text('Keep this plan instead of mine')")
    assert stored(page, ANSWERS_KEY) == SHARED
    page.reload()
    wait_until_settled(page)
    assert chosen_answers(page) == SHARED


def test_keep_mine_leaves_the_saved_answers(page: Page, site_url: str) -> None:
    save_before_load(page, MINE)
    open_planner(page, site_url, fragment(SHARED))
    page.click(f"{PLANNER} .tw-choice button:text('Keep mine')")
    wait_until_settled(page)
    assert chosen_answers(page) == MINE
    assert stored(page, ANSWERS_KEY) == MINE
    assert "#a=" not in page.url


def test_a_link_pasted_into_an_open_tab_is_a_new_visit(page: Page, site_url: str) -> None:
    open_planner(page, site_url)
    page.evaluate(f"location.hash = {json.dumps(fragment(SHARED))}")
    page.wait_for_function(f"() => localStorage.getItem('{ANSWERS_KEY}') !== null")
    wait_until_settled(page)
    assert chosen_answers(page) == SHARED  # nothing was saved, so nothing to ask about
    assert shown_items(page) == expected_items(SHARED)


def test_open_tabs_stay_in_step_and_keep_each_others_ticks(
    context: BrowserContext, site_url: str
) -> None:
    first, second = context.new_page(), context.new_page()
    open_planner(first, site_url)
    open_planner(second, site_url)
    choose(first, SHARED)
    second.wait_for_function(
        "() => document.querySelector('.tw-planner input[value=need]').checked"
    )
    wait_until_settled(second)
    items = expected_items(SHARED)
    assert chosen_answers(second) == SHARED
    assert shown_items(second) == items

    first.check(f'.tw-tick[data-item="{items[0]}"]')
    second.check(f'.tw-tick[data-item="{items[1]}"]')
    assert stored(first, TICKS_KEY) == {items[0]: True, items[1]: True}
    first.wait_for_function(
        f"() => document.querySelector('.tw-tick[data-item=\"{items[1]}\"]').checked"
    )
    assert first.is_checked(f'.tw-tick[data-item="{items[0]}"]')


def test_storage_that_will_not_keep_is_announced_once(page: Page, site_url: str) -> None:
    page.add_init_script(BLOCK_STORAGE)
    open_planner(page, site_url)
    choose(page, SHARED)
    page.check(f'.tw-tick[data-item="{expected_items(SHARED)[0]}"]')
    notices = page.locator(f"{PLANNER} .tw-notices li").all_inner_texts()
    assert [n for n in notices if "not keeping your answers" in n] == [notices[0]]
    assert len(notices) == 1
    assert shown_items(page) == expected_items(SHARED)  # the planner still works


def test_reset_offers_undo(page: Page, site_url: str) -> None:
    open_planner(page, site_url)
    choose(page, SHARED)
    ticked = expected_items(SHARED)[0]
    page.check(f'.tw-tick[data-item="{ticked}"]')
    page.click(f"{PLANNER} [data-action=reset]")
    wait_until_settled(page)
    assert chosen_answers(page) == {}
    assert stored(page, ANSWERS_KEY) is None

    page.click(f"{PLANNER} .tw-feedback button:text('Undo')")
    wait_until_settled(page)
    assert chosen_answers(page) == SHARED
    assert page.is_checked(f'.tw-tick[data-item="{ticked}"]')
    assert stored(page, ANSWERS_KEY) == SHARED
    assert stored(page, TICKS_KEY) == {ticked: True}


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS)
@pytest.mark.parametrize(
    "path", [PLANNER_PAGE, CHAPTER_PAGE, "current-employer/making-the-case.html"]
)
def test_the_page_does_not_shift_while_python_starts(
    browser: Browser, site_url: str, path: str, viewport: dict[str, int]
) -> None:
    """Nor does a chapter's, whose planner starts (and reports its loading) once scrolled to."""
    with context_at(browser, viewport) as context:
        page = context.new_page()
        page.add_init_script(WATCH_LAYOUT_SHIFT)
        open_chapter(page, site_url + path)
        assert layout_shift(page) <= 0.01
