"""The bad-input corpus (tests/bad_inputs/): every case once crashed, flooded or guessed."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import telework
import telework.errors
import telework.proposal

CORPUS = Path(__file__).parent / "bad_inputs"
LIBRARY = tomllib.loads((CORPUS / "library.toml").read_text(encoding="utf-8"))["call"]


def expand(value: Any) -> Any:
    """A corpus value with its "$…" stand-ins replaced by what TOML cannot hold."""
    if isinstance(value, dict):
        return {expand(key): expand(item) for key, item in value.items()}
    if isinstance(value, list):
        return [expand(item) for item in value]
    if not (isinstance(value, str) and value.startswith("$")):
        return value
    kind, _, count = value[1:].partition(":")
    made: dict[str, Any] = {
        "none": lambda: None,
        "checklist": lambda: telework.plan({"situation": "current"}),
        "proposal": lambda: telework.draft_proposal({}, {"name": "Sam"}),
        "file": lambda: __file__,
        "digits": lambda: "9" * int(count),
        "power": lambda: 10 ** int(count),
        "x": lambda: "x" * int(count),
    }
    return made[kind]()


def one_short_line(message: str) -> bool:
    return "\n" not in message and len(message) <= 300


@pytest.mark.parametrize(
    "case", LIBRARY, ids=[f"{c['function']}-{i}" for i, c in enumerate(LIBRARY)]
)
def test_bad_library_arguments_raise_the_librarys_error_in_one_short_line(
    case: dict[str, Any],
) -> None:
    function = getattr(telework, case["function"])
    error = getattr(telework.errors, case["error"], None) or getattr(telework, case["error"])
    with pytest.raises(error) as raised:
        function(*expand(case["args"]), **expand(case.get("kwargs", {})))
    message = str(raised.value)
    assert one_short_line(message), message[:400]
    for fragment in case["says"]:
        assert fragment in message


DETAILS_CASES = [c for c in LIBRARY if c["error"] == "DetailsError"]


@pytest.mark.parametrize("case", DETAILS_CASES, ids=[str(i) for i in range(len(DETAILS_CASES))])
def test_the_proposal_pages_entry_point_reports_the_same_details_without_raising(
    case: dict[str, Any],
) -> None:
    answers, details = expand(case["args"])
    result = telework.proposal.respond(answers, details)
    shown = [f"{error['field']}: {error['message']}" for error in result["errors"]]
    assert len(shown) == 1 and one_short_line(shown[0])
    for fragment in case["says"]:
        assert fragment in shown[0]
    assert result["html"].startswith('<article class="tw-proposal">')

