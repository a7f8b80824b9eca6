"""Book build times: a clean build and a rebuild with nothing changed.

Targets on a 2-core machine: clean build <= 30 s, no-change rebuild <= 3 s. The build is the
book's own command (`make book`), into a temporary folder, so `_build/` is left alone.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def build(output: Path) -> float:
    """Seconds taken by one build of the book into `output`; exits if the build fails."""
    command = [
        sys.executable, "-m", "sphinx", "-b", "html", "-c", str(ROOT),
        "-d", str(output.parent / "doctrees"), str(DOCS), str(output), "-W", "--keep-going", "-q",
    ]  # fmt: skip
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"book build failed:\n{result.stderr[-4000:]}")
    return elapsed


def main() -> None:
    print(f"Book build ({os.cpu_count()} CPUs, Python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory(prefix="bench-book-") as tmp:
        output = Path(tmp) / "html"  # the notebook cache goes beside it, so it starts empty
        clean = build(output)
        print(f"  clean build (notebooks executed):  {clean:6.2f} s   (target <= 30 s)")
        unchanged = build(output)
        print(f"  rebuild, nothing changed:          {unchanged:6.2f} s   (target <= 3 s)")


if __name__ == "__main__":
    main()
