"""The plan's calendar: the dates its own items call for, with dates counted by hand."""

from __future__ import annotations

from datetime import date

import pytest

import telework
from telework.ics import render_calendar
from telework.plan_calendar import plan_events
from telework.trial import TrialError
from telework.web import respond

icalendar = pytest.importorskip("icalendar")

NO = {"situation": "current", "stage": "no"}
YES_TO_A_TRIAL = {"situation": "current", "stage": "yes", "arrangement": "trial"}
BOOK = "https://example.org/book/"


def events_read_back(answers: dict[str, str], today: str) -> list[tuple[date, str, str]]:
    text = respond(answers, today=today, book_url=BOOK)["calendar"]
    return [
        (event["DTSTART"].dt, str(event["SUMMARY"]), str(event["DESCRIPTION"]))
        for event in icalendar.Calendar.from_ical(text).walk("VEVENT")
    ]


@pytest.mark.parametrize(
    ("today", "revisit"),
    [
        ("2026-03-15", date(2026, 6, 15)),  # three months on, same day of the month
        ("2026-11-29", date(2027, 2, 28)),  # into the next year; February has no 29th in 2027
        ("2027-11-30", date(2028, 2, 29)),  # a leap year's last day of February
    ],
)
def test_after_a_no_the_plan_sets_a_date_to_ask_again_three_months_on(
    today: str, revisit: date
) -> None:
    ((day, title, description),) = events_read_back(NO, today)
    assert day == revisit
    assert title == "Ask again about working from home"
    assert "Ask whether you could come back to the idea in a few months." in description
    assert f"{BOOK}after/after-no.html#revisit-later" in description


def test_a_trial_agreed_today_is_reviewed_on_its_last_day_six_weeks_on() -> None:
    # 2026-03-02 is a Monday: six weeks of trial run to Sunday 2026-04-12.
    ((day, title, description),) = events_read_back(YES_TO_A_TRIAL, "2026-03-02")
    assert (day, title) == (date(2026, 4, 12), "Review of the work-from-home trial")
    assert "Book the review of your trial and bring the results to it." in description
    assert f"{BOOK}after/after-yes.html#review-the-trial" in description


@pytest.mark.parametrize(
    "answers",
    [
        {},  # nothing answered
        {"situation": "current", "stage": "maybe"},  # a trial proposed, not agreed
        {"situation": "current", "stage": "yes", "arrangement": "full_time"},  # no trial
        {"situation": "interviewing", "stage": "no"},  # no date to ask again
    ],
)
def test_plans_whose_items_call_for_no_date_have_no_calendar(answers: dict[str, str]) -> None:
    result = respond(answers, today="2026-03-02")
    assert result["calendar"] == "" and result["notices"] == []


def test_a_widget_without_the_dated_items_section_has_no_calendar() -> None:
    assert respond(NO, today="2026-03-02", sections=["timing"])["calendar"] == ""


def test_without_a_day_there_is_no_calendar() -> None:
    assert respond(NO)["calendar"] == ""


def test_events_come_from_the_checklist_with_links_from_the_given_base() -> None:
    checklist = telework.plan(NO)
    (event,) = plan_events(checklist, date(2026, 1, 31), "../")
    assert event.day == date(2026, 4, 30)  # no 31st in April: its last day
    assert event.description.endswith("../after/after-no.html#revisit-later")
    assert render_calendar([event]).count("BEGIN:VEVENT") == 1


@pytest.mark.parametrize("bad", ["2026-02-30", "tomorrow", "", 20260302, None])
def test_a_bad_day_is_refused_in_one_line_naming_it(bad: object) -> None:
    with pytest.raises(TrialError, match=r"^start: .*(not a date|not a real calendar date)"):
        plan_events(telework.plan(NO), bad)  # type: ignore[arg-type]


def test_the_planner_reports_a_bad_day_as_a_notice_and_still_answers() -> None:
    result = respond(NO, today="2026-13-01")
    assert result["calendar"] == ""
    assert result["notices"] == [
        "start: “2026-13-01” is not a real calendar date; use YYYY-MM-DD, e.g. 2026-03-02"
    ]
    assert "no-revisit" in result["items"]
