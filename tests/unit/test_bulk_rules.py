"""Reading rules files: encodings, delimiters, French and English headers, each rule kind."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from recmanager.bulk.rules import Slot, parse_rules, read_rules
from recmanager.errors import BulkError


def test_comma_file_in_english():
    rules = parse_rules(
        b"recorder,pattern,from,to,slot,owner,title\n"
        b"Amphi A,*.mp4,2026-09-01,2026-12-20,,alice,{recorder} {date:%d/%m/%Y}\n"
    )
    assert not rules.problems
    (rule,) = rules.rules
    assert rule.recorder == "Amphi A"
    assert rule.pattern == "*.mp4"
    assert (rule.date_from, rule.date_to) == (date(2026, 9, 1), date(2026, 12, 20))
    assert rule.owner == "alice"
    assert rule.title == "{recorder} {date:%d/%m/%Y}"
    assert rule.line == 2


def test_semicolon_file_with_bom_and_french_headers():
    text = (
        "Enregistreur;Fichier;Du;Au;Créneau;Propriétaire;Titre\r\n"
        "Amphi A;cours_*.mp4;01/09/2026;20/12/2026;lundi 8h-10h;bob@univ.example;Cours, "
        "{start}\r\n"
    )
    rules = parse_rules(text.encode("utf-8-sig"), source="regles.csv")
    assert not rules.problems, rules.problems
    (rule,) = rules.rules
    assert rule.pattern == "cours_*.mp4"
    assert rule.date_from == date(2026, 9, 1)
    assert rule.slot == Slot(0, time(8, 0), time(10, 0))
    assert rule.owner == "bob@univ.example"
    assert rule.title == "Cours, {start}"


def test_windows_1252_export_is_read():
    text = "recorder;owner;titre\nAmphi A;alice;Séance du {date:%d/%m}\n"
    rules = parse_rules(text.encode("cp1252"))
    assert rules.rules[0].title == "Séance du {date:%d/%m}"


def test_delimiter_from_header_when_sniffing_fails(tmp_path):
    path = tmp_path / "one-column.csv"
    path.write_text("owner;pattern\nalice;x*.mp4\n", encoding="utf-8")
    rules = read_rules(path)
    assert rules.rules[0].pattern == "x*.mp4"
    assert rules.source == "one-column.csv"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monday 08:00–10:00, Amphi A", Slot(0, time(8), time(10), "Amphi A")),
        ("lundi 8h-10h", Slot(0, time(8), time(10))),
        ("Mardi 13h30 à 15h", Slot(1, time(13, 30), time(15))),
        ("wed 9:15 - 11:45; Salle 2", Slot(2, time(9, 15), time(11, 45), "Salle 2")),
        ("Vendredi 14.00-16.00", Slot(4, time(14), time(16))),
        ("SUNDAY 07:00 to 08:00", Slot(6, time(7), time(8))),
    ],
)
def test_slot_forms(text, expected):
    assert Slot.parse(text) == expected


@pytest.mark.parametrize("text", ["Funday 8h-10h", "lundi 10h-8h", "lundi", "8h-10h lundi"])
def test_bad_slots_are_refused(text):
    with pytest.raises(ValueError):
        Slot.parse(text)


def test_slot_contains_is_half_open():
    slot = Slot.parse("Monday 08:00-10:00")
    assert slot.contains(datetime(2026, 11, 16, 8, 0))
    assert slot.contains(datetime(2026, 11, 16, 9, 59))
    assert not slot.contains(datetime(2026, 11, 16, 10, 0))
    assert not slot.contains(datetime(2026, 11, 17, 9, 0))  # a Tuesday


def test_bad_rows_are_problems_with_their_line_and_the_rest_is_kept():
    rules = parse_rules(
        "recorder;from;slot;owner;title\n"
        "Amphi A;;;alice;\n"
        "Amphi B;32/13/2026;;bob;\n"
        "Amphi C;;someday;carol;\n"
        "Amphi D;;;;\n"
        ";;;dave;\n"
        "Amphi E;;;erin;{owner}\n"
        "Amphi F;;Monday 8h-10h, Amphi G;frank;\n"
        "# a comment line;;;;\n"
        ";;;;\n"
    )
    assert [r.line for r in rules.rules] == [2]
    problems = {p.line: p.message for p in rules.problems}
    assert set(problems) == {3, 4, 5, 6, 7, 8}
    assert "32/13/2026" in problems[3]
    assert "someday" in problems[4]
    assert "owner" in problems[5].lower()
    assert "which recordings" in problems[6]
    assert "{owner}" in problems[7]
    assert "Amphi G" in problems[8]


def test_slot_recorder_alone_names_the_recorder():
    rules = parse_rules("slot;owner\nMonday 8h-10h, Amphi A;alice\n")
    assert rules.rules[0].recorders == ("amphia",)


def test_unknown_columns_are_reported_and_no_owner_column_is_refused():
    rules = parse_rules("recorder;owner;remarque\nAmphi A;alice;x\n")
    assert rules.ignored_columns == ("remarque",)
    with pytest.raises(BulkError, match="no owner column"):
        parse_rules("recorder;pattern\nAmphi A;*.mp4\n")
    with pytest.raises(BulkError, match="empty"):
        parse_rules(b"\xef\xbb\xbf\n")


def test_unreadable_file_is_a_clear_error(tmp_path):
    with pytest.raises(BulkError, match="cannot be read"):
        read_rules(tmp_path / "missing.csv")
