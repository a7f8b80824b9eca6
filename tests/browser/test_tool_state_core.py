"""What the tool widgets share (static/tool-state.mjs), run with Node on a stand-in for the
few DOM calls it makes: asking Python for the latest result, lasting notices, one line for
a failed call, and the page's own message when Python cannot start."""

from __future__ import annotations

import json
from pathlib import Path

from test_planner_core import run_js

STATIC = Path(__file__).resolve().parents[2] / "docs/_ext/telework_sphinx/static"

TOOL_STATE = json.dumps((STATIC / "tool-state.mjs").as_uri())
STORAGE = json.dumps((STATIC / "planner/storage.mjs").as_uri())
MODULES = (
    f"const {{ ToolState }} = await import({TOOL_STATE});\n"
    f"const {{ store }} = await import({STORAGE});\n"
)
A_WIDGET = (
    MODULES
    + """
globalThis.document = {
  createElement: () => ({ children: [], append(...nodes) { this.children.push(...nodes); } }),
};
globalThis.location = { protocol: "http:" };
const status = { textContent: "" };
const notices = { children: [], replaceChildren(...nodes) { this.children = nodes; } };
const result = {
  busy: false,
  setAttribute(name) { this.busy = name === "aria-busy"; },
  removeAttribute(name) { if (name === "aria-busy") this.busy = false; },
};
const root = {
  dataset: { state: "live", unavailable: "The notes could not start in this browser." },
  querySelector: (selector) =>
    ({ ".tw-status": status, ".tw-notices": notices, ".tw-result": result })[selector],
  querySelectorAll: () => [],
};
const listed = () => (notices.children[0]?.children ?? []).map((li) => li.textContent);
const view = new ToolState(root, { stored: "your notes", keep: "Print them." });
"""
)


def run_widget(body: str) -> object:
    return run_js(A_WIDGET + body)


def test_only_the_latest_answer_is_shown_and_the_result_is_busy_until_it_comes() -> None:
    seen = run_widget(
        "let answerFirst, answerSecond;"
        "const first = view.ask(() => new Promise((resolve) => { answerFirst = resolve; }), 'x');"
        "const second = view.ask(() => new Promise((resolve) => { answerSecond = resolve; }), 'x');"
        "answerSecond('second'); const latest = await second; const busy = result.busy;"
        "answerFirst('first');"
        "return [latest, busy, await first, result.busy];"
    )
    assert seen == ["second", False, None, False]


def test_an_older_answer_leaves_the_result_busy_for_the_newer_request() -> None:
    seen = run_widget(
        "let answerFirst;"
        "const first = view.ask(() => new Promise((resolve) => { answerFirst = resolve; }), 'x');"
        "view.ask(() => new Promise(() => {}), 'x');"  # asked later, not answered yet
        "answerFirst('first');"
        "return [await first, result.busy];"
    )
    assert seen == [None, True]


def test_a_failed_request_says_why_and_gives_nothing_to_show() -> None:
    seen = run_widget(
        "const answer = await view.ask(() => { throw new Error('no worker'); }, 'Could not:');"
        "return [answer, status.textContent, result.busy, root.dataset.state];"
    )
    assert seen == [None, "Could not: no worker", False, "live"]


def test_storage_trouble_is_listed_once_and_first_whatever_comes_after() -> None:
    lines = run_widget(
        "view.showNotices(['Ignored unknown question “x”.']);"
        "store.trouble(); store.trouble();"
        "const first = listed();"
        "view.showNotices(['Ignored unknown question “y”.']);"
        "return [first, listed()];"
    )
    trouble = (
        "This browser is not keeping your notes (its storage is blocked or full): what you "
        "type here will be gone when you leave the page. Print them."
    )
    assert lines == [
        [trouble, "Ignored unknown question “x”."],
        [trouble, "Ignored unknown question “y”."],
    ]


def test_lasting_notices_stay_within_the_widgets_bound() -> None:
    lines = run_widget(
        "view.keepNotice('Your saved log could not be read.');"
        "view.showNotices(Array.from({ length: 9 }, (_, i) => `Notice ${i}.`));"
        "return listed();"
    )
    assert lines == [
        "Your saved log could not be read.",
        "Notice 0.",
        "Notice 1.",
        "Notice 2.",
        "…and 6 more notices.",
    ]


def test_a_failed_call_is_one_readable_line_and_changes_no_state() -> None:
    said = run_widget(
        "view.failed('Could not update:', new Error('line one\\nline two \\u202eevil'));"
        "return [status.textContent, root.dataset.state];"
    )
    assert said == ["Could not update: line one?line two ?evil", "live"]


def test_a_failed_call_does_not_hide_why_the_widget_is_unavailable() -> None:
    said = run_widget(
        "view.unavailable();"
        "view.failed('Could not update:', new Error('Python did not answer'));"
        "return [status.textContent, root.dataset.state];"
    )
    assert said == ["The notes could not start in this browser.", "unavailable"]
