"""The widgets' pure JS functions (static/planner/planner-core.mjs, widget-state.mjs), run
with Node: sharing links, reading untrusted links and storage, notices, request tickets,
Reset's Undo, and the listeners of Python's loading progress (python.mjs)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "docs/_ext/telework_sphinx/static/planner"
CORE_EXPORTS = (
    "MAX_INPUT_CHARS",
    "MAX_NOTICES",
    "encodeFragment",
    "decodeFragment",
    "parseStored",
    "toPairs",
    "readAnswers",
    "readTicks",
    "answersForPython",
    "mergeAnswers",
    "setTick",
    "noticeLines",
    "readable",
    "sameAnswers",
    "stepFrom",
    "wrapsAround",
    "exportMarkdown",
    "undoReset",
)


def run_js(body: str) -> object:
    """Run `body` (JS statements ending in `return <value>;`) as an async function with
    planner-core's exports, WidgetState and fast-check (`fc`) in scope; the value as JSON."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("these tests need Node.js (`node`), as the book build does", pytrace=False)
    script = (
        f"import * as core from {json.dumps((STATIC / 'planner-core.mjs').as_uri())};\n"
        f"import {{ WidgetState }} from {json.dumps((STATIC / 'widget-state.mjs').as_uri())};\n"
        'import fc from "fast-check";\n'
        f"const {{ {', '.join(CORE_EXPORTS)} }} = core;\n"
        f"const value = await (async () => {{ {body} }})();\n"
        "process.stdout.write(JSON.stringify(value));"
    )
    done = subprocess.run(
        [node, "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,  # fast-check from the project's node_modules
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def run_core(expression: str) -> object:
    return run_js(f"return {expression};")


def test_a_fragment_round_trips_answers_with_awkward_characters() -> None:
    answers = {"situation": "current", "odd key&=#": "value with spaces/&=?#"}
    assert run_core(f"decodeFragment('#' + encodeFragment({json.dumps(answers)}))") == {
        "pairs": [list(pair) for pair in answers.items()]
    }


def test_the_fragment_is_the_shared_link_format_python_writes() -> None:
    answers = {"situation": "interviewing", "motive": "need"}
    python_fragment = "a=" + quote(urlencode(list(answers.items())), safe="")
    assert run_core(f"encodeFragment({json.dumps(answers)})") == python_fragment


def test_a_page_anchor_is_not_read_as_answers() -> None:
    assert run_core("decodeFragment('#raise-it-early')") is None
    assert run_core("decodeFragment('')") is None


def test_a_link_longer_than_16_kb_is_not_read() -> None:
    pairs = "&".join(f"q{n}=option{n}" for n in range(2000))  # about 27 KB
    decoded = run_core(f"decodeFragment('#a=' + encodeURIComponent({json.dumps(pairs)}))")
    assert isinstance(decoded, dict)
    assert decoded["pairs"] == []
    assert "more than the 16 KB" in decoded["problem"]


@pytest.mark.parametrize(
    "garbled",
    ["#a=%E0%A4%A", "#a=situation%3D%E0%A4%A", "#a=situation%3D%25E0%25A4", "#a=%"],
    ids=["cut escape", "cut escape in a value", "cut escape inside", "lone percent"],
)
def test_a_garbled_link_gives_no_answers_and_says_why(garbled: str) -> None:
    assert run_core(f"decodeFragment({json.dumps(garbled)})") == {
        "pairs": [],
        "problem": "it is not validly URL-encoded: it may have been cut short",
    }


def test_undo_brings_back_what_reset_removed_under_what_was_done_since() -> None:
    removed = {
        "answers": {"situation": "current", "job_fit": "onsite"},
        "ticks": {"check-job-fit": True, "__proto__": True},
    }
    since = {"answers": {"situation": "interviewing"}, "ticks": {"frame-benefit": True}}
    parsed = json.dumps(json.dumps(removed))  # JSON.parse: "__proto__" stays a plain key
    assert run_core(f"undoReset(JSON.parse({parsed}), {json.dumps(since)})") == {
        "answers": {"job_fit": "onsite", "situation": "interviewing"},
        "ticks": {"check-job-fit": True, "__proto__": True, "frame-benefit": True},
    }
    nothing_since = {"answers": {}, "ticks": {}}
    assert run_core(f"undoReset(JSON.parse({parsed}), {json.dumps(nothing_since)})") == removed


def test_a_progress_listener_hears_nothing_once_stopped() -> None:
    heard = run_js(
        f"const {{ python }} = await import({json.dumps((STATIC / 'python.mjs').as_uri())});"
        "const heard = [];"
        "const stop = python.onProgress((loaded, total) => heard.push([loaded, total]));"
        "python.reportProgress({loaded: 1, total: 4});"
        "stop();"
        "python.reportProgress({loaded: 2, total: 4});"
        "python.onProgress((loaded) => heard.push(['late listener', loaded]));"
        "return heard;"
    )
    assert heard == [[1, 4], ["late listener", 2]]  # a late listener hears the latest at once


def test_not_sure_removes_an_answer_and_other_answers_are_kept() -> None:
    merged = run_core("mergeAnswers({situation: 'current', stage: 'no'}, {stage: ''})")
    assert merged == {"situation": "current"}
    changed = run_core("mergeAnswers({situation: 'current'}, {situation: 'interviewing'})")
    assert changed == {"situation": "interviewing"}


def test_stored_answers_are_read_as_text_pairs_and_nothing_stored_is_no_problem() -> None:
    assert run_core("""readAnswers('{"situation": "current", "days": 3, "x": null}')""") == {
        "pairs": [["situation", "current"], ["days", "3"], ["x", "null"]]  # Python names them
    }
    assert run_core("readAnswers(null)") == {"pairs": []}


@pytest.mark.parametrize(
    ("stored", "problem"),
    [
        ("{not json", "not in the format"),
        ("[1, 2]", "not a list of answers"),
        ('"text"', "not a list of answers"),
        ("null", "not a list of answers"),
        ('{"situation": ["current"]}', "nested"),
        ('{"a": ' + "[" * 5000 + "]" * 5000 + "}", "nested"),
        ('{"a": "' + "x" * 17_000 + '"}', "17 KB long"),
    ],
    ids=["garbage", "list", "text", "null", "list answer", "deep nesting", "too long"],
)
def test_unreadable_stored_answers_give_no_answers_and_one_problem(
    stored: str, problem: str
) -> None:
    read = run_core(f"readAnswers({json.dumps(stored)})")
    assert isinstance(read, dict)
    assert read["pairs"] == []
    assert problem in read["problem"]


def test_prototype_names_are_kept_as_plain_answers_and_reach_python_as_a_map() -> None:
    stored = json.dumps(
        {"__proto__": "a", "constructor": "b", "toString": "c", "hasOwnProperty": "d",
         "situation": "current"}
    )  # fmt: skip
    answers = run_js(
        f"const {{ pairs }} = readAnswers({json.dumps(stored)});"
        "const merged = mergeAnswers(Object.fromEntries(pairs), {stage: 'no'});"
        "const map = answersForPython(merged);"
        "return [map instanceof Map, [...map], merged.situation];"
    )
    assert answers == [
        True,
        [["__proto__", "a"], ["constructor", "b"], ["toString", "c"], ["hasOwnProperty", "d"],
         ["situation", "current"], ["stage", "no"]],
        "current",
    ]  # fmt: skip


def test_ticks_keep_only_true_values_and_untick_removes_the_item() -> None:
    stored = json.dumps({"a": True, "b": "yes", "c": 1, "d": False, "constructor": True})
    assert run_core(f"readTicks({json.dumps(stored)})") == {
        "ticks": {"a": True, "constructor": True}
    }
    assert run_core("setTick(setTick({}, 'a', true), 'a', false)") == {}
    assert run_core("readTicks('[[[]]]')")["ticks"] == {}  # type: ignore[index]


def test_odd_keys_are_kept_as_plain_data() -> None:
    assert run_core("setTick({}, '__proto__', true)") == {"__proto__": True}
    assert run_core("mergeAnswers({}, {['__proto__']: 'x'})") == {"__proto__": "x"}


def test_a_few_notices_are_listed_then_how_many_more() -> None:
    assert run_core("noticeLines(['one', 'two'])") == ["one", "two"]
    lines = run_core("noticeLines(Array.from({length: 130000}, (_, n) => `notice ${n}`))")
    assert lines == ["notice 0", "notice 1", "notice 2", "notice 3", "…and 129996 more notices."]
    five = ["a", "b", "c", "d", "e"]
    assert run_core(f"noticeLines({json.dumps(five)})") == five  # "and 1 more" would hide one


def test_notices_show_bidi_overrides_and_controls_as_question_marks_and_are_cut() -> None:
    assert run_core(r"readable('Ignored “\u202Eevil\u202C” \u0007.')") == "Ignored “?evil?” ?."
    long = run_core("readable('x'.repeat(10000))")
    assert isinstance(long, str)
    assert len(long) == 300
    assert long.endswith("…")


def test_only_the_latest_request_ticket_is_current() -> None:
    assert run_js(
        "const view = new WidgetState({querySelector: () => null});"
        "const first = view.ticket(); const before = first();"
        "const second = view.ticket();"
        "return [before, first(), second()];"
    ) == [True, False, True]


def test_controls_that_need_python_are_enabled_only_while_it_is_live() -> None:
    assert run_js(
        "const download = {disabled: true}; const seen = [];"
        "const root = {dataset: {}, querySelector: () => ({}),"
        " querySelectorAll: (s) => s === '[data-needs-python]' ? [download] : []};"
        "const view = new WidgetState(root);"
        "for (const state of ['loading', 'live', 'unavailable']) {"
        " view.set(state); seen.push(download.disabled); }"
        "return seen;"
    ) == [True, False, True]


PROPERTY_RUNS = 300


def test_no_link_or_stored_text_makes_the_readers_throw_or_flood() -> None:
    """Any text (short or long, JSON-shaped or not, nested or not) is read without throwing,
    gives text pairs or one problem, never more than 16 KB's worth, and notices stay few."""
    result = run_js(
        f"""
        const json = fc.letrec((tie) => ({{
          value: fc.oneof({{ depthSize: "small" }}, fc.string(), fc.integer(), fc.constant(null),
            fc.boolean(), fc.array(tie("value")), fc.dictionary(fc.string(), tie("value"))),
        }})).value;
        const protoKeys = fc.constantFrom("__proto__", "constructor", "toString",
          "hasOwnProperty", "situation");
        const text = fc.oneof(
          fc.string({{ unit: "binary", maxLength: 200 }}),
          json.map((v) => JSON.stringify(v)),
          fc.dictionary(protoKeys, fc.string()).map((v) => JSON.stringify(v)),
          fc.nat(30000).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
          fc.nat(40000).map((size) => '{{"a":"' + "x".repeat(size) + '"}}'),
        );
        const ok = (read) => Array.isArray(read.pairs) &&
          read.pairs.every(([k, v]) => typeof k === "string" && typeof v === "string") &&
          (read.problem === undefined ? true : read.pairs.length === 0);
        fc.assert(fc.property(text, (t) => {{
          const stored = readAnswers(t);
          const ticks = readTicks(t);
          const link = decodeFragment("#a=" + encodeURIComponent(t)) ?? {{ pairs: [] }};
          const linked = link.pairs.map(([k, v]) => k + v).join("").length;
          return ok(stored) && ok(link) && linked <= MAX_INPUT_CHARS &&
            typeof ticks.ticks === "object" &&
            noticeLines([...stored.pairs, ...link.pairs].map(String)).length <= MAX_NOTICES;
        }}), {{ numRuns: {PROPERTY_RUNS}, seed: 20261129 }});
        return "held";
        """
    )
    assert result == "held"


def test_next_and_back_skip_steps_that_do_not_apply_and_stop_at_the_ends() -> None:
    keys = json.dumps(["1", "2", "3", "4", "check"])
    available = json.dumps(["1", "3", "check"])
    assert run_core(f"stepFrom({keys}, {available}, '1', +1)") == "3"
    assert run_core(f"stepFrom({keys}, {available}, '3', -1)") == "1"
    assert run_core(f"stepFrom({keys}, {available}, '2', +1)") == "3"  # from a step now skipped
    assert run_core(f"stepFrom({keys}, {available}, 'check', +1)") is None
    assert run_core(f"stepFrom({keys}, {available}, '1', -1)") is None


def test_arrow_keys_wrap_only_past_either_end() -> None:
    assert run_core("wrapsAround('ArrowDown', 3, 4)") is True  # last option -> "Not sure yet"
    assert run_core("wrapsAround('ArrowRight', 3, 4)") is True
    assert run_core("wrapsAround('ArrowUp', 0, 4)") is True
    assert run_core("[wrapsAround('ArrowDown', 2, 4), wrapsAround('ArrowUp', 1, 4)]") == [
        False,
        False,
    ]
    assert run_core("wrapsAround('Tab', 3, 4)") is False


def test_answers_are_the_same_whatever_their_order() -> None:
    assert run_core("sameAnswers({a: '1', b: '2'}, {b: '2', a: '1'})") is True
    assert run_core("sameAnswers({a: '1'}, {a: '1', b: '2'})") is False
    assert run_core("sameAnswers({a: '1', b: '2'}, {a: '1', c: '2'})") is False
    assert run_core("sameAnswers({}, {})") is True


MARKDOWN = """# Your remote-work plan

## Before you ask

- [ ] First [thing].
  Sources: [Book](../reference/sources.html#a) · [Read more in the book](../a/b.html#c)
- [ ] Second thing.

Answer these to refine your plan:

- Where do you stand?
"""


def test_the_markdown_export_ticks_items_lists_answers_and_makes_links_absolute() -> None:
    options = {
        "items": ["first", "second"],
        "ticks": {"second": True},
        "answers": [["Where do you stand?", "I *want* to ask [my] employer"]],
        "pageUrl": "https://example.org/book/tools/planner.html",
    }
    exported = run_core(f"exportMarkdown({json.dumps(MARKDOWN)}, {json.dumps(options)})")
    assert exported == (
        "# Your remote-work plan\n\n"
        "## Your answers\n\n"
        "- Where do you stand? I \\*want\\* to ask \\[my\\] employer\n\n"
        "## Before you ask\n\n"
        "- [ ] First [thing].\n"
        "  Sources: [Book](https://example.org/book/reference/sources.html#a) · "
        "[Read more in the book](https://example.org/book/a/b.html#c)\n"
        "- [x] Second thing.\n\n"
        "Answer these to refine your plan:\n\n"
        "- Where do you stand?\n"
    )


def test_without_the_books_address_the_export_says_its_links_are_relative() -> None:
    options = {"items": ["first", "second"], "ticks": {}, "answers": [], "pageUrl": None}
    exported = run_core(f"exportMarkdown({json.dumps(MARKDOWN)}, {json.dumps(options)})")
    assert isinstance(exported, str)
    assert "None yet: the plan keeps to what applies to everyone." in exported
    assert "*The links below are relative: they work from the book's own pages.*" in exported
    assert "](../a/b.html#c)" in exported
    assert "[x]" not in exported


def test_the_calendar_counts_from_the_readers_own_day_not_utcs() -> None:
    # 12:30 UTC on 4 January is 01:30 on the 5th in Auckland (UTC+13 in summer).
    day = run_js(
        "process.env.TZ = 'Pacific/Auckland';"
        "return core.localDate(new Date(Date.UTC(2026, 0, 4, 12, 30)));"
    )
    assert day == "2026-01-05"
