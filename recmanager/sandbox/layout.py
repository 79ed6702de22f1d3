"""Where one sandbox keeps its files, so the server, the CLI and the tests agree on them.

No Django here: the test fixture and ``run_with_gui`` read these paths without configuring it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class SandboxLayout:
    """The folders of one sandbox data directory."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "pod.sqlite3"

    @property
    def deposit_root(self) -> Path:
        """Pod's DEFAULT_RECORDER_PATH: ``<deposit_root>/<recorder directory>/<file>``."""
        return self.data_dir / "deposit"

    @property
    def media_root(self) -> Path:
        return self.data_dir / "media"

    @property
    def outbox(self) -> Path:
        """One ``.eml`` file per mail the sandbox sends (manager notices, admin errors)."""
        return self.data_dir / "outbox"

    @property
    def pristine(self) -> Path:
        """A copy of the freshly seeded state, restored by the test reset hook."""
        return self.data_dir / "pristine"

    @property
    def credentials_file(self) -> Path:
        """Tokens and web passwords of the seeded users (mode 0600)."""
        return self.data_dir / "credentials.json"

    @property
    def secret_key_file(self) -> Path:
        return self.data_dir / "secret_key"

    @property
    def state_file(self) -> Path:
        """Written once the server listens: base URL, PID, paths, credentials."""
        return self.data_dir / "sandbox.json"

    @property
    def admin_env_file(self) -> Path:
        """``export RECMANAGER_…`` lines for the admin user (mode 0600), while it runs."""
        return self.data_dir / "admin.env"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "server.log"

    def looks_like_sandbox(self) -> bool:
        """True for a missing or empty folder or one holding only what a sandbox writes, so
        ``--fresh`` never deletes a folder of someone's own by mistake."""
        if not self.data_dir.exists():
            return True
        known = {path.name for path in (
            self.database, self.deposit_root, self.media_root, self.outbox, self.pristine,
            self.credentials_file, self.secret_key_file, self.state_file, self.log_file,
            self.admin_env_file)}
        return all(
            entry.name in known
            or entry.name.endswith((".tmp", ".sqlite3-journal", ".sqlite3-wal", ".sqlite3-shm"))
            for entry in self.data_dir.iterdir()
        )

    @property
    def seeded(self) -> bool:
        return self.credentials_file.exists()

    def read_state(self) -> dict[str, Any] | None:
        try:
            return json.loads(self.state_file.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None
