"""Translation hooks the Qt-free core can call.

The core marks its user-visible strings with ``translate(context, text)`` or
``QT_TRANSLATE_NOOP(context, text)`` so that ``pyside6-lupdate`` extracts them; the ui
installs Qt's translator with :func:`install_translator` at start-up. Without a ui
(command line, tests) the English source text is returned unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None


def install_translator(function: Callable[[str, str], str] | None) -> None:
    """Route core strings through ``function(context, text)`` (Qt's translate in the ui)."""
    global _translator
    _translator = function


def translate(context: str, text: str) -> str:
    """Return ``text`` in the user's language when a translator is installed."""
    return _translator(context, text) if _translator else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction without translating it now (translated where shown)."""
    del context
    return text
