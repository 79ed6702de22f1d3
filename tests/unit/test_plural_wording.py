"""A count agrees with its words in French; in English the wording needs no plural."""

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
