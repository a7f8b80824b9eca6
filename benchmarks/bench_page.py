"""The web planner in headless Chromium: start-up, updates, page weight and Lighthouse.

Every figure is printed against its target, never asserted. The planner page and a bare
Pyodide page (the npm package as published; its worker runs `loadPyodide` and ``1+1``) are
loaded in the same run, interleaved, each from a fresh profile, and compared:

- cold load to live, at 20 Mbit/s with 40 ms RTT (Chromium's network emulation): <= 4 s;
- cold load on localhost <= 1.1 x the bare page's, warm (second visit) <= 1.0 x;
- one answer change to an updated checklist <= 50 ms; longest main-thread long task
  while Python starts <= 200 ms;
- bytes on the wire, cold: a widget page <= 5 MB; a page without a widget <= 300 KB
  with no Pyodide file;
- Lighthouse (mobile preset) on the landing page, a chapter and every widget page:
  performance >= 90, accessibility, best practices and SEO reported (target 100).

The site is $TELEWORK_BUILT_SITE, else _build/html (built first if missing), served by
tools/serve.py as readers' hosts serve it (precompressed files, cache headers).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Playwright, Request, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from benchmarks.bench_build import build
from tools.chromium import CHROMIUM, CHROMIUM_ARGS
from tools.serve import serve

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
PLANNER_PAGE = "tools/planner.html"
BARE_PAGE = "bench-bare/index.html"
LANDING_PAGE = "index.html"
RUNS = 3
TIMEOUT_MS = 90_000
SLOW_NETWORK = {  # 20 Mbit/s down, 40 ms round trip
    "offline": False,
    "latency": 40,
    "downloadThroughput": 20e6 / 8,
    "uploadThroughput": 20e6 / 8,
}
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
WIDGET_SCRIPT = re.compile(
    r'<script[^>]+src="[^"]*_static/(planner/planner\.js|(proposal|rehearsal|trial)\.mjs)'
)
"""Pages with a widget load one of these scripts, which start Python."""

BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide</title></head>
<body><div class="tw-planner" data-state="loading">Bare Pyodide</div>
<script type="module">
const worker = new Worker(new URL("worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = () => { document.querySelector(".tw-planner").dataset.state = "live"; };
</script></body></html>
"""
BARE_WORKER = """
import { loadPyodide } from "./pyodide/pyodide.mjs";
const py = await loadPyodide({ indexURL: new URL("./pyodide/", import.meta.url).href });
self.postMessage(py.runPython("1+1"));
"""

# Recorded in every page before its scripts run: when Python started booting (the
# planner's worker was created) and when the planner went live, and the main thread's
# long tasks in between.
INSTRUMENT = """
window.__bench = { bootAt: null, liveAt: null, longTasks: [], usableAt: null, shift: 0 };
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    window.__bench.bootAt ??= performance.now();
    super(...args);
  }
};
new PerformanceObserver((list) => {
  for (const task of list.getEntries()) {
    const { bootAt, liveAt } = window.__bench;
    const end = task.startTime + task.duration;
    if (bootAt !== null && end >= bootAt && (liveAt === null || task.startTime <= liveAt)) {
      window.__bench.longTasks.push(task.duration);
    }
  }
}).observe({ type: "longtask", buffered: true });
new PerformanceObserver((list) => {
  for (const shift of list.getEntries()) {
    if (!shift.hadRecentInput) window.__bench.shift += shift.value;
  }
}).observe({ type: "layout-shift", buffered: true });
// The first usable control: the first answer the reader can click, drawn on screen.
const untilUsable = () => {
  const control = document.querySelector(".tw-planner input[type=radio]");
  if (control?.checkVisibility()) window.__bench.usableAt = performance.now();
  else requestAnimationFrame(untilUsable);
};
requestAnimationFrame(untilUsable);
new MutationObserver(() => {
  const planner = document.querySelector(".tw-planner");
  if (window.__bench.liveAt === null && planner?.dataset.state === "live") {
    window.__bench.liveAt = performance.now();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
"""

# Resolves once the planner is live (when it went live is recorded above). Polled from an
# evaluated function: wait_for_function evaluates strings, which the pages' policy forbids.
UNTIL_LIVE = """
(timeout) => new Promise((resolve, reject) => {
  const end = performance.now() + timeout;
  const check = () => {
    if (window.__bench.liveAt !== null) resolve();
    else if (performance.now() > end) reject(new Error("the planner did not go live"));
    else setTimeout(check, 20);
  };
  check();
})
"""

# Change one answer and resolve with the milliseconds until its checklist is shown.
CHANGE_ANSWER = """
(value) => new Promise((resolve) => {
  const planner = document.querySelector(".tw-planner");
  const result = planner.querySelector(".tw-result");
  const question = planner.querySelector(".tw-question[data-question=situation]");
  const radio = question.querySelector(`input[value="${value}"]`);
  const start = performance.now();
  new MutationObserver((_, observer) => {
    if (!result.hasAttribute("aria-busy")) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  }).observe(result, { attributes: true, attributeFilter: ["aria-busy"] });
  radio.click();
})
"""


