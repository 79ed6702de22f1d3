"""Content keys sealed to the workers' public key: only the workers' private key opens them."""

from __future__ import annotations

import pytest

from recmanager.errors import ConfigError, PackagingError
from recmanager.packaging.sealing import (
    public_key_text,
    read_private_key,
    seal,
    unseal,
    write_private_key,
)

KEY = bytes.fromhex("0123456789abcdef0123456789abcdef")


def test_a_sealed_key_opens_with_the_private_key_and_its_own_context_only(tmp_path):
    private = write_private_key(tmp_path / "worker.key")
    sealed = seal(public_key_text(private), KEY, b"task-1:kid")
    assert KEY.hex() not in sealed and KEY not in sealed.encode()
    assert unseal(read_private_key(tmp_path / "worker.key"), sealed, b"task-1:kid") == KEY
    assert seal(public_key_text(private), KEY, b"task-1:kid") != sealed  # one-time keys
    with pytest.raises(PackagingError, match="sealed to another public key"):
        unseal(private, sealed, b"task-2:kid")
    other = write_private_key(tmp_path / "other.key")
    with pytest.raises(PackagingError, match="sealed to another public key"):
        unseal(other, sealed, b"task-1:kid")


def test_the_private_key_file_is_0600_never_overwritten_and_refused_when_others_read_it(
        tmp_path):
    path = tmp_path / "worker.key"
    write_private_key(path)
    assert path.stat().st_mode & 0o777 == 0o600
    with pytest.raises(ConfigError, match="does not overwrite"):
        write_private_key(path)
    path.chmod(0o640)
    with pytest.raises(ConfigError, match="may be read by others") as refused:
        read_private_key(path)
    assert "chmod 600" in refused.value.hint


def test_a_public_key_that_is_not_one_is_refused_with_the_command_that_prints_it():
    with pytest.raises(ConfigError, match="worker-key"):
        seal("not a key", KEY, b"x")
