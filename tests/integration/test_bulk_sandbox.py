"""Bulk assignment against the sandbox Pod over real HTTP: each rule kind, BOM and ``;``
files, conflicts, unknown and non-staff owners, a run killed with SIGKILL and run again, and
a proxy in front of Pod that fails chosen requests."""

from __future__ import annotations

import csv
import http.client
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from recmanager import audit
from recmanager.bulk.plan import Problem, Status
from recmanager.bulk.report import write_report
from recmanager.bulk.rules import read_rules
from recmanager.bulk.run import BulkRun
from recmanager.errors import BulkError
from recmanager.pod.rest import PodClient

ROOT = Path(__file__).resolve().parents[2]
AN_HOUR_AGO = time.time() - 3600
# Claims against the sandbox run one at a time: its SQLite database answers "database is
# locked" to concurrent claims now and then, which is the sandbox's limit, not Pod's.
# Concurrency itself is covered by tests/unit/test_bulk_apply.py and bench/bench_bulk.py.
JOBS = 1


@pytest.fixture
def pod(sandbox_pod):
    """The seeded sandbox, its deposit uploaded an hour ago (complete for the deposit scan)."""
    for path in sandbox_pod.deposit_root.rglob("*"):
        if path.is_file():
            os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    return sandbox_pod


def deposit(sandbox_pod, folder: str, names: list[str]) -> list[str]:
    """Real clips in a recorder folder, uploaded an hour ago; two cron passes list them."""
    sample = (sandbox_pod.deposit_root / "amphiA" / "lecture-02.mp4").read_bytes()
    paths = []
    for name in names:
        path = sandbox_pod.deposit_root / folder / name
        path.write_bytes(sample)
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
        paths.append(str(path))
    sandbox_pod.run_cron()
    sandbox_pod.run_cron()
    return paths


def write_rules(path: Path, text: str, *, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def pod_client(sandbox_pod) -> PodClient:
    return PodClient(sandbox_pod.base_url, sandbox_pod.tokens["admin"])


def owner_of(client: PodClient, video_id: int) -> str:
    return client.user(client.video(video_id).owner_id).username


def test_each_rule_kind_from_a_bom_semicolon_file_is_applied(pod, context, tmp_path):
    monday, tuesday = "2026-09-07_08-15-00.mp4", "2026-09-08_14-00-00.mp4"
    assert datetime(2026, 9, 7).weekday() == 0
    deposit(pod, "amphiA", [monday, tuesday])
    rules = write_rules(tmp_path / "règles.csv", (
        "Enregistreur;Fichier;Du;Au;Créneau;Propriétaire;Titre\r\n"
        ";;;;lundi 8h-10h, Amphi A;teacher1;{recorder} – {date:%d/%m/%Y} {start}\r\n"
        ";;08/09/2026;08/09/2026;;t2@example.org;TD du {date:%d/%m}\r\n"
        "Amphi A;lecture-0*;;;;manager1;{stem}\r\n"
        "Salle E (managed by teacher1);;;;;teacher1;\r\n"
        "Amphi A;lecture-1*;;;;admin;{filename}\r\n"
    ), encoding="utf-8-sig")
    profile = pod.profile(context)
    with BulkRun.open(context, profile) as run:
        plan = run.plan_rules(read_rules(rules))
        rows = {row.filename: row for row in plan.rows if row.source_file}
        assert rows[monday].owner_user.username == "teacher1"
        assert rows[monday].title == "Amphi A – 07/09/2026 08:15"
        assert rows[tuesday].owner_user.username == "teacher2"
        assert rows[tuesday].title == "TD du 08/09"
        assert rows["lecture-03.mp4"].title == "lecture-03"
        assert rows["lecture-12.mp4"].title == "lecture-12.mp4"
        assert rows["e1.mp4"].owner_user.username == "teacher1"
        # b1, b2 (Amphi B) and d1.zip (Studio D) match no rule.
        counts = plan.counts()
        assert counts["unmatched"] == 3 and counts["errors"] == 3
        assert counts["ready"] == 2 + 13 + 2
        plan.exclude_problems([Problem.UNMATCHED])
        result = run.apply(plan, jobs=JOBS)
    assert (result.done, result.failed, result.not_run) == (17, 0, 0), [
        r.message for r in plan.rows if r.status is Status.FAILED]
    with pod_client(pod) as client:
        for name, owner, title in (
            (monday, "teacher1", "Amphi A – 07/09/2026 08:15"),
            (tuesday, "teacher2", "TD du 08/09"),
            ("lecture-05.mp4", "manager1", "lecture-05"),
            ("lecture-11.mp4", "admin", "lecture-11.mp4"),
        ):
            row = rows[name]
            assert row.status is Status.DONE, row.message
            assert owner_of(client, row.video_id) == owner
            assert client.video(row.video_id).title == title
        left = {t.filename for t in client.treatments()}
    assert left == {"b1.mp4", "b2.mp4", "d1.zip"}
    assert len([e for e in audit.entries(context.db, action="claim") if e.result == "ok"]) == 17


def test_conflicts_unknown_and_non_staff_owners_block_the_plan(pod, context, tmp_path):
    rules = write_rules(tmp_path / "rules.csv", (
        "recorder,pattern,owner\n"
        "Amphi A,lecture-0*,teacher1\n"
        "Amphi A,lecture-01.mp4,teacher2\n"
        "Amphi A,lecture-1*,nobody@example.org\n"
        '"Amphi B (managed, email)",,student1\n'
        "Salle E (managed by teacher1),,guest1@nowhere.example\n"
        "Amphi Q,,teacher1\n"
        '"Studio D (audiovideocast, manual)",,\n'
    ))
    profile = pod.profile(context)
    with BulkRun.open(context, profile) as run:
        plan = run.plan_rules(read_rules(rules))
        rows = {row.filename: row for row in plan.rows if row.source_file}
        counts = plan.counts()
        assert rows["lecture-01.mp4"].problem is Problem.CONFLICT
        assert counts["conflict"] == 1
        assert counts["unknown-owner"] == 4 + 2  # lecture-10..13, e1, e2
        assert counts["non-staff-owner"] == 2  # b1, b2 for student1
        assert counts["invalid-rule"] == 2  # Amphi Q; Studio D without an owner
        assert counts["unmatched"] == 1  # d1.zip
        assert counts["ready"] == 8  # lecture-02..09
        with pytest.raises(BulkError, match="12 rows with errors"):
            run.apply(plan)
    with pod_client(pod) as client:
        assert len(client.treatments()) == 18  # nothing was applied


def run_cli(pod, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "recmanager", "bulk-assign", *args], cwd=ROOT,
        env=cli_environment(pod), capture_output=True, text=True, timeout=600,
        check=False, **kwargs,
    )


