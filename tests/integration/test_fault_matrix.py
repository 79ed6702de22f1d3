"""The fault matrix: every change action, through every fault, tells the truth.

Each change action (claim from the command line and from the core, bulk claim, reassign,
delete with and without the quarantine, undo of a quarantine, upload, recorder edit) runs
against the sandbox Pod and the real sshd through fault proxies (tests/fixtures/fault_proxy.py)
that cut an answer inside its status line, its headers, at the start of or inside its body,
reset the connection once the request is sent, or stall it past the client's timeouts. After
each run the server is asked what it now holds, and that is the judge:

* nothing is ever made twice (one Recording per file), a file is where it should be, with the
  same bytes;
* exit 1 only when nothing changed; once something changed, exit 0 (done) or
  ``EXIT_DONE_BUT`` (done, but …) and a message that does not call it failed;
* an audit entry that says what happened;
* run again (or killed with SIGKILL after its first change, then run again): the same truth,
  and the interrupted run gets its audit entry.

No run may hang: every command runs under a deadline well past the client's own timeouts.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from recmanager import audit
from recmanager.config import NETWORK_TIMEOUT_VARIABLE, Profile
from recmanager.errors import EXIT_DONE_WITH_WARNING
from recmanager.secrets import SecretKind
from tests.fixtures.cli_process import SECRETS_VARIABLE, write_secrets
from tests.fixtures.fault_proxy import Fault, FaultProxy, Point

pytestmark = [pytest.mark.sshd]

ROOT = Path(__file__).resolve().parents[2]
EXIT_DONE = 0
EXIT_NOTHING_CHANGED = 1
EXIT_DONE_BUT = EXIT_DONE_WITH_WARNING  # done, but … (README)
CLIENT_TIMEOUT_S = "4"  # RECMANAGER_NETWORK_TIMEOUT: Pod's answers and SFTP transfers
HANG_S = 60.0  # past every client timeout and retry: a command still running then is a hang
OWNER = "teacher1"


# --- the user's side: a profile through both proxies, the command in its own process -------


@dataclass
class Run:
    argv: tuple[str, ...]
    code: int | None  # None: killed (SIGKILL) or hung
    out: str
    err: str
    seconds: float
    hung: bool = False
    started: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def text(self) -> str:
        return self.out + self.err


@dataclass
class Client:
    """The profile ``faults`` (admin, sandbox through the HTTP proxy, sshd through the SSH
    proxy) and the real command, run as a process of its own."""

    context: Any
    profile: Profile
    secrets_file: Path
    pod: Any
    home: Path
    original_sha: str = ""  # the bytes a file must keep through the action
    runs: list[Run] = field(default_factory=list)

    def environment(self) -> dict[str, str]:
        return {**os.environ, SECRETS_VARIABLE: str(self.secrets_file),
                NETWORK_TIMEOUT_VARIABLE: CLIENT_TIMEOUT_S}

    def start(self, *argv: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.fixtures.cli_process", *argv,
             "--profile", self.profile.name],
            cwd=ROOT, env=self.environment(), stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True,
        )

    def run(self, *argv: str, deadline: float = HANG_S) -> Run:
        at = datetime.now(UTC)
        started = time.monotonic()
        process = self.start(*argv)
        try:
            out, err = process.communicate(timeout=deadline)
            run = Run(argv, process.returncode, out, err, time.monotonic() - started,
                      started=at)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
            run = Run(argv, None, out, err, time.monotonic() - started, hung=True, started=at)
        self.runs.append(run)
        return run

    def kill_when(self, event_set: Callable[[], bool], *argv: str) -> Run:
        """Start the command, SIGKILL it as soon as ``event_set()`` (its first change is made)."""
        at = datetime.now(UTC)
        started = time.monotonic()
        process = self.start(*argv)
        deadline = started + HANG_S
        while not event_set() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        finished_first = process.poll() is not None
        if not finished_first:
            os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        assert not finished_first, f"the command ended before its first change: {out}{err}"
        assert event_set(), "the command never made its first change"
        run = Run(argv, None, out, err, time.monotonic() - started, started=at)
        self.runs.append(run)
        return run

    def audit(self, action: str, target: str | tuple[str, ...] = "") -> list[audit.AuditEntry]:
        """This profile's audit entries for ``action`` (on ``target``, or any of several
        targets), newest first."""
        targets = (target,) if isinstance(target, str) else target
        return [e for e in audit.entries(self.context.db, action=action)
                if not any(targets) or e.target in targets]


@pytest.fixture
def client(sandbox_pod, sshd, pod_fault_proxy: FaultProxy, ssh_fault_proxy: FaultProxy, context,
           memory_keyring, tmp_path) -> Client:
    pod_fault_proxy.clear()
    ssh_fault_proxy.clear()
    known_hosts = context.paths.known_hosts
    known_hosts.parent.mkdir(parents=True, exist_ok=True)
    key_type, blob = sshd.host_public_key.split()[:2]
    known_hosts.write_text(f"[127.0.0.1]:{ssh_fault_proxy.port} {key_type} {blob}\n")
    quarantine = tmp_path / "quarantine"
    quarantine.mkdir()
    profile = Profile(
        name="faults", pod_url=pod_fault_proxy.url, pod_username="admin",
        deposit_kind="sftp", sftp_host="127.0.0.1", sftp_port=ssh_fault_proxy.port,
        sftp_user=sshd.user, sftp_auth="key", sftp_key_file=str(sshd.client_keys["ed25519"]),
        deposit_root=str(sandbox_pod.deposit_root), quarantine_dir=str(quarantine),
        allow_plain_http=True,  # the sandbox speaks plain HTTP
    )
    context.profiles.save(profile)
    context.secrets.set(profile.name, SecretKind.POD_TOKEN, sandbox_pod.tokens["admin"])
    context.secrets.set(profile.name, SecretKind.POD_PASSWORD, sandbox_pod.passwords["admin"])
    secrets_file = write_secrets(memory_keyring, tmp_path / "secrets.json")
    yield Client(context, profile, secrets_file, sandbox_pod, tmp_path)
    pod_fault_proxy.clear()
    ssh_fault_proxy.clear()


# --- the server's side: what Pod and the deposit hold now -----------------------------------


@dataclass
class Truth:
    """What the servers hold for one action: ``state`` is untouched, done or partial."""

    state: str
    facts: dict[str, Any]

    def __str__(self) -> str:
        return f"{self.state} {self.facts}"


def pod_rows(pod, query: str, *params: Any) -> list[tuple]:
    """Read the sandbox's own database (no proxy, no client code): the judge's eyes."""
    connection = sqlite3.connect(f"file:{pod.data_dir / 'pod.sqlite3'}?mode=ro", uri=True,
                                 timeout=30)
    try:
        return connection.execute(query, params).fetchall()
    finally:
        connection.close()


def user_id(pod, username: str) -> int:
    return pod_rows(pod, "SELECT id FROM auth_user WHERE username = ?", username)[0][0]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def claim_truth(pod, relative: str, owner: str, title: str) -> Truth:
    """One Recording, the row gone, the file moved out of the deposit, one video of the
    owner: done; no Recording, row and file in place: untouched."""
    path = f"{pod.deposit_root}/{relative}"
    recordings = pod_rows(pod, "SELECT id FROM recorder_recording WHERE source_file = ?", path)
    rows = pod_rows(pod, "SELECT id FROM recorder_recordingfiletreatment WHERE file = ?", path)
    videos = pod_rows(pod, "SELECT owner_id FROM video_video WHERE title = ?", title)
    on_disk = (pod.deposit_root / relative).exists()
    facts = {"recordings": len(recordings), "row": bool(rows), "on_disk": on_disk,
             "videos": len(videos)}
    assert len(recordings) <= 1, f"duplicate recordings for {relative}: {facts}"
    assert len(videos) <= 1, f"duplicate videos for {relative}: {facts}"
    if not recordings and rows and on_disk and not videos:
        return Truth("untouched", facts)
    if recordings and not rows and not on_disk and videos and (
            videos[0][0] == user_id(pod, owner)):
        return Truth("done", facts)
    return Truth("partial", facts)


def combined(truths: list[Truth]) -> Truth:
    states = {truth.state for truth in truths}
    state = states.pop() if len(states) == 1 else "partial"
    return Truth(state, {str(i): truth.facts for i, truth in enumerate(truths)})


# --- the judge ------------------------------------------------------------------------------

FAILED_WORDS = re.compile(r"(?<!\b0 )failed|not claimed|was not sent|error:", re.IGNORECASE)
MATRIX: list[dict[str, Any]] = []  # one line per run, for the summary at the end


def judge(run: Run, before: Truth, after: Truth, entries: list[audit.AuditEntry], *,
          case: str, again: bool = False) -> None:
    """The run's exit code, message and audit entry agree with what the server holds.

    Exit 1 only when this run changed nothing; nothing done at all is exit 1; once
    something changed, 0 (done) or EXIT_DONE_BUT; exit 0 never says "failed"; the newest
    audit entry of the run says the same as the exit code (a run refused before it could
    start, e.g. no connection, may leave none). Run ``again`` after a run that did not
    report done, the action finds what the first run did: it reports it done, or refuses
    with nothing left to do, never calls it failed."""
    # This run's own entries (a reconciled earlier run is audited at this start too).
    entries = [entry for entry in entries
               if entry.at >= run.started and "reconciled" not in entry.detail]
    context = (f"[{case}] {' '.join(run.argv)} -> {run.code} in {run.seconds:.1f}s\n"
               f"{run.text}\nbefore: {before}\nafter:  {after}\n"
               f"audit: {[(e.action, e.result, e.error) for e in entries[:2]]}")
    changed = before.facts != after.facts
    MATRIX.append({"case": case, "code": run.code, "before": before.state,
                   "after": after.state, "changed": changed, "hung": run.hung,
                   "false_failure": run.code == EXIT_NOTHING_CHANGED and changed})
    assert not run.hung, f"hung: {context}"
    assert "Traceback" not in run.text, context
    if run.code is None:  # killed on purpose
        return
    if again and after.state == "done" and run.code == EXIT_NOTHING_CHANGED:
        # Nothing left to do may be refused (exit 1), never audited as a failure.
        assert not entries or entries[0].result == "refused", (
            f"done, yet audited as failed: {context}")
    if run.code == EXIT_NOTHING_CHANGED:
        assert not changed, f"false failure (the server holds a change): {context}"
        assert not entries or entries[0].result in ("failed", "refused"), context
        return
    assert after.state != "untouched", f"reported done, nothing is: {context}"
    assert run.code in (EXIT_DONE, EXIT_DONE_BUT), context
    if after.state == "partial":
        assert run.code == EXIT_DONE_BUT, f"partly done must say 'done, but': {context}"
    if run.code == EXIT_DONE:
        assert not FAILED_WORDS.search(run.text), context
    if changed:
        assert entries, f"no audit entry: {context}"
    if entries:
        assert entries[0].result not in ("failed", "refused"), context


# --- the actions ----------------------------------------------------------------------------


@dataclass
class Action:
    """One change action: how to run it, what the servers hold, its audit entries.

    ``argv`` is the command (or ``--python`` and a core call, for an action the command line
    does not offer as such); ``change_made`` is true once its first change is on the server
    (SSH faults and kills act then)."""

    name: str
    argv: Callable[[Client], tuple[str, ...]]
    truth: Callable[[Client], Truth]
    audit_action: str
    target: Callable[[Client], str | tuple[str, ...]]
    http_triggers: tuple[bytes, ...] = ()  # the requests of its changes, for HTTP faults
    change_made: Callable[[Client], bool] | None = None  # for SSH faults and kills
    prepare: Callable[[Client], None] = lambda client: None

    def run(self, client: Client) -> Run:
        return client.run(*self.argv(client))

    def entries(self, client: Client) -> list[audit.AuditEntry]:
        return client.audit(self.audit_action, self.target(client))


CORE_CALL = """
import sys
from recmanager.actions.opening import open_actions
from recmanager.actions.undo import undoable_quarantines
from recmanager.context import AppContext
from recmanager.errors import EXIT_DONE_WITH_WARNING, DoneWithWarning, RecmanagerError
context = AppContext.open()
profile = context.resolve_profile(sys.argv[-1])
try:
    with open_actions(profile, context, need_deposit=True) as actions:
        print({call})
