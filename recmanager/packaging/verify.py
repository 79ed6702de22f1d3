"""Checks on a packaged output: a tool's exit code alone does not prove it worked.

Bento4 exits 0 after writing half a presentation, FFmpeg writes a manifest without any
ContentProtection: so every job ends by reading back what was written (manifest duration,
protection signalling, the KID inside the init segments) before it is called Ready.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from recmanager.errors import PackagingError
from recmanager.i18n import translate
from recmanager.packaging import mp4
from recmanager.packaging.keys import KeyPair

DASH_NS = "urn:mpeg:dash:schema:mpd:2011"
CENC_NS = "urn:mpeg:cenc:2013"
MP4_PROTECTION = "urn:mpeg:dash:mp4protection:2011"
CLEARKEY_SYSTEM = "urn:uuid:e2719d58-a985-b3c9-781a-b030af78d30e"
_DURATION = re.compile(
    r"P(?:(?P<days>\d+(?:\.\d+)?)D)?(?:T(?:(?P<hours>\d+(?:\.\d+)?)H)?"
    r"(?:(?P<minutes>\d+(?:\.\d+)?)M)?(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?$"
)
# The namespaces FFmpeg's and Bento4's manifests declare; registered so a rewrite keeps them.
for _prefix, _uri in (
    ("", DASH_NS),
    ("cenc", CENC_NS),
    ("xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ("xlink", "http://www.w3.org/1999/xlink"),
):
    ET.register_namespace(_prefix, _uri)


def parse_iso_duration(text: str) -> float:
    """Seconds in an ISO 8601 duration as manifests write it (``PT1H2M3.5S``)."""
    match = _DURATION.match(text.strip())
    if not match or not any(match.groupdict().values()):
        raise PackagingError(
            translate("verify", "The manifest's duration {value} cannot be read.").format(
                value=text
            )
        )
    parts = {name: float(value or 0) for name, value in match.groupdict().items()}
    return parts["days"] * 86400 + parts["hours"] * 3600 + parts["minutes"] * 60 + parts["seconds"]


def _tag(name: str) -> str:
    return f"{{{DASH_NS}}}{name}"


def read_manifest(path: Path) -> ET.ElementTree:
    try:
        return ET.parse(path)
    except (OSError, ET.ParseError) as exc:
        raise PackagingError(
            translate("verify", "The manifest {path} cannot be read: {error}").format(
                path=path.name, error=exc
            )
        ) from None


def manifest_duration(path: Path) -> float:
    root = read_manifest(path).getroot()
    value = root.get("mediaPresentationDuration")
    if not value:
        raise PackagingError(
            translate("verify", "The manifest {path} has no presentation duration.").format(
                path=path.name
            )
        )
    return parse_iso_duration(value)


def check_duration(manifest: Path, source_seconds: float) -> float:
    """Refuse a presentation noticeably shorter (or longer) than its source."""
    seconds = manifest_duration(manifest)
    tolerance = max(1.0, source_seconds * 0.01)
    if abs(seconds - source_seconds) > tolerance:
        raise PackagingError(
            translate(
                "verify",
                "The packaged presentation lasts {got:.1f} s but the source lasts {want:.1f} s: "
                "the input is damaged or a step stopped early.",
            ).format(got=seconds, want=source_seconds)
        )
    return seconds


def add_content_protection(manifest: Path, keys: KeyPair) -> None:
    """Signal CENC with our KID and ClearKey in every adaptation set (FFmpeg writes none)."""
    tree = read_manifest(manifest)
    for adaptation in tree.getroot().iter(_tag("AdaptationSet")):
        for old in adaptation.findall(_tag("ContentProtection")):
            adaptation.remove(old)
        cenc = ET.Element(
            _tag("ContentProtection"),
            {"schemeIdUri": MP4_PROTECTION, "value": "cenc",
             f"{{{CENC_NS}}}default_KID": keys.kid_uuid},
        )
        clearkey = ET.Element(
            _tag("ContentProtection"), {"schemeIdUri": CLEARKEY_SYSTEM, "value": "ClearKey1.0"}
        )
        indent = adaptation.text or "\n"
        cenc.tail = clearkey.tail = indent  # keep the file's one-element-per-line layout
        adaptation.insert(0, clearkey)
        adaptation.insert(0, cenc)
    temporary = manifest.with_name(manifest.name + ".tmp")
    tree.write(temporary, encoding="utf-8", xml_declaration=True)
    os.replace(temporary, manifest)


def check_protection_signalled(manifest: Path, keys: KeyPair, *, all_sets: bool) -> None:
    """The video adaptation set (every set when ``all_sets``) announces CENC with our KID."""
    root = read_manifest(manifest).getroot()
    adaptations = list(root.iter(_tag("AdaptationSet")))
    checked = 0
    for adaptation in adaptations:
        kind = adaptation.get("contentType") or adaptation.get("mimeType", "").split("/")[0]
        if not kind:
            representation = adaptation.find(_tag("Representation"))
            kind = (representation.get("mimeType", "") if representation is not None else "")
            kind = kind.split("/")[0]
        if kind != "video" and not all_sets:
            continue
        kids = {
            (element.get(f"{{{CENC_NS}}}default_KID") or "").replace("-", "").lower()
            for element in adaptation.findall(_tag("ContentProtection"))
            if element.get("schemeIdUri") == MP4_PROTECTION
        }
        if keys.kid_hex not in kids:
            raise PackagingError(
                translate(
                    "verify",
                    "The manifest does not announce the {kind} track as encrypted with KID {kid}.",
                ).format(kind=kind or "?", kid=keys.kid_hex)
            )
        checked += 1
    if not checked:
        raise PackagingError(translate("verify", "The manifest has no video adaptation set."))


def check_init_segments(init_segments: list[Path], keys: KeyPair, *, expected: int) -> None:
    """At least ``expected`` init segments hold an encrypted sample entry with our KID."""
    protected = 0
    for segment in init_segments:
        for entry, kid in mp4.encryption_kids(segment).values():
            if kid != keys.kid:
                raise PackagingError(
                    translate(
                        "verify", "{name} is encrypted ({entry}) with another KID: {kid}."
                    ).format(name=segment.name, entry=entry, kid=kid.hex())
                )
            protected += 1
    if protected < expected:
        raise PackagingError(
            translate(
                "verify",
                "Only {found} of {expected} tracks are encrypted in the output: the encryption "
                "step did not work.",
            ).format(found=protected, expected=expected)
        )
