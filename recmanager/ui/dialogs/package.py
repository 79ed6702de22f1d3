""""Package…": a local MP4 (or a recording the caller prepares or downloads) to encrypted DASH.

The caller may pass ``prepared_input`` (a file already on disk, e.g. an inbox recording on a
mounted deposit) or ``download`` (a core function ``(progress, cancel) -> Path`` that fetches
the recording, run with its own progress bar when the user confirms: the inbox's Package… over
SFTP). Key and KID are checked as they are typed, with the rule that failed; Generate makes a
new random pair.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recmanager.config import Profile
from recmanager.context import AppContext
from recmanager.errors import KeyFormatError, PackagingError, RecmanagerError
from recmanager.packaging import KeyPair, PackageRequest
from recmanager.packaging.bento4 import find_bento4
from recmanager.packaging.keys import parse_key_material
from recmanager.packaging.records import RUNS_HERE, RUNS_ON_QUEUE, check_output_folder
from recmanager.progress import CancelToken, Progress, ProgressCallback
from recmanager.ui.file_dialogs import FolderMemory
from recmanager.ui.tasks import Task, TaskRunner

DownloadStep = Callable[[ProgressCallback, CancelToken], Path]
OUTPUT_FOLDER = "package-output"  # the remembered folder where DASH output goes


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # e.g. a name longer than the file system allows
        return False


def _deposit_folders(profile: Profile | None) -> list[Path]:
    """The deposit as this computer sees it: the mounted folder, or Pod's own path when
    recmanager runs on the Pod server itself."""
    if profile is None:
        return []
    folders = [Path(profile.local_deposit)] if profile.local_deposit else []
    if profile.deposit_root and Path(profile.deposit_root).is_dir():
        folders.append(Path(profile.deposit_root))
    return [folder.expanduser().resolve() for folder in folders]


class PackageDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
        prepared_input: Path | None = None,
        download: DownloadStep | None = None,
        input_label: str = "",
        origin: str = "",
        suggested_output: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner or TaskRunner(self)
        self.download = download
        self.origin = origin
        self._input_label = input_label
        self._download_task: Task | None = None
        self._download_error = ""
        self._output_touched = False
        self.folders = FolderMemory(context.paths)
        profile = context.profiles.current()
        self.deposit_folders = _deposit_folders(profile)
        self.profile_name = profile.name if profile else ""
        self.bento4 = find_bento4(profile.bento4_dir if profile else "")
        self.queue_ready = bool(profile and profile.queue_broker_url and profile.queue_public_key)
        self.runs_on_default = (RUNS_ON_QUEUE if self.queue_ready and profile
                                and profile.packaging_runs_on == RUNS_ON_QUEUE else RUNS_HERE)
        self.setWindowTitle(self.tr("Package to encrypted DASH"))
        self.setObjectName("PackageDialog")
        self._build()
        if prepared_input is not None:
            self.input_edit.setText(str(prepared_input))
        if download is not None or prepared_input is not None:
            self.input_edit.setReadOnly(True)
            self.browse_input.setEnabled(False)
        if download is not None:
            self.input_edit.setText(input_label)
        if suggested_output is not None:
            self.output_edit.setText(str(suggested_output))
            self._output_touched = True
        elif prepared_input is not None:
            self._suggest_output(prepared_input)
        self._validate()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self._build_where(form)
        self._build_keys(form)
        self._build_encoding(form)
        self._build_output(form)

        if self.download is not None:
            self.download_note = QLabel(self.tr(
                "The recording is downloaded to this computer first; the copy is removed "
                "once its package is ready."), self)
            self.download_note.setWordWrap(True)
            layout.addWidget(self.download_note)
        self.download_bar = QProgressBar(self)
        self.download_bar.setObjectName("downloadProgress")
        self.download_bar.setFormat(self.tr("Downloading… %p %"))
        self.download_bar.hide()
        layout.addWidget(self.download_bar)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problem")
        self.problem_label.setWordWrap(True)
        layout.addWidget(self.problem_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        # Its text follows where packaging runs (_where_changed).
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._backend_changed()
        self._where_changed()
        self.resize(640, self.sizeHint().height())

    def _build_where(self, form: QFormLayout) -> None:
        """Where packaging runs, then the input."""
        self.where_combo = QComboBox(self)
        self.where_combo.setAccessibleName(self.tr("Where packaging runs"))
        self.where_combo.setObjectName("runsOn")
        self.where_combo.addItem(self.tr("This computer"), RUNS_HERE)
        self.where_combo.addItem(self.tr("The server's workers (queue)"), RUNS_ON_QUEUE)
        if not self.queue_ready:
            item = self.where_combo.model().item(1)
            item.setEnabled(False)
            item.setToolTip(self.tr("Set the packaging queue in the connection profile "
                                    "(File → Connection profiles…, Packaging)."))
        self.where_combo.setCurrentIndex(self.where_combo.findData(self.runs_on_default))
        self.where_combo.currentIndexChanged.connect(self._where_changed)
        form.addRow(self.tr("&Runs on:"), self.where_combo)

        self.input_edit = QLineEdit(self)
        self.input_edit.setAccessibleName(self.tr("Input file"))
        self.input_edit.setObjectName("input")
        self.input_edit.setPlaceholderText(self.tr("The recording's .mp4 file"))
        self.browse_input = QPushButton(self.tr("Browse…"), self)
        self.browse_input.clicked.connect(self._choose_input)
        form.addRow(self.tr("&Input:"), self._row(self.input_edit, self.browse_input))
        self.input_edit.textChanged.connect(self._input_changed)
        self.input_edit.textChanged.connect(self.input_edit.setToolTip)

    def _build_keys(self, form: QFormLayout) -> None:
        self.key_edit = QLineEdit(self)
        self.key_edit.setAccessibleName(self.tr("Key"))
        self.key_edit.setObjectName("key")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("32 hex digits, base64 or base64url"))
        self.show_key = QCheckBox(self.tr("Show"), self)
        self.show_key.toggled.connect(
            lambda shown: self.key_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
            )
        )
        form.addRow(self.tr("&Key:"), self._row(self.key_edit, self.show_key))
        self.kid_edit = QLineEdit(self)
        self.kid_edit.setAccessibleName(self.tr("KID"))
        self.kid_edit.setObjectName("kid")
        self.kid_edit.setPlaceholderText(self.tr("32 hex digits, base64 or base64url"))
        self.generate_button = QPushButton(self.tr("&Generate"), self)
        self.generate_button.setToolTip(self.tr("A new random key and KID"))
        self.generate_button.clicked.connect(self.generate)
        form.addRow(self.tr("K&ID:"), self._row(self.kid_edit, self.generate_button))
        self.key_status = QLabel(self)
        self.key_status.setObjectName("keyStatus")
        self.key_status.setWordWrap(True)
        form.addRow("", self.key_status)
        self.key_edit.textChanged.connect(self._validate)
        self.kid_edit.textChanged.connect(self._validate)

    def _build_encoding(self, form: QFormLayout) -> None:
        """Backend, scheme and which tracks are encrypted."""
        self.backend_combo = QComboBox(self)
        self.backend_combo.setAccessibleName(self.tr("Backend"))
        self.backend_combo.setObjectName("backend")
        automatic = (self.tr("Automatic (Bento4)") if self.bento4
                     else self.tr("Automatic (FFmpeg: Bento4 not found)"))
        self.backend_combo.addItem(automatic, "auto")
        self.backend_combo.addItem(self.tr("Bento4"), "bento4")
        self.backend_combo.addItem(self.tr("FFmpeg (bundled)"), "ffmpeg")
        if self.bento4 is None:
            item = self.backend_combo.model().item(1)
            item.setEnabled(False)
            item.setToolTip(self.tr("Set the Bento4 folder in the connection profile."))
        self.backend_combo.currentIndexChanged.connect(self._backend_changed)
        form.addRow(self.tr("&Backend:"), self.backend_combo)
        self.scheme_combo = QComboBox(self)
        self.scheme_combo.setAccessibleName(self.tr("Scheme"))
        self.scheme_combo.setObjectName("scheme")
        self.scheme_combo.addItem(self.tr("CENC (AES-CTR)"), "cenc")
        self.scheme_combo.addItem(self.tr("CBCS (AES-CBC pattern)"), "cbcs")
        form.addRow(self.tr("&Scheme:"), self.scheme_combo)
        self.all_tracks = QCheckBox(self.tr("Encrypt every track, not only the video"), self)
        form.addRow("", self.all_tracks)

    def _build_output(self, form: QFormLayout) -> None:
        self.output_edit = QLineEdit(self)
        self.output_edit.setAccessibleName(self.tr("Output folder"))
        self.output_edit.setObjectName("output")
        self.output_edit.setPlaceholderText(self.tr("A new folder for the DASH files"))
        self.output_edit.textEdited.connect(self._output_edited)
        self.output_edit.textChanged.connect(self._validate)
        # A long path shows its end (the folder's name); the whole of it is one hover away.
        self.output_edit.textChanged.connect(self.output_edit.setToolTip)
        self.browse_output = QPushButton(self.tr("Browse…"), self)
        self.browse_output.clicked.connect(self._choose_output)
        form.addRow(self.tr("&Output folder:"), self._row(self.output_edit, self.browse_output))

    def _row(self, *widgets: QWidget) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for index, widget in enumerate(widgets):
            row.addWidget(widget, 1 if index == 0 else 0)
        return box

    # --- fields -------------------------------------------------------------------------------

    def backend(self) -> str:
        choice = self.backend_combo.currentData()
        if choice == "auto":
            return "bento4" if self.bento4 else "ffmpeg"
        return choice

    def _backend_changed(self, *_: object) -> None:
        ffmpeg = self.backend() == "ffmpeg"
        cbcs = self.scheme_combo.model().item(1)
        cbcs.setEnabled(not ffmpeg)
        cbcs.setToolTip(self.tr("FFmpeg only encrypts with CENC.") if ffmpeg else "")
        if ffmpeg:
            self.scheme_combo.setCurrentIndex(0)
            self.all_tracks.setChecked(True)
        self.all_tracks.setEnabled(not ffmpeg)
        self.all_tracks.setToolTip(self.tr("FFmpeg encrypts every track.") if ffmpeg else "")

    def on_queue(self) -> bool:
        return self.where_combo.currentData() == RUNS_ON_QUEUE

    def _where_changed(self, *_: object) -> None:
        """On the queue, the input is the file's path on the server and the output one
        folder name in the workers' output folder."""
        queue = self.on_queue()
        self.input_edit.setPlaceholderText(
            self.tr("The recording's path on the server") if queue
            else self.tr("The recording's .mp4 file"))
        self.output_edit.setPlaceholderText(
            self.tr("A new folder name in the workers' output folder") if queue
            else self.tr("A new folder for the DASH files"))
        self.browse_output.setEnabled(not queue)
        downloads = self.download is not None and not queue  # the workers read it on the server
        if self.download is not None:
            self.download_note.setVisible(downloads)
        self.ok_button.setText(self.tr("Download and package") if downloads
                               else self.tr("Package"))
        if queue and self.backend_combo.currentData() == "auto":
            self.backend_combo.setCurrentIndex(self.backend_combo.findData("ffmpeg"))
        self._validate()

    def generate(self) -> None:
        pair = KeyPair.generate()
        self.key_edit.setText(pair.key_hex)
        self.kid_edit.setText(pair.kid_hex)
        self.show_key.setChecked(True)  # a new key is of no use unless it can be copied

    def _choose_input(self) -> None:
        path = self.folders.open_file(
            self, "package-input", self.tr("Recording to package"),
            self.tr("MP4 video (*.mp4 *.m4v *.mov);;All files (*)"), self.input_edit.text(),
        )
        if path is not None:
            self.input_edit.setText(str(path))

    def _choose_output(self) -> None:
        current = Path(self.output_edit.text().strip()).expanduser()
        folder = self.folders.directory(self, OUTPUT_FOLDER, self.tr("Where to create the folder"),
                                        current.parent if current.is_absolute() else None)
        if folder is not None:
            self.output_edit.setText(str(folder / (current.name or "dash")))
            self._output_touched = True

    def _output_edited(self, _text: str) -> None:
        self._output_touched = True

    def _input_changed(self, text: str) -> None:
        if text:  # a server path to download too: its name is the recording's
            self._suggest_output(Path(text))
        self._validate()

    def _suggest_output(self, source: Path) -> None:
        """A new folder named after the recording in the last output folder used (never beside
        the input: that may be the deposit, where Pod's cron would take the DASH segments for
        recordings, or Pod's media tree)."""
        if self._output_touched or not source.stem:
            return
        if self.on_queue():
            self.output_edit.setText(f"{source.stem}-dash")
            return
        parent = self.folders.folder(OUTPUT_FOLDER)
        candidate = parent / f"{source.stem}-dash"
        number = 2
        try:
            while candidate.exists():
                candidate = parent / f"{source.stem}-dash-{number}"
                number += 1
        except OSError:  # a name the file system refuses: the check below says so
            pass
        self.output_edit.setText(str(candidate))

    def deposit_warning(self) -> str:
        """Why the chosen output folder is a bad place, when it is inside the deposit."""
        output = self.output_edit.text().strip()
        if not output or not self.deposit_folders or self.on_queue():
            return ""
        target = Path(output).expanduser().resolve()
        for folder in self.deposit_folders:
            if target.is_relative_to(folder):
                return self.tr(
                    "This folder is inside the deposit folder {folder}: Pod's cron would take "
                    "the DASH segments for new recordings. Choose a folder outside it."
                ).format(folder=folder)
        return ""

    # --- validation ---------------------------------------------------------------------------

    def key_problems(self) -> list[str]:
        problems = []
        for edit, what in ((self.key_edit, self.tr("key")), (self.kid_edit, self.tr("KID"))):
            try:
                parse_key_material(edit.text(), what)
            except KeyFormatError as exc:
                problems.append(exc.message)
        return problems

    def problems(self) -> list[str]:
        problems = self.key_problems()
        if self.on_queue():
            return problems + self._queue_problems()
        if not self.download:
            source = Path(self.input_edit.text().strip())
            if not self.input_edit.text().strip():
                problems.append(self.tr("Choose the recording to package."))
            elif not _is_file(source):
                problems.append(self.tr("The input file does not exist."))
        output = self.output_edit.text().strip()
        if not output:
            problems.append(self.tr("Choose an output folder."))
        elif not Path(output).expanduser().is_absolute():
            problems.append(self.tr("Give the output folder's full path (or use Browse…)."))
        else:
            try:
                check_output_folder(Path(output).expanduser())
            except PackagingError as exc:
                problems.append(exc.message)
        return problems

    def _queue_problems(self) -> list[str]:
        problems = []
        if not self.input_edit.text().strip().startswith("/"):
            problems.append(self.tr("Give the recording's full path on the server."))
        output = self.output_edit.text().strip()
        if not output or "/" in output or output in (".", ".."):
            problems.append(self.tr("Give one new folder name for the workers' output folder."))
        return problems

    def _validate(self, *_: object) -> None:
        keys = self.key_problems()
        if keys:
            self.key_status.setText(" ".join(keys))
            self.key_status.setStyleSheet("color: #b3261e;")
        else:
            self.key_status.setText(self.tr("Key and KID are valid: 16 bytes each."))
            self.key_status.setStyleSheet("color: #2e7d32;")
        if not self.key_edit.text() and not self.kid_edit.text():
            self.key_status.setText(self.tr("Enter the key and KID, or Generate a new pair."))
            self.key_status.setStyleSheet("")
        others = [p for p in self.problems() if p not in keys]
        warning = self.deposit_warning()
        if warning:
            others.append(warning)
        if self._download_error:
            others.insert(0, self._download_error)
        self.problem_label.setText(" ".join(others))
        self.ok_button.setEnabled(not self.problems() and self._download_task is None)

    # --- result -------------------------------------------------------------------------------

    def keys(self) -> KeyPair:
        return KeyPair.parse(self.key_edit.text(), self.kid_edit.text())

    def request(self) -> PackageRequest:
        source = Path(self.input_edit.text().strip())
        return PackageRequest(
            input_path=source,
            output_dir=Path(self.output_edit.text().strip()).expanduser(),
            backend=self.backend_combo.currentData(),
            scheme=self.scheme_combo.currentData(),
            all_tracks=self.all_tracks.isChecked(),
            input_origin=self.origin or str(source),
            profile=self.profile_name,
            runs_on=self.where_combo.currentData(),
        )

    def _confirm(self) -> None:
        if self.problems():
            self._validate()
            return
        if self.on_queue():
            self.accept()
            return
        self.folders.remember(OUTPUT_FOLDER, self.request().output_dir.parent)
        if self.download is None:
            self.accept()
            return
        self.ok_button.setEnabled(False)
        self._download_error = ""
        self.download_bar.setValue(0)
        self.download_bar.show()
        self._download_task = self.runner.submit(
            "download-for-packaging",
            self.download,
            on_progress=self._download_progress,
            on_result=self._downloaded,
            on_error=self._download_failed,
            on_cancel=self._download_cancelled,
        )

    def _download_progress(self, progress: Progress) -> None:
        fraction = progress.fraction
        if fraction is None:
            self.download_bar.setRange(0, 0)
        else:
            self.download_bar.setRange(0, 100)
            self.download_bar.setValue(int(fraction * 100))

    def _downloaded(self, path: Path) -> None:
        self._download_task = None
        self.download = None
        self._output_touched = True  # the output was confirmed with OK: the copy keeps it
        self.input_edit.setText(str(path))
        self.download_bar.setValue(100)
        self.accept()

    def _download_failed(self, error: BaseException) -> None:
        self._download_task = None
        self.download_bar.hide()
        message = error.message if isinstance(error, RecmanagerError) else str(error)
        self._download_error = self.tr("The download failed: {error}").format(error=message)
        self._validate()

    def _download_cancelled(self) -> None:
        self._download_task = None
        self.download_bar.hide()
        self._validate()

    def reject(self) -> None:
        """Cancel stops a running download first; the dialog closes once it has stopped."""
        if self._download_task is not None:
            self._download_task.cancel()
            self._download_task.finished.connect(super().reject)
            return
        super().reject()
