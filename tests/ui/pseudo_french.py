"""A translator that makes every string about half as long again, in short words, as French
text often is: layouts are checked with it before the real catalogue exists."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTranslator

from recmanager import i18n

FILLER = "éèàçù"


class PseudoFrench(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        if not source:
            return None
        return source + " " + " ".join([FILLER] * (len(source) // 12))


@contextmanager
def pseudo_french() -> Iterator[PseudoFrench]:
    """Qt strings and the core's ``translate()`` strings, lengthened, inside the block."""
    translator = PseudoFrench()
    QCoreApplication.installTranslator(translator)
    i18n.install_translator(QCoreApplication.translate)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)
        i18n.install_translator(None)
