"""What the browser tests do on the built book's planner pages, as a reader would."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from urllib.parse import quote, urlencode

from playwright.sync_api import Browser, BrowserContext, Page

import telework

PLANNER_PAGE = "tools/planner.html"
CHAPTER_PAGE = "job-search/need-or-want.html"
"""A chapter holding a smaller planner."""
SETTLED = ".tw-planner[data-state=live] .tw-result:not([aria-busy])"
"""A live planner whose checklist shows the result of the last change."""
BOOT_TIMEOUT_MS = 30_000
VIEWPORTS = {"wide": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
"""The screen sizes the widgets' flows are tested at: a desktop's and a phone's."""


@contextmanager
def context_at(browser: Browser, viewport: Mapping[str, int]) -> Iterator[BrowserContext]:
    """A fresh browser context (an empty profile) with a screen of `viewport`'s size."""
    width, height = viewport["width"], viewport["height"]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(BOOT_TIMEOUT_MS)
    try:
        yield context
    finally:
        context.close()


def fragment(answers: Mapping[str, str]) -> str:
    """A shared-plan fragment as the planner writes it: #a=<URL-encoded key=value pairs>."""
    return "#a=" + quote(urlencode(list(answers.items())), safe="")


def wait_until_settled(page: Page) -> None:
    page.wait_for_selector(SETTLED, timeout=BOOT_TIMEOUT_MS)


def shown_items(page: Page, planner: str = ".tw-planner") -> list[str]:
    return page.eval_on_selector_all(
        f"{planner} .tw-result .tw-item", "items => items.map(i => i.dataset.item)"
    )


def chosen_answers(page: Page, planner: str = ".tw-planner") -> dict[str, str]:
    """The answers the form shows (checked radios other than "Not sure yet")."""
    pairs = page.eval_on_selector_all(
        f"{planner} .tw-question input[type=radio]:checked",
        "inputs => inputs.map(i => [i.closest('.tw-question').dataset.question, i.value])",
    )
    return {question: option for question, option in pairs if option}


def choose(page: Page, answers: Mapping[str, str], planner: str = ".tw-planner") -> None:
    """Click through `answers` in the guide's question order, as a reader would."""
    for question in telework.load_guide().questions:
        if question.id in answers:
            fieldset = f'{planner} .tw-question[data-question="{question.id}"]'
            go_to_step_of(page, fieldset)
            page.check(f'{fieldset} input[value="{answers[question.id]}"]')
            wait_until_settled(page)


def go_to_step_of(page: Page, selector: str) -> None:
    """In the full planner, open the step holding `selector` with the list of steps."""
    step = page.eval_on_selector(selector, "e => e.closest('.tw-step')?.dataset.step ?? null")
    if step is not None:
        planner = page.eval_on_selector(selector, "e => '#' + e.closest('.tw-planner').id")
        page.click(f'{planner} .tw-step-link[data-goto="{step}"]')


def expected_items(answers: Mapping[str, str]) -> list[str]:
    return list(telework.plan(answers).item_ids())


WATCH_LAYOUT_SHIFT = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.layoutShift += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""
"""An init script adding up the page's layout shifts not caused by the reader (its CLS)."""


def layout_shift(page: Page) -> float:
    """The page's layout shift so far, once two more frames have been drawn."""
    shift: float = page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame("
        "() => done(window.layoutShift))))"
    )
    return shift