def site_dir() -> Path:
    named = os.environ.get("TELEWORK_BUILT_SITE")
    site = Path(named) if named else ROOT / "_build" / "html"
    if not (site / PLANNER_PAGE).exists():
        print(f"  (building the book into {site} first)")
        build(site)
    return site


@contextmanager
def with_bare_page(site: Path) -> Iterator[Path]:
    """The site plus the bare Pyodide page in bench-bare/ (links, nothing copied)."""
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        root = Path(tmp)
        for entry in site.iterdir():
            (root / entry.name).symlink_to(entry.resolve())
        bare = root / BARE_PAGE
        (bare.parent / "pyodide").mkdir(parents=True)
        bare.write_text(BARE_HTML, encoding="utf-8")
        (bare.parent / "worker.mjs").write_text(BARE_WORKER, encoding="utf-8")
        for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm",
                     "python_stdlib.zip", "pyodide-lock.json"):  # fmt: skip
            (bare.parent / "pyodide" / name).symlink_to(PYODIDE / name)
        yield root


class Transfers:
    """Bytes received (headers and bodies, as sent) for the page, and apart from them for
    the service worker keeping the book for offline reading in the background; and the
    Pyodide files the page requested."""

    def __init__(self, context: BrowserContext) -> None:
        self.bytes = 0
        self.offline_bytes = 0
        self.pyodide_files: list[str] = []
        context.on("requestfinished", self._finished)

    def _finished(self, request: Request) -> None:
        try:
            sizes = request.sizes()
        except PlaywrightError:  # finished as the browser closed
            return
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if request.service_worker is not None:
            self.offline_bytes += size
            return
        self.bytes += size
        if "/pyodide/" in request.url:
            self.pyodide_files.append(request.url)


@contextmanager
def fresh_profile(playwright: Playwright) -> Iterator[BrowserContext]:
    """A browser with a new, empty profile on disk (so a second visit has a disk cache)."""
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        context.add_init_script(INSTRUMENT)
        try:
            yield context
        finally:
            context.close()


def load_until_live(page: Page, url: str) -> tuple[float, float, float]:
    """(ms from navigation to a live planner, longest long task in ms, ms from navigation
    to the worker's creation) for one visit."""
    page.goto(url)
    page.evaluate(UNTIL_LIVE, TIMEOUT_MS)
    # Long-task entries arrive after their task: let two frames pass before reading them.
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    live, tasks, boot = page.evaluate(
        "[window.__bench.liveAt, window.__bench.longTasks, window.__bench.bootAt]"
    )
    return live, max(tasks, default=0.0), boot


def slow_page(context: BrowserContext) -> Page:
    """A page whose requests (its workers' too) go through the emulated slow network."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    return page


class Figures:
    """Every run's measurements, by name."""

    def __init__(self) -> None:
        self.runs: dict[str, list[float]] = {}

    def add(self, name: str, value: float) -> None:
        self.runs.setdefault(name, []).append(value)

    def median(self, name: str) -> float:
        return statistics.median(self.runs[name])


def visit(playwright: Playwright, root: str, page_path: str, figures: Figures, name: str) -> None:
    """One cold visit on localhost, a warm one, and a cold one on the slow network."""
    with fresh_profile(playwright) as context:
        transfers = Transfers(context)
        page = context.new_page()
        cold, longest, boot = load_until_live(page, root + page_path)
        figures.add(f"{name} cold", cold)
        if name == "planner":
            usable, shift = page.evaluate("[window.__bench.usableAt, window.__bench.shift]")
            figures.add("first usable control", usable)
            figures.add("layout shift", shift)
        figures.add(f"{name} worker start", boot)
        figures.add(f"{name} long task", longest)
        figures.add(f"{name} bytes", transfers.bytes)
        figures.add(f"{name} offline bytes", transfers.offline_bytes)
        if name == "planner":
            for value in ("interviewing", "elsewhere", "current", "interviewing", ""):
                figures.add("answer change", page.evaluate(CHANGE_ANSWER, value))
        page.close()
        figures.add(f"{name} warm", load_until_live(context.new_page(), root + page_path)[0])
    with fresh_profile(playwright) as context:
        figures.add(f"{name} slow", load_until_live(slow_page(context), root + page_path)[0])


def weigh(playwright: Playwright, url: str) -> Transfers:
    """What one cold visit to `url` transfers, once the network is idle."""
    with fresh_profile(playwright) as context:
        transfers = Transfers(context)
        context.new_page().goto(url, wait_until="networkidle")
    return transfers


