"""The rules file: a CSV of owners by recorder, file name, dates and timetable slot.

Column names are understood in English and French, the delimiter is sniffed, and every row
that cannot be used becomes a problem with its line number instead of stopping the read.
"""

from __future__ import annotations

import csv
import fnmatch
import io
import re
import string
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recmanager.errors import BulkError
from recmanager.i18n import translate
from recmanager.pod.model import name_key

if TYPE_CHECKING:
    from recmanager.bulk.matching import Candidate



def normalise(text: str) -> str:
    """Lower case, no accents, letters and digits only: how column names and days compare."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if c.isalnum())


# Column names accepted in a rules file (English and French), after normalise.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "recorder": ("recorder", "enregistreur", "salle", "room", "boitier"),
    "pattern": ("pattern", "filename", "file", "filepattern", "fichier", "motif", "nomdefichier"),
    "date_from": ("from", "datefrom", "startdate", "du", "debut", "datedebut", "depuis"),
    "date_to": ("to", "dateto", "enddate", "au", "fin", "datefin", "jusqua"),
    "slot": ("slot", "timeslot", "timetable", "creneau", "horaire"),
    "owner": ("owner", "proprietaire", "user", "username", "login", "email", "mail",
              "courriel", "utilisateur"),
    "title": ("title", "titre", "titletemplate", "modeledetitre"),
}
_COLUMN_BY_ALIAS = {alias: column for column, aliases in COLUMN_ALIASES.items()
                    for alias in aliases}

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("monday", "mon", "lundi", "lun"),
        ("tuesday", "tue", "tues", "mardi", "mar"),
        ("wednesday", "wed", "mercredi", "mer"),
        ("thursday", "thu", "thur", "thurs", "jeudi", "jeu"),
        ("friday", "fri", "vendredi", "ven"),
        ("saturday", "sat", "samedi", "sam"),
        ("sunday", "sun", "dimanche", "dim"),
    )
):
    for _name in _names:
        WEEKDAYS[_name] = _number

_TIME = r"\d{1,2}(?:\s*[:hH.]\s*\d{2}|\s*[hH])?"
_SLOT = re.compile(
    rf"^\s*(?P<day>[^\W\d_]+)\.?\s+(?P<start>{_TIME})\s*(?:-|–|—|to\b|à\b|a\b)\s*"
    rf"(?P<end>{_TIME})\s*(?:[,;/]\s*(?P<recorder>.*\S))?\s*$",
    re.IGNORECASE,
)
TITLE_FIELDS = ("recorder", "date", "start", "filename", "stem")


def _parse_time(text: str) -> clock:
    cleaned = re.sub(r"\s+", "", text).lower().replace("h", ":").replace(".", ":")
    hours, _, minutes = cleaned.partition(":")
    return clock(int(hours), int(minutes or 0))


def _parse_date(text: str) -> date:
    """ISO (2026-09-01) or French (01/09/2026, 01.09.26); a time after the date is ignored."""
    token = text.strip().split()[0] if text.strip() else ""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%y", "%d.%m.%y"):
        try:
            return datetime.strptime(token, pattern).date()
        except ValueError:
            continue
    raise ValueError(token)


@dataclass(frozen=True)
class Slot:
    """A timetable slot: a weekday and a time range, optionally in one recorder."""

    weekday: int  # 0 = Monday
    start: clock
    end: clock
    recorder: str = ""

    @classmethod
    def parse(cls, text: str) -> Slot:
        match = _SLOT.match(text)
        if match is None:
            raise ValueError(text)
        day = WEEKDAYS.get(normalise(match["day"]))
        if day is None:
            raise ValueError(text)
        start, end = _parse_time(match["start"]), _parse_time(match["end"])
        if end <= start:
            raise ValueError(text)
        return cls(day, start, end, (match["recorder"] or "").strip())

    def contains(self, moment: datetime) -> bool:
        return moment.weekday() == self.weekday and self.start <= moment.time() < self.end

    @property
    def seconds(self) -> float:
        """The slot's length, which a lecture recorded in it should mostly fill."""
        return float((self.end.hour - self.start.hour) * 3600
                     + (self.end.minute - self.start.minute) * 60
                     + (self.end.second - self.start.second))

    def __str__(self) -> str:
        text = f"{_ENGLISH_DAYS[self.weekday]} {self.start:%H:%M}–{self.end:%H:%M}"
        return f"{text}, {self.recorder}" if self.recorder else text


_ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Rule:
    """One line of a rules file: which recordings (all criteria must hold) go to which owner."""

    line: int
    owner: str
    recorder: str = ""
    pattern: str = ""
    date_from: date | None = None
    date_to: date | None = None
    slot: Slot | None = None
    title: str = ""

    @property
    def recorders(self) -> tuple[str, ...]:
        """Recorder names the rule names (its column and its slot's), normalised."""
        return tuple({normalise(n) for n in (self.recorder, self.slot.recorder if self.slot
                                                else "") if n})

    def matches(self, recording: Candidate) -> bool:
        for wanted in self.recorders:
            if wanted not in recording.recorder_keys:
                return False
        if self.pattern and not fnmatch.fnmatchcase(
            name_key(recording.filename).casefold(), name_key(self.pattern).casefold()
        ):
            return False
        day = recording.start.date()
        if self.date_from and day < self.date_from:
            return False
        if self.date_to and day > self.date_to:
            return False
        return not (self.slot and not self.slot.contains(recording.start))

    def key(self) -> list[str]:
        """What the rule asks for, for the plan's identity (not its line number)."""
        return [
            self.owner.strip().casefold(), self.recorder.strip().casefold(), self.pattern,
            self.date_from.isoformat() if self.date_from else "",
            self.date_to.isoformat() if self.date_to else "",
            str(self.slot) if self.slot else "", self.title,
        ]


