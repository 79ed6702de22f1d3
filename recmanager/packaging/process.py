"""Run one packaging tool: its own process group, cancellable, judged by more than its rc.

Bento4 tools exit 0 after printing ``ERROR:`` (docs/bento4.md, "Error behaviour"), so any stderr
line starting with ``ERROR:`` is a failure whatever the exit code. Keys appear on these tools'
command lines; every line this module logs or puts in an error has them masked.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import shlex
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from recmanager.errors import Cancelled, ToolFailed
from recmanager.i18n import translate
from recmanager.progress import CancelToken

log = logging.getLogger("recmanager.packaging")
MASK = "********"
POLL_INTERVAL_S = 0.1


@dataclass(frozen=True)
class ToolRun:
    argv: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def mask(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, MASK)
    return text


def shown_command(argv: Sequence[str], secrets: Sequence[str]) -> str:
    """The command line as it may be logged or shown: secrets replaced by asterisks."""
    return mask(shlex.join(str(part) for part in argv), secrets)


def _pump(stream, sink: list[str], lines: queue.SimpleQueue[str] | None) -> None:
    for line in iter(stream.readline, ""):
        sink.append(line)
        if lines is not None:
            lines.put(line.rstrip("\n"))
    stream.close()


def _drain(lines: queue.SimpleQueue[str], on_line: Callable[[str], None] | None) -> None:
    while on_line is not None and not lines.empty():
        on_line(lines.get_nowait())


def stop_group(process: subprocess.Popen, timeout: float = 5.0) -> None:
    """SIGTERM the tool's process group, SIGKILL if it lingers (mp4dash has children).

    The group is signalled even when its leader has exited: its children may still run, and
    the kernel does not reuse a group id while any member lives.
    """
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout)


def run_tool(
    argv: Sequence[str | Path],
    *,
    cancel: CancelToken,
    secrets: Sequence[str] = (),
    on_stdout_line: Callable[[str], None] | None = None,
    poll: Callable[[], None] | None = None,
    cwd: Path | None = None,
) -> ToolRun:
    """Run ``argv``; raise :class:`ToolFailed` on rc != 0 or an ``ERROR:`` line,
    :class:`Cancelled` (after stopping the whole group) when ``cancel`` is set."""
    command = [str(part) for part in argv]
    script = len(command) > 1 and command[1].endswith(".py")
    name = Path(command[1] if script else command[0]).name
    log.info("running %s", shown_command(command, secrets))
    started = time.monotonic()
    process = _start(command, name, cwd)
    out: list[str] = []
    err: list[str] = []
    # Lines are handed to ``on_stdout_line`` on this thread (the job's), never the reader's.
    lines: queue.SimpleQueue[str] = queue.SimpleQueue()
    readers = [
        threading.Thread(target=_pump, args=(process.stdout, out, lines), daemon=True),
        threading.Thread(target=_pump, args=(process.stderr, err, None), daemon=True),
    ]
    for reader in readers:
        reader.start()
    try:
        while process.poll() is None:
            if cancel.wait(POLL_INTERVAL_S):
                stop_group(process)
                raise Cancelled()
            _drain(lines, on_stdout_line)
            if poll is not None:
                poll()
    except BaseException:
        stop_group(process)
        raise
    finally:
        for reader in readers:
            reader.join(5)
    _drain(lines, on_stdout_line)
    result = ToolRun(
        tuple(command), process.returncode, "".join(out), "".join(err),
        time.monotonic() - started,
    )
    check_result(name, result, secrets)
    return result


def _start(command: list[str], name: str, cwd: Path | None) -> subprocess.Popen:
    """The tool in a process group of its own, so that a cancel stops its children too."""
    try:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            cwd=cwd,
            start_new_session=True,
        )
    except OSError as exc:
        raise ToolFailed(
            translate("tools", "{tool} could not be started: {error}").format(
                tool=name, error=exc.strerror or exc
            )
        ) from None


def check_result(name: str, result: ToolRun, secrets: Sequence[str] = ()) -> None:
    lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR:")]
    if errors or result.returncode != 0:
        reason = errors[0] if errors else (lines[-1] if lines else "")
        reason = mask(reason, secrets)
        log.warning("%s failed (rc %s): %s", name, result.returncode, reason)
        if result.returncode != 0:
            message = translate("tools", "{tool} failed (exit code {rc}): {reason}")
        else:
            message = translate("tools", "{tool} reported an error although it exited with 0: "
                                "{reason}")
        raise ToolFailed(message.format(tool=name, rc=result.returncode, reason=reason or "?"))
