"""Pod's behaviour in the sandbox, beyond the captured shapes: the seed facts other tests rely
on, the cron rules (docs/pod.md section 2), processing of recordings and uploads."""

from __future__ import annotations

import email
import email.policy
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from recmanager.deposit.local import LocalDeposit
from recmanager.deposit.scan import Scanner
from recmanager.inbox.merge import merge
from recmanager.inbox.rows import RowState
from tests.fixtures.sandbox import SandboxPod


def get(pod: SandboxPod, path: str, user: str = "admin") -> dict:
    response = requests.get(pod.url(path), headers=pod.auth_headers(user), timeout=30)
    response.raise_for_status()
    return response.json()


def every(pod: SandboxPod, path: str) -> list[dict]:
    items, url = [], pod.url(path)
    while url:
        page = requests.get(url, headers=pod.auth_headers(), timeout=30).json()
        items += page["results"]
        url = page["next"]
    return items


def treatments(pod: SandboxPod) -> dict[int, str]:
    root = f"{pod.deposit_root}/"
    return {row["id"]: row["file"].removeprefix(root)
            for row in every(pod, "rest/recordingfiletreatment/")}


def logged_in(pod: SandboxPod, username: str) -> requests.Session:
    session = requests.Session()
    session.get(pod.url("admin/login/"), timeout=30)
    session.post(pod.url("admin/login/"), timeout=30, data={
        "csrfmiddlewaretoken": session.cookies["csrftoken"], "username": username,
        "password": pod.passwords[username], "next": "/admin/"})
    return session



def claim_page(pod: SandboxPod, username: str = "admin") -> str:
    session = logged_in(pod, username)
    pages, url = [], pod.url("record/claim_record/")
    while url:
        text = session.get(url, timeout=30).text
        pages.append(text)
        more = text.split('class="infinite-more-link" href="', 1)
        url = pod.url("record/claim_record/" + more[1].split('"', 1)[0]) if len(more) > 1 else ""
    return "".join(pages)


def mails(pod: SandboxPod) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in pod.outbox_files()]


def drop(pod: SandboxPod, relative: str, data: bytes | None = None) -> Path:
    target = pod.deposit_root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if data is None:
        shutil.copyfile(pod.deposit_root / "amphiA" / "lecture-02.mp4", target)
    else:
        target.write_bytes(data)
    return target


# --- the seed --------------------------------------------------------------------------------


def test_seed_users_tokens_and_passwords(sandbox_pod: SandboxPod) -> None:
    users = {user["username"]: user for user in every(sandbox_pod, "rest/users/")}
    assert len(users) == 20
    assert {name: users[name]["id"] for name in
            ("admin", "manager1", "student1", "teacher1", "teacher2", "guest1")} == {
        "admin": 1, "manager1": 2, "student1": 3, "teacher1": 4, "teacher2": 5, "guest1": 6}
    staff = {name for name, user in users.items() if user["is_staff"]}
    assert staff == {"admin", "manager1", "teacher1", "teacher2",
                     *(f"bulk{n:02d}" for n in range(0, 14, 2))}
    assert set(sandbox_pod.tokens) == set(sandbox_pod.passwords) == set(users)
    assert get(sandbox_pod, "rest/recorder/1/", "teacher1")["name"] == "Amphi A"
    refused = requests.get(sandbox_pod.url("rest/recorder/"), timeout=30,
                           headers=sandbox_pod.auth_headers("guest1"))
    assert refused.status_code == 403
    basic = requests.get(sandbox_pod.url("rest/recorder/1/"), timeout=30,
                         auth=("manager1", sandbox_pod.passwords["manager1"]))
    assert basic.status_code == 200


