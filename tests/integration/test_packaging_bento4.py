"""The Bento4 backend against stand-in executables replaying real recorded Bento4 runs.

Bento4 cannot be installed here, so mp4info, mp4fragment, mp4encrypt and mp4-dash.py are
small programs that replay the recorded runs in tests/data/bento4/: each checks that the
arguments it receives match the recording (paths aside), writes what the real tool wrote
(mp4dash: every file with its recorded size), prints the recorded output and exits with the
recorded code. Every recorded failure must end as a failure with its reason, including those
where Bento4 exited 0.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from recmanager.errors import Cancelled, KeyFormatError, PackagingError, ToolFailed
from recmanager.packaging import (
    EventBus,
    JobStatus,
    JobStore,
    KeyPair,
    PackageRequest,
    PackagingJob,
    resolve_backend,
    verify,
)
from recmanager.packaging.bento4 import Bento4Backend, find_bento4
from recmanager.packaging.job import JobProgress
from recmanager.packaging.process import run_tool
from recmanager.packaging.records import work_dir_for
from recmanager.progress import CancelToken

TRANSCRIPTS = Path(__file__).resolve().parents[1] / "data" / "bento4"
KEYS = KeyPair.parse("hyN9IKGfWKdAwFaE5pm0qg", "oW5AK5BW43HzbTSKpiu3SQ")
TOOLS = ("mp4info", "mp4fragment", "mp4encrypt", "mp4-dash.py")

STAND_IN = r'''
import json, os, pathlib, subprocess, sys, time

TOOL = pathlib.Path(sys.argv[0]).name
HERE = pathlib.Path(__file__).resolve().parent
SCENARIO = json.loads((HERE / "scenario.json").read_text())
ARGS = sys.argv[1:]
with open(HERE / "calls.jsonl", "a") as calls:
    calls.write(json.dumps([TOOL, *ARGS]) + "\n")
choice = SCENARIO[TOOL]
if isinstance(choice, dict):  # mp4info: which recording depends on the file asked about
    choice = choice[pathlib.Path(ARGS[-1]).name]
patch = {}
if isinstance(choice, list):  # a recording with a documented substitution in its output
    choice, patch = choice
record = json.loads((pathlib.Path(SCENARIO["transcripts"]) / choice).read_text())


def normal(argv):
    """Arguments with the paths taken out: files, output folder, exec dir."""
    out, after_o = [], False
    for arg in argv:
        if after_o:
            out.append("<dir>")
        elif arg.startswith("--exec-dir="):
            out.append("--exec-dir=<dir>")
        elif arg.endswith(".mp4"):
            out.append("<file>")
        else:
            out.append(arg)
        after_o = arg == "-o"
    return out


if normal(record["argv"][1:]) != normal(ARGS):
    sys.stderr.write(f"ARGV MISMATCH: got {ARGS} recorded {record['argv'][1:]}\n")
    sys.exit(99)

if TOOL in ("mp4fragment", "mp4encrypt"):
    source, target = pathlib.Path(ARGS[-2]), pathlib.Path(ARGS[-1])
    size = source.stat().st_size if source.exists() else 0
    sizes = {"09-mp4fragment-text-file.json": 0, "21-mp4encrypt-text-input.json": 20}
    if choice in sizes:
        size = sizes[choice]
    elif "ERROR:" in record["stderr"]:
        size //= 2  # what Bento4 leaves: a partial output
    if record["returncode"] == 0 or choice in sizes:
        slow = SCENARIO.get("slow", {}).get(TOOL, 0)
        if slow:  # a child in the same process group, as a long real run would have
            subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", str(target)])
        with open(target, "wb") as output:
            for step in range(10):
                output.write(b"\0" * (size // 10 + (size % 10 if step == 9 else 0)))
                output.flush()
                time.sleep(slow / 10)
elif TOOL == "mp4-dash.py" and record["returncode"] == 0:
    target = pathlib.Path(ARGS[ARGS.index("-o") + 1])
    for item in record["output_files"]:
        path = target.joinpath(*pathlib.Path(item["path"]).parts[1:])
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.name == "stream.mpd":
            mpd = (pathlib.Path(SCENARIO["transcripts"]) / "stream.mpd").read_text()
            if choice.startswith("28-"):  # the recorded run ended at 10 s
                mpd = mpd.replace('mediaPresentationDuration="PT20.000S"',
                                  'mediaPresentationDuration="PT10.000S"')
            path.write_text(mpd)
        else:
            path.write_bytes(b"\0" * item["size"])

stdout = record["stdout"]
for old, new in patch.items():
    stdout = stdout.replace(old, new)
sys.stdout.write(stdout)
sys.stderr.write(record["stderr"])
sys.exit(record["returncode"])
'''

OK_SCENARIO = {
    "mp4info": {
        "sample.mp4": "01-mp4info-ok.json",
        "frag.mp4": "11-mp4info-fragmented.json",
        "enc.mp4": "14-mp4info-encrypted.json",
    },
    "mp4fragment": "07-mp4fragment-ok.json",
    "mp4encrypt": "12-mp4encrypt-cenc-ok.json",
    "mp4-dash.py": "23-mp4dash-verbose.json",
}


class StandIns:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        (folder / "bin").mkdir(parents=True)
        (folder / "utils").mkdir()
        for tool in TOOLS:
            path = folder / ("utils" if tool.endswith(".py") else "bin") / tool
            path.write_text(f"#!{sys.executable}\n{STAND_IN}")
            path.chmod(0o755)
        self.scenario(**OK_SCENARIO)

    def scenario(self, **entries) -> None:
        merged = {**OK_SCENARIO, **entries, "transcripts": str(TRANSCRIPTS)}
        for directory in ("bin", "utils"):
            (self.folder / directory / "scenario.json").write_text(json.dumps(merged))

    def calls(self) -> list[list[str]]:
        lines = []
        for directory in ("bin", "utils"):
            log = self.folder / directory / "calls.jsonl"
            if log.exists():
                lines += [json.loads(line) for line in log.read_text().splitlines()]
        return lines

    @property
    def backend(self) -> Bento4Backend:
        return Bento4Backend.locate(str(self.folder))


@pytest.fixture
def bento(tmp_path) -> StandIns:
    return StandIns(tmp_path / "bento4")


@pytest.fixture
def inputs(media, tmp_path) -> dict[str, Path]:
    """The test clips under the names the recordings used (the tools pick by name)."""
    folder = tmp_path / "in"
    folder.mkdir()
    names = {
        "sample.mp4": media.clip, "sample-moov-at-end.mp4": media.moov_at_end,
        "notes.mp4": media.text_file, "empty.mp4": media.empty,
        "truncated-faststart.mp4": media.truncated,
        "truncated-moov-at-end.mp4": media.truncated_moov_at_end,
    }
    for name, source in names.items():
        (folder / name).write_bytes(source.read_bytes())
    return {name: folder / name for name in names}


def package(context, bento, source, out, *, events=None, progress=None, **options):
    job = PackagingJob.create(
        context.db, context.secrets,
        PackageRequest(source, out, backend="bento4", **options), KEYS,
        bus=EventBus([events.append] if events is not None else []),
        bento4_dir=str(bento.folder),
    )
    return job, (lambda: job.run(progress or (lambda p: None)))


def test_full_chain_replayed_ends_ready_with_recorded_output(context, bento, inputs, tmp_path):
    events: list = []
    reports: list[JobProgress] = []
    out = tmp_path / "out"
    _, run = package(context, bento, inputs["sample.mp4"], out, events=events,
                       progress=reports.append)
    record = run()
    assert record.status is JobStatus.READY and record.video_track == 1
    assert [call[0] for call in bento.calls()] == [
        "mp4info", "mp4fragment", "mp4info", "mp4encrypt", "mp4info", "mp4-dash.py",
    ]
    encrypt = bento.calls()[3]
    assert encrypt[1:7] == ["--method", "MPEG-CENC", "--key", f"1:{KEYS.key_hex}:random",
                            "--property", f"1:KID:{KEYS.kid_hex}"]
    recorded = json.loads((TRANSCRIPTS / "23-mp4dash-verbose.json").read_text())
    written = {str(p.relative_to(out)): p.stat().st_size for p in out.rglob("*") if p.is_file()}
    expected = {item["path"].split("/", 1)[1]: item["size"] for item in recorded["output_files"]}
    assert written == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bento4", "in", "out"]
    statuses = []
    for event in events:
        if not statuses or statuses[-1] != event.status:
            statuses.append(event.status)
    assert statuses == ["Queued", "Ingested", "Fragmented", "Encrypted", "Ready"]
    # mp4encrypt has no other way to take the key: the job says it shows in the process list
    assert events[0].event == "started" and "mp4encrypt" in events[0].message
    assert "process list" in events[0].message
    steps = {r.message for r in reports}
    assert {"Ingested · fragmenting", "Fragmented · encrypting",
            "Encrypted · writing DASH"} <= steps
    assert reports[-1].done == 100.0


def test_moov_at_end_input_replayed(context, bento, inputs, tmp_path):
    bento.scenario(mp4info={**OK_SCENARIO["mp4info"],
                            "sample-moov-at-end.mp4": "02-mp4info-moov-at-end.json"})
    _, run = package(context, bento, inputs["sample-moov-at-end.mp4"], tmp_path / "out")
    assert run().status is JobStatus.READY


def test_cbcs_and_all_tracks_arguments(context, bento, inputs, tmp_path):
    # 13 is the recorded CBCS run; its mp4info (not recorded) is 14 with scheme_type cbcs.
    bento.scenario(
        mp4encrypt="13-mp4encrypt-cbcs-ok.json",
        mp4info={**OK_SCENARIO["mp4info"], "enc.mp4": [
            "14-mp4info-encrypted.json",
            {'"scheme_type":"cenc"': '"scheme_type":"cbcs"'},
        ]},
    )
    _, run = package(context, bento, inputs["sample.mp4"], tmp_path / "out", scheme="cbcs")
    assert run().status is JobStatus.READY
    assert bento.calls()[3][1:3] == ["--method", "MPEG-CBCS"]
    backend = bento.backend
    command = backend.encrypt_command(Path("f.mp4"), Path("e.mp4"), tracks=[1, 2],
                                      key_hex=KEYS.key_hex, kid_hex=KEYS.kid_hex, scheme="cenc")
    assert command[3:11] == ["--key", f"1:{KEYS.key_hex}:random", "--property",
                             f"1:KID:{KEYS.kid_hex}", "--key", f"2:{KEYS.key_hex}:random",
                             "--property", f"2:KID:{KEYS.kid_hex}"]


def test_cbcs_asked_but_output_is_cenc_fails(context, bento, inputs, tmp_path):
    bento.scenario(mp4encrypt="13-mp4encrypt-cbcs-ok.json")  # enc.mp4 info says cenc (14)
    _, run = package(context, bento, inputs["sample.mp4"], tmp_path / "out", scheme="cbcs")
    with pytest.raises(PackagingError, match="not encrypted with cbcs"):
        run()


# --- every recorded failure, as a job ---------------------------------------------------------

JOB_FAILURES = {
    "03 text file, mp4info rc 0": (
        "notes.mp4", {"mp4info": {"notes.mp4": "03-mp4info-text-file.json"}},
        "no readable movie"),
    "04 empty file, mp4info rc 0": (
        "empty.mp4", {"mp4info": {"empty.mp4": "04-mp4info-empty-file.json"}},
        "no readable movie"),
    "05 interrupted recording, mp4info rc 0": (
        "truncated-moov-at-end.mp4",
        {"mp4info": {"truncated-moov-at-end.mp4": "05-mp4info-truncated-moov-at-end.json"}},
        "no readable movie"),
    "09 mp4fragment no movie, rc 1, 0-byte output": (
        "notes.mp4", {"mp4info": {**OK_SCENARIO["mp4info"], "notes.mp4": "01-mp4info-ok.json"},
                      "mp4fragment": "09-mp4fragment-text-file.json"},
        "ERROR: no movie found in the file"),
    "10 mp4fragment truncated, rc 0 + ERROR": (
        "truncated-faststart.mp4",
        {"mp4info": {**OK_SCENARIO["mp4info"], "truncated-faststart.mp4": "01-mp4info-ok.json"},
         "mp4fragment": "10-mp4fragment-truncated-faststart.json"},
        "ERROR: failed to read sample data for sample 195"),
    "15 wrong track, rc 0, output not encrypted": (
        "sample.mp4",
        {"mp4info": {"sample.mp4": ["01-mp4info-ok.json", {'"id":1,': '"id":5,'}],
                     "frag.mp4": "11-mp4info-fragmented.json",
                     "enc.mp4": "11-mp4info-fragmented.json"},
         "mp4encrypt": "15-mp4encrypt-wrong-track.json"},
        "Track 5 is not encrypted"),
    "20 mp4encrypt truncated input, rc 0 + ERROR": (
        "sample.mp4", {"mp4encrypt": "20-mp4encrypt-truncated-input.json"},
        "ERROR: failed to process the file (-7)"),
    "21 mp4encrypt text input, rc 0, silent, 20 bytes": (
        "sample.mp4", {"mp4encrypt": "21-mp4encrypt-text-input.json",
                       "mp4info": {**OK_SCENARIO["mp4info"],
                                   "enc.mp4": "03-mp4info-text-file.json"}},
        "no readable movie"),
}


@pytest.mark.parametrize("case", list(JOB_FAILURES))
def test_recorded_failure_ends_failed_with_reason_and_no_output(context, bento, inputs,
                                                                tmp_path, case):
    name, scenario, reason = JOB_FAILURES[case]
    bento.scenario(**scenario)
    events: list = []
    out = tmp_path / "out"
    job, run = package(context, bento, inputs[name], out, events=events)
    with pytest.raises(PackagingError) as caught:
        run()
    assert reason in str(caught.value)
    assert "ARGV MISMATCH" not in str(caught.value)
    record = JobStore(context.db).get(job.id)
    assert record.status is JobStatus.FAILED and reason in record.error
    assert events[-1].event == "failed" and reason in events[-1].message
    assert not out.exists() and not work_dir_for(out, job.id).exists()


# --- recorded failures of single runs, as the backend reads them ------------------------------


def _recorded_argv(bento, name: str, folder: Path) -> list[str]:
    """The recorded command with this machine's paths (the stand-ins check the rest)."""
    argv = json.loads((TRANSCRIPTS / name).read_text())["argv"]
    tool = bento.folder / ("utils" if argv[0].endswith(".py") else "bin") / argv[0]
    out = [str(tool)]
    for arg in argv[1:]:
        if arg.startswith("--exec-dir=$BENTO4_BIN"):
            arg = f"--exec-dir={bento.folder / 'bin'}"
        elif arg.endswith(".mp4") or arg.startswith("dash"):
            arg = str(folder / arg)
        out.append(arg)
    return out


