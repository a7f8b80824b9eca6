"""The chapters' planners: never a dead end, whatever the reader answered anywhere in the
book, and their Markdown lists every answer in use, not only the chapter's own questions."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from browsing import ANSWERS_KEY, CHAPTER_PAGE, open_chapter, shown_items, wait_until_settled
from playwright.sync_api import Page

import telework

pytestmark = pytest.mark.browser

WIDGET = ".tw-planner"
CHAPTER_WIDGET = 'data-layout="form"'
"""The mark of a chapter's planner in a built page (the full planner's layout is steps)."""
OPTIONS = {
    "situation": ("", "interviewing", "elsewhere", "current"),
    "stage": ("", "not_asked", "yes", "maybe", "no"),
    "arrangement": ("", "full_time", "some_days", "trial"),
}
"""The answers that decide which chapters are for the reader ("": not answered)."""
COMBINATIONS = [
    {question: option for question, option in zip(OPTIONS, row, strict=True) if option}
    for row in itertools.product(*OPTIONS.values())
][1:]
"""Every combination of OPTIONS but the first (nothing answered: the chapter's own
questions are then the way on)."""

READ_WIDGET = """(widget) => ({
  items: [...widget.querySelectorAll('.tw-result .tw-item')].map((i) => i.dataset.item),
  notes: [...widget.querySelectorAll('.tw-fits:not([hidden]), .tw-elsewhere')].map((n) => ({
    text: n.innerText, link: n.querySelector('a')?.getAttribute('href') ?? null,
    sections: n.dataset.sections ?? null })),
  status: widget.querySelector('.tw-status').textContent,
})"""


def chapter_pages(site_dir: Path) -> list[str]:
    pages = site_dir.rglob("*.html")
    return sorted(
        p.relative_to(site_dir).as_posix() for p in pages if CHAPTER_WIDGET in p.read_text()
    )


def answer_elsewhere(page: Page, answers: dict[str, str]) -> None:
    """Save `answers` as another tab (or the full planner) would, then wait for the widget."""
    page.evaluate(
        "([key, text]) => { localStorage.setItem(key, text);"
        " dispatchEvent(new StorageEvent('storage', {key, newValue: text})); }",
        [ANSWERS_KEY, json.dumps(answers)],
    )
    wait_until_settled(page)


def items(answers: dict[str, str], sections: list[str] | None = None) -> list[str]:
    return list(telework.plan_relevant(answers, sections=sections).item_ids())


def test_every_chapter_widget_page_is_checked(site_dir: Path) -> None:
    assert len(chapter_pages(site_dir)) >= 5
    assert CHAPTER_PAGE in chapter_pages(site_dir)


def test_no_chapter_widget_is_a_dead_end_for_any_situation_stage_or_arrangement(
    page: Page, site_url: str, site_dir: Path
) -> None:
    dead_ends = []
    for name in chapter_pages(site_dir):
        open_chapter(page, site_url + name)
        sections = page.eval_on_selector(WIDGET, "w => w.dataset.sections.split(' ')")
        for answers in COMBINATIONS:
            answer_elsewhere(page, answers)
            shown = page.eval_on_selector(WIDGET, READ_WIDGET)
            own = items(answers, sections)
            if own:  # the chapter's own advice, and no note
                expected, notes = own, []
            else:  # a note saying so with a link on, and the items of the chapter it names
                [note] = shown["notes"] or [{"sections": None, "link": None}]
                if note["link"] is None:
                    dead_ends.append((name, answers, shown["status"]))
                    continue
                fits = note["sections"]
                expected = items(answers, fits.split() if fits else None)
                notes = [note]
            if not expected or shown["items"] != expected or shown["notes"] != notes:
                dead_ends.append((name, answers, shown))
    assert dead_ends == []


def test_a_current_employees_yes_on_the_job_seekers_chapter_shows_their_whole_plan(
    page: Page, site_url: str
) -> None:
    open_chapter(page, site_url + CHAPTER_PAGE)
    answers = {"situation": "current", "stage": "yes"}
    answer_elsewhere(page, answers)
    # "Making the case", the chapter for current employees, has nothing after a yes either.
    assert items(answers, ["timing"]) == items(answers, ["case"]) == []
    assert shown_items(page) == items(answers) != []
    note = page.locator(f"{WIDGET} .tw-elsewhere")
    assert note.inner_text().startswith(
        "This chapter is for readers who answer “Where do you stand?” with “I'm applying or "
        "interviewing for a new job” or “I'm applying for a job based in another town and "
        "won't move”. Here is what applies to you from the whole book"
    )
    assert note.locator("a").get_attribute("href") == "../tools/planner.html"
    assert page.locator(f"{WIDGET} .tw-fits:not([hidden])").count() == 0
    assert "0 items" not in page.inner_text(f"{WIDGET} .tw-status")


def test_a_chapters_markdown_lists_every_answer_in_use(page: Page, site_url: str) -> None:
    answers = {
        "situation": "interviewing",
        "motive": "need",
        "job_fit": "networked",  # asked in other chapters and the full planner, not here
        "arrangement": "some_days",
    }
    page.add_init_script(
        f"localStorage.setItem('{ANSWERS_KEY}', {json.dumps(json.dumps(answers))})"
    )
    open_chapter(page, site_url + CHAPTER_PAGE)
    with page.expect_download() as download:
        page.click(f"{WIDGET} [data-action=download]")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    head = text.split("\n## ", 2)[1]
    assert head == (
        "Your answers\n\n"
        "- Where do you stand? I'm applying or interviewing for a new job\n"
        "- Is working from home a need or a want? A need: I won't take the job without it\n"
        "- How much of your work could be done from home? Nearly all: it runs through "
        "computers, files and networks\n"
        "- What arrangement are you after? Some days a week at home\n\n"
        "*The links below are relative: they work from the book's own pages.*\n"
    )

    # Printing lists them too (read once the plan changed: the download waited for that).
    page.evaluate("() => { window.print = () => dispatchEvent(new Event('beforeprint')); }")
    page.click(f"{WIDGET} [data-action=print]")
    printed = page.inner_text(f"{WIDGET} .tw-print-answers").splitlines()
    assert [line for line in printed if line] == [
        "Your answers:",
        "Where do you stand? I'm applying or interviewing for a new job",
        "Is working from home a need or a want? A need: I won't take the job without it",
        "How much of your work could be done from home? Nearly all: it runs through "
        "computers, files and networks",
        "What arrangement are you after? Some days a week at home",
    ]
