"""Installer recipes: the self-test works from source, and the build files agree with each other."""

from __future__ import annotations

import ast
import json
import os
import plistlib
import re
import subprocess
import sys
from pathlib import Path

import yaml

from desktop_app import __version__

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"


def test_the_self_test_passes_from_source_and_reports_every_step(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DIVERSITY_ASSISTANT_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert [s["step"] for s in report["steps"]] == [
        "imports",
        "wizard",
        "read-xlsx",
        "read-csv",
        "package-seal-open",
    ]
    assert report["steps"][4]["detail"]["files"][-1] == "manifest.json"
    assert report["version"] == __version__
    assert result.stderr == ""
    assert list(tmp_path.iterdir()) == []  # the self-test leaves nothing behind


def test_the_spec_is_python_bundles_resources_and_excludes_unused_qt():
    spec = (INSTALLER / "diversity_assistant.spec").read_text()
    ast.parse(spec)
    assert '"resources"' in spec
    for module in (
        "PySide6.QtNetwork",
        "PySide6.QtQml",
        "PySide6.QtWebEngineCore",
        "PySide6.QtPdf",
    ):
        assert f'"{module}"' in spec
    assert f'"CFBundleShortVersionString": "{__version__}"' in spec


def test_pyinstaller_and_its_hooks_are_pinned_together():
    pyproject = (ROOT / "pyproject.toml").read_text()
    build = re.search(r"^build = \[(.*)\]$", pyproject, re.M)
    assert build
    assert re.search(r'"pyinstaller==[\d.]+"', build.group(1))
    assert re.search(r'"pyinstaller-hooks-contrib==[\d.]+"', build.group(1))


def test_windows_installer_is_per_user_with_the_app_version():
    iss = (INSTALLER / "windows" / "diversity-assistant.iss").read_text()
    assert f'#define AppVersion "{__version__}"' in iss
    assert "PrivilegesRequired=lowest" in iss
    assert "{localappdata}" in iss
    assert "[Icons]" in iss
    version_info = (INSTALLER / "windows" / "version_info.txt").read_text()
    assert f"StringStruct('ProductVersion', '{__version__}')" in version_info
    numbers = tuple(int(n) for n in __version__.split("."))
    assert f"filevers=({numbers[0]}, {numbers[1]}, {numbers[2]}, 0)" in version_info


def test_macos_entitlements_parse_and_the_signing_script_uses_hardened_runtime():
    entitlements = plistlib.loads((INSTALLER / "macos" / "entitlements.plist").read_bytes())
    assert entitlements["com.apple.security.cs.allow-unsigned-executable-memory"] is False
    script = (INSTALLER / "macos" / "sign_and_notarise.sh").read_text()
    for step in ("--options runtime", "notarytool submit", "stapler staple"):
        assert step in script
    assert os.access(INSTALLER / "macos" / "sign_and_notarise.sh", os.X_OK)


def test_the_hosted_runner_workflow_builds_and_smoke_tests_both_platforms():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "installers.yml").read_text())
    job = workflow["jobs"]["build"]
    assert set(job["strategy"]["matrix"]["os"]) == {"windows-latest", "macos-14"}
    commands = " ".join(step.get("run", "") for step in job["steps"])
    assert "installer/diversity_assistant.spec" in commands
    assert commands.count("--self-test") == 2
    assert "iscc" in commands
    assert "sign_and_notarise.sh" in commands
