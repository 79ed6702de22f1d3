"""What the command line says must match what happened: skipped checks are named and change
the exit code, help text shows what to type, and a run configured by environment variables
is told which variable to set."""

from __future__ import annotations

import pytest

from recmanager.cli import main
from recmanager.commands.recorders import CHECKS_SKIPPED
from recmanager.secrets import SecretKind


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_bulk_assign_help_shows_the_date_format_to_type(capsys):
    with pytest.raises(SystemExit):
        main(["bulk-assign", "--help"])
    out = capsys.readouterr().out
    assert "{date:%d/%m/%Y}" in out and "%%" not in out


def test_recorders_check_without_a_web_login_says_what_was_not_checked(
        capsys, sandbox_pod, context):
    profile = sandbox_pod.profile(context, name="sandbox")
    context.secrets.delete(profile.name, SecretKind.POD_PASSWORD)
    code, out, err = run(capsys, "recorders", "check", "--profile", "sandbox",
                         "--manual-claiming")
    assert "not checked:" in err
    assert "No problem found." not in out
    assert "could not run" in out
    assert code == CHECKS_SKIPPED


def test_errors_in_environment_mode_name_the_variable_not_the_profile(capsys, monkeypatch):
    monkeypatch.setenv("RECMANAGER_POD_URL", "https://pod.does-not-resolve.invalid")
    monkeypatch.setenv("RECMANAGER_POD_TOKEN", "t0ken")
    code, _out, err = run(capsys, "unclaimed", "list")
    assert code == 1
    assert "cannot be resolved" in err
    assert "Check RECMANAGER_POD_URL" in err and "profile" not in err.replace(
        "saved profile", "")
    assert "t0ken" not in err


def test_a_named_profile_keeps_the_profile_hint(capsys, context):
    from recmanager.config import Profile

    context.profiles.save(Profile(name="p", pod_url="https://pod.does-not-resolve.invalid",
                                  deposit_kind="local", local_deposit="/srv/deposit"))
    context.secrets.set("p", SecretKind.POD_TOKEN, "t0ken")
    code, _out, err = run(capsys, "unclaimed", "list", "--profile", "p")
    assert code == 1 and "Check the Pod address in the profile" in err


def test_package_refuses_a_job_that_cannot_start_before_storing_it(capsys, media, tmp_path):
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("mine")
    key, kid = "87237d20a19f58a740c05684e699b4aa", "a16e402b9056e371f36d348aa62bb749"
    for source, out, reason in ((tmp_path / "gone.mp4", tmp_path / "new", "does not exist"),
                                (media.clip, full, "not empty")):
        code, _out, err = run(capsys, "package", str(source), "--key", key, "--kid", kid,
                              "--out", str(out))
        assert code == 1 and reason in err
    code, out, _err = run(capsys, "jobs", "list", "--json")
    assert code == 0 and out.strip() == "[]"
    assert (full / "keep.txt").read_text() == "mine"
