"""The names and paths a deposit accepts: hostile names, lengths, the hidden temporary names
of transfers, and the lexical check of a server path (the backend then resolves links)."""

from __future__ import annotations

import hashlib
import re

from recmanager.errors import UnsafePath
from recmanager.formatting import printable
from recmanager.i18n import translate

# The longest file name, in bytes, a deposit server takes (NAME_MAX of Linux file systems;
# SFTP cannot ask). A local destination is asked (pathconf).
NAME_MAX = 255
# Room kept at the end of a temporary name for ".<size>-<mtime><suffix>".
TEMPORARY_TAG_ROOM = 64

# Unicode's control characters (category Cc), and the stand-ins Python uses for bytes that
# are not UTF-8 (surrogateescape). One regular expression: names are checked by thousands.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_NOT_UTF8 = re.compile("[\udc80-\udcff]")


def hostile_name_reason(name: str) -> str | None:
    """Why a directory entry's name must not be followed, or None when it is fine."""
    if not name or name in (".", ".."):
        return translate("deposit", "a relative name (\".\" or \"..\")")
    if "/" in name or "\\" in name:
        return translate("deposit", "a slash inside the name")
    if _CONTROL.search(name):
        return translate("deposit", "a control character in the name")
    if _NOT_UTF8.search(name):
        return translate("deposit", "a name that is not valid UTF-8")
    return None


def name_length_problem(name: str, limit: int = NAME_MAX) -> str | None:
    """Why ``name`` is too long for a folder that takes ``limit`` bytes per name, or None."""
    size = len(name.encode("utf-8", "surrogateescape"))
    if size <= limit:
        return None
    return translate("deposit", "the name is {size} bytes long; the folder takes at most "
                     "{limit}").format(size=size, limit=limit)


def temporary_stem(name: str, limit: int = NAME_MAX) -> str:
    """The hidden stem of a temporary name for ``name``: ``.<name>``, shortened (with a digest
    of the whole name, so two long names never share it) when ``.<name>`` plus a size/mtime
    tag and a suffix would not fit in ``limit`` bytes. The same name always gives the same
    stem, so stale temporary files of that name can be found."""
    encoded = name.encode("utf-8", "surrogateescape")
    if 1 + len(encoded) + TEMPORARY_TAG_ROOM <= limit:
        return f".{name}"
    digest = hashlib.sha256(encoded).hexdigest()[:12]
    room = limit - TEMPORARY_TAG_ROOM - len(digest) - 2
    head = encoded[:max(0, room)].decode("utf-8", "ignore")
    return f".{head}~{digest}"


def temporary_name(name: str, tag: str, suffix: str, limit: int = NAME_MAX) -> str:
    """``<stem>.<tag><suffix>``: never longer than ``limit`` bytes when ``name`` fits."""
    return f"{temporary_stem(name, limit)}.{tag}{suffix}"


def unsafe_path(path: str, reason: str) -> UnsafePath:
    return UnsafePath(
        translate("deposit", "The path {path} was refused: {reason}.").format(
            path=printable(path), reason=reason
        ),
        hint=translate("deposit", "Only files inside the deposit folder can be used."),
    )


def is_inside(path: str, root: str) -> bool:
    """True when ``path`` is strictly below ``root`` (both normalised, POSIX)."""
    root = root.rstrip("/") or "/"
    prefix = root if root == "/" else root + "/"
    return path != root and path.startswith(prefix)


def check_server_path(root: str, path: str) -> tuple[str, str]:
    """Refuse anything but ``<root>/<relative path>`` spelled plainly; return (folder, name).

    The lexical half of the guard: no control characters, no ``.``/``..``/empty
    components, strictly inside the root. The backend then resolves links.
    """
    if not isinstance(path, str) or not path:
        raise unsafe_path(str(path), translate("deposit", "an empty path"))
    if _CONTROL.search(path):
        raise unsafe_path(path, translate("deposit", "a control character"))
    if not path.startswith("/"):
        raise unsafe_path(path, translate("deposit", "not an absolute path"))
    parts = path.split("/")[1:]
    if any(part in ("", ".", "..") for part in parts):
        raise unsafe_path(path, translate("deposit", "\"..\", \".\" or an empty component"))
    if not is_inside(path, root):
        raise unsafe_path(path, translate("deposit", "outside the deposit folder {root}").format(
            root=root))
    relative = path[len(root.rstrip("/")) + 1:]
    folder, _, name = relative.rpartition("/")
    return folder, name


def glob_escape(name: str) -> str:
    return "".join(f"[{char}]" if char in "*?[" else char for char in name)
