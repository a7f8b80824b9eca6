"""What the browser tests do on the built book's pages, as a reader would, and what they
watch there: dialogs, requests, storage, downloads and axe-core's findings."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, Request, Route
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import telework

PLANNER_PAGE = "tools/planner.html"
CHAPTER_PAGE = "job-search/need-or-want.html"
"""A chapter holding a smaller planner."""
SETTLED = ".tw-planner[data-state=live] .tw-result:not([aria-busy])"
"""A live planner whose checklist shows the result of the last change."""
BOOT_TIMEOUT_MS = 30_000
UNAVAILABLE = ".tw-planner[data-state=unavailable]"
"""A planner that could not start Python: the static checklist and a message."""
FAILURE_WAIT_MS = 10_000
"""How long a failed start may take to show the static checklist and the message."""
PYTHON_WIDGETS = ".tw-planner, .tw-proposal-widget"
"""The widgets that start Python in the browser."""
ANSWERS_KEY = "telework-planner-answers"
TICKS_KEY = "telework-planner-ticks"
"""The localStorage keys of the planner's answers and ticks (the other tools read the answers)."""
VIEWPORTS = {"wide": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
"""The screen sizes the widgets' flows are tested at: a desktop's and a phone's."""


@contextmanager
def context_at(
    browser: Browser, viewport: Mapping[str, int], **options: Any
) -> Iterator[BrowserContext]:
    """A fresh browser context (an empty profile) with a screen of `viewport`'s size."""
    width, height = viewport["width"], viewport["height"]
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    context.set_default_timeout(BOOT_TIMEOUT_MS)
    try:
        yield context
    finally:
        context.close()


@contextmanager
def page_without_scripts(browser: Browser) -> Iterator[Page]:
    """A page in a fresh context with JavaScript off, as for a reader who blocks scripts."""
    with context_at(browser, VIEWPORTS["wide"], java_script_enabled=False) as context:
        yield context.new_page()


def fragment(answers: Mapping[str, str]) -> str:
    """A shared-plan fragment as the planner writes it: #a=<URL-encoded key=value pairs>."""
    return "#a=" + quote(urlencode(list(answers.items())), safe="")


def wait_until_settled(page: Page) -> None:
    """Wait until the planner is live and its checklist shows the last change."""
    page.wait_for_selector(SETTLED, timeout=BOOT_TIMEOUT_MS)


def open_planner(page: Page, site_url: str, suffix: str = "") -> None:
    """Open the full planner (with `suffix`, e.g. a fragment) and wait until it is settled."""
    page.goto(site_url + PLANNER_PAGE + suffix)
    wait_until_settled(page)


def open_chapter(page: Page, url: str) -> None:
    """Open a chapter and scroll to its planner, which starts when seen; wait until settled."""
    page.goto(url)
    page.locator(".tw-planner").first.scroll_into_view_if_needed()
    wait_until_settled(page)


def shown_items(page: Page, planner: str = ".tw-planner") -> list[str]:
    """The ids of the checklist items the planner shows, in order."""
    return page.eval_on_selector_all(
        f"{planner} .tw-result .tw-item", "items => items.map(i => i.dataset.item)"
    )


def chosen_answers(page: Page, planner: str = ".tw-planner") -> dict[str, str]:
    """The answers the form shows (checked radios other than "Not sure yet")."""
    pairs = page.eval_on_selector_all(
        f"{planner} .tw-question input[type=radio]:checked",
        "inputs => inputs.map(i => [i.closest('.tw-question').dataset.question, i.value])",
    )
    return {question: option for question, option in pairs if option}


def choose(page: Page, answers: Mapping[str, str], planner: str = ".tw-planner") -> None:
    """Click through `answers` in the guide's question order, as a reader would."""
    for question in telework.load_guide().questions:
        if question.id in answers:
            fieldset = f'{planner} .tw-question[data-question="{question.id}"]'
            go_to_step_of(page, fieldset)
            page.check(f'{fieldset} input[value="{answers[question.id]}"]')
            wait_until_settled(page)


def go_to_step_of(page: Page, selector: str) -> None:
    """In the full planner, open the step holding `selector` with the list of steps."""
    step = page.eval_on_selector(selector, "e => e.closest('.tw-step')?.dataset.step ?? null")
    if step is not None:
        planner = page.eval_on_selector(selector, "e => '#' + e.closest('.tw-planner').id")
        page.click(f'{planner} .tw-step-link[data-goto="{step}"]')


def expected_items(answers: Mapping[str, str]) -> list[str]:
    """The ids of the items the library plans for `answers`, in order."""
    return list(telework.plan(answers).item_ids())


WATCH_LAYOUT_SHIFT = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.layoutShift += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""
"""An init script adding up the page's layout shifts not caused by the reader (its CLS)."""


def layout_shift(page: Page) -> float:
    """The page's layout shift so far, once two more frames have been drawn."""
    shift: float = page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame("
        "() => done(window.layoutShift))))"
    )
    return shift


SAME_HTML = """([selector, html]) => {
  const element = document.querySelector(selector);
  const expected = document.createElement("template");
  expected.innerHTML = html;
  return element !== null && element.innerHTML === expected.innerHTML;
}"""
"""Whether an element holds `html`, compared as the browser parses it (it re-serialises &#x27;)."""


def shows(page: Page, selector: str, html: str) -> bool:
    """Wait until the element at `selector` holds `html`; False if it never does."""
    try:
        page.wait_for_function(SAME_HTML, arg=[selector, html], timeout=BOOT_TIMEOUT_MS)
    except PlaywrightTimeout:
        return False
    return True


BLOCK_STORAGE = (
    "Object.defineProperty(window, 'localStorage', {get() {"
    " throw new DOMException('The operation is insecure.', 'SecurityError'); }})"
)
"""An init script blocking storage: reading localStorage at all throws, as with cookies off."""
FILL_STORAGE = (
    "Storage.prototype.setItem = function () {"
    " throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }"
)
"""An init script filling storage: what is stored reads back, but nothing more is written."""


def store_before_load(page: Page, key: str, text: str) -> None:
    """Have `text` stored under `key` when the page's scripts first run (not again on reload)."""
    seeded = json.dumps("seeded " + key)  # once: reloads show what the page did with it
    page.add_init_script(
        f"if (!sessionStorage.getItem({seeded})) {{"
        f" localStorage.setItem({json.dumps(key)}, {json.dumps(text)});"
        f" sessionStorage.setItem({seeded}, '1'); }}"
    )


def stored_text(page: Page, key: str) -> str | None:
    """The text the page keeps in localStorage under `key`, or None."""
    text: str | None = page.evaluate("(key) => localStorage.getItem(key)", key)
    return text


def stored(page: Page, key: str) -> object:
    """The JSON value the page keeps in localStorage under `key`, or None."""
    text = stored_text(page, key)
    return None if text is None else json.loads(text)


def record_dialogs(page: Page, *, accept: bool = False) -> list[str]:
    """The messages of the dialogs `page` opens from now on, each dismissed (or accepted)."""
    messages: list[str] = []

    def answer(dialog: Dialog) -> None:
        messages.append(dialog.message)
        if accept:
            dialog.accept()
        else:
            dialog.dismiss()

    page.on("dialog", answer)
    return messages


def is_local(url: str) -> bool:
    """Whether `url` is on the book's server at 127.0.0.1 (or a blob one of its pages made)."""
    return urlsplit(url.removeprefix("blob:")).hostname == "127.0.0.1"


@dataclass
class Guard:
    """What a guard routed: every request's URL, and those it stopped for leaving 127.0.0.1."""

    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def __call__(self, route: Route, request: Request) -> None:
        self.requests.append(request.url)
        if is_local(request.url):
            route.continue_()
        else:
            self.outside.append(request.url)
            route.abort()


def guard_origin(target: Page | BrowserContext) -> Guard:
    """Let `target`'s requests to 127.0.0.1 through and stop any other, recording both."""
    guard = Guard()
    target.route("**/*", guard)
    return guard


def hold(target: Page | BrowserContext, pattern: str) -> list[Route]:
    """Keep back the requests matching `pattern`: their routes, unanswered, fill the list."""
    held: list[Route] = []
    target.route(pattern, lambda route: held.append(route))
    return held


def first_held(page: Page, held: list[Route]) -> Route:
    """The first route `hold` kept back, once the page has asked for it."""
    for _ in range(BOOT_TIMEOUT_MS // 50):
        if held:
            return held[0]
        page.wait_for_timeout(50)
    raise AssertionError(f"nothing was held back within {BOOT_TIMEOUT_MS // 1000} s")


def download(page: Page, button: str) -> tuple[str, str]:
    """Click `button`; the file it downloads: its suggested name and its text, as saved."""
    with page.expect_download() as started:
        page.click(button)
    saved = started.value
    return saved.suggested_filename, Path(saved.path()).read_bytes().decode("utf-8")


def axe_findings(
    page: Page,
    axe: Axe | None = None,
    impacts: Collection[str] | None = None,
    ignored: Collection[str] = (),
) -> list[str]:
    """axe-core's findings on `page` of `impacts` (or any), bar `ignored` rules, one line each."""
    rules = {rule: {"enabled": False} for rule in ignored}
    options = {"resultTypes": ["violations"], "rules": rules}
    response = (axe or Axe()).run(page, options=options).response
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in response["violations"]
        if impacts is None or v["impact"] in impacts
    ]
