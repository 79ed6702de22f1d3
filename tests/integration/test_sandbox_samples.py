"""The sample clips' cache shared by processes that start at once (two sandboxes, two test
workers): each file is made once and every process gets it whole."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from recmanager.media import duration_and_height
from recmanager.sandbox.samples import CACHE_VERSION

REPO = Path(__file__).resolve().parents[2]
MAKE = ("import json, sys; from pathlib import Path; "
        "from recmanager.sandbox.samples import sample_media; "
        "print(json.dumps({k: str(v) for k, v in sample_media(Path(sys.argv[1])).items()}))")


def test_processes_starting_at_once_share_one_set_of_samples(tmp_path):
    starts = [subprocess.Popen([sys.executable, "-c", MAKE, str(tmp_path)], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(3)]
    answers = [process.communicate(timeout=300) for process in starts]
    assert [process.returncode for process in starts] == [0, 0, 0], [e for _o, e in answers]
    made = [json.loads(out) for out, _err in answers]
    assert made[0] == made[1] == made[2]
    assert duration_and_height(Path(made[0]["faststart"])) == (760, 90)
    folder = tmp_path / f"sandbox-samples-{CACHE_VERSION}"
    assert not [p.name for p in folder.iterdir() if ".part" in p.name]
