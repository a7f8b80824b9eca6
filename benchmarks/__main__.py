"""Run every benchmark: ``python -m benchmarks [library|build|page ...]``."""

from __future__ import annotations

import importlib
import os
import sys

SUITES = ("library", "build", "page")

print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
for name in sys.argv[1:] or SUITES:
    print(f"\n== {name} ==", flush=True)
    importlib.import_module(f"benchmarks.bench_{name}").main()
