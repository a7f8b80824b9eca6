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


def _median_us(func: object, runs: int = 2000) -> tuple[float, float]:
    """Median µs per call: (wall clock, this process's CPU time, which other load on the
    machine does not inflate)."""
    medians = []
    for clock in (time.perf_counter, time.process_time):
        timer = timeit.Timer(func, timer=clock)  # type: ignore[arg-type]
        per_run = timer.repeat(repeat=7, number=runs)
        medians.append(statistics.median(per_run) / runs * 1e6)
    return medians[0], medians[1]


def _micro(label: str, func: object, target: str) -> None:
    wall, cpu = _median_us(func)
    print(f"{label:<35}{wall:8.1f} µs   target {target}  (CPU time {cpu:.1f} µs)")


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

    _micro("build one checklist (median):", build, "≤ 50 µs")
    _micro("render it as HTML (median):", render, "≤ 200 µs")
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