@dataclass(frozen=True)
class RuleProblem:
    line: int
    message: str


@dataclass(frozen=True)
class RuleSet:
    """The rules read from a file, the lines that could not be read, and where they came from."""

    rules: tuple[Rule, ...]
    problems: tuple[RuleProblem, ...] = ()
    source: str = ""
    ignored_columns: tuple[str, ...] = ()


def _decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM); Windows-1252 as spreadsheets on Windows still write it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise BulkError(
                translate("bulk", "{source} is not a text file in UTF-8.").format(source=source),
                hint=translate("bulk", "Save it from the spreadsheet as \"CSV UTF-8\"."),
            ) from exc


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The delimiter (``;`` from French spreadsheets, ``,``, tab): sniffed, else by header."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        header = text.splitlines()[0] if text else ""
        counts = {delimiter: header.count(delimiter) for delimiter in ";,\t"}
        delimiter = max(counts, key=lambda d: counts[d])

        class _ByHeader(csv.excel):
            pass

        _ByHeader.delimiter = delimiter
        return _ByHeader


def parse_rules(data: bytes | str, *, source: str = "") -> RuleSet:
    """Read a rules CSV: one rule per row; every unusable row is a problem with its line."""
    text = data if isinstance(data, str) else _decode(data, source or "CSV")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise BulkError(translate("bulk", "The rules file {source} is empty.").format(
            source=source))
    reader = csv.reader(io.StringIO(text), _dialect(text))
    header = next(reader)
    columns: list[str | None] = []
    ignored: list[str] = []
    for name in header:
        column = _COLUMN_BY_ALIAS.get(normalise(name))
        if column is None and name.strip():
            ignored.append(name.strip())
        columns.append(column if column not in columns else None)
    if "owner" not in columns:
        raise BulkError(
            translate("bulk", "The rules file {source} has no owner column.").format(
                source=source),
            hint=translate(
                "bulk",
                "The first row must name the columns, for example: recorder;pattern;from;to;"
                "slot;owner;title.",
            ),
        )
    rules: list[Rule] = []
    problems: list[RuleProblem] = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values) or values[0].lstrip().startswith("#"):
            continue
        cells = {c: v.strip() for c, v in zip(columns, values, strict=False) if c}
        try:
            rules.append(_rule(line, cells))
        except BulkError as exc:
            problems.append(RuleProblem(line, exc.message))
    return RuleSet(tuple(rules), tuple(problems), source, tuple(ignored))


def read_rules(path: Path) -> RuleSet:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise BulkError(translate("bulk", "The rules file {path} cannot be read: {error}").format(
            path=path, error=exc.strerror or exc)) from exc
    return parse_rules(data, source=Path(path).name)


def _rule(line: int, cells: Mapping[str, str]) -> Rule:
    owner = cells.get("owner", "")
    if not owner:
        raise BulkError(translate("bulk", "No owner is given."))
    values: dict[str, Any] = {"line": line, "owner": owner}
    for column in ("recorder", "pattern", "title"):
        values[column] = cells.get(column, "")
    for column in ("date_from", "date_to"):
        if cells.get(column):
            try:
                values[column] = _parse_date(cells[column])
            except ValueError:
                raise BulkError(translate(
                    "bulk", "\"{value}\" is not a date (write 2026-09-01 or 01/09/2026)."
                ).format(value=cells[column])) from None
    if values.get("date_from") and values.get("date_to") and values["date_to"] < values[
            "date_from"]:
        raise BulkError(translate("bulk", "The date range ends before it starts."))
    if cells.get("slot"):
        try:
            values["slot"] = Slot.parse(cells["slot"])
        except ValueError:
            raise BulkError(translate(
                "bulk", "\"{value}\" is not a timetable slot (write for example "
                "\"Monday 08:00–10:00, Amphi A\" or \"lundi 8h-10h\")."
            ).format(value=cells["slot"])) from None
    rule = Rule(**values)
    if not (rule.recorder or rule.pattern or rule.date_from or rule.date_to or rule.slot):
        raise BulkError(translate(
            "bulk", "The rule says nothing about which recordings it takes (give a recorder, "
            "a file name pattern, dates or a timetable slot)."))
    if rule.recorder and rule.slot and rule.slot.recorder and len(rule.recorders) > 1:
        raise BulkError(translate(
            "bulk", "The recorder \"{recorder}\" and the slot's recorder \"{slot}\" differ."
        ).format(recorder=rule.recorder, slot=rule.slot.recorder))
    check_title_template(rule.title)
    return rule


def check_title_template(template: str) -> None:
    """Refuse placeholders other than {recorder} {date:…} {start} {filename} {stem}."""
    if not template:
        return
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise BulkError(translate("bulk", "The title \"{title}\" has a stray brace: {error}.")
                        .format(title=template, error=exc)) from None
    for _literal, name, _spec, _conversion in parsed:
        if name is not None and name not in TITLE_FIELDS:
            raise BulkError(translate(
                "bulk", "The title uses {{{name}}}; only {{recorder}}, {{date:%d/%m/%Y}}, "
                "{{start}}, {{filename}} and {{stem}} are known."
            ).format(name=name))
