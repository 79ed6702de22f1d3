"""Keys and KIDs: every accepted encoding, and an error that names the rule that failed."""

from __future__ import annotations

import base64

import pytest

from recmanager.errors import KeyFormatError
from recmanager.packaging.keys import KeyPair, parse_key_material, to_base64url

SEED_KEY, SEED_KID = "hyN9IKGfWKdAwFaE5pm0qg", "oW5AK5BW43HzbTSKpiu3SQ"
KEY_HEX, KID_HEX = "87237d20a19f58a740c05684e699b4aa", "a16e402b9056e371f36d348aa62bb749"


def test_seed_example_decodes_to_the_documented_hex():
    pair = KeyPair.parse(SEED_KEY, SEED_KID)
    assert (pair.key_hex, pair.kid_hex) == (KEY_HEX, KID_HEX)
    assert pair.kid_uuid == "a16e402b-9056-e371-f36d-348aa62bb749"


@pytest.mark.parametrize(
    "text",
    [
        KEY_HEX,
        KEY_HEX.upper(),
        f"  {KEY_HEX}\n",
        SEED_KEY,  # base64url without padding
        SEED_KEY + "==",  # base64url with padding
        base64.b64encode(bytes.fromhex(KEY_HEX)).decode(),  # standard base64, padded
        base64.b64encode(bytes.fromhex(KEY_HEX)).decode().rstrip("="),
    ],
)
def test_accepted_encodings(text):
    assert parse_key_material(text, "key").hex() == KEY_HEX


def test_base64url_characters_are_not_confused_with_base64():
    raw = bytes.fromhex("fbff" * 8)  # encodes with "-" and "_" in base64url
    text = to_base64url(raw)
    assert "-" in text or "_" in text
    assert parse_key_material(text, "key") == raw
    assert parse_key_material(base64.b64encode(raw).decode(), "key") == raw


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("", "empty"),
        (KEY_HEX + "ab", "34 hex digits"),  # mp4encrypt silently accepts this one
        (KEY_HEX[:-2] + "zz", "not only hex digits"),  # mp4encrypt accepts it too
        ("k" * 31 + "!", "not only hex digits"),
        ("87237d20a19f58a7", "decodes to 12 bytes"),  # 16 hex chars read as base64
        ("hyN9IKGfWKdAwFaE5pm0", "decodes to 15 bytes"),
        ("hyN9IKGfWKdAwFaE5pm0q", "length is impossible"),
        ("hyN9*KGfWKdAwFaE5pm0qg", "neither 32 hex digits nor base64"),
        ("hyN9-KGf/KdAwFaE5pm0qg", "neither 32 hex digits nor base64"),  # mixed alphabets
    ],
)
def test_refusals_name_the_rule(text, rule):
    with pytest.raises(KeyFormatError) as caught:
        parse_key_material(text, "KID")
    assert rule in caught.value.message
    if text:
        assert "KID" in caught.value.message


def test_generated_pairs_are_random_and_16_bytes():
    first, second = KeyPair.generate(), KeyPair.generate()
    assert len(first.key) == len(first.kid) == 16
    assert first.key != second.key and first.kid != second.kid
    assert KeyPair.parse(to_base64url(first.key), first.kid_hex) == first


def test_repr_never_shows_the_key():
    pair = KeyPair.parse(SEED_KEY, SEED_KID)
    assert KEY_HEX not in repr(pair) and SEED_KEY not in repr(pair)
    assert KID_HEX in repr(pair)