def cli_environment(pod, url: str | None = None) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(RECMANAGER_POD_URL=url or pod.base_url, RECMANAGER_POD_ALLOW_HTTP="1",
                       RECMANAGER_POD_TOKEN=pod.tokens["admin"])
    return environment


def test_cli_dry_run_prints_the_plan_and_fails_on_errors(pod, tmp_path):
    rules = write_rules(tmp_path / "rules.csv", "recorder;owner\nAmphi A;teacher1\n"
                        "Amphi B (managed, email);student1\n", encoding="utf-8-sig")
    result = run_cli(pod, str(rules), "--dry-run", "--export-plan",
                     str(tmp_path / "plan.csv"))
    assert result.returncode == 1, result.stderr
    assert "13 ready" in result.stdout and "2 with an owner who is not staff" in result.stdout
    assert "lecture-07.mp4" in result.stdout
    with (tmp_path / "plan.csv").open(encoding="utf-8-sig", newline="") as stream:
        exported = list(csv.DictReader(stream, delimiter=";"))
    assert Counter(line["problem"] for line in exported) == {
        "": 13, "non-staff-owner": 2, "unmatched": 3}
    excluded = run_cli(pod, str(rules), "--exclude", "errors", "--json",
                       "--exclude-file", "lecture-07.mp4")
    assert excluded.returncode == 0, excluded.stderr
    data = json.loads(excluded.stdout)
    assert data["counts"]["ready"] == 12 and not data["has_errors"]
    assert [r["excluded"] for r in data["rows"] if r["file"].endswith("/lecture-07.mp4")] == [
        True]
    unknown = run_cli(pod, str(rules), "--exclude-file", "nothing.mp4")
    assert unknown.returncode == 1 and "nothing.mp4" in unknown.stderr
    usage = run_cli(pod, str(rules), "--apply", "--jobs", "0")
    assert usage.returncode == 2 and "--jobs" in usage.stderr
    with PodClient(pod.base_url, pod.tokens["admin"]) as client:
        assert len(client.treatments()) == 18  # a dry run changes nothing


