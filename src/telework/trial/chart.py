"""The review's chart as plain SVG: each measure's bars for home and office, side by side.

Accessible on its own: ``role="img"`` with a title and a description that reads out every
number; the renderers put the same numbers in a table beside it. Colours are attributes,
not styles, so a strict Content-Security-Policy leaves them alone.
"""

from __future__ import annotations

from html import escape

from .model import PLACES
from .summary import Comparison, TrialSummary

CHART_TITLE = "Home against office, a day on average"
PLACE_WORDS = {"home": "at home", "office": "at the office"}
PLACE_LABELS = {place: words.capitalize() for place, words in PLACE_WORDS.items()}
COLOURS = {"home": "#1a5e7a", "office": "#9a4a00"}
"""Bar colours, each at least 4.5:1 against white."""
NO_DATA = "no days recorded"

WIDTH = 560
LABEL_WIDTH = 120
BAR_SPACE = WIDTH - LABEL_WIDTH - 70  # room left for the value after the longest bar
BAR_HEIGHT = 16
ROW_GAP = 4
GROUP_HEADING = 20
GROUP_GAP = 14
LEGEND_HEIGHT = 28


def figure(value: float | None) -> str:
    """A value as the summary shows it: at most one decimal, or a word when there is none."""
    if value is None:
        return NO_DATA
    return f"{value:.1f}".removesuffix(".0")


def describe(comparison: Comparison) -> str:
    """One comparison in words, e.g. "Deliverables per day: 2.5 at home, 2 at the office"."""
    values = ", ".join(f"{figure(comparison.value(p))} {PLACE_WORDS[p]}" for p in PLACES)
    return f"{comparison.label}: {values}"


def render_chart_svg(summary: TrialSummary, id_prefix: str = "tw-trial-chart") -> str:
    """The chart; `id_prefix` keeps its title and description ids unique on a page."""
    prefix = escape(id_prefix)
    group_height = GROUP_HEADING + len(PLACES) * (BAR_HEIGHT + ROW_GAP) + GROUP_GAP
    height = LEGEND_HEIGHT + group_height * len(summary.comparisons)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="tw-trial-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-family="sans-serif" '
        'font-size="13">',
        f'<title id="{prefix}-title">{escape(CHART_TITLE)}</title>',
        f'<desc id="{prefix}-desc">'
        f"{escape('. '.join(describe(c) for c in summary.comparisons))}.</desc>",
    ]
    for n, place in enumerate(PLACES):
        x = n * 150
        parts.append(
            f'<rect x="{x}" y="4" width="14" height="14" fill="{COLOURS[place]}"/>'
            f'<text x="{x + 20}" y="16" fill="#222">{escape(PLACE_LABELS[place])}</text>'
        )
    y = LEGEND_HEIGHT
    for comparison in summary.comparisons:
        parts.append(_group(comparison, y))
        y += group_height
    parts.append("</svg>")
    return "".join(parts)


def _group(comparison: Comparison, top: int) -> str:
    values = [comparison.value(place) for place in PLACES]
    scale = max((v for v in values if v), default=0.0)
    parts = [
        f'<text x="0" y="{top + 14}" font-weight="bold" fill="#222">'
        f"{escape(comparison.label)}</text>"
    ]
    y = top + GROUP_HEADING
    for place, value in zip(PLACES, values, strict=True):
        width = round(BAR_SPACE * value / scale) if value and scale else 0
        parts.append(
            f'<text x="0" y="{y + 12}" fill="#222">{escape(PLACE_LABELS[place])}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width}" height="{BAR_HEIGHT}" '
            f'fill="{COLOURS[place]}"/>'
            f'<text x="{LABEL_WIDTH + width + 6}" y="{y + 12}" fill="#222">'
            f"{escape(figure(value))}</text>"
        )
        y += BAR_HEIGHT + ROW_GAP
    return "".join(parts)
