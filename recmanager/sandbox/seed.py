"""The sandbox's seed data. Tests are written against these facts: change them with care.

Users (id: username, role, email, first/last name). Every user has a REST token and a random
web password, both in ``credentials.json`` (and ``sandbox_pod.tokens`` / ``.passwords``):
    1  admin     superuser + staff   admin@example.org
    2  manager1  staff               m1@example.org     Mana Ger
    3  student1  NOT staff           s1@example.org
    4  teacher1  staff               t1@example.org     Tea Cher
    5  teacher2  staff               t2@example.org     Tea Two
    6  guest1    NOT staff           g1@example.org     Gue St
    7..20  bulk00..bulk13            even numbers staff (bulk00, bulk02…), odd ones not
So ``/rest/users/`` has 20 users (two pages). Video types: 1 "Other" (slug other),
2 "Lecture" (lecture), 3 "Conference" (conference). One Site (id 1, domain 127.0.0.1:PORT).

Recorders (id, name, IP, salt, directory, manager, mode):
    1  Amphi A                            192.168.1.10  s3cr3t  amphiA  none      manual claim
    2  Amphi B (managed, email)           192.168.1.20  abc     amphiB  manager1  email
    3  Amphi C (auto publish)             192.168.1.30  xyz     amphiC  manager1  publication_auto
    4  Studio D (audiovideocast, manual)  192.168.1.40  dsalt   amphiD  none      manual claim,
                                                                                   audiovideocast
    5  Salle E (managed by teacher1)      10.0.0.50     esalt   salleE  teacher1  email
All use video type 1 and site 1. Recorder 2 has teacher2 as an additional user.
Notify key = md5(underscored IP + salt), e.g. md5("192_168_1_10s3cr3t").

Deposit (``<deposit_root>/<directory>/<file>``, real H.264/AAC lectures of 10 to 13
minutes, 160x90, see samples.py):
    amphiA/lecture-01.mp4 … lecture-13.mp4   odd numbers have the moov atom at the end;
                                             lecture-07.mp4 is a false start (40 s)
    amphiA/notes.txt                         not a video: the cron skips it
    amphiB/b1.mp4, b2.mp4                    moov at the end; b2.mp4's microphone was off
                                             (its sound track is silent)
    amphiC/c1.mp4, c2.mp4                    published by the seed (see below)
    amphiD/d1.zip                            d1/cours.smil, d1/media/d1.mp4, d1/slides/*.png
    salleE/e1.mp4, e2.mp4
    unknowndir/orphan.mp4                    no recorder: an error and an admin mail each pass
    amphiA/lecture-live.mp4                  interactive sandbox only (not in tests): appears
                                             after the first two cron passes (so the ids below
                                             stay the same) and grows for about two minutes,
                                             like an upload in progress
    amphiA/<AWKWARD_NAMES>                   interactive sandbox only (not in the tests' seed,
                                             which deposit such names themselves), also after
                                             the first two passes: spaces and accents, a name
                                             written in NFD (as a Mac writes it), ' # & + %,
                                             and a long name
The seeded files are dated in the past, three hours apart in path order (unknowndir/orphan.mp4
the newest, three hours ago), so a scan finds them complete at once.

The cron ran twice after seeding, so the treatment rows (RFT) are, by id:
    1..13   amphiA/lecture-01..13.mp4   require_manual_claim (claimable, on /record/claim_record/)
    14, 15  amphiB/b1.mp4, b2.mp4       email_sent (manager1 got a mail)
    18      amphiD/d1.zip               require_manual_claim, type audiovideocast
    19, 20  salleE/e1.mp4, e2.mp4       email_sent (teacher1 got a mail)
(16 and 17 were amphiC's, deleted when the notify view auto-published them.) 18 rows: the REST
list has two pages. Recordings 1 and 2 are amphiC/c1.mp4 and c2.mp4 (user manager1, titles
"c1.mp4" and "c2.mp4"); Videos 1 and 2 came from them (owner manager1, type 1), their files
under ``media/videos/<manager1 hashkey>/``. The outbox holds the 4 manager mails and 2 admin
mails (the orphan, once per pass).
"""

from __future__ import annotations

import os
import secrets
import shutil
import time
import zipfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sites.models import Site
from django.core.management import call_command
from rest_framework.authtoken.models import Token

from recmanager.sandbox.recorder.models import Recorder
from recmanager.sandbox.samples import AWKWARD_NAMES, FALSE_START, MICROPHONE_OFF
from recmanager.sandbox.video.models import Type

USERS: tuple[tuple[str, bool, bool, str, str, str], ...] = (
    # username, superuser, staff, email, first name, last name
    ("admin", True, True, "admin@example.org", "", ""),
    ("manager1", False, True, "m1@example.org", "Mana", "Ger"),
    ("student1", False, False, "s1@example.org", "", ""),
    ("teacher1", False, True, "t1@example.org", "Tea", "Cher"),
    ("teacher2", False, True, "t2@example.org", "Tea", "Two"),
    ("guest1", False, False, "g1@example.org", "Gue", "St"),
    *((f"bulk{n:02d}", False, n % 2 == 0, "", "", "") for n in range(14)),
)