def bulk_statuses(database: Path) -> Counter[str]:
    if not database.exists():
        return Counter()
    connection = sqlite3.connect(database, timeout=5)
    try:
        return Counter(s for (s,) in connection.execute("SELECT status FROM bulk_rows"))
    except sqlite3.OperationalError:
        return Counter()
    finally:
        connection.close()


@pytest.mark.slow
def test_a_killed_run_run_again_assigns_everything_exactly_once(
    pod, context, isolated_dirs, tmp_path
):
    names = [f"kill-{n:03d}.mp4" for n in range(40)]
    deposit(pod, "amphiA", names)
    rules = write_rules(tmp_path / "rules.csv",
                        "pattern;owner;title\nkill-0[0-1]*;teacher1;{stem}\n"
                        "kill-0[2-3]*;teacher2;{stem}\n")
    command = [sys.executable, "-m", "recmanager", "bulk-assign", str(rules), "--apply",
               "--exclude", "unmatched", "--jobs", str(JOBS)]
    process = subprocess.Popen(command, cwd=ROOT, env=cli_environment(pod),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    database = isolated_dirs.database
    deadline = time.monotonic() + 300
    while bulk_statuses(database)["done"] < 8 or not bulk_statuses(database)["started"]:
        assert process.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    at_kill = bulk_statuses(database)
    assert 8 <= at_kill["done"] < 40
    assert at_kill["started"] >= 1  # killed in the middle of a claim

    report = tmp_path / "report.csv"
    again = run_cli(pod, str(rules), "--apply", "--exclude", "unmatched",
                    "--report", str(report))
    assert again.returncode == 0, again.stdout + again.stderr
    with report.open(encoding="utf-8-sig", newline="") as stream:
        lines = [line for line in csv.DictReader(stream, delimiter=";")
                 if Path(line["file"]).name.startswith("kill-")]
    assert len(lines) == 40
    assert {line["outcome"] for line in lines} == {"done"}
    with pod_client(pod) as client:
        made = Counter(Path(r.source_file).name for r in client.recordings()
                       if Path(r.source_file).name.startswith("kill-"))
        videos = Counter(v.title for v in client.videos() if v.title.startswith("kill-"))
        left = [t for t in client.treatments() if t.filename.startswith("kill-")]
    assert set(made) == set(names) and set(made.values()) == {1}  # no duplicate recording
    assert len(videos) == 40 and set(videos.values()) == {1}  # nothing assigned twice
    assert left == []


class FailingProxy:
    """A real HTTP proxy on 127.0.0.1 in front of the sandbox. It answers nginx's 502 to the
    claims (POST /rest/recording/) of chosen files instead of passing them on; and after
    ``lose_after`` claims it loses the connection: that claim reaches Pod but its answer is
    lost, and every later request is cut without an answer, until ``lose_after`` is reset."""

    def __init__(self, upstream: str, failing: set[str], lose_after: int | None = None):
        self.failing = failing
        self.lose_after = lose_after
        self.refused: list[str] = []
        self.claims = 0
        target = urlsplit(upstream)
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def _forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                claim = self.command == "POST" and self.path.startswith("/rest/recording/")
                if proxy.lose_after is not None and proxy.claims >= proxy.lose_after:
                    self.close_connection = True  # the link is down: no answer at all
                    return
                if claim:
                    name = Path(json.loads(body).get("source_file", "")).name
                    if name in proxy.failing:
                        proxy.refused.append(name)
                        page = b"<html><head><title>502 Bad Gateway</title></head></html>"
                        self.send_response(502)
                        self.send_header("Content-Type", "text/html")
                        self.send_header("Content-Length", str(len(page)))
                        self.end_headers()
                        self.wfile.write(page)
                        return
                    proxy.claims += 1
                connection = http.client.HTTPConnection(target.hostname, target.port,
                                                        timeout=60)
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in ("host", "connection")}
                connection.request(self.command, self.path, body or None, headers)
                answer = connection.getresponse()
                data = answer.read()
                connection.close()
                if claim and proxy.lose_after is not None and proxy.claims >= proxy.lose_after:
                    self.close_connection = True  # Pod took the claim; the answer is lost
                    return
                self.send_response(answer.status)
                for key, value in answer.getheaders():
                    if key.lower() not in ("connection", "transfer-encoding", "content-length"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_DELETE = do_PATCH = do_OPTIONS = _forward  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FailingProxy:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_lost_connection_stops_the_run_and_the_same_plan_finishes_it(pod, context, tmp_path):
    rules = write_rules(tmp_path / "rules.csv", "recorder;owner;title\nAmphi A;teacher2;{stem}\n")
    with FailingProxy(pod.base_url, set(), lose_after=5) as proxy:
        profile = pod.profile(context)
        profile.pod_url = proxy.url.rstrip("/")
        with BulkRun.open(context, profile) as run:
            plan = run.plan_rules(read_rules(rules))
            plan.exclude_problems([Problem.UNMATCHED])
            result = run.apply(plan, jobs=JOBS)
        assert result.stopped and "Run the same plan again" in result.stopped
        assert result.done == 4 and result.failed >= 1 and result.not_run >= 1
        caught = next(r for r in plan.rows if r.status is Status.FAILED)
        assert "Nothing was resent" in caught.message  # its answer was lost: not sent again

        proxy.lose_after = None  # the connection is back
        with BulkRun.open(context, profile) as run:
            again = run.plan_rules(read_rules(rules))
            assert again.plan_id == plan.plan_id
            again.exclude_problems([Problem.UNMATCHED])
            assert again.counts()["done"] == 4
            rerun = run.apply(again, jobs=JOBS)
    assert rerun.failed == 0 and rerun.done == 13 - 4
    rows = {row.filename: row for row in again.rows}
    assert "already" in rows[caught.filename].message  # Pod held it: reported as done
    with pod_client(pod) as client:
        made = Counter(Path(r.source_file).name for r in client.recordings())
        videos = Counter(v.title for v in client.videos() if v.title.startswith("lecture-"))
    assert all(made[f"lecture-{n:02d}.mp4"] == 1 for n in range(1, 14))
    assert len(videos) == 13 and set(videos.values()) == {1}


def test_a_server_failing_some_claims_fails_those_rows_only_and_retry_finishes(
    pod, context, tmp_path
):
    failing = {"lecture-04.mp4", "lecture-09.mp4"}
    rules = write_rules(tmp_path / "rules.csv", "recorder;owner;title\nAmphi A;teacher1;{stem}\n")
    report = tmp_path / "report.csv"
    with FailingProxy(pod.base_url, failing) as proxy:
        profile = pod.profile(context)
        profile.pod_url = proxy.url.rstrip("/")
        with BulkRun.open(context, profile) as run:
            plan = run.plan_rules(read_rules(rules))
            plan.exclude_problems([Problem.UNMATCHED])
            result = run.apply(plan, jobs=JOBS)
            write_report(plan, report)
            assert sorted(proxy.refused) == sorted(failing)
            assert (result.done, result.failed) == (11, 2)
            with report.open(encoding="utf-8-sig", newline="") as stream:
                lines = {Path(line["file"]).name: line
                         for line in csv.DictReader(stream, delimiter=";")}
            assert {n for n, line in lines.items() if line["outcome"] == "failed"} == failing
            assert "502" in lines["lecture-04.mp4"]["message"]
            assert lines["lecture-05.mp4"]["outcome"] == "done"
            assert lines["lecture-05.mp4"]["recording_id"]
            assert lines["b1.mp4"]["outcome"] == "excluded"

            # The server recovers: retrying claims the two failed rows, and only them.
            proxy.failing.clear()
            posted_before = len(proxy.refused)
            retry = run.apply(plan, jobs=JOBS, only_failed=True)
            assert (retry.done, retry.failed) == (2, 0)
            assert len(proxy.refused) == posted_before
    assert all(row.status is Status.DONE for row in plan.rows if row.applicable or
               row.filename.startswith("lecture-"))
    with pod_client(pod) as client:
        assert {t.filename for t in client.treatments()} == {"b1.mp4", "b2.mp4", "d1.zip",
                                                             "e1.mp4", "e2.mp4"}
        made = Counter(Path(r.source_file).name for r in client.recordings())
    assert all(made[f"lecture-{n:02d}.mp4"] == 1 for n in range(1, 14))
