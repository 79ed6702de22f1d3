"""Dates, sizes, durations and counts follow the locale (French and English checked)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QLocale

from recmanager.formatting import human_size as command_line_size
from recmanager.formatting import iso_minutes
from recmanager.ui.locale_format import (
    format_count,
    format_date,
    format_datetime,
    format_duration,
    format_size,
)

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture
def paris_time(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_datetime_is_local_time_in_the_locale_order(paris_time):
    moment = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)
    assert format_datetime(moment, FRENCH) == "22/11/2026 15:05"
    assert format_datetime(moment, ENGLISH).replace("\u202f", " ") == "11/22/26 3:05 PM"
    summer = datetime(2026, 7, 1, 6, 0, tzinfo=timezone(timedelta(hours=-4)))
    assert format_datetime(summer, FRENCH) == "01/07/2026 12:00"


def test_dates(paris_time):
    assert format_date(date(2026, 3, 4), FRENCH) == "04/03/2026"
    assert format_date(date(2026, 3, 4), ENGLISH) == "3/4/26"
    assert "mars" in format_date(date(2026, 3, 4), FRENCH, QLocale.FormatType.LongFormat)
    late = datetime(2026, 3, 4, 23, 30, tzinfo=UTC)
    assert format_date(late, FRENCH) == "05/03/2026"
    assert format_date(None, FRENCH) == format_datetime(None, FRENCH) == ""


def test_sizes_above_two_gib_are_exact():
    five_and_a_half = 5 * 1024**3 + 512 * 1024**2
    assert format_size(five_and_a_half, FRENCH) == "5,5 Gio"
    assert format_size(five_and_a_half, ENGLISH) == "5.5 GiB"
    assert format_size(3 * 1024**4, ENGLISH) == "3.0 TiB"
    assert format_size(None, ENGLISH) == ""


def test_a_size_never_takes_four_digits_before_its_decimal_point():
    """From 1000 of a unit the next one takes over: "1.0 MiB", not "1,020.0 KiB"."""
    assert format_size(1020 * 1024, ENGLISH) == "1.0 MiB"
    assert format_size(1020 * 1024, FRENCH) == "1,0 Mio"
    assert command_line_size(1020 * 1024) == "1.0 MiB"
    assert format_size(999 * 1024, ENGLISH) == "999.0 KiB"
    assert format_size(999, ENGLISH) == "999 bytes" and command_line_size(999) == "999 B"
    assert command_line_size(1000) == "1.0 KiB"
    assert format_size(1000 * 1024**3, FRENCH) == "1,0 Tio"


def test_counts_group_digits():
    assert format_count(12345, ENGLISH) == "12,345"
    assert format_count(12345, FRENCH).replace("\u202f", " ") == "12 345"


def test_durations():
    assert format_duration(65, FRENCH) == "1:05"
    assert format_duration(3725.4, ENGLISH) == "1:02:05"
    assert format_duration(0, ENGLISH) == "0:00"
    assert format_duration(None, ENGLISH) == format_duration(-1, ENGLISH) == ""
    arabic = QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt)
    assert format_duration(65, arabic) == "١:٠٥"


def test_the_c_locale_reads_dates_as_the_command_line_does(paris_time):
    """Under LANG=C Qt's own short format is ``22 11 2026 15:05``: ISO order instead."""
    moment = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)
    assert format_datetime(moment, QLocale.c()) == iso_minutes(moment) == "2026-11-22 15:05"
    assert format_date(date(2026, 3, 4), QLocale.c()) == "2026-03-04"
    assert format_date(datetime(2026, 3, 4, 23, 30, tzinfo=UTC), QLocale.c()) == "2026-03-05"


@pytest.mark.parametrize("size", [1536, 1_500_000, 5 * 1024**3 + 512 * 1024**2, 3 * 1024**4])
def test_the_command_line_and_the_windows_write_the_same_binary_size(size):
    assert format_size(size, ENGLISH) == command_line_size(size)
    assert command_line_size(size).split()[1] in ("KiB", "MiB", "GiB", "TiB")


def test_command_line_sizes():
    assert command_line_size(999) == "999 B"
    assert command_line_size(1_500_000) == "1.4 MiB"
    assert format_size(1_500_000, FRENCH) == "1,4 Mio"
