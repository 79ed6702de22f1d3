"""Run every benchmark at its default size, one after the other (`make bench`).

Each prints its own figures and judges them against its goals (``common.judge``), which also
writes each judged figure to the file named by ``RECMANAGER_BENCH_RESULTS``; at the end one
table lists every judged figure — benchmark, figure, goal, PASS/FAIL — and the run exits
non-zero when any goal failed or a benchmark did not finish. ``--full`` is passed on to those
that have the full sizes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import RESULTS_VARIABLE

HERE = Path(__file__).resolve().parent
# (script, whether it takes --full)
BENCHMARKS = (
    ("bench_startup.py", False),
    ("bench_inbox.py", False),
    ("bench_deposit_scan.py", True),
    ("bench_deposit_download.py", True),
    ("bench_deposit_preview.py", True),
    ("bench_inspect.py", False),
    ("bench_packaging.py", True),
    ("bench_bulk.py", True),
)


def table(rows: list[list[str]]) -> str:
    headers = ["benchmark", "figure", "value", "goal", "result"]
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
             .rstrip() for row in [headers, *rows]]
    return "\n".join(lines)


def main() -> int:
    full = "--full" in sys.argv[1:]
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-results-") as folder:
        for name, has_full in BENCHMARKS:
            print(f"\n=== {name} ===", flush=True)
            results = Path(folder) / f"{Path(name).stem}.jsonl"
            arguments = ["--full"] if full and has_full else []
            completed = subprocess.run(
                [sys.executable, name, *arguments], cwd=HERE, check=False,
                env={**os.environ, RESULTS_VARIABLE: str(results)})
            judged = [json.loads(line) for line in results.read_text(encoding="utf-8")
                      .splitlines()] if results.exists() else []
            rows += [[Path(name).stem, item["figure"], item["value"], item["goal"],
                      "PASS" if item["pass"] else "FAIL"] for item in judged]
            if completed.returncode != 0 and all(item["pass"] for item in judged):
                rows.append([Path(name).stem, "did not finish", f"exit {completed.returncode}",
                             "exit 0", "FAIL"])
    print("\n" + table(rows))
    failed = sum(row[-1] == "FAIL" for row in rows)
    print(f"\n{failed} of {len(rows)} failed" if failed else f"\nall {len(rows)} passed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
