"""Mail goes to an outbox folder, one ``.eml`` file per message, so people and tests can read
what Pod would have sent. Admin error mails are named ``*-mail_admins.eml``."""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

ADMIN_MAIL_HEADER = "X-Sandbox-Kind"
_counter = itertools.count(1)
_lock = threading.Lock()


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        outbox = Path(settings.SANDBOX_OUTBOX)
        outbox.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            kind = "mail_admins" if message.extra_headers.get(ADMIN_MAIL_HEADER) else "mail"
            data = message.message().as_bytes()
            while True:  # server processes (``--workers``) count apart: never overwrite
                with _lock:
                    number = next(_counter)
                stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
                try:
                    with (outbox / f"{stamp}-{number:04d}-{kind}.eml").open("xb") as stream:
                        stream.write(data)
                    break
                except FileExistsError:
                    continue
        return len(email_messages)


def mail_admins(subject: str, message: str, html_message: str = "") -> None:
    """Django's ``mail_admins``, marked so the outbox file says what it is."""
    mail = EmailMultiAlternatives(
        settings.EMAIL_SUBJECT_PREFIX + subject,
        message,
        settings.SERVER_EMAIL,
        [address for _name, address in settings.ADMINS],
        headers={ADMIN_MAIL_HEADER: "mail_admins"},
    )
    if html_message:
        mail.attach_alternative(html_message, "text/html")
    mail.send()
