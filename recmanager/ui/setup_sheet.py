"""The device set-up sheet on screen, on paper and in a PDF, through Qt's own printing."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from recmanager.config import Profile
from recmanager.recorders.model import RecorderInfo
from recmanager.recorders.setup_sheet import SetupSheet, setup_sheet
from recmanager.ui.file_dialogs import FolderMemory
from recmanager.ui.icons import themed_icon


def sheet_html(sheet: SetupSheet, printed_on: str) -> str:
    """The sheet as simple HTML QTextDocument lays out alike on screen and paper."""
    rows = "".join(
        f"<tr><th align='left' valign='top'>{escape(label)}</th>"
        f"<td><tt>{escape(value)}</tt></td></tr>"
        for label, value in sheet.rows
    )
    notes = "".join(f"<li>{escape(note)}</li>" for note in sheet.notes)
    return (
        f"<h2>{escape(sheet.title)}</h2>"
        f"<table cellspacing='0' cellpadding='6' border='1' width='100%'>{rows}</table>"
        f"<ul>{notes}</ul><p><small>{escape(printed_on)}</small></p>"
    )


def sheet_document(sheet: SetupSheet, locale: QLocale | None = None) -> QTextDocument:
    locale = locale or QLocale()
    printed_on = QCoreApplication.translate("SetupSheet", "Printed by recmanager on {date}").format(
        date=locale.toString(QDateTime.currentDateTime(), QLocale.FormatType.LongFormat))
    document = QTextDocument()
    document.setHtml(sheet_html(sheet, printed_on))
    return document


def _a4(printer: QPrinter) -> None:
    printer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))


def export_pdf(document: QTextDocument, path: Path | str) -> Path:
    """Write ``document`` as a PDF with Qt's printing (no external tool)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    _a4(printer)
    document.print_(printer)
    return Path(path)


class SetupSheetDialog(QDialog):
    """Preview of the sheet with Print and Export PDF; the device login can be changed."""

    def __init__(self, profile: Profile, recorder: RecorderInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.recorder = recorder
        self.setObjectName("SetupSheetDialog")
        self.setWindowTitle(self.tr("Set-up sheet — {name}").format(name=recorder.name))
        layout = QVBoxLayout(self)
        login_row = QHBoxLayout()
        label = QLabel(self.tr("Device &login:"), self)
        self.device_login = QLineEdit(profile.sftp_user, self)
        self.device_login.setObjectName("device_login")
        self.device_login.setToolTip(self.tr("The deposit account the device uses; its password "
                                             "is never printed."))
        label.setBuddy(self.device_login)
        self.device_login.textChanged.connect(self.refresh)
        login_row.addWidget(label)
        login_row.addWidget(self.device_login, 1)
        layout.addLayout(login_row)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("preview")
        layout.addWidget(self.preview, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(themed_icon("document-print"), self.tr("&Print…"), self)
        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button = QPushButton(themed_icon("document-save-as"), self.tr("Export &PDF…"),
                                      self)
        self.pdf_button.clicked.connect(self.ask_pdf)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self.refresh()

    def sheet(self) -> SetupSheet:
        return setup_sheet(self.profile, self.recorder, device_login=self.device_login.text())

    def document(self) -> QTextDocument:
        return sheet_document(self.sheet(), self.locale())

    def refresh(self) -> None:
        self.preview.setDocument(self.document())

    def print_sheet(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        _a4(printer)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)
        dialog.deleteLater()

    def ask_pdf(self) -> None:
        name = "".join(c if c.isalnum() or c in "-_" else "_" for c in self.recorder.name)
        path = FolderMemory().save_file(self, "setup-sheet", self.tr("Export the set-up sheet"),
                                        f"{name}.pdf", self.tr("PDF (*.pdf)"))
        if path is not None:
            self.export(path)

    def export(self, path: Path | str) -> Path:
        return export_pdf(self.document(), path)
