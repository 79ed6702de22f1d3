"""The first-run guide against the sandbox Pod and a real sshd: fill, test, save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWizard

from recmanager.secrets import SecretKind
from recmanager.ui.dialogs.first_run import FirstRunGuide, offer_first_run
from recmanager.ui.main_window import MainWindow
from recmanager.ui.tasks import TaskRunner
from tests.ui.pseudo_french import FILLER, pseudo_french

pytestmark = pytest.mark.sshd


@pytest.fixture
def guide(qtbot, context):
    guide = FirstRunGuide(context, TaskRunner(synchronous=True))
    qtbot.addWidget(guide)
    guide.show()
    return guide


def fill_pod_page(guide: FirstRunGuide, qtbot, pod_url: str, token: str) -> None:
    assert guide.currentId() == 0
    guide.next()
    qtbot.keyClicks(guide.pod_url, pod_url)
    guide.token.setText(token)
    guide.verify_tls.setChecked(False)  # the sandbox speaks plain http
    guide.allow_plain_http.setChecked(pod_url.startswith("http://"))


def fill_sftp_page(guide: FirstRunGuide, sshd, deposit_root) -> None:
    guide.next()
    guide.sftp_port.setValue(sshd.port)
    guide.sftp_user.setText(sshd.user)
    guide.sftp_auth.setCurrentIndex(guide.sftp_auth.findData("key"))
    guide.sftp_key_file.setText(str(sshd.client_keys["ed25519"]))
    guide.deposit_root.setText(str(deposit_root))


def answer_host_key(button_text: str, seen: list[str]) -> None:
    """Click ``button_text`` in the host-key question as soon as it is shown."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.informativeText())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, click)


def results_by_part(guide: FirstRunGuide) -> dict[str, tuple[bool, str]]:
    return {result.part: (result.ok, result.message) for result in guide.results}


def test_mandatory_values_and_proposals(guide, qtbot):
    guide.next()
    next_button = guide.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    qtbot.keyClicks(guide.pod_url, "https://pod.univ-exemple.fr/")
    assert guide.profile_name.text() == "pod.univ-exemple.fr"
    assert not next_button.isEnabled(), "a token is required"
    guide.token.setText("0123456789abcdef")
    assert next_button.isEnabled()
    guide.next()
    assert guide.sftp_host.text() == "pod.univ-exemple.fr"
    assert guide.deposit_root.text() == "/data/ftp-pod/ftp/"
    assert "DEFAULT_RECORDER_PATH" in guide.deposit_root.toolTip()
    assert "Auth Token" in guide.token.toolTip()
    guide.deposit_kind.setCurrentIndex(guide.deposit_kind.findData("local"))
    assert guide.local_deposit.isVisible() and not guide.sftp_host.isVisible()
    guide.deposit_kind.setCurrentIndex(guide.deposit_kind.findData("sftp"))
    assert guide.sftp_host.isVisible() and not guide.local_deposit.isVisible()


def test_the_guide_tests_everything_and_saves_the_first_profile(
    guide, qtbot, context, sandbox_pod, sshd, memory_keyring
):
    fill_pod_page(guide, qtbot, sandbox_pod.base_url, sandbox_pod.tokens["admin"])
    fill_sftp_page(guide, sshd, sandbox_pod.deposit_root)
    seen: list[str] = []
    answer_host_key("Accept and remember", seen)
    guide.next()  # the test page runs the checks at once

    assert seen and sshd.host_key_fingerprint in seen[0]
    parts = results_by_part(guide)
    assert parts["Token"][0], parts
    assert "Token accepted" in parts["Token"][1]
    assert parts["Deposit"][0], parts
    assert "Recorder folders" in parts["Deposit"][1]
    assert parts["Connection"][0]
    assert not parts["TLS"][0], "plain http is reported, not hidden"
    assert guide.button(QWizard.WizardButton.FinishButton).isEnabled()

    guide.button(QWizard.WizardButton.FinishButton).click()
    saved = context.profiles.get("127.0.0.1")
    assert saved == guide.saved_profile
    assert saved.pod_url == sandbox_pod.base_url
    assert saved.sftp_port == sshd.port and saved.deposit_root == str(sandbox_pod.deposit_root)
    assert context.secrets.get("127.0.0.1", SecretKind.POD_TOKEN) == sandbox_pod.tokens["admin"]
    assert sandbox_pod.tokens["admin"] not in context.paths.profiles_file.read_text()
    assert sshd.known_hosts_line().split()[-1] in context.paths.known_hosts.read_text()


