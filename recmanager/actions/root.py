"""The deposit root the actions work with, settled against Pod's own data."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from recmanager.config import Profile
from recmanager.errors import ConfigError
from recmanager.formatting import printable
from recmanager.i18n import translate
from recmanager.pod.rest import PodClient


@dataclass(frozen=True)
class DepositRoot:
    """The deposit root an action works with, and where it comes from."""

    path: str
    from_pod: bool  # read from Pod's data (the profile gave none, or Pod's default)
    example: str = ""  # the Pod path it was read from, or that confirmed it

    @property
    def message(self) -> str:
        if self.from_pod:
            return translate("actions", "Deposit root: {root} (read from Pod: {example}).") \
                .format(root=self.path, example=printable(self.example))
        return translate("actions", "Deposit root: {root} (from the profile).").format(
            root=self.path)


def settle_deposit_root(profile: Profile, client: PodClient) -> DepositRoot:
    """The deposit root to use, checked against Pod's data before anything changes.

    A profile that gives no root (or Pod's default) takes the one Pod's own rows show; a
    root that Pod's rows contradict is refused with both named, since every path check
    and every relative path would otherwise be wrong.
    """
    given = posixpath.normpath(profile.deposit_root or "/")
    found = client.deposit_root()
    if found is None:
        return DepositRoot(given, False)
    pod_root, example = posixpath.normpath(found[0]), found[1]
    if not profile.deposit_root_given:
        return DepositRoot(pod_root, True, example)
    if pod_root != given:
        raise ConfigError(
            translate(
                "actions",
                "The deposit root {given} of the profile contradicts Pod's data: Pod's "
                "deposited files are under {root} (for example {example}). Nothing was "
                "changed.",
            ).format(given=given, root=pod_root, example=printable(example)),
            hint=translate(
                "actions",
                "Correct the deposit root in the profile (or RECMANAGER_DEPOSIT_ROOT), or "
                "leave it empty so that Pod's is used.",
            ),
        )
    return DepositRoot(given, False, example)
