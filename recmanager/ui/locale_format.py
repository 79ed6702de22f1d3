"""Dates, sizes, durations and counts written the way the user's locale writes them.

Every view formats through here so that French users read ``22/11/2026 14:05`` and
``2,5 Gio`` while English users read ``11/22/26 2:05 PM`` and ``2.5 GiB``; sizes above
2 GiB stay exact because Qt's size formatting takes a 64-bit integer.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTimeZone


def _locale(locale: QLocale | None) -> QLocale:
    return locale if locale is not None else QLocale()


def to_qdatetime(moment: datetime) -> QDateTime:
    """A Python datetime as a QDateTime in local time; a naive one is taken as local time."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    stamp = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000), QTimeZone.UTC)
    return stamp.toLocalTime()


def format_datetime(
    moment: datetime | None,
    locale: QLocale | None = None,
    form: QLocale.FormatType = QLocale.FormatType.ShortFormat,
) -> str:
    """``moment`` in local time, in the locale's date-and-time format; "" for None."""
    if moment is None:
        return ""
    return _locale(locale).toString(to_qdatetime(moment), form)


def format_date(
    day: date | datetime | None,
    locale: QLocale | None = None,
    form: QLocale.FormatType = QLocale.FormatType.ShortFormat,
) -> str:
    """A calendar date in the locale's format; "" for None."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        return _locale(locale).toString(to_qdatetime(day).date(), form)
    return _locale(locale).toString(QDate(day.year, day.month, day.day), form)


def format_size(size: int | None, locale: QLocale | None = None, precision: int = 1) -> str:
    """Bytes in binary units (KiB, MiB, GiB…, "Kio, Mio, Gio" in French); "" for None."""
    if size is None:
        return ""
    return _locale(locale).formattedDataSize(int(size), precision)


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
