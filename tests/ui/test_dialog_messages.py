"""What the dialogs say matches what they show and what can be done."""

from __future__ import annotations

from recmanager.inbox import InboxRow, RowState
from recmanager.pod.model import User
from recmanager.ui.dialogs.claim import ClaimDialog


def user(number: int, username: str, first: str, last: str, staff: bool = True) -> User:
    return User(id=number, url="", username=username, first_name=first, last_name=last,
                email=f"{username}@example.org", is_staff=staff)


USERS = [user(1, "cdupont", "Carole", "Dupont"), user(2, "cmartin", "Carl", "Martin"),
         user(3, "bdurand", "Bruno", "Durand")]
ROW = InboxRow(path="/data/ftp-pod/ftp/amphiA/lecture-01.mp4", name="lecture-01.mp4",
               folder="amphiA", state=RowState.CLAIMABLE, size=10, treatment_id=1)


def test_the_claim_note_never_says_no_match_under_matching_users(qtbot):
    dialog = ClaimDialog([ROW], USERS, USERS[2])
    qtbot.addWidget(dialog)
    dialog.owner_edit.setText("car")
    assert len(dialog.matching_users()) == 2
    assert "No Pod user matches" not in dialog.note.text()
    assert "2 Pod users match “car”" in dialog.note.text()
    dialog.owner_edit.setText("zzz")
    assert dialog.matching_users() == []
    assert dialog.note.text() == "No Pod user matches; the server will be asked."
    dialog.owner_edit.setText("cmartin")
    assert dialog.owner() is USERS[1] and dialog.note.text() == ""
