"""The path guard, hostile names, deposit addresses, HTTP ranges and preview URLs."""

from __future__ import annotations

import pytest

from recmanager.config import Profile
from recmanager.deposit import apply_deposit_spec, check_server_path, deposit_spec
from recmanager.deposit.names import hostile_name_reason, is_inside
from recmanager.deposit.stream import parse_range
from recmanager.errors import ConfigError, UnsafePath
from recmanager.formatting import printable

ROOT = "/data/ftp-pod/ftp"


@pytest.mark.parametrize(
    "path",
    [
        "/data/ftp-pod/ftp/../../etc/passwd",
        "/data/ftp-pod/ftp/amphiA/../../../etc/shadow",
        "/data/ftp-pod/ftp/./amphiA/x.mp4",
        "/data/ftp-pod/ftp//amphiA/x.mp4",
        "/data/ftp-pod/ftp",
        "/data/ftp-pod/ftp/",
        "/data/ftp-pod/ftpother/x.mp4",
        "/etc/passwd",
        "amphiA/x.mp4",
        "",
        "/data/ftp-pod/ftp/amphiA/x\n.mp4",
        "/data/ftp-pod/ftp/amphiA/x\x1b[31m.mp4",
    ],
)
def test_the_lexical_guard_refuses_paths_that_leave_or_smuggle(path):
    with pytest.raises(UnsafePath) as caught:
        check_server_path(ROOT, path)
    assert "\n" not in caught.value.message and "\x1b" not in caught.value.message


def test_the_lexical_guard_splits_folder_and_name():
    assert check_server_path(ROOT, f"{ROOT}/amphiA/cours du 3 mai é.mp4") == (
        "amphiA", "cours du 3 mai é.mp4")
    assert check_server_path("/", "/amphiA/x.mp4") == ("amphiA", "x.mp4")


@pytest.mark.parametrize(
    ("name", "hostile"),
    [
        ("cours 3 mai.mp4", False),
        ("Été – amphi Ω.MP4", False),
        ("-rf .mp4", False),
        ("...", False),
        ("..", True),
        (".", True),
        ("a/b.mp4", True),
        ("a\\b.mp4", True),
        ("bell\x07.mp4", True),
        ("new\nline.mp4", True),
        ("del\x7f.mp4", True),
        ("bad-\udcff-utf8.mp4", True),
        ("", True),
    ],
)
def test_hostile_names_are_recognised(name, hostile):
    assert (hostile_name_reason(name) is not None) is hostile


def test_printable_escapes_control_characters_and_bad_bytes():
    assert printable("a\nb\udcffc") == "a\\x0ab\\xffc"


def test_inside_is_strict():
    assert is_inside("/a/b/c", "/a/b")
    assert not is_inside("/a/b", "/a/b")
    assert not is_inside("/a/bc", "/a/b")
    assert is_inside("/x", "/")


def _profile() -> Profile:
    return Profile(name="p", pod_url="https://pod.example.org")


def test_an_sftp_address_fills_the_profile():
    profile = apply_deposit_spec(_profile(), "sftp://pod%40x@files.example.org:2222/srv/ftp/")
    assert (profile.deposit_kind, profile.sftp_host, profile.sftp_port, profile.sftp_user,
            profile.deposit_root, profile.sftp_auth) == (
        "sftp", "files.example.org", 2222, "pod@x", "/srv/ftp", "agent")
    assert deposit_spec(profile) == "sftp://pod@x@files.example.org:2222/srv/ftp"
    keyed = apply_deposit_spec(_profile(), "sftp://u@h/data?key=/keys/id_ed25519")
    assert (keyed.sftp_port, keyed.sftp_auth, keyed.sftp_key_file) == (22, "key",
                                                                        "/keys/id_ed25519")


def test_a_local_folder_fills_the_profile(tmp_path):
    profile = apply_deposit_spec(_profile(), str(tmp_path))
    assert (profile.deposit_kind, profile.local_deposit) == ("local", str(tmp_path))
    assert profile.deposit_root == "/data/ftp-pod/ftp/"
    assert apply_deposit_spec(_profile(), f"file://{tmp_path}").local_deposit == str(tmp_path)


@pytest.mark.parametrize(
    "spec",
    ["sftp://u:secret@h/data", "sftp:///data", "sftp://h:99999/data", "ftp://h/data",
     "sftp://h/data?auth=telepathy", ""],
)
def test_bad_deposit_addresses_are_refused(spec):
    with pytest.raises(ConfigError) as caught:
        apply_deposit_spec(_profile(), spec)
    assert "secret" not in str(caught.value)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("bytes=0-", (0, 999)),
        ("bytes=100-199", (100, 199)),
        ("bytes=900-5000", (900, 999)),
        ("bytes=-100", (900, 999)),
        ("bytes=-5000", (0, 999)),
        ("bytes=1000-", False),
        ("bytes=5-2", False),
        ("bytes=-0", False),
        ("bytes=0-1,5-6", None),
        ("items=0-1", None),
    ],
)
def test_range_headers_as_vlc_and_browsers_send_them(header, expected):
    assert parse_range(header, 1000) == expected


def test_sftp_name_replies_are_parsed_with_every_attribute_flag():
    import struct

    from recmanager.deposit.sftp_listing import parse_names

    def string(data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + data

    every = 0x1 | 0x2 | 0x4 | 0x8 | 0x80000000  # size, uid/gid, mode, times, extended
    payload = struct.pack(">I", 3)
    payload += string("Été.mp4".encode()) + string(b"-rw-r--r-- long name")
    payload += struct.pack(">IQIIIII", every, 2**33, 0, 0, 0o100644, 1, 1_700_000_000)
    payload += struct.pack(">I", 1) + string(b"ext@example.org") + string(b"value")
    payload += string(b"bad-\xff.mp4") + string(b"") + struct.pack(">II", 0x4, 0o40755)
    payload += string(b"..") + string(b"") + struct.pack(">I", 0)
    entries = parse_names(payload)
    assert [(e.name, e.kind, e.size, e.mtime) for e in entries] == [
        ("Été.mp4", "file", 2**33, 1_700_000_000.0),
        ("bad-\udcff.mp4", "dir", 0, 0.0),
    ]
