"""Hostile or careless links and storage: no valid answer thrown away, nothing erased, no
flood of notices, notices readable, and a planner that always goes live."""

from __future__ import annotations

import json

import pytest
from browsing import (
    ANSWERS_KEY,
    TICKS_KEY,
    chosen_answers,
    fragment,
    open_planner,
    shown_items,
    store_before_load,
    stored,
    stored_text,
    wait_until_settled,
)
from playwright.sync_api import Page

import telework

pytestmark = pytest.mark.browser

PROPOSAL_PAGE = "tools/proposal.html"
VALID = {"situation": "current", "stage": "maybe"}
PROTOTYPE_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty"]
NOTICES = ".tw-planner .tw-notices li"


def notices(page: Page) -> list[str]:
    return page.locator(NOTICES).all_inner_texts()


def test_prototype_names_in_a_link_keep_every_valid_answer(page: Page, site_url: str) -> None:
    linked = {**{key: "x" for key in PROTOTYPE_KEYS}, **VALID}
    open_planner(page, site_url, fragment(linked))
    assert chosen_answers(page) == VALID
    assert shown_items(page) == list(telework.plan_relevant(VALID).item_ids())
    assert notices(page) == [f"Ignored unknown question “{key}”." for key in PROTOTYPE_KEYS]
    assert stored(page, ANSWERS_KEY) == VALID


def test_prototype_names_in_storage_never_erase_the_saved_answers(
    page: Page, site_url: str
) -> None:
    store_before_load(page, ANSWERS_KEY, json.dumps({**VALID, "constructor": "x"}))
    store_before_load(page, TICKS_KEY, json.dumps({"constructor": True, "toString": True}))
    open_planner(page, site_url)
    assert chosen_answers(page) == VALID
    assert notices(page) == ["Ignored unknown question “constructor”."]
    page.reload()
    wait_until_settled(page)
    assert chosen_answers(page) == VALID
    assert stored(page, ANSWERS_KEY) == VALID
    assert stored(page, TICKS_KEY) == {"constructor": True, "toString": True}  # left alone


def test_deeply_nested_storage_is_set_aside_with_one_notice_and_the_planner_starts_clean(
    page: Page, site_url: str
) -> None:
    nested = '{"situation": ' + "[" * 5000 + "]" * 5000 + "}"
    store_before_load(page, ANSWERS_KEY, nested)
    open_planner(page, site_url)
    assert chosen_answers(page) == {}
    assert shown_items(page) == list(telework.plan_relevant({}).item_ids())
    [notice] = notices(page)
    assert notice.startswith("Your saved answers could not be read (it holds nested data")
    assert stored_text(page, f"{ANSWERS_KEY}:set-aside") == nested
    page.reload()  # and the next visit is not stuck either
    wait_until_settled(page)
    assert len(notices(page)) == 0


def test_a_huge_link_is_not_read_and_the_saved_answers_stay(page: Page, site_url: str) -> None:
    store_before_load(page, ANSWERS_KEY, json.dumps(VALID))
    huge = {f"question{n}": "x" * 20 for n in range(40_000)}  # about 1.7 MB
    open_planner(page, site_url, fragment(huge))
    assert chosen_answers(page) == VALID
    [notice] = notices(page)
    assert "could not be read" in notice and "16 KB" in notice
    assert stored(page, ANSWERS_KEY) == VALID


def test_many_bad_answers_give_a_few_notices_then_how_many_more(page: Page, site_url: str) -> None:
    bad = {f"unknown{n}": "x" for n in range(50)}
    open_planner(page, site_url, fragment({**bad, **VALID}))
    assert chosen_answers(page) == VALID
    assert notices(page) == [
        *(f"Ignored unknown question “unknown{n}”." for n in range(4)),
        "…and 46 more notices.",
    ]


def test_notices_show_no_bidi_override_from_a_link(page: Page, site_url: str) -> None:
    open_planner(page, site_url, fragment({"situation": "\u202ecurrent", "stage": "no"}))
    [notice] = notices(page)
    assert "\u202e" not in notice and "“?current”" in notice


def test_a_stored_null_is_named_as_text_not_jsnull(page: Page, site_url: str) -> None:
    store_before_load(page, ANSWERS_KEY, json.dumps({"motive": None}))
    open_planner(page, site_url)
    [notice] = notices(page)
    assert "jsnull" not in notice
    assert notice.startswith("Ignored answer “null” to ")


def test_the_proposal_keeps_valid_planner_answers_beside_prototype_names(
    page: Page, site_url: str
) -> None:
    store_before_load(page, ANSWERS_KEY, json.dumps({**VALID, "constructor": "x"}))
    page.goto(site_url + PROPOSAL_PAGE)
    page.wait_for_selector(".tw-proposal-widget[data-state=live]")
    assert page.inner_text(".tw-answers-summary") == "2 answers."
    assert page.locator(".tw-proposal-widget .tw-notices li").all_inner_texts() == [
        "Ignored unknown question “constructor”."
    ]
