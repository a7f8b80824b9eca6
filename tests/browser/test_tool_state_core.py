"""What the tool widgets share (static/tool-state.mjs), run with Node on a stand-in for the
few DOM calls it makes: lasting notices, one line for a failed call, and advice to serve
the page's own message when Python cannot start."""

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
const root = {
  dataset: { state: "live", unavailable: "The notes could not start in this browser." },
  querySelector: (selector) => ({ ".tw-status": status, ".tw-notices": notices })[selector],
};
const listed = () => (notices.children[0]?.children ?? []).map((li) => li.textContent);
const view = new ToolState(root, { stored: "your notes", keep: "Print them." });
"""
)


def run_widget(body: str) -> object:
    return run_js(A_WIDGET + body)


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
