"""The log's CSV file: a lossless round trip, and bad files answered by line and column."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from telework.trial import (
    MEASURES,
    PLACES,
    Entry,
    Trial,
    TrialError,
    TrialLog,
    log_from_csv,
    log_to_csv,
    sample_log,
)
from telework.trial.model import WEEKDAYS

HEADER = (
    "start,weeks,review,home_days,measures,agreed,revisit\r\n"
    "2026-03-02,2,2026-03-20,tue thu,meetings,,\r\n"
    "date,place,delivered,response_hours,hours_available,meetings,notes\r\n"
)

# Any text a reader could type: no control characters except line breaks and tabs.
TYPED = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u202e\u2066")
    | st.sampled_from("\n\r\t,;\"'"),
    max_size=40,
)


@st.composite
def logs(draw: st.DrawFn) -> TrialLog:
    start = draw(st.dates(date(2020, 1, 1), date(2030, 12, 31)))
    weeks = draw(st.integers(1, 26))
    end = start + timedelta(weeks=weeks, days=-1)
    measures = draw(st.lists(st.sampled_from(list(MEASURES)), unique=True))
    trial = Trial(
        start=start,
        weeks=weeks,
        review=draw(st.dates(start, end + timedelta(days=30))),
        home_days=tuple(draw(st.lists(st.sampled_from(WEEKDAYS), unique=True))),
        measures=tuple(measures),
        agreed=draw(TYPED),
        revisit=draw(st.none() | st.just(end + timedelta(days=120))),
    )
    days = draw(st.lists(st.integers(0, weeks * 7 - 1), unique=True, max_size=12))
    entries = []
    for offset in days:
        recorded = draw(st.sets(st.sampled_from(measures))) if measures else set()
        numbers = {
            m: draw(st.floats(0, MEASURES[m].high) if not MEASURES[m].whole
                    else st.integers(0, int(MEASURES[m].high)))
            for m in recorded
        }  # fmt: skip
        place = draw(st.sampled_from(PLACES))
        entries.append(Entry(start + timedelta(offset), place, draw(TYPED), numbers, draw(TYPED)))
    return TrialLog(trial, tuple(entries))


@settings(deadline=None)  # no timing in tests: a busy machine is not a failure
@given(logs())
def test_any_log_survives_the_round_trip_through_csv(log: TrialLog) -> None:
    assert log_from_csv(log_to_csv(log)) == log


@settings(deadline=None)  # no timing in tests: a busy machine is not a failure
@given(logs())
def test_the_csv_round_trip_is_stable(log: TrialLog) -> None:
    text = log_to_csv(log)
    assert log_to_csv(log_from_csv(text)) == text


def test_the_shipped_sample_is_a_six_week_log() -> None:
    log = sample_log()
    assert (log.trial.start, log.trial.weeks) == (date(2026, 3, 2), 6)
    assert len(log.entries) == 26  # 30 working days, 4 without an entry


def test_a_spreadsheets_byte_order_mark_blank_rows_and_lf_endings_are_read() -> None:
    text = "\ufeff" + HEADER.replace("\r\n", "\n") + ",,,,,,\n2026-03-03,home,x,,,1,\n\n"
    log = log_from_csv(text)
    assert [(e.day.day, e.place, e.measures) for e in log.entries] == [(3, "home", {"meetings": 1})]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file ends before the trial's header (start,weeks,"),
        ("start,weeks\r\n", "line 1: expected 7 columns (start,weeks,review,"),
        (HEADER.replace("review,", "reveiw,", 1), "line 1, column review: the header must be"),
        (HEADER.replace(",2,", ",52,"), "line 2, column weeks: “52” is impossible here; use a"),
        (HEADER.replace("tue thu", "tues"), "line 2, column home_days: “tues” is not one of"),
        (HEADER.replace(",notes", ""), "line 3: expected 7 columns"),
        (HEADER + "2026-03-03,home,x,,,1\r\n", "line 4: expected 7 columns"),
        (HEADER + "2026-03-03,home,x,,,many,\r\n", "line 4, column meetings: “many” is not a"),
        (HEADER + "2026-03-03,home,x,,8,,\r\n", "line 4, column hours_available: was not agreed"),
        (HEADER + "2026-03-33,home,,,,,\r\n", "line 4, column date: “2026-03-33” is not a real"),
        (HEADER + "2026-04-03,home,,,,,\r\n", "line 4, column date: 2026-04-03 is outside"),
        (HEADER + '2026-03-03,home,"a\nb",,,,\r\n2026-03-03,office,,,,,\r\n',
         "line 6, column date: 2026-03-03 already has an entry"),
        (HEADER + '2026-03-03,home,"unclosed,,,,\r\n', "line 4: not valid CSV"),
        (HEADER + ",,,,,,\r\n" * 200, "line 186: too many lines"),
    ],
)  # fmt: skip
def test_bad_files_are_answered_with_the_line_and_column(text: str, message: str) -> None:
    with pytest.raises(TrialError) as caught:
        log_from_csv(text)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_a_huge_file_is_refused_before_it_is_parsed() -> None:
    with pytest.raises(TrialError, match="too large"):
        log_from_csv(HEADER + "x" * 3_000_000)
