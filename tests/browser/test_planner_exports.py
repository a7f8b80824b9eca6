"""What leaves the planner stands on its own (Markdown with ticks and answers, print with
answers and addresses, a calendar of the plan's dates), and a chapter's planner is never a
dead end."""

from __future__ import annotations

import re
from datetime import date

import pytest
from browsing import (
    CHAPTER_PAGE,
    choose,
    download,
    open_chapter,
    open_planner,
    shown_items,
    wait_until_settled,
)
from playwright.sync_api import BrowserContext, Page, expect

import telework

pytestmark = pytest.mark.browser

ANSWERS = {"situation": "interviewing", "motive": "need"}


@pytest.fixture
def context(sized_context: BrowserContext) -> BrowserContext:
    """Every test here runs at both screen sizes."""
    return sized_context


def test_the_markdown_file_has_the_answers_the_ticks_and_says_links_are_relative(
    page: Page, site_url: str
) -> None:
    open_planner(page, site_url)
    choose(page, ANSWERS)
    first, second = shown_items(page)[:2]
    page.check(f'.tw-tick[data-item="{first}"]')
    _, text = download(page, ".tw-planner [data-action=download]")

    assert text.startswith("# Your remote-work plan\n\n## Your answers\n\n")
    assert "- Where do you stand? I'm applying or interviewing for a new job\n" in text
    assert "- Is working from home a need or a want? A need: I won't take the job" in text
    assert "*The links below are relative" in text  # the book sets no html_baseurl
    checklist = telework.plan(ANSWERS)
    texts = {item.id: item.text for section in checklist.sections for item in section.items}
    assert f"- [x] {texts[first]}" in text
    assert f"- [ ] {texts[second]}" in text
    assert len(re.findall(r"^- \[x\] ", text, flags=re.MULTILINE)) == 1


def test_the_calendar_holds_the_date_to_ask_again_three_months_after_a_no(
    page: Page, site_url: str
) -> None:
    icalendar = pytest.importorskip("icalendar")
    page.clock.set_fixed_time("2026-03-02T10:00:00")  # the reader's local day
    open_planner(page, site_url)
    calendar = ".tw-planner [data-action=calendar]"
    button = page.locator(calendar)
    choose(page, {"situation": "current"})
    assert button.is_hidden()  # no dates in this plan yet
    choose(page, {"stage": "no"})
    name, text = download(page, calendar)
    assert name.endswith(".ics")

    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert event["DTSTART"].dt == date(2026, 6, 2)
    assert event["SUMMARY"] == "Ask again about working from home"
    description = str(event["DESCRIPTION"])
    assert "Ask whether you could come back to the idea in a few months." in description
    assert f"{site_url}after/after-no.html#revisit-later" in description  # absolute
    choose(page, {"stage": "maybe"})
    assert button.is_hidden()


def test_print_shows_the_answers_and_each_links_address(page: Page, site_url: str) -> None:
    page.add_init_script("window.print = () => dispatchEvent(new Event('beforeprint'))")
    open_planner(page, site_url)
    choose(page, ANSWERS)
    page.click(".tw-planner [data-action=print]")
    page.emulate_media(media="print")
    answers = page.locator(".tw-planner .tw-print-answers")
    assert answers.is_visible()
    assert "Where do you stand? I'm applying or interviewing for a new job" in answers.inner_text()
    link = page.locator(".tw-planner .tw-result a[href]").first
    address = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert address == f'" <{link.evaluate("a => a.href")}>"'
    assert address.startswith('" <http')  # the whole address, not the page's relative path


def test_a_chapter_for_job_seekers_says_so_and_shows_the_chapter_that_fits(
    page: Page, site_url: str
) -> None:
    open_chapter(
        page, site_url + CHAPTER_PAGE
    )  # the job-search chapter's "When should I raise it?"
    fits = page.locator(".tw-planner .tw-fits")
    assert fits.is_hidden()
    choose(page, {"situation": "current"})  # asking a current employer: not a job seeker
    expect(fits).to_be_in_viewport()
    assert fits.inner_text() == (
        "This chapter is for readers who answer “Where do you stand?” with “I'm applying or "
        "interviewing for a new job” or “I'm applying for a job based in another town and "
        "won't move”. The chapter that fits you is Making the case; here is its advice for "
        "your answers:"
    )
    href = fits.locator("a").get_attribute("href") or ""
    assert re.fullmatch(r"\.\./current-employer/making-the-case\.html#tw-planner-\d+", href)
    expected = telework.plan_relevant({"situation": "current"}, sections=["case"]).item_ids()
    assert shown_items(page) == list(expected) != []
    assert page.locator(".tw-planner .tw-elsewhere").count() == 0
    assert "0 items" not in page.inner_text(".tw-planner .tw-status")

    page.click(f".tw-planner .tw-fits a[href='{href}']")  # the link leads to that widget
    page.wait_for_url(re.compile(r"making-the-case\.html#tw-planner-"))
    wait_until_settled(page)
    assert shown_items(page) == list(expected)  # the same advice, in its own chapter

    page.go_back()
    wait_until_settled(page)
    seeker = {"situation": "interviewing", "motive": "need"}
    choose(page, seeker)  # a job seeker: this chapter's own advice
    assert fits.is_hidden()
    own = telework.plan_relevant(seeker, sections=["timing"]).item_ids()
    assert shown_items(page) == list(own) != []


def test_a_chapter_with_nothing_yet_for_the_reader_shows_their_whole_plan(
    page: Page, site_url: str
) -> None:
    open_chapter(page, site_url + "after/after-yes.html")  # "How do I make the yes last?"
    choose(page, {"situation": "current"})  # no answer from the employer yet
    note = page.locator(".tw-planner .tw-elsewhere")
    assert note.inner_text().startswith(
        "None of this chapter's advice applies to your answers. Here is what applies to you"
    )
    assert note.locator("a").get_attribute("href") == "../tools/planner.html"
    assert shown_items(page) == list(telework.plan_relevant({"situation": "current"}).item_ids())
    assert page.locator(".tw-planner .tw-fits").count() == 0  # the chapter is for everyone
