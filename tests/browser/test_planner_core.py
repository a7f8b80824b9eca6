"""The planner's pure JS functions (static/planner/planner-core.mjs), run with Node."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

CORE = (
    Path(__file__).resolve().parents[2]
    / "docs/_ext/telework_sphinx/static/planner/planner-core.mjs"
)


def run_core(expression: str) -> object:
    """Evaluate a JS expression with planner-core's exports in scope; return it as JSON."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("these tests need Node.js (`node`), as the book build does", pytrace=False)
    script = f"import * as core from {json.dumps(CORE.as_uri())};\n" + (
        f"process.stdout.write(JSON.stringify((() => {{ const {{ {', '.join(EXPORTS)} }} = core; "
        f"return {expression}; }})()));"
    )
    done = subprocess.run(
        [node, "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


EXPORTS = (
    "encodeFragment",
    "decodeFragment",
    "toPairs",
    "mergeAnswers",
    "setTick",
    "cleanTicks",
    "parseStored",
)


def test_a_fragment_round_trips_answers_with_awkward_characters() -> None:
    answers = {"situation": "current", "odd key&=#": "value with spaces/&=?#"}
    assert run_core(f"decodeFragment('#' + encodeFragment({json.dumps(answers)}))") == [
        list(pair) for pair in answers.items()
    ]


def test_the_fragment_is_the_shared_link_format_python_writes() -> None:
    answers = {"situation": "interviewing", "motive": "need"}
    python_fragment = "a=" + quote(urlencode(list(answers.items())), safe="")
    assert run_core(f"encodeFragment({json.dumps(answers)})") == python_fragment


def test_a_page_anchor_is_not_read_as_answers() -> None:
    assert run_core("decodeFragment('#raise-it-early')") is None
    assert run_core("decodeFragment('')") is None


def test_not_sure_removes_an_answer_and_other_answers_are_kept() -> None:
    merged = run_core("mergeAnswers({situation: 'current', stage: 'no'}, {stage: ''})")
    assert merged == {"situation": "current"}
    changed = run_core("mergeAnswers({situation: 'current'}, {situation: 'interviewing'})")
    assert changed == {"situation": "interviewing"}


def test_untrusted_stored_values_become_pairs_or_nothing() -> None:
    assert run_core("toPairs({a: 'b'})") == [["a", "b"]]
    assert run_core("toPairs([['a', 'b'], 'junk', ['too', 'many', 'parts']])") == [["a", "b"]]
    assert run_core("[toPairs(null), toPairs('text'), toPairs(7)]") == [[], [], []]
    assert run_core("parseStored('{not json', 'fallback')") == "fallback"
    assert run_core("parseStored(null, 'fallback')") == "fallback"


def test_ticks_keep_only_true_values_and_untick_removes_the_item() -> None:
    assert run_core("cleanTicks({a: true, b: 'yes', c: 1, d: false})") == {"a": True}
    assert run_core("setTick(setTick({}, 'a', true), 'a', false)") == {}


def test_odd_keys_are_kept_as_plain_data() -> None:
    assert run_core("setTick({}, '__proto__', true)") == {"__proto__": True}
    assert run_core("mergeAnswers({}, {['__proto__']: 'x'})") == {"__proto__": "x"}
