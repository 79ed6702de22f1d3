"""The .desktop entry and AppStream metainfo pass the freedesktop validators and install."""

from __future__ import annotations

import os
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


def install_desktop(prefix: Path, bundle: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ROOT / "packaging" / "install-desktop.sh"), str(prefix)],
        env={**os.environ, "RECMANAGER_BUNDLE": str(bundle)},
        capture_output=True, text=True, timeout=60, check=False,
    )


def test_install_desktop_puts_everything_where_desktops_look(tmp_path):
    prefix = tmp_path / "prefix"
    result = install_desktop(prefix, tmp_path / "no-bundle-built")
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


def test_install_desktop_installs_a_built_bundle(tmp_path):
    """The bundle branch, with a stand-in folder shaped like `make dist`'s output."""
    bundle = tmp_path / "dist" / "recmanager"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "marker").write_text("bundled\n")
    program = bundle / "recmanager"
    program.write_text("#!/bin/sh\necho recmanager 9.9\n")
    program.chmod(0o755)
    prefix = tmp_path / "prefix"
    for _ in range(2):  # installing again replaces the previous copy
        result = install_desktop(prefix, bundle)
        assert result.returncode == 0, result.stderr
    link = prefix / "bin" / "recmanager"
    assert link.is_symlink()
    assert run(str(link)).stdout == "recmanager 9.9\n"
    assert (prefix / "lib" / "recmanager" / "_internal" / "marker").read_text() == "bundled\n"
    assert not (prefix / "lib" / "recmanager.new").exists()
    entry = desktop_entry(prefix / "share" / "applications" / f"{APP_ID}.desktop")
    assert entry["Exec"] == str(link)
