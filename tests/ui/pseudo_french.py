"""Translators for the screen tests: one that makes every string about half as long again,
in short words, as French text often is (layouts are checked with it before the real
catalogue exists), and a pseudo-locale that rewrites every catalogue entry recognisably
(strings that never reached the catalogue stand out)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QCoreApplication, QTranslator

from recmanager import i18n

FILLER = "éèàçù"


class PseudoFrench(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        if not source:
            return None
        return source + " " + " ".join([FILLER] * (len(source) // 12))


@contextmanager
def installed(translator: QTranslator) -> Iterator[QTranslator]:
    """Qt strings and the core's ``translate()`` strings through ``translator`` inside the
    block."""
    QCoreApplication.installTranslator(translator)
    i18n.install_translator(QCoreApplication.translate)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)
        i18n.install_translator(None)


def pseudo_french() -> AbstractContextManager[QTranslator]:
    """Qt strings and the core's ``translate()`` strings, lengthened, inside the block."""
    return installed(PseudoFrench())


# --- a pseudo-locale built from the catalogue -------------------------------------------------

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "recmanager_fr.ts"
OPEN, CLOSE = "⟦", "⟧"
_ACCENTED = str.maketrans("aeiouyAEIOUYcnCN", "áéíóúýÁÉÍÓÚÝçñÇÑ")
# placeholders, Qt's %n/%1 markers, HTML tags and entities stay as they are
_KEEP = re.compile(r"(\{[^{}]*\}|%[n\dL]+|<[^<>]*>|&[a-zA-Z#0-9]+;)")


def pseudo(text: str) -> str:
    """``⟦Ŕéfréśh⟧``-like: every letter outside placeholders and markup accented, the whole
    wrapped, so a string that went through the catalogue is told from one that did not."""
    parts = _KEEP.split(text)
    return OPEN + "".join(part if _KEEP.fullmatch(part) else part.translate(_ACCENTED)
                          for part in parts) + CLOSE


def catalogue_sources(path: Path = CATALOGUE) -> set[tuple[str, str]]:
    """(context, source) of every entry lupdate found in the program."""
    root = ElementTree.parse(path).getroot()
    return {(context.findtext("name"), message.findtext("source"))
            for context in root.iter("context") for message in context.iter("message")}


class PseudoLocale(QTranslator):
    """Answers for the catalogue's entries only: a string the program shows that is not
    in the catalogue (never marked, or marked where lupdate cannot see it) stays plain."""

    def __init__(self) -> None:
        super().__init__()
        self.known = catalogue_sources()

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        if source and (context, source) in self.known:
            return pseudo(source)
        return None


def pseudo_locale() -> AbstractContextManager[QTranslator]:
    """The pseudo-locale for Qt strings and the core's ``translate()``, inside the block."""
    return installed(PseudoLocale())
