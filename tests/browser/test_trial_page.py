"""The trial tracker page in Chromium: sample before scripts, adding days, the summary,
CSV export and import, Forget with Undo, privacy, and axe."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browsing import (
    BOOT_TIMEOUT_MS,
    axe_findings,
    download,
    guard_origin,
    page_without_scripts,
    record_dialogs,
    store_before_load,
    stored,
    stored_text,
)
from playwright.sync_api import Browser, Page

from telework.trial import log_from_csv, log_to_csv, sample_log, summarise
from telework.trial.render import render_summary_html

pytestmark = pytest.mark.browser

TRIAL_PAGE = "tools/trial.html"
LOG_KEY = "telework-trial-log"
WIDGET = ".tw-trial-widget"
PREVIEW = f"{WIDGET} .tw-trial-preview"
SETTLED = f"{WIDGET}[data-state=live] .tw-trial-preview:not([aria-busy])"
TODAY = date.today()
# A trial running this week and the next three, so today's entry fits.
START = date.fromordinal(TODAY.toordinal() - TODAY.weekday())
TRIAL = {
    "start": START.isoformat(),
    "weeks": "4",
    "review": date.fromordinal(START.toordinal() + 30).isoformat(),
    "home_days": ["tue", "thu"],
    "measures": ["meetings"],
}


def stored_log(page: Page) -> dict[str, Any]:
    """The log the page keeps (a JSON object)."""
    log = stored(page, LOG_KEY)
    assert isinstance(log, dict), log
    return log


def open_page(page: Page, site_url: str, log: Mapping[str, object] | None = None) -> None:
    if log is not None:
        store_before_load(page, LOG_KEY, json.dumps(log))
    page.goto(site_url + TRIAL_PAGE)
    page.wait_for_selector(SETTLED, timeout=BOOT_TIMEOUT_MS)


def set_up_trial(page: Page) -> None:
    page.fill("#tw-trial-start", TRIAL["start"])  # type: ignore[arg-type]
    page.fill("#tw-trial-weeks", TRIAL["weeks"])  # type: ignore[arg-type]
    page.fill("#tw-trial-review", TRIAL["review"])  # type: ignore[arg-type]
    for day in TRIAL["home_days"]:
        page.check(f'.tw-trial-form input[name=home_days][value="{day}"]')
    page.check('.tw-trial-form input[name=measures][value="meetings"]')
    page.wait_for_selector(f"{WIDGET}[data-trial=set] {SETTLED.split(' ', 1)[1]}")


def add_day(page: Page, day: str, place: str, delivered: str, meetings: str = "") -> None:
    page.fill("#tw-entry-date", day)
    page.check(f'.tw-entry-form input[name=place][value="{place}"]')
    page.fill("#tw-entry-delivered", delivered)
    if meetings:
        page.fill("#tw-entry-meetings", meetings)
    page.click(".tw-entry-form button[type=submit]")


def test_before_scripts_run_the_page_shows_the_sample_summary_and_no_dead_form(
    browser: Browser, site_url: str
) -> None:
    with page_without_scripts(browser) as page:
        page.goto(site_url + TRIAL_PAGE)
        sample = sample_log()
        expected = render_summary_html(summarise(sample, sample.trial.end), heading_level=3)
        html = page.inner_html(PREVIEW)
        assert html.count("<svg") == 1 and "Days logged: 11 at home, 15 at the office." in html
        assert len(html) > len(expected) * 0.9  # the whole sample summary, chart and table
        assert not page.is_visible(f"{WIDGET} form")
        assert not page.is_visible(f"{WIDGET} .tw-actions")


def test_setting_up_the_trial_and_adding_a_day_shows_its_summary(page: Page, site_url: str) -> None:
    open_page(page, site_url)
    assert page.is_disabled("#tw-entry-delivered")  # no trial yet: no entry to add
    set_up_trial(page)
    assert page.input_value("#tw-entry-date") == TODAY.isoformat()
    assert not page.is_visible("#tw-entry-response_hours")  # not agreed: not asked
    add_day(page, START.isoformat(), "office", "Report; Invoices", "3")
    page.wait_for_selector(f"{WIDGET} .tw-status:has-text('Added {START.isoformat()}')")
    entries = stored_log(page)["entries"]
    assert entries == [{"date": START.isoformat(), "place": "office",
                        "delivered": "Report; Invoices", "meetings": 3, "notes": ""}]  # fmt: skip
    assert "Days logged: 0 at home, 1 at the office." in page.inner_text(PREVIEW)
    rows = page.eval_on_selector_all(
        f"{PREVIEW} tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
    )
    # 2 things delivered and 3 meetings on the one office day; no day at home yet
    assert rows == [["Deliverables", "no days recorded", "2"],
                    ["Meetings attended", "no days recorded", "3"]]  # fmt: skip
    assert "1 entry is not in a CSV you downloaded" in page.inner_text(
        f"{WIDGET} .tw-trial-reminder"
    )


def test_a_bad_entry_is_explained_on_its_field_and_not_stored(page: Page, site_url: str) -> None:
    open_page(page, site_url, {"trial": TRIAL, "entries": []})
    add_day(page, "2001-01-01", "home", "Old work")
    error = page.locator("#tw-entry-date-error")
    error.wait_for(state="visible")
    assert "outside the trial" in error.inner_text()
    assert page.get_attribute("#tw-entry-date", "aria-invalid") == "true"
    assert stored_log(page)["entries"] == []


def test_the_csv_and_summary_download_and_import_back(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    entries = [{"date": START.isoformat(), "place": "home", "delivered": "a; b", "meetings": 1}]
    open_page(page, site_url, {"trial": TRIAL, "entries": entries})
    name, csv_text = download(page, f"{WIDGET} [data-action=download-csv]")
    assert name == "trial-log.csv"
    log = log_from_csv(csv_text)
    assert [(e.day, e.place, e.deliverables) for e in log.entries] == [(START, "home", 2)]
    assert "Every entry is in the CSV" in page.inner_text(f"{WIDGET} .tw-trial-reminder")
    _, summary = download(page, f"{WIDGET} [data-action=download-summary]")
    assert summary.startswith("# Your trial in figures") and "| Deliverables | 2 |" in summary
    _, calendar = download(page, f"{WIDGET} [data-action=download-calendar]")
    assert "BEGIN:VEVENT" in calendar

    # Import the sample log over it: the page asks first, then shows the sample's figures.
    messages = record_dialogs(page, accept=True)
    sample_file = tmp_path / "sample.csv"
    sample_file.write_text(log_to_csv(sample_log()), encoding="utf-8", newline="")
    with page.expect_file_chooser() as chooser:
        page.click(f"{WIDGET} [data-action=import]")
    chooser.value.set_files(str(sample_file))
    page.wait_for_selector(f"{WIDGET} .tw-status:has-text('Imported the log: 26 entries')")
    assert messages and "Replace the 1 entries" in messages[0]
    assert page.input_value("#tw-trial-start") == "2026-03-02"
    assert "Days logged: 11 at home, 15 at the office." in page.inner_text(PREVIEW)
    assert len(stored_log(page)["entries"]) == 26


def test_a_bad_file_is_refused_with_its_line_and_column(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    open_page(page, site_url, {"trial": TRIAL, "entries": []})
    bad = tmp_path / "bad.csv"
    bad.write_text(log_to_csv(sample_log()).replace("2026-03-04,office", "2026-03-04,garden"))
    with page.expect_file_chooser() as chooser:
        page.click(f"{WIDGET} [data-action=import]")
    chooser.value.set_files(str(bad))
    status = page.locator(f"{WIDGET} .tw-status")
    status.filter(has_text="Could not import").wait_for()
    assert "line 6, column place: “garden” is not one of: home, office" in status.inner_text()
    assert stored_log(page)["trial"] == TRIAL  # nothing replaced


def test_forget_removes_the_log_and_undo_brings_it_back(page: Page, site_url: str) -> None:
    log = {"trial": TRIAL, "entries": [{"date": START.isoformat(), "place": "home"}]}
    open_page(page, site_url, log)
    page.click(f"{WIDGET} [data-action=forget]")
    page.wait_for_selector(f"{WIDGET} .tw-status:has-text('Your log is forgotten')")
    assert stored_text(page, LOG_KEY) is None
    assert page.input_value("#tw-trial-start") == ""
    page.click(f"{WIDGET} [data-action=undo]")
    page.wait_for_selector(f"{WIDGET} .tw-status:has-text('Your log is back')")
    assert stored_log(page)["entries"] == log["entries"]
    assert page.input_value("#tw-trial-start") == TRIAL["start"]


def test_nothing_of_the_log_goes_into_a_url_or_leaves_the_origin(page: Page, site_url: str) -> None:
    guard = guard_origin(page)
    open_page(page, site_url)
    set_up_trial(page)
    add_day(page, TODAY.isoformat(), "home", "Secret project Zebra", "2")
    page.wait_for_selector(f"{WIDGET} .tw-status:has-text('Added')")
    assert guard.outside == []
    for url in [*guard.requests, page.url]:
        assert "Zebra" not in url and START.isoformat() not in url


def test_the_live_page_has_no_serious_accessibility_violation(page: Page, site_url: str) -> None:
    open_page(page, site_url, {"trial": TRIAL, "entries": []})
    assert axe_findings(page, impacts={"serious", "critical"}) == []
