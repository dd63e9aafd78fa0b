"""``diversity-assistant --self-test``: prove an installation works, frozen or from source.

It imports every heavy dependency, builds the wizard offscreen, reads the bundled xlsx and csv,
then packages, seals, opens and verifies a package with the bundled test-only certificate — all in
a temporary folder that is removed afterwards, without touching the keyring or the network. It
prints one JSON report and exits 0 only when every step passed.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

HEAVY_MODULES = (
    "numpy",
    "pandas",
    "python_calamine",
    "isal.isal_zlib",  # the sheet pre-check's inflate (intake.extent falls back to zlib without it)
    "openpyxl",
    "stdnum",
    "rapidfuzz",
    "cryptography",
    "highspy",
    "keyring",
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
)


DISTRIBUTIONS = {
    "python_calamine": "python-calamine",
    "isal.isal_zlib": "isal",
    "stdnum": "python-stdnum",
    "highspy": "highspy",
    "keyring": "keyring",
    "PySide6.QtCore": "PySide6-Essentials",
}


def _imports() -> dict[str, str]:
    """Import every heavy module; report each one's version (or 'imported' when unknown)."""
    from importlib import metadata

    # The passphrase-protected .7z archive (desktop_app.crypto.archive): py7zr and the compiled
    # libraries it imports. Cryptodome.Cipher.AES loads pycryptodomex's native libraries with
    # ctypes, which PyInstaller cannot follow: importing it proves the bundle kept them.
    archive_modules = {
        "py7zr": "py7zr",
        "Cryptodome.Cipher.AES": "pycryptodomex",
        "backports.zstd": "backports.zstd",
        "pyppmd": "pyppmd",
        "bcj": "pybcj",
        "inflate64": "inflate64",
        "brotli": "brotli",
        "desktop_app.crypto.archive": "diversity-assistant",
    }
    distributions = {**DISTRIBUTIONS, **archive_modules}
    versions = {}
    for name in (*HEAVY_MODULES, *archive_modules):
        module = importlib.import_module(name)
        version = getattr(module, "__version__", None)
        if not version and name in distributions:
            try:
                version = metadata.version(distributions[name])
            except metadata.PackageNotFoundError:  # frozen apps may not carry the metadata
                version = None
        versions[name] = str(version or "imported")
    return versions


def _wizard() -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_app.draft import Draft
    from desktop_app.ui.app import create_wizard

    wizard = create_wizard(Draft(), None, "nl")
    wizard.show()
    QApplication.processEvents()
    title = wizard.windowTitle()
    pages = len(wizard.pageIds())
    wizard.close()
    QApplication.processEvents()
    return {"title": title, "pages": pages, "platform": QApplication.platformName()}


def _read(name: str) -> dict[str, Any]:
    from desktop_app.intake import read_table
    from desktop_app.resources import resource_path

    table = read_table(resource_path("samples", name))
    return {"format": table.file_format, "rows": table.n_rows, "columns": table.n_columns}


def _package_round_trip(work: Path) -> dict[str, Any]:
    from desktop_app.check import CheckOptions, run_check
    from desktop_app.crypto.envelope import open_envelope, seal
    from desktop_app.crypto.keys import create_identity, fingerprint_hex
    from desktop_app.crypto.recipient import check_recipient, load_certificate
    from desktop_app.draft import load_draft
    from desktop_app.package.build import build_package
    from desktop_app.package.open import load_private_key, unpack_verified
    from desktop_app.resources import resource_path

    draft = load_draft(resource_path("samples", "demo-draft.json"))
    check = run_check(
        resource_path("samples", "demo-personeel.csv"),
        # 60 people: no breakdown (CBS needs 250 per subgroup), the identification key only
        CheckOptions(draft.programme_id or "", peildatum=draft.peildatum),
    )
    certificate = load_certificate(
        resource_path("certificates", "test", "test-recipient-cert.pem").read_bytes()
    )
    recipient = check_recipient(
        certificate, pin=fingerprint_hex(certificate), allow_test_certificate=True
    )
    # A throwaway key in a folder deleted afterwards: the real keyring is never touched.
    signer = create_identity(work / "keys", "self-test", "Self-test", passphrase="self-test")  # noqa: S106
    package = build_package(
        draft,
        check,
        recipient_fingerprint=fingerprint_hex(certificate),
        signer_fingerprint=fingerprint_hex(signer.certificate),
    )
    sealed = seal(package.zipped(), signer, recipient)
    key = load_private_key(
        resource_path("certificates", "test", "test-recipient-key.pem").read_bytes()
    )
    opened = open_envelope(sealed, key, certificate, expected_sender=signer.certificate)
    files = unpack_verified(opened.payload)
    return {"rows": package.output.rows, "files": sorted(files), "p7m_bytes": len(sealed)}


def run_self_test() -> int:
    """Run every step, print the JSON report, return the exit code."""
    steps: list[dict[str, Any]] = []
    work = Path(tempfile.mkdtemp(prefix="diversity-assistant-self-test-"))

    def step(name: str, action: Callable[[], Any]) -> None:
        started = time.perf_counter()
        try:
            detail, ok = action(), True
        except Exception as error:  # reported, never raised: the report is the product here
            detail, ok = f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=3)}", False
        steps.append(
            {
                "step": name,
                "ok": ok,
                "seconds": round(time.perf_counter() - started, 3),
                "detail": detail,
            }
        )

    try:
        step("imports", _imports)
        step("wizard", _wizard)
        step("read-xlsx", lambda: _read("demo-personeel.xlsx"))
        step("read-csv", lambda: _read("demo-personeel.csv"))
        step("package-seal-open", lambda: _package_round_trip(work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    from desktop_app import __version__

    report = {
        "ok": all(s["ok"] for s in steps),
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "steps": steps,
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0 if report["ok"] else 1
