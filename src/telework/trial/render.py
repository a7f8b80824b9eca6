"""The review summary as Markdown, HTML (with the chart) and plain text, from the same facts."""

from __future__ import annotations

from html import escape

from .chart import PLACE_LABELS, figure, render_chart_svg
from .model import PLACES, WEEKDAYS
from .summary import TrialSummary

TITLE = "Your trial in figures"
TABLE_CAPTION = "The chart's numbers"
MEASURE = "A day on average"
MISSING = "Working days with no entry"
NONE_MISSING = "none: every working day so far has an entry."
DAY_NAMES = dict(
    zip(
        WEEKDAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)


def facts(summary: TrialSummary) -> list[str]:
    """The summary's sentences, before the table."""
    trial = summary.trial
    weeks = "1 week" if trial.weeks == 1 else f"{trial.weeks} weeks"
    lines = [
        f"The trial runs from {trial.start.isoformat()} to {trial.end.isoformat()} ({weeks}); "
        f"the review is on {trial.review.isoformat()}.",
        f"Figures up to {summary.through.isoformat()}."
        if summary.through >= trial.start
        else "The trial has not started yet.",
    ]
    if trial.home_days:
        lines.append(f"Days agreed at home: {', '.join(DAY_NAMES[d] for d in trial.home_days)}.")
    if trial.agreed:
        lines.append(f"Agreed to measure: {' '.join(trial.agreed.split())}")
    home, office = (summary.days_logged[p] for p in PLACES)
    lines.append(f"Days logged: {home} at home, {office} at the office.")
    return lines


def table(summary: TrialSummary) -> list[list[str]]:
    """The table of comparisons, header row first."""
    rows = [[MEASURE, *(PLACE_LABELS[p] for p in PLACES)]]
    rows += [[c.label, *(figure(c.value(p)) for p in PLACES)] for c in summary.comparisons]
    return rows


def missing(summary: TrialSummary) -> str:
    days = ", ".join(day.isoformat() for day in summary.missing)
    return f"{MISSING} ({len(summary.missing)}): {days}." if days else f"{MISSING}: {NONE_MISSING}"


def closing(summary: TrialSummary) -> list[str]:
    revisit = summary.trial.revisit
    return [f"If the answer is no, ask again on {revisit.isoformat()}."] if revisit else []


def render_summary_markdown(summary: TrialSummary) -> str:
    header, *rows = table(summary)
    lines = [f"# {TITLE}", "", *(f"{line}  " for line in facts(summary)), ""]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" + "--:|" * (len(header) - 1))
    lines += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows]
    lines += ["", missing(summary), *closing(summary)]
    return "\n".join(lines).replace("  \n\n", "\n\n") + "\n"


def render_summary_text(summary: TrialSummary) -> str:
    rows = table(summary)
    widths = [max(len(row[n]) for row in rows) for n in range(len(rows[0]))]
    lines = [TITLE, "=" * len(TITLE), "", *facts(summary), ""]
    lines += [
        "  ".join(
            c.ljust(w) if n == 0 else c.rjust(w)
            for n, (c, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
    lines += ["", missing(summary), *closing(summary)]
    return "\n".join(lines) + "\n"


def render_summary_html(
    summary: TrialSummary, heading_level: int = 2, id_prefix: str = "tw-trial-chart"
) -> str:
    """The summary with its chart and, beside it, a table of the same numbers."""
    h = f"h{min(max(heading_level, 1), 6)}"
    header, *rows = table(summary)
    head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in header)
    body = "".join(
        f'<tr><th scope="row">{escape(row[0])}</th>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in facts(summary))
    after = "".join(f"<p>{escape(line)}</p>" for line in [missing(summary), *closing(summary)])
    return (
        f'<div class="tw-trial-summary"><{h}>{escape(TITLE)}</{h}>{paragraphs}'
        f'<div class="tw-trial-figures">{render_chart_svg(summary, id_prefix)}'
        f'<table class="tw-trial-table"><caption>{escape(TABLE_CAPTION)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        f"{after}</div>"
    )


def _md(text: str) -> str:
    return text.replace("|", "\\|")
