"""The tool widgets (proposal, rehearsal, trial) in Chromium, as the planner behaves: a call
that fails leaves the widget usable, advice to serve the book over http only on pages opened
from disk, storage that will not keep announced once beside where the reader types, and the
library's values handed to the scripts through data-* attributes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest
from browsing import (
    BLOCK_STORAGE,
    BOOT_TIMEOUT_MS,
    FAILURE_WAIT_MS,
    FILL_STORAGE,
    SAME_HTML,
)
from playwright.sync_api import BrowserContext, Page

import telework
from telework.rehearse import ANCHOR_PREFIX
from telework.rehearse import respond as rehearsal_respond
from telework.trial import TRIAL_FIELDS

pytestmark = pytest.mark.browser


class Tool(NamedTuple):
    page: str
    widget: str
    field: str
    """A control the reader types into (in the card, for the rehearsal)."""
    kept: str
    """What the storage notice says the browser is not keeping."""
    typing: str
    """Where the reader types day after day, beside which notices are listed."""


TOOLS = {
    "proposal": Tool("tools/proposal.html", ".tw-proposal-widget", "#tw-proposal-name",
                     "your details", ".tw-proposal-form"),
    "rehearsal": Tool("tools/rehearse.html", ".tw-rehearsal-widget", ".tw-card textarea",
                      "your replies", ".tw-card"),
    "trial": Tool("tools/trial.html", ".tw-trial-widget", "#tw-trial-agreed",
                  "your trial log", ".tw-entry-form"),
}  # fmt: skip
TODAY = date.today()
START = date.fromordinal(TODAY.toordinal() - TODAY.weekday())  # Monday of this week
TRIAL = {
    "start": START.isoformat(),
    "weeks": "4",
    "review": date.fromordinal(START.toordinal() + 30).isoformat(),
    "home_days": ["tue"],
    "measures": [],
}
"""A trial running this week and the next three, so that today's entry fits."""
REVISIT = date.fromordinal(START.toordinal() + 120).isoformat()
ANSWERS = {"situation": "current", "stage": "maybe"}

FAIL_NEXT_CALL = """async () => {
  const { python } = await import("../_static/planner/python.mjs"); // from tools/
  const call = python.call.bind(python);
  python.call = () => {
    python.call = call; // only this call fails
    return Promise.reject(new Error("the worker stopped"));
  };
}"""
"""Make the page's next call to Python fail, as a worker that stopped answering would."""


def live(tool: Tool) -> str:
    """The widget live, its result showing the answer to the last change."""
    return f"{tool.widget}[data-state=live] .tw-result:not([aria-busy])"


def open_tool(
    page: Page, site_url: str, tool: Tool, store: dict[str, object] | None = None
) -> None:
    """Open `tool`'s page with `store` ({key: value as JSON}) in storage, and wait until
    it is live (for the rehearsal: until its first card is dealt)."""
    for key, value in (store or {}).items():
        page.add_init_script(f"localStorage.setItem({key!r}, {json.dumps(json.dumps(value))})")
    page.goto(site_url + tool.page)
    page.wait_for_selector(live(tool))
    if tool is TOOLS["rehearsal"]:
        page.wait_for_selector(f"{tool.widget} .tw-card")


def status(page: Page, tool: Tool) -> str:
    return page.inner_text(f"{tool.widget} .tw-status")


def notices(page: Page, tool: Tool) -> list[str]:
    return page.locator(f"{tool.widget} .tw-notices li").all_inner_texts()


def stored_log(page: Page) -> dict[str, object]:
    return json.loads(page.evaluate("localStorage.getItem('telework-trial-log') || '{}'"))


# ---- one failed call --------------------------------------------------------------------


def test_a_failed_call_leaves_the_rehearsal_usable(page: Page, site_url: str) -> None:
    tool = TOOLS["rehearsal"]
    open_tool(page, site_url, tool, {"telework-planner-answers": ANSWERS})
    page.evaluate(FAIL_NEXT_CALL)
    page.fill(f"{tool.widget} {tool.field}", "A first try.")
    page.wait_for_function(
        "s => document.querySelector(s).textContent.includes('the worker stopped')",
        arg=f"{tool.widget} .tw-status",
    )
    assert status(page, tool) == (
        "Could not update your sheet (it will try again on your next change): the worker stopped"
    )
    assert page.get_attribute(tool.widget, "data-state") == "live"
    assert page.is_visible(f"{tool.widget} .tw-card textarea")  # the card is still there

    reply = "A four-week trial, reviewed on a date we set now."
    page.fill(f"{tool.widget} {tool.field}", reply)
    first = telework.rehearsal(ANSWERS)[0]
    expected = rehearsal_respond(ANSWERS, {first.id: reply}, link_base="../")["html"]
    page.wait_for_function(SAME_HTML, arg=[live(tool), expected], timeout=BOOT_TIMEOUT_MS)
    assert status(page, tool) == "Your questions are ready."