def test_the_guide_fills_in_the_deposit_root_pod_uses(guide, qtbot, context, sandbox_pod, sshd):
    """Left at Pod's default, the root is read from Pod's rows and filled in by itself."""
    fill_pod_page(guide, qtbot, sandbox_pod.base_url, sandbox_pod.tokens["admin"])
    fill_sftp_page(guide, sshd, "/data/ftp-pod/ftp/")
    answer_host_key("Accept and remember", [])
    guide.next()
    parts = results_by_part(guide)
    assert parts["Deposit root"] == (True, f"Pod's deposit root is {sandbox_pod.deposit_root} "
                                     f"(read from {sandbox_pod.deposit_root}/amphiA/"
                                     "lecture-01.mp4).")
    assert parts["Deposit"][0], parts  # checked where Pod has it
    assert guide.deposit_root.text() == str(sandbox_pod.deposit_root)
    guide.button(QWizard.WizardButton.FinishButton).click()
    assert context.profiles.get("127.0.0.1").deposit_root == str(sandbox_pod.deposit_root)


def test_a_wrong_token_is_named_and_can_be_fixed(guide, qtbot, context, sandbox_pod, sshd):
    sshd.trust(context.paths.known_hosts)
    fill_pod_page(guide, qtbot, sandbox_pod.base_url, "not-a-token")
    fill_sftp_page(guide, sshd, sandbox_pod.deposit_root)
    guide.next()
    parts = results_by_part(guide)
    assert not parts["Token"][0]
    assert parts["Deposit"][0]
    assert "fixing" in guide.test_page.summary.text()

    guide.back()
    guide.back()
    guide.token.setText(sandbox_pod.tokens["admin"])
    guide.next()
    guide.next()
    assert results_by_part(guide)["Token"][0]


def test_shown_only_when_there_is_no_profile(qtbot, context, sandbox_pod, sshd):
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    assert window.profile is None
    guide = offer_first_run(window)
    assert guide is not None and guide.isVisible()
    sshd.trust(context.paths.known_hosts)
    fill_pod_page(guide, qtbot, sandbox_pod.base_url, sandbox_pod.tokens["admin"])
    fill_sftp_page(guide, sshd, sandbox_pod.deposit_root)
    guide.next()
    guide.accept()
    assert window.profile is not None and window.profile.name == "127.0.0.1"
    assert offer_first_run(window) is None

    second = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(second)
    assert offer_first_run(second) is None


def test_layouts_hold_with_longer_strings(qtbot, context):
    """Pseudo-French (half as long again): the guide and the main window still fit a
    1280×800 screen and no label is cut."""
    with pseudo_french():
        window = MainWindow(context, runner=TaskRunner(synchronous=True))
        qtbot.addWidget(window)
        window.inbox  # noqa: B018 - built after the first paint; it must fit too
        assert window.minimumSizeHint().width() <= 1280
        # A child of the window: it goes when the test lets the window go.
        guide = FirstRunGuide(context, window.runner, window)
        guide.show()
        assert guide.token.toolTip().endswith(FILLER)
        guide.pod_url.setText("https://pod.univ-exemple.fr/")
        guide.token.setText("0123456789abcdef")
        shown = []
        for _page in range(3):
            shown.append(guide.currentId())
            page = guide.currentPage()
            assert page.minimumSizeHint().width() <= guide.width() <= 1280
            cut = [label.text() for label in page.findChildren(QLabel)
                   if label.isVisible() and label.text() and not label.wordWrap()
                   and label.sizeHint().width() > label.width()]
            assert cut == []
            guide.next()
        assert shown == [0, 1, 2]


def test_not_offered_over_a_damaged_profiles_file(qtbot, context):
    context.paths.profiles_file.write_text("{ not json", encoding="utf-8")
    window = MainWindow(context, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    assert window.profile is None
    assert offer_first_run(window) is None
    assert context.paths.profiles_file.read_text(encoding="utf-8") == "{ not json"


def test_server_messages_are_shown_as_text(guide):
    from recmanager.connection import CheckResult

    guide.test_page.show_results([CheckResult("Token", False, "Bad <b>token</b> & more")])
    assert "Bad &lt;b&gt;token&lt;/b&gt; &amp; more" in guide.test_page.results.text()


def test_the_deposit_page_shows_its_help_whole_and_no_gap_for_hidden_rows(qtbot, context):
    from PySide6.QtWidgets import QApplication, QLabel

    from tests.ui.screen import language

    with language("fr_FR"):
        guide = FirstRunGuide(context, TaskRunner(synchronous=True))
        qtbot.addWidget(guide)
        guide.show()
        guide.next()
        guide.next()
        guide.deposit_kind.setCurrentIndex(guide.deposit_kind.findData("local"))
        QApplication.processEvents()
        page = guide.currentPage()
        for label in page.findChildren(QLabel):
            if label.isVisible() and label.wordWrap() and label.text():
                assert label.height() >= label.heightForWidth(label.width()), label.text()
        access = guide.deposit_kind.mapTo(page, guide.deposit_kind.rect().bottomLeft()).y()
        mounted = guide.local_deposit.mapTo(page, guide.local_deposit.rect().topLeft()).y()
        between = [label for label in page.findChildren(QLabel) if label.isVisible()
                   and access < label.mapTo(page, label.rect().topLeft()).y() < mounted]
        explanation = sum(label.height() for label in between)
        assert mounted - access < explanation + 40, (mounted - access, explanation)