DIRECT_FAILURES = {
    "06-mp4info-missing.json": "ERROR: cannot open input file missing.mp4 (-4)",
    "17-mp4encrypt-key-16-hex.json": "ERROR: invalid hex format for key",
    "18-mp4encrypt-kid-short.json": "ERROR: invalid size for KID property",
    "19-mp4encrypt-no-iv.json": "ERROR: invalid argument for --key option",
    "24-mp4dash-dir-exists.json": 'ERROR: directory "dash" already exists',
    "25-mp4dash-not-fragmented.json": "ERROR: file 1 is not fragmented",
    "26-mp4dash-text-file.json": "ERROR: 'tracks'",
    "27-mp4dash-no-binaries.json": "Executable directory does not exist",
}


@pytest.mark.parametrize("name", list(DIRECT_FAILURES))
def test_recorded_tool_failure_is_reported_with_its_reason(bento, tmp_path, name):
    tool = json.loads((TRANSCRIPTS / name).read_text())["argv"][0]
    bento.scenario(**{tool: {"missing.mp4": name} if tool == "mp4info" else name})
    (tmp_path / "frag.mp4").write_bytes(b"\0" * 100)
    with pytest.raises(ToolFailed) as caught:
        run_tool([sys.executable, *_recorded_argv(bento, name, tmp_path)]
                 if tool.endswith(".py") else _recorded_argv(bento, name, tmp_path),
                 cancel=CancelToken())
    assert DIRECT_FAILURES[name] in caught.value.message
    assert "exit code 1" in caught.value.message


