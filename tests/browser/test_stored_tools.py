"""The rehearsal and the trial tracker given unreadable or hostile storage: the page goes
live, says once that it set the data aside, and keeps it aside rather than erasing it."""

from __future__ import annotations

import json

import pytest
from browsing import BOOT_TIMEOUT_MS, store_before_load, stored_text
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

LIVE = ".tw-planner[data-state=live]"
CASES = {
    "deeply nested": "[" * 5000 + "]" * 5000,
    "not JSON": "{not json",
    "too long": json.dumps({"x": "y" * 20_000}),
    "the wrong shape": json.dumps(["a", "list"]),
}
TOOLS = [
    ("tools/rehearse.html", "telework-rehearsal-replies", "saved answers or replies"),
    ("tools/trial.html", "telework-trial-log", "saved log"),
]


@pytest.mark.parametrize(("path", "key", "what"), TOOLS, ids=["rehearsal", "trial"])
@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_unreadable_storage_is_set_aside_with_one_notice(
    page: Page, site_url: str, path: str, key: str, what: str, text: str
) -> None:
    store_before_load(page, key, text)
    page.goto(site_url + path)
    page.wait_for_selector(LIVE, timeout=BOOT_TIMEOUT_MS)
    notices = page.locator(".tw-planner .tw-notices li").all_inner_texts()
    assert [n for n in notices if n.startswith(f"Your {what} could not be read")] == [notices[0]]
    assert stored_text(page, f"{key}:set-aside") == text


def test_prototype_names_in_stored_replies_stay_data(page: Page, site_url: str) -> None:
    replies = {"__proto__": {"reply": "x"}, "constructor": {"reply": "y"}}
    store_before_load(page, "telework-rehearsal-replies", json.dumps(replies))
    page.goto(site_url + "tools/rehearse.html")
    page.wait_for_selector(LIVE, timeout=BOOT_TIMEOUT_MS)
    assert page.evaluate("({}).polluted === undefined && typeof ({}).toString === 'function'")