def test_a_failed_call_leaves_the_trial_tracker_usable(page: Page, site_url: str) -> None:
    tool = TOOLS["trial"]
    open_tool(page, site_url, tool, {"telework-trial-log": {"trial": TRIAL, "entries": []}})
    page.evaluate(FAIL_NEXT_CALL)
    page.fill(tool.field, "Four weeks, two days at home.")
    page.wait_for_selector(f"{tool.widget} .tw-status:has-text('the worker stopped')")
    assert status(page, tool) == (
        "Could not update the summary (it will try again on your next change): the worker stopped"
    )
    assert page.get_attribute(tool.widget, "data-state") == "live"

    page.fill(tool.field, "Four weeks, one day at home.")
    page.wait_for_selector(f"{tool.widget} .tw-status:text-is('Your summary is up to date.')")
    assert page.is_enabled("#tw-entry-delivered")  # days can still be added


def test_a_failed_entry_stays_in_the_form_to_add_again(page: Page, site_url: str) -> None:
    tool = TOOLS["trial"]
    open_tool(page, site_url, tool, {"telework-trial-log": {"trial": TRIAL, "entries": []}})
    page.fill("#tw-entry-date", START.isoformat())
    page.check('.tw-entry-form input[name=place][value="office"]')
    page.fill("#tw-entry-delivered", "Report; Invoices")
    page.evaluate(FAIL_NEXT_CALL)
    page.click(".tw-entry-form button[type=submit]")
    page.wait_for_selector(f"{tool.widget} .tw-status:has-text('the worker stopped')")
    assert status(page, tool) == (
        "Could not add the entry (it is still in the form: try again): the worker stopped"
    )
    assert stored_log(page)["entries"] == []
    assert page.input_value("#tw-entry-delivered") == "Report; Invoices"

    page.click(".tw-entry-form button[type=submit]")
    page.wait_for_selector(f"{tool.widget} .tw-status:text-is('Added {START.isoformat()}.')")
    entry = {"date": START.isoformat(), "place": "office", "delivered": "Report; Invoices",
             "notes": ""}  # fmt: skip
    assert stored_log(page)["entries"] == [entry]


# ---- when Python cannot start -----------------------------------------------------------

FROM_DISK = "serve the book over http, for example with make serve"


@pytest.mark.parametrize("tool", TOOLS.values(), ids=TOOLS.keys())
def test_served_over_http_a_widget_that_cannot_start_gives_no_advice_to_serve_it(
    context: BrowserContext, site_url: str, tool: Tool
) -> None:
    context.route("**/*.wasm", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + tool.page)
    page.wait_for_selector(f"{tool.widget}[data-state=unavailable]", timeout=FAILURE_WAIT_MS)
    message = status(page, tool)
    assert "could not start in this browser" in message
    assert "Reloading the page may help" in message
    assert "http" not in message and "make serve" not in message


@pytest.mark.parametrize("tool", TOOLS.values(), ids=TOOLS.keys())
def test_opened_from_disk_a_widget_says_to_serve_the_book(
    page: Page, site_dir: Path, tool: Tool
) -> None:
    page.goto((site_dir / tool.page).as_uri())
    page.wait_for_selector(f"{tool.widget}[data-state=unavailable]", timeout=FAILURE_WAIT_MS)
    message = status(page, tool)
    assert "could not start in this browser" in message
    assert message.count(FROM_DISK) == 1
    # No control that does nothing: the widget's scripts cannot run from disk.
    assert page.locator(f"{tool.widget} :is(form, .tw-actions button):visible").count() == 0


# ---- storage that will not keep ---------------------------------------------------------


