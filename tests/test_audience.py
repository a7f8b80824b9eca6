"""Whom sections of the plan are for, read from the items' conditions on the situation."""

from __future__ import annotations

from telework.audience import chapter_for, particular_items, situations_for

JOB_SEEKERS = ["interviewing", "elsewhere"]
EVERYONE = ["interviewing", "elsewhere", "current"]


def ids(sections: list[str]) -> list[str]:
    return [option.id for option in situations_for(sections)]


def test_when_to_raise_it_is_for_job_seekers_only() -> None:
    # Every item of "When to raise it" tests situation = interviewing or elsewhere.
    assert ids(["timing"]) == JOB_SEEKERS


def test_sections_with_an_item_open_to_any_situation_are_for_everyone() -> None:
    # "propose-trial" (case) depends only on the arrangement or the stage; "reachable"
    # moves to "Making a yes work" after a yes, whatever the situation.
    assert ids(["case"]) == EVERYONE
    assert ids(["after-yes"]) == EVERYONE
    assert ids(["timing", "case"]) == EVERYONE


def test_particular_items_leave_out_advice_for_everyone() -> None:
    case_for_current = particular_items(["case"], "current")
    assert "case-productive" in case_for_current  # situation = current only
    assert "propose-trial" not in case_for_current  # any situation
    assert particular_items(["timing"], "current") == ()
    # Its own section is "Get ready"; a no moves it to "After a no".
    assert "industry-evidence" in particular_items(["after-no"], "current")


def test_a_reader_asking_their_employer_is_sent_to_the_case_not_the_job_hunt() -> None:
    chapters = {
        "job-search/job-elsewhere": ["timing", "framing", "case"],
        "current-employer/making-the-case": ["case"],
        "after/after-yes": ["after-yes"],
    }
    # job-elsewhere holds more items for them, but as many for job seekers there.
    assert chapter_for("current", chapters) == "current-employer/making-the-case"


def test_no_chapter_fits_when_none_holds_advice_for_the_situation() -> None:
    assert chapter_for("current", {"job-search/need-or-want": ["timing"]}) is None
    assert chapter_for("current", {}) is None
