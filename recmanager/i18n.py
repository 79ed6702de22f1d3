"""Translation hooks the Qt-free core can call.

The core marks its user-visible strings with ``translate(context, text)`` or
``QT_TRANSLATE_NOOP(context, text)`` so that ``pyside6-lupdate`` extracts them; the ui
installs Qt's translator with :func:`install_translator` at start-up. Without a ui
(command line, tests) the English source text is returned unchanged. Sizes inside a message
go through :func:`localized_size`, so that a French message reads ``1,7 Gio`` as the windows
do, not the command line's ``1.7 GiB``.
"""

from __future__ import annotations

from collections.abc import Callable

from recmanager.formatting import human_size

_translator: Callable[[str, str, str | None, int], str] | None = None
_size_writer: Callable[[int], str] | None = None


def install_translator(function: Callable[[str, str, str | None, int], str] | None,
                       *, write_size: Callable[[int], str] | None = None) -> None:
    """Route core strings through ``function(context, text, disambiguation, n)`` (Qt's
    translate in the ui) and the sizes inside them through ``write_size(bytes)``."""
    global _translator, _size_writer
    _translator = function
    _size_writer = write_size


def localized_size(size: int) -> str:
    """``size`` bytes written for a message: in the language's words and decimal point
    when the ui installed its writer, as the command line writes it otherwise."""
    return _size_writer(size) if _size_writer else human_size(size)


def translate(context: str, text: str, disambiguation: str | None = None,
              n: int | None = None) -> str:
    """Return ``text`` in the user's language when a translator is installed.

    With ``n``, ``%n`` in ``text`` stands for that count and the translation takes the
    plural form the count asks for (Qt's numerus forms); the English source is worded so
    that it needs none ("%n ready"). Core strings with a count go through :func:`tr`,
    the form ``pyside6-lupdate`` extracts as plural.
    """
    if _translator:
        return _translator(context, text, disambiguation, -1 if n is None else n)
    return text if n is None else text.replace("%n", str(n))


def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    """A core string with a count, in context "i18n": ``pyside6-lupdate`` reads a call
    ``i18n.tr(text, "", n)`` as a plural form to translate, which it does not for
    ``translate(context, text, None, n)`` unless ``n`` is a literal number."""
    return translate("i18n", text, disambiguation or None, None if n < 0 else n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction without translating it now (translated where shown)."""
    del context
    return text
