"""The tools' forms lay their fields out alike at both screen sizes: each label above its
control, starting where the control starts, never inline beside it."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from browsing import VIEWPORTS, context_at
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

FORM_PAGES = ("tools/proposal.html", "tools/trial.html")
LAYOUT = """() => [...document.querySelectorAll(".tw-field")]
  .filter((field) => field.querySelector(":scope > label[for]") && field.offsetParent !== null)
  .map((field) => {
    const label = field.querySelector(":scope > label[for]").getBoundingClientRect();
    const control = document.getElementById(field.querySelector(":scope > label[for]").htmlFor)
      .getBoundingClientRect();
    return [field.dataset.field, label.bottom <= control.top + 0.5, label.left === control.left];
  })"""
"""For each field shown: its name, whether its label is above its control, and whether
both start at the same place."""


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS)
@pytest.mark.parametrize("path", FORM_PAGES)
def test_every_label_sits_above_its_control(
    browser: Browser, site_url: str, path: str, viewport: Mapping[str, int]
) -> None:
    with context_at(browser, viewport) as context:
        page = context.new_page()
        page.goto(site_url + path)
        fields = page.evaluate(LAYOUT)
    assert len(fields) >= 5
    assert [name for name, above, aligned in fields if not (above and aligned)] == []
