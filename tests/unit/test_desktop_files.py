"""The .desktop entry and AppStream metainfo pass the freedesktop validators and install."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "org.esup_portail.recmanager"
DESKTOP = ROOT / "resources" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / f"{APP_ID}.metainfo.xml"


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def desktop_entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_file_validates():
    result = run("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates():
    result = run("appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "W:" not in result.stdout and "E:" not in result.stdout, result.stdout


def test_ids_agree_with_the_application():
    source = (ROOT / "recmanager" / "ui" / "app.py").read_text(encoding="utf-8")
    assert f'setDesktopFileName("{APP_ID}")' in source
    entry = desktop_entry(DESKTOP)
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "recmanager"
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    assert component.findtext("provides/binary") == "recmanager"


def test_install_desktop_puts_everything_where_desktops_look(tmp_path):
    prefix = tmp_path / "prefix"
    result = run(str(ROOT / "packaging" / "install-desktop.sh"), str(prefix))
    assert result.returncode == 0, result.stderr
    installed = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    icon = prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    metainfo = prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / "recmanager.svg").read_bytes()
    assert metainfo.read_bytes() == METAINFO.read_bytes()
    entry = desktop_entry(installed)
    program = Path(entry["Exec"])
    assert program.is_absolute() and entry["TryExec"] == entry["Exec"]
    version = run(str(program), "--version")
    assert version.returncode == 0 and version.stdout.startswith("recmanager "), version.stderr
    check = run("desktop-file-validate", str(installed))
    assert check.returncode == 0 and not check.stdout.strip(), check.stdout


def test_every_screenshot_is_shipped_and_shown_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = [element.text for element in ET.parse(METAINFO).getroot().iter("image")]
    assert len(images) == 4
    for url in images:
        name = url.rsplit("/", 1)[-1]
        picture = ROOT / "resources" / "screenshots" / name
        assert picture.read_bytes().startswith(b"\x89PNG"), name
        assert f"resources/screenshots/{name}" in readme, name
