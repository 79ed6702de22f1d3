"""`make run`: the sandbox in a child process, a ready "Sandbox" profile, then the GUI.

The sandbox keeps its data under the user cache dir (``sandbox-gui``, its log beside it in
``sandbox-gui.log``) between runs and is stopped by PID when the GUI exits, also on Ctrl+C or
an error; it also stops by itself when this launcher ends without its clean-up (killed).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from recmanager.context import AppContext
from recmanager.errors import RecmanagerError
from recmanager.i18n import translate
from recmanager.packaging.process import stop_group
from recmanager.sandbox.layout import SandboxLayout
from recmanager.sandbox.profile import save_sandbox_profile

PROFILE_NAME = "Sandbox"
PROFILE_USER = "admin"
START_TIMEOUT_S = 180.0


@contextmanager
def sandbox_process(context: AppContext) -> Iterator[dict]:
    """Start the sandbox server; yield its state (``sandbox.json``); stop it by PID."""
    layout = SandboxLayout(context.paths.cache_dir / "sandbox-gui")
    layout.data_dir.mkdir(parents=True, exist_ok=True)
    layout.state_file.unlink(missing_ok=True)
    # this folder is the launcher's own: a seed cut short last time is simply redone
    fresh = ("--fresh",) if layout.database.exists() and not layout.seeded else ()
    command = [
        sys.executable, "-m", "recmanager.sandbox.server", "--data", str(layout.data_dir),
        "--port", "0", "--samples", str(context.paths.cache_dir), "--stop-with-parent",
        *fresh,
    ]
    log_file = log_path(context)
    with log_file.open("ab") as log:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield wait_until_ready(layout, process, log_file)
    finally:
        stop_group(process, timeout=10.0)  # by PID, also on Ctrl+C or an error


def log_path(context: AppContext) -> Path:
    """Beside the data folder, which ``--fresh`` deletes."""
    return context.paths.cache_dir / "sandbox-gui.log"


def wait_until_ready(
    layout: SandboxLayout, process: subprocess.Popen, log_file: Path
) -> dict[str, Any]:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        state = layout.read_state()
        if state and state.get("pid") == process.pid:
            return state
        if process.poll() is not None:
            break
        time.sleep(0.1)
    raise RecmanagerError(
        translate("sandbox", "The sandbox did not start."),
        hint=translate("sandbox", "See its log: {path}").format(path=log_file),
    )


def main() -> int:
    from recmanager.ui.app import run_gui

    context = AppContext.open()
    try:
        with sandbox_process(context) as state:
            save_sandbox_profile(context, state, name=PROFILE_NAME, username=PROFILE_USER)
            print(translate("sandbox", "Pod sandbox running at {url}").format(
                url=state["base_url"]), flush=True)
            print(translate("sandbox", "The command line as its admin: . {path}").format(
                path=SandboxLayout(Path(state["data_dir"])).admin_env_file), flush=True)
            return run_gui(context, profile_name=PROFILE_NAME)
    except RecmanagerError as exc:
        print(f"recmanager: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
