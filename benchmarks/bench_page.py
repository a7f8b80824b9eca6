"""The web planner in headless Chromium on localhost: start-up, updates and page weight.

Median of 3 runs each, printed against the targets (never asserted):
cold load (fresh profile) to a live planner <= 2.5 s; warm load (same profile, second
visit) <= 1.5 s; one answer change to an updated checklist <= 50 ms; longest main-thread
long task while Python starts <= 200 ms; a page without a planner transfers no Pyodide
file and <= 1 MB in all.

The site is $TELEWORK_BUILT_SITE, else _build/html (built first if missing).
"""

from __future__ import annotations

import os
import statistics
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Playwright, Request, sync_playwright

from benchmarks.bench_build import build
from tools.chromium import CHROMIUM, CHROMIUM_ARGS
from tools.serve import serve

ROOT = Path(__file__).resolve().parent.parent
PLANNER_PAGE = "tools/planner.html"
PLAIN_PAGE = "index.html"
RUNS = 3
TIMEOUT_MS = 60_000

# Recorded in every page before its scripts run: when Python started booting (the
# planner's worker was created) and when the planner went live, and the main thread's
# long tasks in between.
INSTRUMENT = """
window.__bench = { bootAt: null, liveAt: null, longTasks: [] };
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
new MutationObserver(() => {
  const planner = document.querySelector(".tw-planner");
  if (window.__bench.liveAt === null && planner?.dataset.state === "live") {
    window.__bench.liveAt = performance.now();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
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


def load_until_live(page: Page, url: str) -> tuple[float, float]:
    """(ms from navigation to a live planner, longest long task in ms) for one visit."""
    page.goto(url)
    page.wait_for_function("window.__bench.liveAt !== null", timeout=TIMEOUT_MS)
    # Long-task entries arrive after their task: let two frames pass before reading them.
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    live, tasks = page.evaluate("[window.__bench.liveAt, window.__bench.longTasks]")
    return live, max(tasks, default=0.0)


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


class Transfers:
    """Bytes received (headers and bodies) and the planner's files requested in a context."""

    def __init__(self, context: BrowserContext) -> None:
        self.bytes = 0
        self.planner_files: list[str] = []
        context.on("requestfinished", self._finished)

    def _finished(self, request: Request) -> None:
        sizes = request.sizes()
        self.bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if "/_static/planner/" in request.url:
            self.planner_files.append(request.url)


def weigh(context: BrowserContext, url: str) -> Transfers:
    """What one visit to `url` in `context` transfers, once the network is idle."""
    transfers = Transfers(context)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.close()
    return transfers


def median(runs: Sequence[float]) -> float:
    return statistics.median(runs)


def report(label: str, value: float, unit: str, target: str) -> None:
    print(f"  {label:<50} {value:8.1f} {unit:<3} (target {target})")


def main() -> None:
    site = site_dir()
    print(f"Web planner, {site} on 127.0.0.1, headless Chromium; median of {RUNS} runs")
    cold: list[float] = []
    warm: list[float] = []
    long_tasks: list[float] = []
    changes: list[float] = []
    planner_bytes: list[int] = []
    plain: list[Transfers] = []
    with sync_playwright() as playwright, serve(site) as root:
        for _ in range(RUNS):
            with fresh_profile(playwright) as context:
                transfers = Transfers(context)
                page = context.new_page()
                cold_ms, longest = load_until_live(page, root + PLANNER_PAGE)
                cold.append(cold_ms)
                long_tasks.append(longest)
                planner_bytes.append(transfers.bytes)
                for value in ("interviewing", "elsewhere", "current", "interviewing", ""):
                    changes.append(page.evaluate(CHANGE_ANSWER, value))
                page.close()
                warm.append(load_until_live(context.new_page(), root + PLANNER_PAGE)[0])
            with fresh_profile(playwright) as context:
                plain.append(weigh(context, root + PLAIN_PAGE))

    report("cold load to live planner", median(cold) / 1000, "s", "<= 2.5 s")
    report("warm load to live planner (second visit)", median(warm) / 1000, "s", "<= 1.5 s")
    report("answer change to updated checklist", median(changes), "ms", "<= 50 ms")
    report("longest main-thread long task while Python boots", median(long_tasks), "ms",
           f"<= 200 ms; worst run {max(long_tasks):.0f} ms")  # fmt: skip
    report("planner page, cold transfer", median(planner_bytes) / 1e6, "MB", "none")
    report(f"{PLAIN_PAGE} (no planner), transfer", median([t.bytes for t in plain]) / 1e6, "MB",
           "<= 1 MB")  # fmt: skip
    planner_files = sum(len(t.planner_files) for t in plain)
    report(f"{PLAIN_PAGE} (no planner), planner/Pyodide files", planner_files, "", "0")


if __name__ == "__main__":
    main()
