"""The French catalogue is complete: every string translated, nothing obsolete, placeholders
kept, it compiles, and it is in step with the source (a string added without
`make lupdate` fails here)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "recmanager_fr.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def messages(path: Path) -> list[tuple[str, ET.Element, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message, message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def texts(translation: ET.Element) -> list[str]:
    """The translation, or each plural form of a %n message."""
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def test_every_entry_is_translated_and_none_is_obsolete():
    problems = []
    for context, message, translation in messages(CATALOGUE):
        kind = translation.get("type") if translation is not None else "missing"
        if kind in ("unfinished", "obsolete", "vanished", "missing") or not all(
            text.strip() for text in texts(translation)
        ):
            problems.append(f"{context}: {message.findtext('source')!r} ({kind})")
    assert not problems, "\n".join(problems[:50])


def test_translations_keep_the_placeholders():
    for context, message, translation in messages(CATALOGUE):
        source = message.findtext("source") or ""
        for text in texts(translation):
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
                f"{context}: {source!r}"
            )


def test_catalogue_is_in_step_with_the_source(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    assert lupdate.exists() or shutil.which("pyside6-lupdate")
    copy = tmp_path / CATALOGUE.name
    shutil.copy(CATALOGUE, copy)
    sources = sorted(str(path) for path in (ROOT / "recmanager").rglob("*.py"))
    subprocess.run(
        [str(lupdate), "-silent", "-no-obsolete", *sources, "-ts", str(copy)],
        check=True, capture_output=True, timeout=300,
    )
    fresh = {(c, m.findtext("source")) for c, m, _ in messages(copy)}
    current = {(c, m.findtext("source")) for c, m, _ in messages(CATALOGUE)}
    assert fresh == current, f"run `make lupdate`: new {sorted(fresh - current)[:10]}, " \
                             f"gone {sorted(current - fresh)[:10]}"


def test_catalogue_compiles(tmp_path):
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    result = subprocess.run(
        [str(lrelease), str(CATALOGUE), "-qm", str(tmp_path / "fr.qm")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "fr.qm").stat().st_size > 10_000


def test_no_english_text_hedges_its_plural():
    """"1 problem(s) found." reads as a form; a count is worded so that it needs no plural."""
    hedged = [message.findtext("source") for _, message, _ in messages(CATALOGUE)
              if "(s)" in (message.findtext("source") or "")]
    assert not hedged, hedged


def test_every_count_has_its_french_plural_forms():
    for context, message, translation in messages(CATALOGUE):
        source = message.findtext("source") or ""
        if "%n" in source:
            assert message.get("numerus") == "yes", f"{context}: {source!r}"
            assert len(translation.findall("numerusform")) == 2, f"{context}: {source!r}"


def test_french_puts_a_space_before_a_colon():
    """"Titre :" as everywhere in the French catalogue; what Pod answers (quoted) aside."""
    quoted = re.compile(r"«[^»]*»|://")
    glued = re.compile(r"\S:(?=\s|$|<)")
    wrong = []
    for context, _message, translation in messages(CATALOGUE):
        for text in texts(translation):
            if glued.search(quoted.sub("", text)):
                wrong.append(f"{context}: {text!r}")
    assert not wrong, wrong
