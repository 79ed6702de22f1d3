"""All the actions of one profile, opened with what the profile reaches."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from recmanager.actions.claim import Claiming
from recmanager.actions.delete import Deleting
from recmanager.actions.reconcile import reconcile_interrupted
from recmanager.actions.root import settle_deposit_root
from recmanager.actions.undo import Undoing
from recmanager.config import Profile
from recmanager.deposit.base import Deposit, OnStatus
from recmanager.errors import ConfigError, DepositError
from recmanager.pod.rest import PodClient
from recmanager.pod.web import PodWebSession

if TYPE_CHECKING:
    from recmanager.context import AppContext
    from recmanager.deposit.sftp import HostKeyQuestion

log = logging.getLogger("recmanager.actions")


class Actions(Claiming, Deleting, Undoing):
    """The actions of one profile. Thread-safe: bulk assignment claims from several threads.

    ``deposit`` verifies that claimed files left the deposit and is needed to delete;
    ``web`` (a superuser session) deletes through Pod and moves files on reassignment.
    """


@contextmanager
def open_actions(
    profile: Profile,
    context: AppContext,
    *,
    need_deposit: bool = False,
    on_unknown_host_key: HostKeyQuestion | None = None,
    on_status: OnStatus | None = None,
    superuser: bool | None = None,
) -> Iterator[Actions]:
    """Actions for ``profile`` with what it can reach: the REST client always, the deposit
    (required when ``need_deposit``) and the web session when the profile has a web login.

    The deposit root is settled first (:func:`settle_deposit_root`): ``actions.profile``
    carries the root in use and ``actions.deposit_root`` says where it comes from.
    """
    from recmanager.deposit import open_deposit

    with ExitStack() as stack:
        client = stack.enter_context(PodClient.from_profile(profile, context.secrets))
        root = settle_deposit_root(profile, client)
        profile = replace(profile, deposit_root=root.path)
        deposit: Deposit | None = None
        problem: DepositError | None = None
        try:
            deposit = stack.enter_context(open_deposit(
                profile, context, on_unknown_host_key=on_unknown_host_key, on_status=on_status))
        except DepositError as exc:
            if need_deposit:
                raise
            if names_a_deposit(profile):
                problem = exc
                log.warning("deposit of %s unreachable: claims are refused", profile.name)
            else:
                log.info("profile %s names no deposit: claims are checked on Pod only",
                         profile.name)
        web: PodWebSession | None = None
        try:
            web = stack.enter_context(PodWebSession.from_profile(profile, context.secrets))
        except ConfigError:
            web = None
        actions = Actions(profile, context.db, client, deposit=deposit, web=web,
                          superuser=superuser, deposit_problem=problem)
        actions.deposit_root = root
        actions.reconciled = reconcile_interrupted(context.db, profile, client, deposit)
        yield actions


def names_a_deposit(profile: Profile) -> bool:
    """True when the profile says where its deposit is (an SFTP host or a mounted folder)."""
    if profile.deposit_kind == "local":
        return bool(profile.local_deposit)
    return bool(profile.sftp_host)
