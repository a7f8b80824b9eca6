"""The trial tracker's model and review summary, against cases worked out by hand."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import pytest

from telework.trial import Entry, Trial, TrialError, TrialLog, render_chart_svg, summarise
from telework.trial.render import (
    render_summary_html,
    render_summary_markdown,
    render_summary_text,
)
from telework.trial.web import add_entry, read_csv, respond

SVG = "{http://www.w3.org/2000/svg}"

# A two-week trial from Monday 2 March 2026: it ends on Sunday 15 March.
TRIAL = {
    "start": "2026-03-02",
    "weeks": "2",
    "review": "2026-03-20",
    "home_days": "tue thu",
    "measures": "response_hours meetings",
    "agreed": "Finished work each day; replies within the hour; team meetings.",
}
ENTRIES = [
    {"date": "2026-03-02", "place": "office", "delivered": "report; invoices",
     "response_hours": "2", "meetings": "3"},
    {"date": "2026-03-03", "place": "home", "delivered": "report; review; plan",
     "response_hours": "1", "meetings": "1"},
    {"date": "2026-03-04", "place": "office", "delivered": "filing", "response_hours": "3"},
    {"date": "2026-03-05", "place": "home", "delivered": "review\nplan",
     "response_hours": "0.5", "meetings": "2"},
    {"date": "2026-03-10", "place": "home"},
    {"date": "2026-03-12", "place": "office", "delivered": "a; b; c; d; e; f",
     "meetings": "9"},  # after the summary's day: not counted yet
]  # fmt: skip
TODAY = date(2026, 3, 11)


def log(entries: list[dict[str, Any]] = ENTRIES, **trial: str) -> TrialLog:
    return TrialLog(
        Trial.from_mapping({**TRIAL, **trial}), tuple(Entry.from_mapping(e) for e in entries)
    )


def error_of(make: Any, *args: Any) -> TrialError:
    with pytest.raises(TrialError) as caught:
        make(*args)
    return caught.value


# ---- the summary, worked by hand ------------------------------------------------------------


def test_summary_counts_days_in_each_place_up_to_today() -> None:
    summary = summarise(log(), TODAY)
    # home: 3, 5 and 10 March; office: 2 and 4 March (12 March is after today)
    assert summary.days_logged == {"home": 3, "office": 2}
    assert summary.through == TODAY


def test_summary_compares_each_measure_home_against_office() -> None:
    deliverables, response, meetings = summarise(log(), TODAY).comparisons
    # deliverables: home (3 + 2 + 0) / 3 days = 5/3; office (2 + 1) / 2 days = 1.5
    assert (deliverables.label, deliverables.home, deliverables.office) == (
        "Deliverables", pytest.approx(5 / 3), 1.5,
    )  # fmt: skip
    # response time: home (1 + 0.5) / 2 (10 March has none) = 0.75; office (2 + 3) / 2 = 2.5
    assert (response.home, response.office) == (0.75, 2.5)
    # meetings: home (1 + 2) / 2 = 1.5; office only 2 March recorded one: 3
    assert (meetings.label, meetings.home, meetings.office) == ("Meetings attended", 1.5, 3)


def test_summary_lists_working_days_with_no_entry() -> None:
    # working days 2-6 and 9-11 March; logged 2, 3, 4, 5, 10: Friday 6, Monday 9, Wednesday 11
    assert summarise(log(), TODAY).missing == (date(2026, 3, 6), date(2026, 3, 9), TODAY)


def test_a_finished_trial_is_summarised_to_its_last_day() -> None:
    summary = summarise(log(), date(2026, 6, 1))
    assert summary.through == date(2026, 3, 15)
    # 12 March now counts: office deliverables (2 + 1 + 6) / 3 days = 3
    assert summary.days_logged == {"home": 3, "office": 3}
    assert summary.comparisons[0].office == 3
    # working days with no entry: 6, 9, 11 and 13 March
    assert [d.day for d in summary.missing] == [6, 9, 11, 13]


def test_a_place_with_no_days_has_no_average() -> None:
    summary = summarise(log([ENTRIES[1]]), TODAY)
    assert [(c.home, c.office) for c in summary.comparisons] == [(3, None), (1, None), (1, None)]


def test_rendered_summaries_show_the_hand_worked_figures() -> None:
    summary = summarise(log(), TODAY)
    # 5/3 shows as 1.7 and 0.75 as 0.8 (one decimal)
    expected = ["1.7", "1.5", "0.8", "2.5", "Days logged: 3 at home, 2 at the office.",
                "2026-03-06, 2026-03-09, 2026-03-11", "Tuesday, Thursday"]  # fmt: skip
    for render in (render_summary_markdown, render_summary_text, render_summary_html):
        text = render(summary)
        for figure in expected:
            assert figure in text, (render.__name__, figure)
    assert "| Response time in hours | 0.8 | 2.5 |" in render_summary_markdown(summary)


# ---- the chart ---------------------------------------------------------------------------------


def test_chart_is_well_formed_svg_labelled_with_every_number() -> None:
    svg = ET.fromstring(render_chart_svg(summarise(log(), TODAY), "chart"))
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-title chart-desc"
    assert svg.find(f"{SVG}title").get("id") == "chart-title"  # type: ignore[union-attr]
    desc = svg.find(f"{SVG}desc")
    assert desc is not None and desc.get("id") == "chart-desc"
    assert desc.text == (
        "Deliverables: 1.7 at home, 1.5 at the office. Response time in hours: 0.8 at home, "
        "2.5 at the office. Meetings attended: 1.5 at home, 3 at the office."
    )
    # a legend square per place, then a bar per place for each of the 3 comparisons
    assert len(svg.findall(f"{SVG}rect")) == 2 + 3 * 2


def test_chart_bars_are_in_proportion_within_each_measure() -> None:
    svg = ET.fromstring(render_chart_svg(summarise(log(), TODAY)))
    widths = [int(r.get("width", "")) for r in svg.findall(f"{SVG}rect")][2:]
    deliverables, response, meetings = zip(widths[::2], widths[1::2], strict=True)
    assert deliverables[1] == round(deliverables[0] * 1.5 / (5 / 3))
    assert response[0] == round(response[1] * 0.75 / 2.5)
    assert meetings[0] == round(meetings[1] / 2)


def test_chart_escapes_text_and_draws_no_bar_without_data() -> None:
    summary = summarise(log([ENTRIES[1]]), TODAY)
    svg = ET.fromstring(render_chart_svg(summary, 'x"><script>'))
    assert svg.get("aria-labelledby", "").startswith('x"><script>')
    assert [r.get("width") for r in svg.findall(f"{SVG}rect")][3::2] == ["0", "0", "0"]
    assert "no days recorded at the office" in (svg.findtext(f"{SVG}desc") or "")


def test_html_summary_puts_the_numbers_in_a_table_beside_the_chart() -> None:
    html = render_summary_html(summarise(log(), TODAY))
    figures = html[html.index('<div class="tw-trial-figures">') :]
    assert figures.index("<svg") < figures.index("<table")
    assert '<th scope="row">Response time in hours</th><td>0.8</td><td>2.5</td>' in figures


# ---- entries and trials that are refused ----------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "field", "says"),
    [
        ({"date": "2026-03-01", "place": "home"}, "date", "outside the trial"),
        ({"date": "2026-03-16", "place": "home"}, "date", "2026-03-02 to 2026-03-15"),
        ({"date": "2026-03-03", "place": "office"}, "date", "already has an entry"),
        ({"date": "2026-03-09", "place": "home", "hours_available": "8"}, "hours_available",
         "not agreed"),
        ({"date": "2026-03-09", "place": "home", "meetings": "-1"}, "meetings", "impossible"),
        ({"date": "2026-03-09", "place": "home", "meetings": "1.5"}, "meetings", "whole number"),
        ({"date": "2026-03-09", "place": "home", "response_hours": "169"}, "response_hours",
         "from 0 to 168"),
        ({"date": "2026-03-09", "place": "home", "response_hours": "1e3"}, "response_hours",
         "not a number"),
        ({"date": "2026-03-09", "place": "home", "meetings": "²"}, "meetings", "not a number"),
        ({"date": "2026-03-09", "place": "home", "meetings": float("nan")}, "meetings",
         "not a number"),
        ({"date": "2026-02-30", "place": "home"}, "date", "not a real calendar date"),
        ({"date": "9 March", "place": "home"}, "date", "YYYY-MM-DD"),
        ({"date": "2026-03-09", "place": "garden"}, "place", "home, office"),
        ({"date": "2026-03-09"}, "place", "required"),
        ({"date": "2026-03-09", "place": "home", "notes": "a\x00b"}, "notes", "U+0000"),
        ({"date": "2026-03-09", "place": "home", "notes": "\u202egnp.exe"}, "notes", "U+202E"),
        ({"date": "2026-03-09", "place": "home", "delivered": "x" * 1001}, "delivered",
         "at most 1000"),
        ({"date": "2026-03-09", "place": "home", "colour": "red"}, "entry", "unknown field"),
    ],
)  # fmt: skip
def test_bad_entries_are_refused_naming_the_field(
    entry: dict[str, Any], field: str, says: str
) -> None:
    error = error_of(lambda: log().add(Entry.from_mapping(entry)))
    assert error.field == field and says in error.problem
    assert "\n" not in str(error)


def test_huge_text_is_refused_without_being_repeated() -> None:
    huge = "x" * 10_000_000
    error = error_of(Entry.from_mapping, {"date": "2026-03-09", "place": "home", "notes": huge})
    assert error.field == "notes" and len(str(error)) < 200


@pytest.mark.parametrize(
    ("change", "field", "says"),
    [
        ({"weeks": "0"}, "weeks", "from 1 to 26"),
        ({"weeks": "27"}, "weeks", "from 1 to 26"),
        ({"review": "2026-03-01"}, "review", "from 2026-03-02"),
        ({"review": "2026-06-16"}, "review", "to 2026-06-15"),  # 92 days after 15 March
        ({"revisit": "2026-03-19"}, "revisit", "from 2026-03-20"),
        ({"home_days": "tue funday"}, "home_days", "mon, tue, wed"),
        ({"measures": "happiness"}, "measures", "response_hours, hours_available, meetings"),
        ({"start": ""}, "start", "required"),
    ],
)
def test_bad_trials_are_refused_naming_the_field(
    change: dict[str, str], field: str, says: str
) -> None:
    error = error_of(Trial.from_mapping, {**TRIAL, **change})
    assert error.field == field and says in error.problem


def test_entries_are_kept_in_date_order_and_text_is_tidied() -> None:
    entry = Entry.from_mapping({"date": "2026-03-09", "place": " Home ",
                                "delivered": "  one ;\r\n two  ", "meetings": 2})  # fmt: skip
    assert (entry.place, entry.delivered, entry.measures) == ("home", "one ;\ntwo", {"meetings": 2})
    assert entry.deliverables == 2
    assert [e.day.day for e in log().add(entry).entries] == [2, 3, 4, 5, 9, 10, 12]


# ---- the page's entry points never raise ----------------------------------------------------


@pytest.mark.parametrize("junk", [None, "x", 3, [], {"start": {}}, {"x": 1}])
def test_web_entry_points_answer_junk_with_a_problem(junk: object) -> None:
    assert respond(junk, junk)["errors"]
    assert add_entry(junk, junk, junk)["error"]
    assert read_csv(junk if isinstance(junk, str) else None)["error"]


def test_web_leaves_out_entries_that_no_longer_fit_and_says_so() -> None:
    result = respond({**TRIAL, "start": "2026-03-03"}, ENTRIES, "2026-03-11")
    assert result["entries"] == len(ENTRIES) - 1
    assert result["notices"] == [
        "An entry is left out of the summary and the CSV: date: 2026-03-02 is outside the "
        "trial, which runs from 2026-03-03 to 2026-03-16"
    ]
    assert "Days logged: 3 at home, 1 at the office." in result["text"]


def test_web_adds_an_entry_only_when_it_fits() -> None:
    added = add_entry(TRIAL, ENTRIES, {"date": "2026-03-09", "place": "home", "meetings": "2"})
    assert added == {"entry": {"date": "2026-03-09", "place": "home", "delivered": "",
                               "meetings": 2, "notes": ""}}  # fmt: skip
    refused = add_entry(TRIAL, ENTRIES, {"date": "2026-03-03", "place": "home"})
    assert refused["error"]["field"] == "date"


def test_html_summary_escapes_what_the_reader_typed() -> None:
    summary = summarise(log(agreed='<script>alert(1)</script> & "x"'), TODAY)
    html = render_summary_html(summary)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;" in html


def test_numbers_keep_two_decimals_so_a_file_holds_them_as_shown() -> None:
    entry = Entry.from_mapping({"date": "2026-03-09", "place": "home", "response_hours": "1.236"})
    assert entry.measures == {"response_hours": 1.24}
    assert Entry(entry.day, "home", measures={"response_hours": 1.0703125}).measures == {
        "response_hours": 1.07
    }
