"""The inspection's plain data: flags' wording and evidence, the slot flag, the stored form."""

from __future__ import annotations

from recmanager import i18n
from recmanager.inspection import (
    FLAG_LABELS,
    Flag,
    FlagKind,
    Inspection,
    clock,
    slot_flag,
)


def test_times_read_as_staff_read_them():
    assert [clock(s) for s in (0, 59.6, 61, 3599, 3600, 5400.2)] == [
        "0:00", "1:00", "1:01", "59:59", "1:00:00", "1:30:00"]


def test_every_flag_has_wording_and_its_evidence_in_a_sentence():
    evidence = {
        FlagKind.NO_AUDIO: {},
        FlagKind.SILENT: {"windows": 30, "first_s": 90.0, "last_s": 5310.0,
                          "loudest_db": -71.4},
        FlagKind.BLACK: {"pictures": 12, "first_s": 225.0, "last_s": 5175.0},
        FlagKind.FROZEN: {"pictures": 12, "first_s": 225.0, "last_s": 5175.0},
        FlagKind.FALSE_START: {"duration_s": 31.5, "minimum_s": 120},
        FlagKind.CUT_SHORT: {"part": "moov", "size": 1000},
        FlagKind.SHORTER_THAN_SLOT: {"duration_s": 1200, "slot_s": 7200},
    }
    assert set(evidence) == set(FlagKind) == set(FLAG_LABELS)
    details = {kind: Flag(kind, found).detail() for kind, found in evidence.items()}
    assert details[FlagKind.SILENT] == (
        "30 moments listened to from 1:30 to 1:28:30: the loudest is -71 dB, quieter than a "
        "room with a live microphone.")
    assert details[FlagKind.BLACK] == "12 pictures looked at from 3:45 to 1:26:15: all black."
    assert details[FlagKind.FALSE_START] == "It lasts 0:32, less than 2:00."
    assert details[FlagKind.SHORTER_THAN_SLOT] == "It lasts 20:00 of a 2:00:00 slot."
    assert "no movie header" in details[FlagKind.CUT_SHORT]
    assert Flag(FlagKind.CUT_SHORT, {"part": "mdat", "needed": 2000, "size": 1000}).detail() \
        == "Its mdat part needs 2000 bytes but the file holds 1000."
    assert FlagKind.CUT_SHORT.label == (
        "recording stopped early — the file cannot be played as is")
    assert (FlagKind.SILENT.label, FlagKind.BLACK.label) == ("no sound", "picture stays black")


def test_flag_wording_goes_through_the_translator():
    seen: list[tuple[str, str]] = []

    def translator(context: str, text: str, _disambiguation: object, _n: int) -> str:
        seen.append((context, text))
        return f"<{text}>"

    i18n.install_translator(translator)
    try:
        assert FlagKind.SILENT.label == "<no sound>"
        assert Flag(FlagKind.NO_AUDIO).detail().startswith("<")
    finally:
        i18n.install_translator(None)
    assert ("InspectionFlag", "no sound") in seen


def test_a_recording_much_shorter_than_its_slot_is_flagged():
    flag = slot_flag(20 * 60, 2 * 3600)
    assert flag == Flag(FlagKind.SHORTER_THAN_SLOT, {"duration_s": 1200, "slot_s": 7200})
    assert slot_flag(100 * 60, 2 * 3600) is None
    assert slot_flag(None, 7200) is None and slot_flag(600, 0) is None


def test_the_stored_facts_give_back_the_same_inspection():
    found = Inspection(
        path="/d/amphiA/a.mp4", size=10, mtime=1.5, duration_s=61.0, width=1280, height=720,
        video_codec="h264", audio_codec="aac", has_audio=True,
        flags=(Flag(FlagKind.SILENT, {"windows": 30, "first_s": 1.0, "last_s": 60.0,
                                      "loudest_db": -80.0}),),
        thumbnail_png=b"png", thumbnail_at_s=15.0, sheet_png=b"sheet",
        sheet_times_s=(1.0, 2.0), bytes_read=5, member="", problem="")
    facts = found.facts_json()
    assert "thumbnail_png" not in facts and "sheet_png" not in facts
    assert Inspection.from_facts(facts, b"png", b"sheet") == found
    assert found.resolution == "1280×720" and found.flag_kinds == {FlagKind.SILENT}
    [flag] = found.flags_json()
    assert flag["label"] == "no sound" and flag["detail"].startswith("30 moments")
