"""``recorder checkDirectory``: one cron pass, as Pod's management command of that name."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Check the deposit folder for files published by the recorders."

    def add_arguments(self, parser) -> None:
        parser.add_argument("task", choices=["checkDirectory"])

    def handle(self, *args, **options) -> None:
        from recmanager.sandbox.cron import check_directory

        if options["task"] != "checkDirectory":
            raise CommandError("the only task is checkDirectory")
        self.stdout.write(check_directory())
