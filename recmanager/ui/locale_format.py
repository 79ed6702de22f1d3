"""Dates, sizes, durations and counts written the way the user's locale writes them.

Every view formats through here so that French users read ``22/11/2026 14:05`` and
``2,5 Gio`` while English users read ``11/22/26 2:05 PM`` and ``2.5 GiB``; the C/POSIX
locale reads ``2026-11-22 14:05``, as the command line does.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTimeZone

from recmanager.formatting import binary_size, iso_minutes


def _locale(locale: QLocale | None) -> QLocale:
    return locale if locale is not None else QLocale()


def to_qdatetime(moment: datetime) -> QDateTime:
    """A Python datetime as a QDateTime in local time; a naive one is taken as local time."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    stamp = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000), QTimeZone.UTC)
    return stamp.toLocalTime()


def _readable(locale: QLocale) -> bool:
    """False for the C/POSIX locale, whose date format (``4 12 2026 17:32``) nobody reads."""
    return locale.language() != QLocale.Language.C


def format_datetime(
    moment: datetime | None,
    locale: QLocale | None = None,
    form: QLocale.FormatType = QLocale.FormatType.ShortFormat,
) -> str:
    """``moment`` in local time, in the locale's date-and-time format (ISO order, as on
    the command line, under the C locale); "" for None."""
    if moment is None:
        return ""
    loc = _locale(locale)
    if not _readable(loc):
        return iso_minutes(moment)
    return loc.toString(to_qdatetime(moment), form)


def format_date(
    day: date | datetime | None,
    locale: QLocale | None = None,
    form: QLocale.FormatType = QLocale.FormatType.ShortFormat,
) -> str:
    """A calendar date in the locale's format (ISO under the C locale); "" for None."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = to_qdatetime(day).date().toPython()
    loc = _locale(locale)
    if not _readable(loc):
        return day.isoformat()
    return loc.toString(QDate(day.year, day.month, day.day), form)


def format_size(size: int | None, locale: QLocale | None = None, precision: int = 1) -> str:
    """Bytes in the binary units the command line uses too (:mod:`recmanager.formats`),
    with the locale's decimal point and unit names (``2,5 Gio``); "" for None."""
    if size is None:
        return ""
    loc = _locale(locale)
    value, power = binary_size(size)
    if power == 0:
        return loc.formattedDataSize(int(size), 0)  # "999 bytes", "999 octets"
    # the unit's name in the locale's words: Qt's own, for exactly one of that unit
    unit = loc.formattedDataSize(1024**power, 0).removeprefix(loc.toString(1)).strip()
    return f"{loc.toString(value, 'f', precision)} {unit}"


def format_count(number: int, locale: QLocale | None = None) -> str:
    """An integer with the locale's digit grouping (``12,345``, ``12 345``)."""
    return _locale(locale).toString(int(number))


def format_duration(seconds: float | None, locale: QLocale | None = None) -> str:
    """A media duration: ``m:ss`` under an hour, ``h:mm:ss`` above; "" when unknown.

    Digits follow the locale, so scripts with their own numerals read naturally.
    """
    if seconds is None or seconds < 0:
        return ""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    loc = _locale(locale)

    def two(value: int) -> str:
        return loc.toString(value).rjust(2, loc.zeroDigit())

    if hours:
        return f"{loc.toString(hours)}:{two(minutes)}:{two(secs)}"
    return f"{loc.toString(minutes)}:{two(secs)}"