def test_recorded_truncated_dash_is_caught_by_the_duration_check(bento, tmp_path):
    """28: mp4dash exits 0 after writing 10 s of a 20 s source."""
    bento.scenario(**{"mp4-dash.py": "28-mp4dash-truncated-encrypted-input.json"})
    run_tool([sys.executable, *_recorded_argv(bento, "28-mp4dash-truncated-encrypted-input.json",
                                              tmp_path)], cancel=CancelToken())
    manifest = tmp_path / "dash-tr" / "stream.mpd"
    verify.check_protection_signalled(manifest, KEYS, all_sets=False)
    with pytest.raises(PackagingError, match=r"lasts 10\.0 s but the source lasts 20\.0 s"):
        verify.check_duration(manifest, 20.0)


def test_recorded_plain_dash_run_passes_the_checks(bento, tmp_path):
    """22: the same run without -v; its manifest signals our KID and the full duration."""
    bento.scenario(**{"mp4-dash.py": "22-mp4dash-ok.json"})
    run_tool([sys.executable, *_recorded_argv(bento, "22-mp4dash-ok.json", tmp_path)],
             cancel=CancelToken())
    verify.check_protection_signalled(tmp_path / "dash" / "stream.mpd", KEYS, all_sets=False)
    assert verify.check_duration(tmp_path / "dash" / "stream.mpd", 20.0) == 20.0


