"""A count agrees with its words in French, and a size inside a message is written in them;
in English the wording needs no plural."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from recmanager import i18n
from recmanager.bulk.plan import Problem


def test_without_a_catalogue_the_count_stands_in_the_english_text():
    assert Problem.UNMATCHED.counted(1) == "1 matched by no rule"
    assert Problem.UNKNOWN_OWNER.counted(2) == "2 with an unknown owner"


@pytest.fixture
def french(qapp):
    from recmanager.ui.app import install_translations

    translators = install_translations(qapp, QLocale("fr_FR"))
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    i18n.install_translator(None)


def test_the_bulk_summary_agrees_in_french(french):
    assert Problem.UNMATCHED.counted(1) == "1 ne correspond à aucune règle"
    assert Problem.UNMATCHED.counted(9) == "9 ne correspondent à aucune règle"
    assert Problem.UNKNOWN_OWNER.counted(2) == "2 aux propriétaires inconnus"
    assert i18n.tr("%n ready", "", 1) == "1 prêt"
    assert i18n.tr("%n ready", "", 3) == "3 prêts"


def test_a_size_inside_a_core_message_is_written_in_the_language_s_words(french):
    """The deposit's messages carry sizes: in French they read as the windows write them."""
    assert i18n.localized_size(2 * 1024 * 1024) == "2,0 Mio"
    assert i18n.localized_size(1825361100) == "1,7 Gio"


def test_without_a_ui_a_size_is_written_as_the_command_line_writes_it():
    assert i18n.localized_size(2 * 1024 * 1024) == "2.0 MiB"
