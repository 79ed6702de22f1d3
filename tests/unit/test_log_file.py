"""The log file: moved aside when full, five old ones kept, every line in one of them."""

from __future__ import annotations

import logging

from recmanager.logs import RotatingLogFile


def _lines(path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_a_full_log_is_moved_aside_and_the_oldest_dropped(tmp_path):
    path = tmp_path / "recmanager.log"
    handler = RotatingLogFile(path, max_bytes=200, backups=3)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("tests.log_file")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for number in range(60):
            logger.warning("line %02d %s", number, "x" * 30)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["recmanager.log", "recmanager.log.1", "recmanager.log.2",
                     "recmanager.log.3"]
    for moved in ("recmanager.log.1", "recmanager.log.2", "recmanager.log.3"):
        assert 200 <= (tmp_path / moved).stat().st_size < 200 + 40  # full, then moved aside
    kept = [line for name in ("recmanager.log.3", "recmanager.log.2", "recmanager.log.1",
                              "recmanager.log") for line in _lines(tmp_path / name)]
    # The newest lines, in order, none lost between the files kept.
    assert kept == [f"line {n:02d} {'x' * 30}" for n in range(60 - len(kept), 60)]
    assert len(kept) > 3 * 5


def test_a_log_file_that_cannot_be_moved_aside_keeps_the_program_going(tmp_path):
    path = tmp_path / "recmanager.log"
    handler = RotatingLogFile(path, max_bytes=10, backups=2)
    (tmp_path / "recmanager.log.1").mkdir()  # in the way of the rename
    (tmp_path / "recmanager.log.1" / "x").write_text("")
    record = logging.LogRecord("t", logging.WARNING, __file__, 1, "a long enough line",
                               None, None)
    handler.emit(record)
    handler.emit(record)  # the move fails: said by logging's handleError, nothing raised
    handler.emit(record)
    handler.close()
    written = "".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("recmanager.log*")
                      if p.is_file())
    assert written.count("a long enough line") == 3  # none lost