def test_keys_that_mp4encrypt_would_silently_accept_are_refused_first(bento, tmp_path):
    """16 and the non-hex case: mp4encrypt exits 0 with a bad key, so keys.py refuses them."""
    bento.scenario(mp4encrypt="16-mp4encrypt-key-34-hex.json")
    (tmp_path / "frag.mp4").write_bytes(b"\0" * 100)
    run = run_tool(_recorded_argv(bento, "16-mp4encrypt-key-34-hex.json", tmp_path),
                   cancel=CancelToken())
    assert run.returncode == 0  # Bento4 itself does not notice
    with pytest.raises(KeyFormatError, match="34 hex digits"):
        KeyPair.parse(KEYS.key_hex + "ab", KEYS.kid_hex)
    with pytest.raises(KeyFormatError, match="not only hex digits"):
        KeyPair.parse("zz" + KEYS.key_hex[2:], KEYS.kid_hex)


# --- cancel, discovery ------------------------------------------------------------------------


def test_cancel_during_encryption_stops_the_group_and_cleans_up(context, bento, inputs,
                                                               tmp_path):
    bento.scenario(slow={"mp4encrypt": 20})
    out = tmp_path / "out"
    events: list = []
    seen: list[float] = []
    job, _ = package(context, bento, inputs["sample.mp4"], out, events=events)

    def report(progress: JobProgress) -> None:
        if progress.message.endswith("encrypting") and progress.step_percent > 15:
            seen.append(progress.step_percent)
            job.cancel()

    with pytest.raises(Cancelled):
        job.run(report)
    assert 15 < seen[0] < 90  # progress came from the growing output file, mid-way
    work = str(work_dir_for(out, job.id))
    leftovers = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if work.encode() in (entry / "cmdline").read_bytes():
                    leftovers.append(entry.name)
            except OSError:
                continue
    assert leftovers == []  # the tool and its child are gone
    assert not out.exists() and not Path(work).exists()
    assert JobStore(context.db).get(job.id).status is JobStatus.ABORTED
    assert events[-1].event == "aborted"


