"""The .ics writer: files a calendar program reads back exactly, folded and escaped per RFC 5545."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telework.ics import Event, fold, render_calendar
from telework.trial import Trial, render_trial_calendar

icalendar = pytest.importorskip("icalendar")

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
TRICKY = "Review; bring the log, the figures \\ and\nthe notes — ça va? " + "日本語" * 20


def events_of(text: str) -> list[object]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def test_events_read_back_with_their_day_title_description_and_stamp() -> None:
    text = render_calendar([Event(date(2026, 4, 17), TRICKY, TRICKY)], NOW)
    (event,) = events_of(text)
    assert event["SUMMARY"] == TRICKY and event["DESCRIPTION"] == TRICKY
    assert event["DTSTART"].dt == date(2026, 4, 17)
    assert event["DTEND"].dt == date(2026, 4, 18)  # all day: ends the next day, exclusive
    assert event["DTSTAMP"].dt == NOW
    assert str(event["UID"]).endswith("@telework.invalid")
    # RFC 5545 3.3.11: backslash, semicolon and comma escaped, a line break as \n
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:Review\\; bring the log\\, the figures \\\\ and\\nthe notes" in unfolded


def test_lines_end_in_crlf_and_fold_at_75_octets_without_splitting_a_character() -> None:
    text = render_calendar([Event(date(2026, 4, 17), TRICKY, "é" * 200)], NOW)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)  # folded
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"


@settings(deadline=None)  # no timing in tests: a busy machine is not a failure
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_folding_then_unfolding_gives_the_line_back(line: str) -> None:
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))


def test_control_characters_are_left_out_of_text() -> None:
    (event,) = events_of(render_calendar([Event(date(2026, 1, 1), "a\x00b\x1bc")], NOW))
    assert event["SUMMARY"] == "abc"


def test_the_same_event_keeps_its_uid_and_different_ones_differ() -> None:
    review = Event(date(2026, 4, 17), "Review")
    assert review.uid() == Event(date(2026, 4, 17), "Review", "other words").uid()
    assert review.uid() != Event(date(2026, 4, 18), "Review").uid()


def test_the_trial_calendar_has_the_review_and_the_revisit_date() -> None:
    trial = Trial.from_mapping(
        {"start": "2026-03-02", "weeks": 6, "review": "2026-04-17", "revisit": "2026-07-17"}
    )
    events = events_of(render_trial_calendar(trial, NOW))
    assert [(str(e["SUMMARY"]), e["DTSTART"].dt) for e in events] == [
        ("Review of the work-from-home trial", date(2026, 4, 17)),
        ("Ask again about working from home", date(2026, 7, 17)),
    ]
    assert "2026-03-02 to 2026-04-12" in events[0]["DESCRIPTION"]
    no_revisit = Trial.from_mapping({"start": "2026-03-02", "weeks": 6, "review": "2026-04-17"})
    assert len(events_of(render_trial_calendar(no_revisit, NOW))) == 1