TYPES = (("Other", "other"), ("Lecture", "lecture"), ("Conference", "conference"))

RECORDERS = (
    # name, ip, salt, directory, manager, publication_auto, recording_type
    ("Amphi A", "192.168.1.10", "s3cr3t", "amphiA", None, False, "video"),
    ("Amphi B (managed, email)", "192.168.1.20", "abc", "amphiB", "manager1", False, "video"),
    ("Amphi C (auto publish)", "192.168.1.30", "xyz", "amphiC", "manager1", True, "video"),
    ("Studio D (audiovideocast, manual)", "192.168.1.40", "dsalt", "amphiD", None, False,
     "audiovideocast"),
    ("Salle E (managed by teacher1)", "10.0.0.50", "esalt", "salleE", "teacher1", False,
     "video"),
)

GROWING_FILE = "amphiA/lecture-live.mp4"

DEPOSIT_SPACING_S = 3 * 3600  # between two seeded deposits

SMIL = """<?xml version="1.0" encoding="UTF-8"?>
<smil xmlns="http://www.w3.org/ns/SMIL">
  <body><par>
    <video src="media/d1.mp4"/>
    <seq>
      <img src="slides/slide-001.png" begin="0s"/>
      <img src="slides/slide-002.png" begin="1s"/>
    </seq>
  </par></body>
</smil>
"""


def seed_database(site_domain: str) -> dict[str, dict[str, str]]:
    """Create the tables and the seed rows; returns ``{"tokens": …, "passwords": …}``."""
    call_command("migrate", run_syncdb=True, verbosity=0, interactive=False)
    Site.objects.update_or_create(pk=1, defaults={"domain": site_domain, "name": site_domain})
    site = Site.objects.get(pk=1)
    tokens: dict[str, str] = {}
    passwords: dict[str, str] = {}
    for username, superuser, staff, email, first, last in USERS:
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username, email=email, password=password, first_name=first, last_name=last,
            is_staff=staff, is_superuser=superuser,
        )
        tokens[username] = Token.objects.create(user=user).key
        passwords[username] = password
    for title, slug in TYPES:
        Type.objects.create(title=title, slug=slug).sites.add(site)
    other = Type.objects.get(slug="other")
    for name, ip, salt, directory, manager, auto, kind in RECORDERS:
        recorder = Recorder.objects.create(
            name=name, address_ip=ip, salt=salt, directory=directory,
            user=User.objects.get(username=manager) if manager else None,
            publication_auto=auto, recording_type=kind, type=other,
        )
        recorder.sites.add(site)
    Recorder.objects.get(directory="amphiB").additional_users.add(
        User.objects.get(username="teacher2")
    )
    return {"tokens": tokens, "passwords": passwords}


def seed_deposit(deposit_root: Path, samples: dict[str, Path]) -> None:
    """Lay out the deposit folder as documented above (without the growing file)."""

    def put(relative: str, sample: str) -> None:
        target = deposit_root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(samples[sample], target)

    for number in range(1, 14):
        put(f"amphiA/lecture-{number:02d}.mp4", "moov_end" if number % 2 else "faststart")
    put(FALSE_START, "false_start")
    (deposit_root / "amphiA" / "notes.txt").write_text(
        "Notes left by the technician: not a recording.\n", encoding="utf-8"
    )
    put("amphiB/b1.mp4", "moov_end")
    put(MICROPHONE_OFF, "silent")
    for name in ("amphiC/c1.mp4", "amphiC/c2.mp4", "salleE/e1.mp4", "salleE/e2.mp4",
                 "unknowndir/orphan.mp4"):
        put(name, "faststart")
    archive_path = deposit_root / "amphiD" / "d1.zip"
    archive_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive_path, "w") as archive:
        archive.writestr("d1/cours.smil", SMIL)
        archive.write(samples["faststart"], "d1/media/d1.mp4")
        archive.write(samples["slide1"], "d1/slides/slide-001.png")
        archive.write(samples["slide2"], "d1/slides/slide-002.png")
    # Recorders deposited these over the past days, one every few hours, newest last: their
    # dates are in the past, so a scan finds them complete at once, as on a working Pod.
    deposited = sorted(path for path in deposit_root.rglob("*") if path.is_file())
    now = time.time()
    for age, path in enumerate(reversed(deposited), start=1):
        moment = now - age * DEPOSIT_SPACING_S
        os.utime(path, (moment, moment))


def seed_awkward_names(deposit_root: Path, samples: dict[str, Path]) -> None:
    """Deposit :data:`AWKWARD_NAMES` in amphiA, dated an hour ago (complete for a scan)."""
    moment = time.time() - 3600
    for name in AWKWARD_NAMES:
        target = deposit_root / "amphiA" / name
        shutil.copyfile(samples["faststart"], target)
        os.utime(target, (moment, moment))


def update_site(domain: str) -> None:
    """The Site row carries host:port, which changes when a kept sandbox restarts."""
    Site.objects.filter(pk=settings.SITE_ID).update(domain=domain, name=domain)
