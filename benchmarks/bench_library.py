"""The library's figures: building and rendering a checklist, the whole-space check, import cost."""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
import timeit

import telework
from telework.analysis import analyse


def _median_us(func: object, runs: int = 2000) -> float:
    timer = timeit.Timer(func)  # type: ignore[arg-type]
    per_run = timer.repeat(repeat=7, number=runs)
    return statistics.median(per_run) / runs * 1e6


def _answer_sets(count: int) -> list[dict[str, str]]:
    guide = telework.load_guide()
    rng = random.Random(7)
    sets = []
    for _ in range(count):
        answers: dict[str, str] = {}
        for question in guide.questions:
            if telework.evaluate(question.applies, answers) and rng.random() < 0.8:
                answers[question.id] = rng.choice(question.option_ids())
        sets.append(answers)
    return sets


def _startup_ms(code: str, runs: int = 15) -> float:
    """Median extra wall time of a fresh interpreter that runs `code`, over one that does not."""

    def once(script: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", script], check=True)
        return time.perf_counter() - start

    bare = statistics.median(once("pass") for _ in range(runs))
    return (statistics.median(once(code) for _ in range(runs)) - bare) * 1000


def main() -> None:
    answers = _answer_sets(50)
    checklists = [telework.plan(a) for a in answers]
    cycle = iter(range(10**9))

    def build() -> None:
        telework.plan(answers[next(cycle) % len(answers)])

    def render() -> None:
        telework.render_html(checklists[next(cycle) % len(checklists)])

    print(f"build one checklist (median):      {_median_us(build):8.1f} µs   target ≤ 50 µs")
    print(f"render it as HTML (median):        {_median_us(render):8.1f} µs   target ≤ 200 µs")
    guide = telework.load_guide()
    check = statistics.median(timeit.repeat(lambda: analyse(guide), number=1, repeat=5))
    combos = analyse(guide).combinations
    print(
        f"whole-answer-space check:          {check * 1000:8.1f} ms   target ≤ 2 s"
        f"  ({combos} combinations)"
    )
    print(
        f"import telework (over bare python): {_startup_ms('import telework'):7.1f} ms"
        "   target ≤ 20 ms"
    )
    first = _startup_ms("import telework; telework.plan({})")
    print(f"…and the first plan (loads the data): {first:6.1f} ms   (no target)")