def test_discovery_in_profile_folder_and_on_path(bento, tmp_path, monkeypatch):
    tools = find_bento4(str(bento.folder))
    assert tools is not None and tools.mp4dash.name == "mp4-dash.py"
    assert tools.exec_dir == bento.folder / "bin"
    monkeypatch.setenv("PATH", os.pathsep.join([str(bento.folder / "bin"),
                                                str(bento.folder / "utils"), "/usr/bin"]))
    assert find_bento4() is not None
    assert resolve_backend("auto") == "bento4"
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    assert find_bento4() is None
    assert find_bento4(str(tmp_path / "nowhere")) is None
    assert resolve_backend("auto") == "ffmpeg"
    with pytest.raises(PackagingError, match="not found"):
        Bento4Backend.locate(str(tmp_path / "nowhere"))


def test_disk_space_preflight_asks_three_times_the_input(context, bento, inputs, tmp_path,
                                                         monkeypatch):
    import shutil as shutil_module
    from collections import namedtuple

    size = inputs["sample.mp4"].stat().st_size
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil_module, "disk_usage", lambda path: usage(10**12, 0, size * 2))
    job, run = package(context, bento, inputs["sample.mp4"], tmp_path / "out")
    with pytest.raises(PackagingError, match=r"Not enough free space.*\(3× the input\)"):
        run()
    assert JobStore(context.db).get(job.id).status is JobStatus.FAILED
    assert [call[0] for call in bento.calls()] == ["mp4info"]  # refused before any work