def test_seed_recorders_files_and_treatments(sandbox_pod: SandboxPod) -> None:
    recorders = {r["id"]: (r["name"], r["address_ip"], r["recording_type"])
                 for r in get(sandbox_pod, "rest/recorder/")["results"]}
    assert recorders == {
        1: ("Amphi A", "192.168.1.10", "video"),
        2: ("Amphi B (managed, email)", "192.168.1.20", "video"),
        3: ("Amphi C (auto publish)", "192.168.1.30", "video"),
        4: ("Studio D (audiovideocast, manual)", "192.168.1.40", "audiovideocast"),
        5: ("Salle E (managed by teacher1)", "10.0.0.50", "video"),
    }
    expected = {number: f"amphiA/lecture-{number:02d}.mp4" for number in range(1, 14)}
    expected |= {14: "amphiB/b1.mp4", 15: "amphiB/b2.mp4", 18: "amphiD/d1.zip",
                 19: "salleE/e1.mp4", 20: "salleE/e2.mp4"}
    assert treatments(sandbox_pod) == expected
    for relative in (*expected.values(), "amphiA/notes.txt", "unknowndir/orphan.mp4"):
        assert (sandbox_pod.deposit_root / relative).is_file(), relative
    assert not (sandbox_pod.deposit_root / "amphiC").exists() or not any(
        (sandbox_pod.deposit_root / "amphiC").iterdir())
    moov_at_end = (sandbox_pod.deposit_root / "amphiA" / "lecture-01.mp4").read_bytes()
    assert moov_at_end.index(b"moov") > moov_at_end.index(b"mdat")
    faststart = (sandbox_pod.deposit_root / "amphiA" / "lecture-02.mp4").read_bytes()
    assert faststart.index(b"moov") < faststart.index(b"mdat")
    # manual-claim rows are on the claim page, email_sent rows are not
    page = claim_page(sandbox_pod)
    assert "<h2>14 records found.</h2>" in page
    assert "lecture-13.mp4" in page and "d1.zip" in page and "b1.mp4" not in page


def test_seed_recordings_videos_and_mails(sandbox_pod: SandboxPod) -> None:
    recordings = get(sandbox_pod, "rest/recording/")["results"]
    assert [(r["id"], r["title"], r["user"]) for r in recordings] == [
        (1, "c1.mp4", sandbox_pod.url("rest/users/2/")),
        (2, "c2.mp4", sandbox_pod.url("rest/users/2/"))]
    videos = get(sandbox_pod, "rest/videos/?owner=2")["results"]
    assert [(v["id"], v["title"], v["encoded"]) for v in videos] == [
        (1, "c1.mp4", True), (2, "c2.mp4", True)]
    hashkey = get(sandbox_pod, "rest/owners/2/")["hashkey"]
    assert len(list((sandbox_pod.media_root / "videos" / hashkey).glob("c?_*.mp4"))) == 2
    sent = mails(sandbox_pod)
    managers = sorted(m["To"] for m in sent if "mail_admins" not in m.get("X-Sandbox-Kind", ""))
    assert managers == ["m1@example.org", "m1@example.org", "t1@example.org", "t1@example.org"]
    assert sum(1 for path in sandbox_pod.outbox_files() if path.name.endswith(
        "-mail_admins.eml")) == 2


def test_seeded_deposits_are_dated_in_the_past_so_a_scan_finds_them_complete(
        sandbox_pod: SandboxPod, context) -> None:
    seeded = sorted(path for path in sandbox_pod.deposit_root.rglob("*") if path.is_file())
    times = [path.stat().st_mtime for path in seeded]
    assert times == sorted(times) and len(set(times)) == len(times)  # in path order, apart
    assert time.time() - times[-1] >= 3 * 3600 - 5  # the newest, three hours ago
    scan = Scanner(context.db, "sandbox", quiet_period_s=120).scan(
        LocalDeposit(str(sandbox_pod.deposit_root), sandbox_pod.deposit_root))
    states = {Path(item.path).name: item.state for item in scan.files.values()}
    assert states["lecture-01.mp4"] == states["orphan.mp4"] == "uploading"  # first sight
    rows = merge(deposit_root=str(sandbox_pod.deposit_root), treatments=[],
                 scanned=scan.files.values(), recorders=[], quiet_period_s=120)
    assert rows and all(row.state is not RowState.UPLOADING for row in rows)


# --- the cron --------------------------------------------------------------------------------