except DoneWithWarning as exc:
    print(f"recmanager: {{exc}}", file=sys.stderr)
    sys.exit(EXIT_DONE_WITH_WARNING)
except RecmanagerError as exc:
    print(f"recmanager: {{exc}}", file=sys.stderr)
    sys.exit(1)
finally:
    context.close()
"""


def core_call(call: str) -> tuple[str, ...]:
    """A core call run the way the command line runs its commands (exit 0, 1 or 3)."""
    return ("--python", CORE_CALL.format(call=call))


# claim, from the command line and from the core

CLAIM_FILE = "amphiA/lecture-03.mp4"
CLAIM_TITLE = "Fault matrix claim"
CLAIM_TRIGGERS = (b"POST /rest/recording/ ", b"DELETE /rest/recordingfiletreatment/")


CLAIM = Action(
    name="claim",
    argv=lambda c: ("claim", CLAIM_FILE, "--owner", OWNER, "--title", CLAIM_TITLE),
    truth=lambda c: claim_truth(c.pod, CLAIM_FILE, OWNER, CLAIM_TITLE),
    audit_action="claim",
    target=lambda c: f"{c.pod.deposit_root}/{CLAIM_FILE}",
    http_triggers=CLAIM_TRIGGERS,
)
CORE_CLAIM = replace(CLAIM, name="Actions.claim", argv=lambda c: core_call(
    f"actions.claim({str(c.pod.deposit_root / CLAIM_FILE)!r}, {OWNER!r}, "
    f"{CLAIM_TITLE!r}).message"))

# bulk claim: three recordings of Amphi A, one rule

BULK_FILES = ("amphiA/lecture-05.mp4", "amphiA/lecture-06.mp4", "amphiA/lecture-07.mp4")


def _bulk_prepare(client: Client) -> None:
    rules = client.home / "rules.csv"
    rules.write_text("recorder;pattern;owner;title\nAmphi A;lecture-0[5-7].mp4;teacher1;"
                     "Bulk {stem}\n", encoding="utf-8")


BULK = Action(
    name="bulk-assign",
    argv=lambda c: ("bulk-assign", str(c.home / "rules.csv"), "--apply", "--exclude",
                    "unmatched", "--jobs", "1"),
    truth=lambda c: combined([
        claim_truth(c.pod, name, OWNER, "Bulk " + Path(name).stem) for name in BULK_FILES]),
    audit_action="claim",
    target=lambda c: tuple(f"{c.pod.deposit_root}/{name}" for name in BULK_FILES),
    http_triggers=CLAIM_TRIGGERS,
    prepare=_bulk_prepare,
)

# reassign: video 1 (manager1's) to teacher1, through the superuser's owner change


def _reassign_truth(client: Client) -> Truth:
    owner = pod_rows(client.pod, "SELECT owner_id FROM video_video WHERE id = 1")[0][0]
    state = {user_id(client.pod, "manager1"): "untouched",
             user_id(client.pod, OWNER): "done"}.get(owner, "partial")
    return Truth(state, {"owner_id": owner})


REASSIGN = Action(
    name="reassign",
    argv=lambda c: ("reassign", "--video", "1", "--owner", OWNER),
    truth=_reassign_truth,
    audit_action="reassign",
    target=lambda c: "video:1",
    http_triggers=(b"POST /video/updateowner/put/",),
)

# delete, and delete to the quarantine

DELETE_FILE = "amphiA/lecture-08.mp4"


def _delete_truth(client: Client, *, quarantine: bool) -> Truth:
    pod = client.pod
    path = f"{pod.deposit_root}/{DELETE_FILE}"
    on_disk = (pod.deposit_root / DELETE_FILE).exists()
    row = bool(pod_rows(pod, "SELECT id FROM recorder_recordingfiletreatment WHERE file = ?",
                        path))
    held = [p for p in Path(client.profile.quarantine_dir).rglob("*") if p.is_file()]
    facts = {"on_disk": on_disk, "row": row, "held": len(held)}
    assert len(held) <= 1, facts
    if quarantine and held:
        assert sha256(held[0]) == client.original_sha, f"the quarantined bytes differ: {facts}"
    if on_disk and row and not held:
        return Truth("untouched", facts)
    if not on_disk and not row and len(held) == int(quarantine):
        return Truth("done", facts)
    return Truth("partial", facts)


def _remember_bytes(relative: str) -> Callable[[Client], None]:
    def prepare(client: Client) -> None:
        client.original_sha = sha256(client.pod.deposit_root / relative)
    return prepare


DELETE = Action(
    name="delete",
    argv=lambda c: ("delete", DELETE_FILE),
    truth=lambda c: _delete_truth(c, quarantine=False),
    audit_action="delete",
    target=lambda c: f"{c.pod.deposit_root}/{DELETE_FILE}",
    http_triggers=(b"DELETE /rest/recordingfiletreatment/",),
    change_made=lambda c: not (c.pod.deposit_root / DELETE_FILE).exists(),
    prepare=_remember_bytes(DELETE_FILE),
)
QUARANTINE = replace(
    DELETE, name="delete --quarantine", argv=lambda c: ("delete", DELETE_FILE, "--quarantine"),
    truth=lambda c: _delete_truth(c, quarantine=True), audit_action="quarantine")

# undo of a quarantine (a core action: the inbox's Undo)


def _undo_prepare(client: Client) -> None:
    _remember_bytes(DELETE_FILE)(client)
    run = client.run("delete", DELETE_FILE, "--quarantine")
    assert run.code == 0, run.text


def _undo_truth(client: Client) -> Truth:
    path = client.pod.deposit_root / DELETE_FILE
    held = [p for p in Path(client.profile.quarantine_dir).rglob("*") if p.is_file()]
    facts = {"on_disk": path.exists(), "held": len(held)}
    if path.exists():
        assert sha256(path) == client.original_sha, f"the restored bytes differ: {facts}"
    if held and not path.exists():
        return Truth("untouched", facts)
    if path.exists() and not held:
        return Truth("done", facts)
    return Truth("partial", facts)


UNDO = Action(
    name="undo quarantine",
    argv=lambda c: core_call(  # the inbox offers Undo while a quarantine is undoable
        "actions.undo_quarantine(held[0]) if (held := undoable_quarantines(context.db, "
        "profile.name, 30)) else sys.exit('recmanager: nothing to undo')"),
    truth=_undo_truth,
    audit_action="restore",
    target=lambda c: f"{c.pod.deposit_root}/{DELETE_FILE}",
    change_made=lambda c: (c.pod.deposit_root / DELETE_FILE).exists(),
    prepare=_undo_prepare,
)

# upload: 8 MB into Amphi A's folder

UPLOAD_NAME = "fault-upload.mp4"
UPLOAD_SIZE = 8 * 1024 * 1024


def _upload_prepare(client: Client) -> None:
    local = client.home / UPLOAD_NAME
    local.write_bytes(os.urandom(UPLOAD_SIZE))
    client.original_sha = sha256(local)


def _uploaded(client: Client) -> list[Path]:
    return [p for p in (client.pod.deposit_root / "amphiA").iterdir()
            if UPLOAD_NAME in p.name]


def _upload_truth(client: Client) -> Truth:
    final = client.pod.deposit_root / "amphiA" / UPLOAD_NAME
    others = [p.name for p in _uploaded(client) if p != final]
    facts = {"final": final.exists(), "partial_files": others}
    if final.exists():
        assert sha256(final) == client.original_sha, f"the uploaded bytes differ: {facts}"
        return Truth("done", facts)
    return Truth("untouched", facts)


UPLOAD = Action(
    name="deposit upload",
    argv=lambda c: ("deposit", "upload", str(c.home / UPLOAD_NAME), "amphiA"),
    truth=_upload_truth,
    audit_action="deposit-upload",
    target=lambda c: f"{c.pod.deposit_root}/amphiA/{UPLOAD_NAME}",
    change_made=lambda c: any(p.stat().st_size >= UPLOAD_SIZE // 2 for p in _uploaded(c)),
    prepare=_upload_prepare,
)

# recorder edit: a REST field (IP) and a web field (hash key) of Amphi A


def _recorder_truth(client: Client) -> Truth:
    ip, salt = pod_rows(client.pod, "SELECT address_ip, salt FROM recorder_recorder "
                        "WHERE id = 1")[0]
    facts = {"ip": ip, "salt": salt}
    changed = (ip == "192.168.1.11", salt == "faultmatrix")
    return Truth({(False, False): "untouched", (True, True): "done"}.get(changed, "partial"),
                 facts)


RECORDER_EDIT = Action(
    name="recorders edit",
    argv=lambda c: ("recorders", "edit", "Amphi A", "--ip", "192.168.1.11", "--salt",
                    "faultmatrix"),
    truth=_recorder_truth,
    audit_action="recorder-edit",
    target=lambda c: "",
    http_triggers=(b"PATCH /rest/recorder/1/", b"POST /admin/recorder/recorder/1/change/"),
)

ACTIONS = (CLAIM, CORE_CLAIM, BULK, REASSIGN, DELETE, QUARANTINE, UNDO, UPLOAD, RECORDER_EDIT)

# --- the faults -----------------------------------------------------------------------------

HTTP_FAULTS: dict[str, Callable[[bytes], Fault]] = {
    "cut in the status line": lambda trigger: Fault("cut", Point.STATUS_LINE, trigger),
    "cut in the headers": lambda trigger: Fault("cut", Point.HEADERS, trigger),
    "cut at the body": lambda trigger: Fault("cut", Point.BODY_START, trigger),
    "cut in the body": lambda trigger: Fault("cut", Point.BODY, trigger),
    "reset after the request": lambda trigger: Fault("reset", 0, trigger),
    "stall": lambda trigger: Fault("stall", Point.HEADERS, trigger),
}


def ssh_faults(action: Action) -> dict[str, Callable[[Client], Fault]]:
    def when(client: Client) -> Callable[[], bool]:
        assert action.change_made is not None
        return lambda: action.change_made(client)

    return {
        "cut in the SSH handshake": lambda c: Fault("cut", 600, direction="down"),
        "cut after the change": lambda c: Fault("cut", when=when(c)),
        "reset after the change": lambda c: Fault("reset", when=when(c)),
        "stall after the change": lambda c: Fault("stall", when=when(c)),
    }


def _cases() -> list[Any]:
    cases = []
    for action in ACTIONS:
        for number, trigger in enumerate(action.http_triggers):
            request = trigger.decode().strip()
            for fault in HTTP_FAULTS:
                if fault == "stall" and number:
                    continue  # one stall per action: the answer to its first change
                marks = [pytest.mark.slow] if fault == "stall" else []
                cases.append(pytest.param(action, "http", trigger, fault, marks=marks,
                                          id=f"{action.name}|{request}|{fault}"))
        if action.change_made is not None:
            for fault in ssh_faults(action):
                marks = [pytest.mark.slow] if fault.startswith("stall") else []
                cases.append(pytest.param(action, "ssh", b"", fault, marks=marks,
                                          id=f"{action.name}|sftp|{fault}"))
    return cases


@pytest.mark.parametrize(("action", "channel", "trigger", "fault_name"), _cases())
def test_a_fault_then_the_same_action_again(client: Client, pod_fault_proxy: FaultProxy,
                                            ssh_fault_proxy: FaultProxy, action: Action,
                                            channel: str, trigger: bytes,
                                            fault_name: str) -> None:
    case = f"{action.name} | {trigger.decode() or 'sftp'} | {fault_name}"
    action.prepare(client)
    if channel == "http":
        fault = pod_fault_proxy.arm(HTTP_FAULTS[fault_name](trigger))
    else:
        fault = ssh_fault_proxy.arm(ssh_faults(action)[fault_name](client))
    before = action.truth(client)
    run = action.run(client)
    fault.release()
    assert fault.fired.is_set(), f"[{case}] the fault never fired: {run.text}"
    after = action.truth(client)
    judge(run, before, after, action.entries(client), case=case)

    if run.code == EXIT_DONE and after.state == "done":
        return  # nobody runs again what is reported done (the kill cases run again)
    again = action.run(client)
    final = action.truth(client)
    judge(again, after, final, action.entries(client), case=case + " | run again",
          again=True)
    assert final.state == "done", f"[{case}] run again: {again.text}\nserver: {final}"


def _kill_cases() -> list[Any]:
    cases = []
    for action in ACTIONS:
        if action is CORE_CLAIM:
            continue  # the claim command runs the same core call
        if action.http_triggers:
            cases.append(pytest.param(action, action.http_triggers[0],
                                      id=f"{action.name}|{action.http_triggers[0].decode()}"))
        elif action.change_made is not None:
            cases.append(pytest.param(action, b"", id=f"{action.name}|sftp"))
    return cases


@pytest.mark.slow
@pytest.mark.parametrize(("action", "trigger"), _kill_cases())
def test_killed_after_its_first_change_then_run_again(client: Client, pod_fault_proxy: FaultProxy,
                                                      ssh_fault_proxy: FaultProxy, action: Action,
                                                      trigger: bytes) -> None:
    """SIGKILL once the first change is on the server (its answer held by the proxy)."""
    case = f"{action.name} | {trigger.decode() or 'sftp'} | kill -9"
    action.prepare(client)
    if trigger:
        fault = pod_fault_proxy.arm(Fault("stall", Point.STATUS_LINE, trigger))
    else:
        fault = ssh_fault_proxy.arm(Fault("stall", when=lambda: action.change_made(client)))
    before = action.truth(client)
    entries_before = len(action.entries(client))
    killed = client.kill_when(fault.fired.is_set, *action.argv(client))
    fault.release()
    after = action.truth(client)
    judge(killed, before, after, action.entries(client), case=case)
    if action is not UPLOAD:  # an upload's first change is a hidden file Pod skips
        assert after.state != "untouched", f"[{case}] killed before its change: {after}"

    again = action.run(client)
    final = action.truth(client)
    judge(again, after, final, action.entries(client), case=case + " | run again",
          again=True)
    assert final.state == "done", f"[{case}] run again: {again.text}\nserver: {final}"
    entries = action.entries(client)
    reconciled = [entry for entry in entries if "reconciled" in entry.detail]
    assert reconciled or len(entries) >= entries_before + 2, (
        f"[{case}] the interrupted run has no audit entry: "
        f"{[(e.action, e.result, e.error) for e in entries]}")
    if action is QUARANTINE and after.facts["held"]:
        # The killed run moved the file: its journal said where, so Undo puts it back.
        undo = UNDO.run(client)
        assert undo.code == 0, f"[{case}] undo: {undo.text}"
        assert sha256(client.pod.deposit_root / DELETE_FILE) == client.original_sha


def test_zz_matrix_summary(capsys) -> None:
    """The figures of the matrix run so far (FAULT_MATRIX_REPORT=file.json keeps every run)."""
    if not MATRIX:
        return
    cases = {line["case"].split(" | run again")[0] for line in MATRIX}
    summary = {
        "cases": len(cases), "runs": len(MATRIX),
        "false_failures": sum(line["false_failure"] for line in MATRIX),
        "hangs": sum(line["hung"] for line in MATRIX),
    }
    report = os.environ.get("FAULT_MATRIX_REPORT")
    if report:
        Path(report).write_text(json.dumps({"summary": summary, "runs": MATRIX}, indent=1))
    with capsys.disabled():
        print(f"\nfault matrix: {summary}")
