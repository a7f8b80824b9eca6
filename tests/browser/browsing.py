"""What the browser tests do on the built book's planner pages, as a reader would."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote, urlencode

from playwright.sync_api import Page

import telework

PLANNER_PAGE = "tools/planner.html"
CHAPTER_PAGE = "job-search/need-or-want.html"
"""A chapter holding a smaller planner."""
SETTLED = ".tw-planner[data-state=live] .tw-result:not([aria-busy])"
"""A live planner whose checklist shows the result of the last change."""
BOOT_TIMEOUT_MS = 30_000


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
            radio = f'{planner} .tw-question[data-question="{question.id}"] input'
            page.check(f'{radio}[value="{answers[question.id]}"]')
            wait_until_settled(page)


def expected_items(answers: Mapping[str, str]) -> list[str]:
    return list(telework.plan(answers).item_ids())
