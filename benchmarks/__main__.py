"""Run every benchmark: ``python -m benchmarks [library|build|page ...]``."""

from __future__ import annotations

import importlib
import os
import sys

SUITES = ("library", "build", "page")

load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {load}")
for name in sys.argv[1:] or SUITES:
    print(f"\n== {name} ==", flush=True)
    importlib.import_module(f"benchmarks.bench_{name}").main()
