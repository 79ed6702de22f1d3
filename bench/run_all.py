"""Run every benchmark at its default size, one after the other (`make bench`).

Each prints its own figures and its ratio to the reference measured in the same run;
``--full`` is passed on to those that have the issue's full sizes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# (script, whether it takes --full)
BENCHMARKS = (
    ("bench_startup.py", False),
    ("bench_inbox.py", False),
    ("bench_deposit_scan.py", True),
    ("bench_deposit_download.py", True),
    ("bench_deposit_preview.py", True),
    ("bench_packaging.py", True),
    ("bench_bulk.py", True),
)


def main() -> int:
    full = "--full" in sys.argv[1:]
    failed = []
    for name, has_full in BENCHMARKS:
        print(f"\n=== {name} ===", flush=True)
        arguments = ["--full"] if full and has_full else []
        result = subprocess.run([sys.executable, name, *arguments], cwd=HERE, check=False)
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed to run: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
