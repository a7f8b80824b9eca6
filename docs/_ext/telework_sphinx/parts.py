"""Pieces the widgets' markup shares: a row of action buttons, a labelled field with its help
and error slots, and a set of choices. Scripts find them by their `data-*` attributes."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .markup import Attrs, tag, text, void

Labelled = Sequence[tuple[str, str]]
"""Keys and their labels: an action (its `data-action`) and its button's text, or a choice's
value and its text."""


def action_buttons(
    actions: Labelled, hidden: Collection[str] = (), needs_python: Collection[str] = ()
) -> str:
    """A `tw-button` for each action; those in `hidden` start hidden (the script shows
    them), those in `needs_python` disabled until Python is live (in their place, so that
    nothing moves then)."""
    return "".join(
        tag("button", {"type": "button", "class": "tw-button", "data-action": action,
                       "hidden": action in hidden, "disabled": action in needs_python,
                       "data-needs-python": action in needs_python}, text(label))
        for action, label in actions
    )  # fmt: skip


def field(
    form: str, name: str, label: str, help_: str, control: str, attrs: Attrs, content: str = ""
) -> str:
    """A labelled `control` (input, select or textarea; `content` holds a select's options)
    named `name`, with its help and an error slot (hidden until the script reports one).
    Its id is ``tw-<form>-<name>``."""
    uid = f"tw-{form}-{name}"
    attrs = {"id": uid, "name": name, "aria-describedby": f"{uid}-help {uid}-error", **attrs}
    element = void(control, attrs) if control == "input" else tag(control, attrs, content)
    return tag(
        "div",
        {"class": "tw-field", "data-field": name},
        tag("label", {"for": uid}, text(label)),
        element,
        tag("p", {"class": "tw-help", "id": f"{uid}-help"}, text(help_)),
        error_slot(f"{uid}-error"),
    )


def choices(form: str, name: str, legend: str, options: Labelled, kind: str) -> str:
    """A fieldset of `kind` inputs ("checkbox" or "radio") named `name`, one per
    (value, label) of `options`, with an error slot."""
    error = f"tw-{form}-{name}-error"
    return tag(
        "fieldset",
        {"class": "tw-field tw-choices", "data-field": name, "aria-describedby": error},
        tag("legend", {}, text(legend)),
        *(choice(kind, name, label, value) for value, label in options),
        error_slot(error),
    )


def choice(
    kind: str, name: str, label: str, value: str | None = None, checked: bool = False
) -> str:
    """A checkbox or radio button inside its label."""
    box = void("input", {"type": kind, "name": name, "value": value, "checked": checked})
    return tag("label", {"class": "tw-option"}, box, " ", tag("span", {}, text(label)))


def error_slot(uid: str | None = None, attrs: Attrs | None = None) -> str:
    """Where the script writes what is wrong with a field; hidden until then."""
    return tag("p", {"class": "tw-field-error", "id": uid, **(attrs or {}), "hidden": True})
