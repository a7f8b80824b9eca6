"""What leaves the planner stands on its own (Markdown with ticks and answers, print with
answers and addresses), and a chapter's planner is never a dead end."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import (
    CHAPTER_PAGE,
    PLANNER_PAGE,
    VIEWPORTS,
    choose,
    context_at,
    shown_items,
    wait_until_settled,
)
from playwright.sync_api import Browser, BrowserContext, Page

import telework

pytestmark = pytest.mark.browser

ANSWERS = {"situation": "interviewing", "motive": "need"}


@pytest.fixture(params=VIEWPORTS.values(), ids=VIEWPORTS.keys())
def context(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    with context_at(browser, request.param) as context:
        yield context


def test_the_markdown_file_has_the_answers_the_ticks_and_says_links_are_relative(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + PLANNER_PAGE)
    wait_until_settled(page)
    choose(page, ANSWERS)
    first, second = shown_items(page)[:2]
    page.check(f'.tw-tick[data-item="{first}"]')
    with page.expect_download() as download:
        page.click(".tw-planner [data-action=download]")
    text = Path(download.value.path()).read_text(encoding="utf-8")

    assert text.startswith("# Your remote-work plan\n\n## Your answers\n\n")
    assert "- Where do you stand? I'm applying or interviewing for a new job\n" in text
    assert "- Is working from home a need or a want? A need: I won't take the job" in text
    assert "*The links below are relative" in text  # the book sets no html_baseurl
    checklist = telework.plan(ANSWERS)
    texts = {item.id: item.text for section in checklist.sections for item in section.items}
    assert f"- [x] {texts[first]}" in text
    assert f"- [ ] {texts[second]}" in text
    assert len(re.findall(r"^- \[x\] ", text, flags=re.MULTILINE)) == 1


def test_print_shows_the_answers_and_each_links_address(page: Page, site_url: str) -> None:
    page.add_init_script("window.print = () => dispatchEvent(new Event('beforeprint'))")
    page.goto(site_url + PLANNER_PAGE)
    wait_until_settled(page)
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


def test_a_chapter_that_is_not_for_the_reader_shows_their_plan_instead(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + CHAPTER_PAGE)  # the job-search chapter's "When should I raise it?"
    page.locator(".tw-planner").scroll_into_view_if_needed()
    wait_until_settled(page)
    choose(page, {"situation": "current"})  # asking a current employer: not a job seeker
    note = page.locator(".tw-planner .tw-elsewhere")
    assert "for readers in another situation" in note.inner_text()
    assert note.locator("a").get_attribute("href") == "../tools/planner.html"
    assert shown_items(page) == list(telework.plan_relevant({"situation": "current"}).item_ids())
    assert "0 items" not in page.inner_text(".tw-planner .tw-status")