def test_growth_means_still_uploading(sandbox_pod: SandboxPod) -> None:
    clip = (sandbox_pod.deposit_root / "amphiA" / "lecture-02.mp4").read_bytes()
    target = drop(sandbox_pod, "amphiA/new.mp4", clip[: len(clip) // 2])
    assert "amphiA/new.mp4: job created" in sandbox_pod.run_cron()
    target.write_bytes(clip)
    assert "amphiA/new.mp4: partially uploaded" in sandbox_pod.run_cron()
    assert "amphiA/new.mp4" not in claim_page(sandbox_pod)
    assert "amphiA/new.mp4: complete, no manager: waiting for claiming" in sandbox_pod.run_cron()
    assert "amphiA/new.mp4: waiting for claiming" in sandbox_pod.run_cron()
    assert "new.mp4" in claim_page(sandbox_pod)


def test_an_empty_file_counts_as_complete_as_in_pod(sandbox_pod: SandboxPod) -> None:
    drop(sandbox_pod, "amphiA/empty.mp4", b"")
    sandbox_pod.run_cron()
    assert "empty.mp4: complete, no manager" in sandbox_pod.run_cron()


def test_a_managed_recorder_mails_its_manager_once(sandbox_pod: SandboxPod) -> None:
    drop(sandbox_pod, "amphiB/b3.mp4")
    before = len(sandbox_pod.outbox_files())
    sandbox_pod.run_cron()
    assert "amphiB/b3.mp4: complete, email sent to the manager" in sandbox_pod.run_cron()
    assert "amphiB/b3.mp4: email already sent" in sandbox_pod.run_cron()
    new = mails(sandbox_pod)[before:]
    notices = [m for m in new if m["To"] == "m1@example.org"]
    assert len(notices) == 1
    assert notices[0]["Subject"] == "[Pod] New recording added."
    link = (f"{sandbox_pod.base_url}record/add_recording/?mediapath={sandbox_pod.deposit_root}"
            "/amphiB/b3.mp4&course_title=b3.mp4&recorder=2")  # not URL-encoded, as in Pod
    assert link in notices[0].get_body(("plain",)).get_content()
    assert f'href="{link.replace("&", "&amp;")}"' in notices[0].get_body(("html",)).get_content()


def test_auto_publish_through_the_notify_view(sandbox_pod: SandboxPod) -> None:
    drop(sandbox_pod, "amphiC/c3.mp4")
    sandbox_pod.run_cron()
    assert "amphiC/c3.mp4: complete, published automatically" in sandbox_pod.run_cron()
    assert not (sandbox_pod.deposit_root / "amphiC" / "c3.mp4").exists()
    assert "c3.mp4" in [v["title"] for v in get(sandbox_pod, "rest/videos/?owner=2")["results"]]
    assert "amphiC/c3.mp4: already processed" not in sandbox_pod.run_cron()  # file gone


def test_an_orphan_folder_is_an_error_on_every_pass(sandbox_pod: SandboxPod) -> None:
    for expected in (3, 4):
        report = sandbox_pod.run_cron()
        assert "Error: No recorder found for the file" in report and "unknowndir" in report
        admin_mails = [p for p in sandbox_pod.outbox_files()
                       if p.name.endswith("-mail_admins.eml")]
        assert len(admin_mails) == expected
    assert "orphan.mp4" not in str(treatments(sandbox_pod))
    assert "notes.txt: txt is not a valid video extension" in sandbox_pod.run_cron()


def test_the_management_command_runs_one_pass(sandbox_pod: SandboxPod) -> None:
    drop(sandbox_pod, "amphiA/by-command.mp4")
    result = subprocess.run(
        [sys.executable, "-m", "recmanager.sandbox.manage", "--data", str(sandbox_pod.data_dir),
         "recorder", "checkDirectory"],
        capture_output=True, text=True, timeout=120, check=True,
    )
    assert "amphiA/by-command.mp4: job created" in result.stdout
    assert "amphiA/by-command.mp4" in treatments(sandbox_pod).values()


# --- processing --------------------------------------------------------------------------


def test_claiming_a_zip_renames_it_treated(sandbox_pod: SandboxPod) -> None:
    zip_path = sandbox_pod.deposit_root / "amphiD" / "d1.zip"
    with zipfile.ZipFile(zip_path) as archive:
        assert "d1/cours.smil" in archive.namelist()
    response = requests.post(sandbox_pod.url("rest/recording/"), timeout=30,
                             headers=sandbox_pod.auth_headers(), json={
        "title": "Studio", "source_file": str(zip_path), "type": "audiovideocast",
        "recorder": sandbox_pod.url("rest/recorder/4/"), "user": sandbox_pod.url("rest/users/5/")})
    assert response.status_code == 201
    assert not zip_path.exists()
    assert (zip_path.parent / "d1.zip_treated").exists()
    video = get(sandbox_pod, "rest/videos/?owner=5")["results"][0]
    assert video["title"] == "Studio" and video["duration"] == 760  # 12:40, the seed's lecture
    assert requests.get(video["video"], timeout=30).status_code == 200
    assert "d1.zip_treated: zip_treated is not a valid video extension" in sandbox_pod.run_cron()


def test_additional_users_become_additional_owners(sandbox_pod: SandboxPod) -> None:
    source = sandbox_pod.deposit_root / "amphiB" / "b1.mp4"
    response = requests.post(sandbox_pod.url("rest/recording/"), timeout=30,
                             headers=sandbox_pod.auth_headers(), json={
        "title": "Managed", "source_file": str(source),
        "recorder": sandbox_pod.url("rest/recorder/2/"), "user": sandbox_pod.url("rest/users/2/")})
    assert response.status_code == 201
    video = next(v for v in get(sandbox_pod, "rest/videos/?owner=2")["results"]
             if v["title"] == "Managed")
    assert video["additional_owners"] == [sandbox_pod.url("rest/users/5/")]
    assert video["type"] == sandbox_pod.url("rest/types/1/")
    # duration and height read from the movie header (the moov is at the end of b1.mp4)
    assert video["duration"] == 610  # 10:10
    username = get(sandbox_pod, "rest/users/2/")["username"]
    published = next(v["video_data"] for v in get(
        sandbox_pod, f"rest/videos/user_videos/?username={username}")["results"]
        if v["video_data"]["title"] == "Managed")
    assert published["video_files"]["mp4"][0]["height"] == 90


def test_an_uploaded_file_is_published_at_once(sandbox_pod: SandboxPod) -> None:
    clip = (sandbox_pod.deposit_root / "amphiA" / "lecture-04.mp4").read_bytes()
    response = requests.post(
        sandbox_pod.url("rest/recordingfile/"), headers=sandbox_pod.auth_headers(), timeout=30,
        files={"file": ("upload-test.mp4", clip, "video/mp4")},
        data={"recorder": sandbox_pod.url("rest/recorder/1/")},
    )
    assert response.status_code == 201, response.text
    recordings = get(sandbox_pod, "rest/recording/")["results"]
    assert recordings[-1]["title"] == "upload-test"
    assert recordings[-1]["source_file"] == f"{sandbox_pod.deposit_root}/upload-test.mp4"
    assert recordings[-1]["user"] == sandbox_pod.url("rest/users/1/")
    assert "upload-test.mp4" in [v["title"] + ".mp4" for v in
                                 get(sandbox_pod, "rest/videos/?owner=1")["results"]]
    assert not (sandbox_pod.deposit_root / "upload-test.mp4").exists()


def test_reset_brings_back_the_seeded_state(sandbox_pod: SandboxPod) -> None:
    (sandbox_pod.deposit_root / "amphiA" / "lecture-05.mp4").unlink()
    with (sandbox_pod.deposit_root / "amphiA" / "lecture-06.mp4").open("ab") as stream:
        stream.write(b"more")
    drop(sandbox_pod, "newdir/x.mp4")
    requests.delete(sandbox_pod.url("rest/recordingfiletreatment/3/"), timeout=30,
                    headers=sandbox_pod.auth_headers())
    sandbox_pod.reset()
    assert len(treatments(sandbox_pod)) == 18
    assert (sandbox_pod.deposit_root / "amphiA" / "lecture-05.mp4").exists()
    assert not (sandbox_pod.deposit_root / "newdir").exists()
    sizes = {p.name: p.stat().st_size for p in (sandbox_pod.deposit_root / "amphiA").glob("*")}
    assert sizes["lecture-06.mp4"] == sizes["lecture-02.mp4"]


def test_the_database_is_in_wal_mode_and_stays_so_after_a_reset(sandbox_pod: SandboxPod) -> None:
    """WAL lets several server processes (``--workers``) share the database."""
    connection = sqlite3.connect(sandbox_pod.data_dir / "pod.sqlite3", timeout=30)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        sandbox_pod.reset()
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("SELECT count(*) FROM auth_user").fetchone()[0] > 0
    finally:
        connection.close()


def test_concurrent_claims_all_succeed(sandbox_pod: SandboxPod) -> None:
    """Bulk assignment sends several requests at once; the server takes them in parallel."""

    def claim(number: int) -> int:
        return requests.post(sandbox_pod.url("rest/recording/"), timeout=60,
                             headers=sandbox_pod.auth_headers(), json={
            "title": f"Bulk {number}",
            "source_file": f"{sandbox_pod.deposit_root}/amphiA/lecture-{number:02d}.mp4",
            "user": sandbox_pod.url("rest/users/4/")}).status_code

    preview = requests.get(sandbox_pod.url("media/records/amphiA/lecture-13.mp4"), stream=True,
                           timeout=30)  # a preview stream held open meanwhile
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(claim, range(1, 9)))
    assert statuses == [201] * 8
    assert len(preview.content) == (sandbox_pod.deposit_root / "amphiA" /
                                    "lecture-13.mp4").stat().st_size
    titles = {v["title"] for v in every(sandbox_pod, "rest/videos/?owner=4")}
    assert titles == {f"Bulk {number}" for number in range(1, 9)}


def test_launch_encode_and_the_dashboard(sandbox_pod: SandboxPod) -> None:
    slug = get(sandbox_pod, "rest/videos/1/")["slug"]
    assert slug == "0001-c1mp4"
    answer = get(sandbox_pod, f"rest/launch_encode_view/?slug={slug}")
    assert (answer["id"], answer["encoded"]) == (1, True)
    missing = requests.get(sandbox_pod.url("rest/launch_encode_view/?slug=nope"), timeout=30,
                           headers=sandbox_pod.auth_headers())
    assert missing.status_code == 404
    manager = logged_in(sandbox_pod, "manager1")
    dashboard = manager.get(sandbox_pod.url("video/dashboard/"), timeout=30).text
    assert "<h2>2 videos</h2>" in dashboard and "c2.mp4" in dashboard


def test_web_claim_form_owner_choice_and_delete(sandbox_pod: SandboxPod) -> None:
    source = f"{sandbox_pod.deposit_root}/amphiA/lecture-07.mp4"
    claim_url = sandbox_pod.url(f"record/add_recording/?mediapath={source}&recorder=1"
                                "&course_title=lecture-07.mp4")
    teacher = logged_in(sandbox_pod, "teacher1")
    assert 'name="user"' not in teacher.get(claim_url, timeout=30).text  # owner = themselves
    managed = sandbox_pod.url(f"record/add_recording/?mediapath={sandbox_pod.deposit_root}"
                              "/amphiB/b1.mp4&recorder=2&course_title=b1.mp4")
    manager = logged_in(sandbox_pod, "manager1")
    assert 'name="user"' in manager.get(managed, timeout=30).text  # the recorder's manager
    own = teacher.post(claim_url, timeout=30, allow_redirects=False, data={
        "csrfmiddlewaretoken": teacher.cookies["csrftoken"], "type": "video", "recorder": "1",
        "title": "Mine", "source_file": source})
    assert (own.status_code, own.headers["Location"]) == (302, "/video/dashboard/")
    assert [v["title"] for v in get(sandbox_pod, "rest/videos/?owner=4")["results"]] == ["Mine"]
    admin = logged_in(sandbox_pod, "admin")
    doomed = f"{sandbox_pod.deposit_root}/amphiA/lecture-08.mp4"
    deleted = admin.post(sandbox_pod.url(f"record/add_recording/?mediapath={doomed}&recorder=1"),
                         timeout=30, allow_redirects=False, data={
        "csrfmiddlewaretoken": admin.cookies["csrftoken"], "type": "video", "recorder": "1",
        "user": "1", "title": "x", "source_file": doomed, "delete": "on"})
    assert (deleted.status_code, deleted.headers["Location"]) == (302, "/")
    assert not Path(doomed).exists()
    assert "amphiA/lecture-08.mp4" not in treatments(sandbox_pod).values()


def test_user_videos_takes_the_list_filters_too(sandbox_pod: SandboxPod) -> None:
    requests.patch(sandbox_pod.url("rest/videos/2/"), json={"is_draft": False}, timeout=30,
                   headers=sandbox_pod.auth_headers())
    listed = get(sandbox_pod, "rest/videos/user_videos/?username=manager1&is_draft=false")
    assert [video["id"] for video in listed["results"]] == [2]
    both = get(sandbox_pod, "rest/videos/user_videos/?username=manager1&encoded=true")
    assert [video["id"] for video in both["results"]] == [1, 2]
    assert get(sandbox_pod, "rest/videos/user_videos/")["count"] == 0  # no username, no videos