@pytest.mark.parametrize("tool", TOOLS.values(), ids=TOOLS.keys())
def test_blocked_storage_is_announced_once_beside_where_the_reader_types(
    sized_context: BrowserContext, site_url: str, tool: Tool
) -> None:
    page = sized_context.new_page()
    page.add_init_script(BLOCK_STORAGE)
    open_tool(page, site_url, tool)
    field = f"{tool.widget} {tool.field}" if tool is TOOLS["rehearsal"] else tool.field
    page.fill(field, "Something worth keeping.")
    page.fill(field, "Something else worth keeping.")
    page.wait_for_selector(live(tool))
    shown = notices(page, tool)
    assert [n for n in shown if "not keeping" in n] == [shown[0]]
    assert shown[0].startswith(
        f"This browser is not keeping {tool.kept} (its storage is blocked or full): what you "
        "type here will be gone when you leave the page."
    )
    # Right beside where the reader types (just above or below it), at any screen size.
    box = page.locator(f"{tool.widget} .tw-notices").bounding_box()
    typing = page.locator(f"{tool.widget} {tool.typing}").bounding_box()
    assert box is not None and typing is not None
    below = box["y"] - (typing["y"] + typing["height"])
    above = typing["y"] - (box["y"] + box["height"])
    assert 0 <= max(below, above) < 40


@pytest.mark.parametrize("tool", TOOLS.values(), ids=TOOLS.keys())
def test_full_storage_is_announced_once_the_reader_types(
    page: Page, site_url: str, tool: Tool
) -> None:
    page.add_init_script(FILL_STORAGE)
    open_tool(page, site_url, tool)
    assert not any("not keeping" in notice for notice in notices(page, tool))
    field = f"{tool.widget} {tool.field}" if tool is TOOLS["rehearsal"] else tool.field
    page.fill(field, "Something worth keeping.")
    page.fill(field, "Something else worth keeping.")
    page.wait_for_selector(f"{tool.widget} .tw-notices li")
    page.wait_for_selector(live(tool))
    shown = notices(page, tool)
    assert [n for n in shown if "not keeping" in n] == [shown[0]]
    assert shown[0].startswith(f"This browser is not keeping {tool.kept} ")


# ---- the library's values, handed through data-* ----------------------------------------


def test_the_rehearsal_reads_its_anchor_prefix_from_the_page(page: Page, site_url: str) -> None:
    """The page hands the library's prefix to the script: with another one there, a link
    with the library's prefix is no longer a card's, and the first card is shown."""
    tool = TOOLS["rehearsal"]
    html = page.request.get(site_url + tool.page).text()
    attribute = f'data-anchor-prefix="{ANCHOR_PREFIX}"'
    assert html.count(attribute) == 1
    other = html.replace(attribute, 'data-anchor-prefix="elsewhere-"')
    page.route(f"**/{tool.page}", lambda route: route.fulfill(body=other, content_type="text/html"))
    linked = telework.rehearsal(ANSWERS)[-2]  # a card of these answers', not the first
    answers = json.dumps(json.dumps(ANSWERS))
    page.add_init_script(f"localStorage.setItem('telework-planner-answers', {answers})")
    page.goto(site_url + tool.page + f"#{linked.anchor}")
    page.wait_for_selector(f"{tool.widget} .tw-card")
    first = telework.rehearsal(ANSWERS)[0]
    assert page.get_attribute(f"{tool.widget} .tw-card", "id") == f"{ANCHOR_PREFIX}{first.id}"


def test_the_trial_form_keeps_every_field_the_library_reads(page: Page, site_url: str) -> None:
    tool = TOOLS["trial"]
    open_tool(page, site_url, tool)
    assert page.get_attribute(tool.widget, "data-fields") == " ".join(TRIAL_FIELDS)
    page.fill("#tw-trial-start", TRIAL["start"])  # type: ignore[arg-type]
    page.fill("#tw-trial-weeks", "4")
    page.fill("#tw-trial-review", TRIAL["review"])  # type: ignore[arg-type]
    page.check('.tw-trial-form input[name=home_days][value="tue"]')
    page.check('.tw-trial-form input[name=home_days][value="thu"]')
    page.check('.tw-trial-form input[name=measures][value="meetings"]')
    page.fill("#tw-trial-agreed", "Two days at home for four weeks.")
    page.fill("#tw-trial-revisit", REVISIT)
    page.wait_for_selector(f"{tool.widget}[data-trial=set] .tw-result:not([aria-busy])")
    assert stored_log(page)["trial"] == {
        "start": TRIAL["start"],
        "weeks": "4",
        "review": TRIAL["review"],
        "home_days": ["tue", "thu"],
        "measures": ["meetings"],
        "agreed": "Two days at home for four weeks.",
        "revisit": REVISIT,
    }