def lighthouse(url: str) -> tuple[dict[str, int], list[str]]:
    """Lighthouse's mobile scores (0-100) of `url` by category, and the audits that cost
    points outside performance (whose own report lists its opportunities)."""
    command = [
        "node", str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
        "--chrome-flags=" + " ".join(CHROMIUM_ARGS),
    ]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=300, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "no output")
    report = json.loads(done.stdout)
    categories, audits = report["categories"], report["audits"]
    scores = {name: round((categories[name]["score"] or 0) * 100) for name in LIGHTHOUSE_CATEGORIES}
    failed = sorted(
        {
            ref["id"]
            for name in LIGHTHOUSE_CATEGORIES[1:]
            for ref in categories[name]["auditRefs"]
            if ref["weight"] > 0 and (audits[ref["id"]]["score"] or 0) < 1
        }
    )
    return scores, failed


def widget_pages(site: Path) -> list[str]:
    return sorted(
        page.relative_to(site).as_posix()
        for page in site.rglob("*.html")
        if WIDGET_SCRIPT.search(page.read_text(encoding="utf-8"))
    )


def plain_chapter(site: Path, widgets: list[str]) -> str:
    """A chapter without a widget (the first in the book's folders)."""
    return next(
        page.relative_to(site).as_posix()
        for page in sorted(site.glob("*/*.html"))
        if page.relative_to(site).as_posix() not in widgets and page.parent.name[0] != "_"
    )


def report(label: str, value: float, unit: str, target: str) -> None:
    print(f"  {label:<52} {value:8.2f} {unit:<3} (target {target})")


def ratio(figures: Figures, name: str) -> str:
    planner, bare = figures.median(f"planner {name}"), figures.median(f"bare {name}")
    return f"bare page {bare / 1000:.2f} s, ratio {planner / bare:.2f}"


def main() -> None:
    site = site_dir()
    widgets = widget_pages(site)
    chapter = plain_chapter(site, widgets)
    print(f"Web planner, {site} on 127.0.0.1, headless Chromium; median of {RUNS} runs,")
    print("the planner page and a bare Pyodide page interleaved")
    figures = Figures()
    with sync_playwright() as playwright, with_bare_page(site) as served, serve(served) as root:
        for _ in range(RUNS):
            visit(playwright, root, PLANNER_PAGE, figures, "planner")
            visit(playwright, root, BARE_PAGE, figures, "bare")
        plain = {page: weigh(playwright, root + page) for page in (LANDING_PAGE, chapter)}

        seconds: Callable[[str], float] = lambda name: figures.median(name) / 1000  # noqa: E731
        report("cold load to live planner, 20 Mbit/s, 40 ms RTT", seconds("planner slow"), "s",
               f"<= 4 s; {ratio(figures, 'slow')}")  # fmt: skip
        report("cold load to live planner, localhost", seconds("planner cold"), "s",
               f"ratio <= 1.1; {ratio(figures, 'cold')}")  # fmt: skip
        report("warm load to live planner, localhost", seconds("planner warm"), "s",
               f"ratio <= 1.0; {ratio(figures, 'warm')}")  # fmt: skip
        report("cold, localhost: the page creates Python's worker at",
               figures.median("planner worker start"), "ms",
               f"none; bare page {figures.median('bare worker start'):.0f} ms")  # fmt: skip
        report("answer change to updated checklist", figures.median("answer change"), "ms",
               "<= 50 ms")  # fmt: skip
        report("navigation to the first usable control", figures.median("first usable control"),
               "ms", "<= 200 ms")  # fmt: skip
        report("cumulative layout shift, until live", figures.median("layout shift"), "",
               "<= 0.01")  # fmt: skip
        longest = figures.runs["planner long task"]
        report("longest main-thread long task while Python boots", statistics.median(longest),
               "ms", f"<= 200 ms; worst run {max(longest):.0f} ms")  # fmt: skip
        report(f"{PLANNER_PAGE} (widget page), bytes on the wire cold",
               figures.median("planner bytes") / 1e6, "MB",
               f"<= 5 MB; bare page {figures.median('bare bytes') / 1e6:.2f} MB")  # fmt: skip
        report("  and in the background, kept for offline reading",
               figures.median("planner offline bytes") / 1e6, "MB", "none")  # fmt: skip
        for page, transfers in plain.items():
            files = len(transfers.pyodide_files)
            report(f"{page} (no widget), bytes on the wire cold", transfers.bytes / 1e3, "KB",
                   f"<= 300 KB, with {files} Pyodide files (target 0)")  # fmt: skip
            report("  and in the background, kept for offline reading",
                   transfers.offline_bytes / 1e3, "KB", "none")  # fmt: skip

        if shutil.which("node") is None or not LIGHTHOUSE.exists():
            print("  Lighthouse: not installed (run: npm ci)")
            return
        print("  Lighthouse, mobile (targets: performance >= 90; the others 100):")
        for page in (LANDING_PAGE, chapter, *widgets):
            try:
                scores, failed = lighthouse(root + page)
            except (RuntimeError, subprocess.TimeoutExpired, ValueError, KeyError) as error:
                print(f"    {page:<46} failed: {error}")
                continue
            print(f"    {page:<46} " + "  ".join(f"{k} {v:3}" for k, v in scores.items()))
            if failed:
                print(f"    {'':<46} audits failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
