"""The wizard from the programme choice to an encrypted package on disk, with the bundled demo:
the officer merges the small departments, reviews what leaves the machine, confirms the office's
fingerprint and encrypts. No readable employee data lands anywhere but in the source file."""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from test_crypto_support import InMemoryKeyring
from wizard_helpers import WAIT, go_next, next_enabled, shown_wizard, walk_to_mapping

from desktop_app.crypto.keys import fingerprint_sha256
from desktop_app.delivery.route import Route
from desktop_app.demo_data import StaffOptions, write_demo_workbook
from desktop_app.draft import Delivery, Draft, Organisation, RecipientChoice
from desktop_app.intake import read_table
from desktop_app.profiles.model import Channel, Protection
from desktop_app.resources import resource_path
from desktop_app.text import grouped_hex
from desktop_app.ui.app import create_wizard, demo_draft
from desktop_app.ui.wizard import PageId

DEMO_FILE = resource_path("samples", "demo-personeel.xlsx")


def office_certificate(folder: Path) -> tuple[Path, x509.Certificate]:
    """A throwaway office certificate (RSA-3072, key encipherment), as PEM in ``folder``."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test office"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Test office recipient"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    path = folder / "office.pem"
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path, certificate


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> tuple[Path, x509.Certificate]:
    return office_certificate(tmp_path_factory.mktemp("office"))


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """App data, the keyring and the temporary folder of this test only."""
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    previous = keyring.get_keyring()
    keyring.set_keyring(InMemoryKeyring())
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    yield opened
    keyring.set_keyring(previous)


def demo_bsns() -> set[str]:
    table = read_table(DEMO_FILE)
    return {b for b in table.column("BSN") if b and b[0].isdigit()}


def unnamed_inputs(page) -> list[str]:
    """Inputs a screen reader could not name (no accessible name, text or buddy label)."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QLineEdit

    buddies = {id(label.buddy()) for label in page.findChildren(QLabel) if label.buddy()}
    unnamed = []
    for kind in (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton):
        for widget in page.findChildren(kind):
            if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
                continue
            if not widget.isVisibleTo(page) or widget.objectName().startswith("qt_"):
                continue
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            if not (widget.accessibleName() or text or id(widget) in buddies):
                unnamed.append(type(widget).__name__)
    return unnamed


def walk_to_categories(qtbot, wizard) -> None:
    """Programme to the checks with the demo draft: the demo has warnings only."""
    walk_to_mapping(qtbot, wizard)
    go_next(qtbot, wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    assert page.counts() == {"error": 0, "warning": 3}
    assert not next_enabled(wizard)
    page.acknowledge.click()
    go_next(qtbot, wizard, PageId.CATEGORIES)


def test_the_demo_goes_from_programme_to_an_encrypted_package(qtbot, tmp_path, isolated, office):
    opened = isolated
    certificate_path, certificate = office
    autosave = tmp_path / "autosave.json"
    wizard = shown_wizard(qtbot, demo_draft(), autosave, "nl")
    walk_to_categories(qtbot, wizard)

    # Safe categories: seven departments are under CBS's 250; Next waits and says why.
    page = wizard.currentPage()
    assert [s.header for s in page.sections] == ["Afdeling"]
    section = page.sections[0]
    assert len(section.violations()) == 7
    assert section.chart.minimum == 250
    assert sum(section.chart.sizes.values()) == 1999  # 2,000 staff, one starts after the peildatum
    assert not next_enabled(wizard)
    assert page.status.kind == "error"
    assert "CBS" in page.status.text()
    assert "250" in page.status.text()
    assert "Bestuursondersteuning: 88 medewerkers" in section.status.text()
    assert not section.undo_button.isEnabled()
    assert not unnamed_inputs(page)

    qtbot.mouseClick(section.apply_button, Qt.MouseButton.LeftButton)
    assert section.violations() == []
    assert min(section.chart.sizes.values()) >= 250
    assert next_enabled(wizard)
    merges = wizard.draft.categories.merges["Afdeling"]
    assert merges["Bestuursondersteuning"] == "Bestuursondersteuning + Financiën + Juridische zaken"
    assert merges["Financiën"] == merges["Bestuursondersteuning"]  # no name hides another's staff
    assert "Sociaal domein" not in merges
    assert section.status.kind == "ok"

    section.undo_button.click()  # undo brings the violations back, and Next waits again
    assert len(section.violations()) == 7
    assert wizard.draft.categories.merges == {}
    assert not next_enabled(wizard)
    section.strategy.setCurrentIndex(section.strategy.findData("remainder"))
    section.apply_button.click()
    assert set(section.chart.sizes) == {
        "Beheer openbare ruimte",
        "Publiekszaken",
        "Sociaal domein",
        "overig",
    }
    section.undo_button.click()
    section.strategy.setCurrentIndex(section.strategy.findData("sibling"))
    section.apply_button.click()
    assert next_enabled(wizard)
    go_next(qtbot, wizard, PageId.REVIEW)

    # Review: the output's columns and rows, masked identifiers, the conditions, the certificate.
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=WAIT)
    preview = page.preview
    assert preview.file_name == "barometer_gemeente-voorbeeld_2026-01-01.csv"
    assert preview.rows == 1999
    assert preview.columns[0] == "bsn"
    assert "geboortejaar" not in preview.columns  # BSN key: no birth date leaves the machine
    assert preview.problems == ()
    assert "1.999" in page.output_summary.text()
    assert page.sample.rowCount() == 5
    assert page.sample.horizontalHeaderItem(0).text() == "bsn"
    bsns = demo_bsns()
    shown = [page.sample.item(r, 0).text() for r in range(page.sample.rowCount())]
    assert all(v.startswith("******") and len(v) == 9 for v in shown)
    assert not any(b in v for b in bsns for v in shown)
    department = preview.columns.index("subgroep_1")
    assert {page.sample.item(r, department).text() for r in range(5)} <= {
        *merges.values(),
        "Sociaal domein",
        "Beheer openbare ruimte",
        "Publiekszaken",
    }
    assert page.checklist_table.rowCount() == 5
    assert page.checklist_table.item(0, 1).text() == "Demo"
    assert page.checklist_table.item(0, 2).text() == "01-12-2025"
    # The profile's default route (CBS's web portal, the file as is) needs nothing more; this
    # walk takes the office's certificate instead.
    assert page.route == Route(Channel.WEB_PORTAL, Protection.NONE)
    assert next_enabled(wizard)
    page.choose_route(Channel.WEB_PORTAL, Protection.CMS)
    assert wizard.draft.delivery.protection == "cms"
    assert not next_enabled(wizard)  # no certificate yet
    assert page.certificate_message.kind == "info"

    page.set_certificate(certificate_path)
    assert fingerprint_sha256(certificate) in page.fingerprint.text()
    assert page.confirm.isVisible()  # the CBS profile pins no fingerprint yet
    assert not next_enabled(wizard)
    assert "vingerafdruk" in page.certificate_message.text()
    page.confirm.click()
    assert page.certificate_message.kind == "ok"
    assert not unnamed_inputs(page)
    assert next_enabled(wizard)
    go_next(qtbot, wizard, PageId.ENCRYPT)

    # Encrypt: saved where the officer says, with progress; the result shows path and hashes.
    page = wizard.currentPage()
    assert page.target.text().endswith("barometer_gemeente-voorbeeld_2026-01-01.p7m")
    out_dir = tmp_path / "out"
    page.target.setText(str(out_dir / "barometer.p7m"))
    assert not page.result_card.isVisible()
    assert not next_enabled(wizard)
    assert not unnamed_inputs(page)
    qtbot.mouseClick(page.encrypt_button, Qt.MouseButton.LeftButton)
    assert page.running
    assert page.busy.isVisible()
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.problem.kind is None, page.problem.text()
    submission = page.session.submission
    package = out_dir / "barometer.p7m"
    assert submission.package_path == package
    assert package.exists()
    assert page.result_card.isVisible()
    assert page.package_path.text() == str(package)
    # the values as computed, shown in groups (HexValue) so they wrap between groups
    assert page.package_sha.value == hashlib.sha256(package.read_bytes()).hexdigest()
    assert page.package_sha.text() == grouped_hex(page.package_sha.value)
    assert page.signer_fingerprint.value == submission.signer_fingerprint
    assert submission.rows == 1999
    assert next_enabled(wizard)
    page.open_summary.click()
    page.show_folder.click()
    assert [u.toLocalFile() for u in opened] == [
        str(out_dir / "barometer.summary.pdf"),
        str(out_dir),
    ]
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "barometer.p7m",
        "barometer.record.json",
        "barometer.summary.pdf",
    ]
    go_next(qtbot, wizard, PageId.SEND)
    assert wizard.currentPage().delivered_card.isVisible()  # the web portal: upload, confirm

    # Nothing readable: no demo BSN in any file of this test's folders (package, summary, draft,
    # app data, temporary folder).
    wizard.close()
    wizard.close_question.close_button.click()  # not sent yet: closed anyway
    leaks = []
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            leaks += [(path.name, b) for b in bsns if b.encode() in data]
    assert not leaks, leaks[:3]
    assert "Sociaal domein" not in autosave.read_text(encoding="utf-8").split('"mapping"')[0]


def test_a_cancelled_encryption_leaves_no_package(qtbot, tmp_path, isolated, office, monkeypatch):
    import threading

    from desktop_app.ui.pages.encrypt import EncryptPage
    from desktop_app.ui.workers import Worker

    certificate_path, _certificate = office
    draft = demo_draft()
    draft.delivery = Delivery(recipient=RecipientChoice(Path(certificate_path)))
    wizard = create_wizard(draft, None, "nl")
    qtbot.addWidget(wizard)
    page = wizard.page(PageId.ENCRYPT)
    release = threading.Event()

    def slow_signer(draft):
        release.wait(10)
        raise AssertionError("never reached: cancelled first")

    monkeypatch.setattr(EncryptPage, "signer_factory", staticmethod(slow_signer))
    review = wizard.page(PageId.REVIEW)
    review.set_certificate(certificate_path)
    review.confirm.setChecked(True)
    page.target.setText(str(tmp_path / "out" / "x.p7m"))
    page.start()
    worker: Worker = page._worker
    page.cancel()
    assert worker.cancelled
    assert not page.running
    release.set()
    qtbot.waitUntil(lambda: not wizard.workers.busy, timeout=WAIT)
    assert not (tmp_path / "out").exists()
    assert page.problem.kind is None


def test_a_messy_file_still_stops_at_the_checks(qtbot, tmp_path, isolated):
    source = tmp_path / "personeel.xlsx"
    write_demo_workbook(source, StaffOptions(n=300, messy=True))
    draft = demo_draft()
    draft.source = replace(draft.source, path=source)
    wizard = create_wizard(draft, None, "nl")
    qtbot.addWidget(wizard)
    wizard.show()
    walk_to_mapping(qtbot, wizard)
    go_next(qtbot, wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    # the demo is keyed by BSN: its bad postcodes and house-number suffixes stay on the machine
    # and only warn (suggesting to unlink them); invalid BSNs and the duplicate person still block
    assert page.counts() == {"error": 2, "warning": 4}
    codes = {(f.severity, f.code) for f in page.session.validation.findings}
    assert ("error", "invalid-identifier") in codes
    assert not next_enabled(wizard)


def test_without_a_file_the_wizard_goes_from_organisation_to_review(qtbot, tmp_path, isolated):
    draft = Draft()
    wizard = create_wizard(draft, None, "nl")
    qtbot.addWidget(wizard)
    wizard.page(PageId.PROGRAMME).radios["cbs-barometer-algemeen"].click()
    assert wizard.page(PageId.ORGANISATION).nextId() == PageId.REVIEW
    for page_id in (PageId.FILE, PageId.MAPPING, PageId.VALIDATION, PageId.CATEGORIES):
        assert wizard.step_labels[page_id].property("skipped") == "true"
    for page_id in (PageId.REVIEW, PageId.ENCRYPT):
        assert wizard.step_labels[page_id].property("skipped") == "false"


ALGEMEEN_NUMBERS = ("802634540L01", "123456782L01")


def walk_algemeen_to_review(qtbot, wizard, on_organisation=None) -> None:
    """The algemene variant without a staff export: conditions, organisation, typed counts.
    ``on_organisation(page)`` is called on the filled-in organisation page (screenshots)."""
    wizard.page(PageId.PROGRAMME).radios["cbs-barometer-algemeen"].click()
    assert not wizard.page(PageId.PROGRAMME).has_file.isChecked()
    go_next(qtbot, wizard, PageId.CHECKLIST)
    for row in wizard.currentPage().rows:
        row.confirmed.setChecked(True)
        row.by.setText("A. Jansen")
    go_next(qtbot, wizard, PageId.ORGANISATION)
    page = wizard.currentPage()
    assert wizard.draft.has_file is False
    fields = {row.field.id: row for row in page.rows}
    for row in page.rows:
        row.edit.setText({"email": "hr@voorbeeld.example"}.get(row.field.type, "A. Jansen"))
    page.participation.no.click()  # taken part before: a choice
    fields["name"].edit.setText("Gemeente Voorbeeld")
    fields["loonheffingennummers"].edit.setText("")
    assert page.counts_box.isVisibleTo(page)
    assert page.counts_empty.isVisibleTo(page)
    assert not next_enabled(wizard)
    fields["loonheffingennummers"].edit.setText("; ".join(ALGEMEEN_NUMBERS))
    assert [number for number, _l, _s in page.count_rows] == list(ALGEMEEN_NUMBERS)
    assert not next_enabled(wizard)  # the counts are still empty
    page.count_rows[0][2].setValue(1234)
    assert not next_enabled(wizard)
    page.count_rows[1][2].setValue(56)
    assert wizard.draft.organisation.staff_counts == ("1234", "56")
    # Reordering the numbers keeps each count with its number.
    fields["loonheffingennummers"].edit.setText("; ".join(reversed(ALGEMEEN_NUMBERS)))
    assert wizard.draft.organisation.staff_counts == ("56", "1234")
    fields["loonheffingennummers"].edit.setText("; ".join(ALGEMEEN_NUMBERS))
    assert wizard.draft.organisation.staff_counts == ("1234", "56")
    assert not unnamed_inputs(page)
    if on_organisation is not None:
        on_organisation(page)
    go_next(qtbot, wizard, PageId.REVIEW)


def test_the_algemene_variant_without_a_file_goes_to_the_file_to_hand_over(
    qtbot, tmp_path, isolated
):
    wizard = shown_wizard(qtbot, Draft(), tmp_path / "autosave.json", "nl")
    walk_algemeen_to_review(qtbot, wizard)

    page = wizard.currentPage()
    assert page.application
    preview = page.preview
    assert preview.columns == ("loonheffingennummer", "aantal_werknemers", "peilmoment")
    assert preview.rows == 2
    assert preview.problems == ()
    peilmoment = wizard.draft.peildatum.isoformat()
    assert preview.sample == (
        ("802634540L01", "1234", peilmoment),
        ("123456782L01", "56", peilmoment),
    )
    assert page.sample.rowCount() == 2
    assert page.sample.item(1, 1).text() == "56"
    assert "loonheffingennummer" in page.output_summary.text()
    # counts only, handed over as CBS asks: nothing to choose, nothing the office must give
    assert page.route == Route(Channel.HAND_OVER, Protection.NONE)
    assert [c for c, r in page.delivery.channel_radios.items() if r.isVisibleTo(page)] == [
        Channel.HAND_OVER
    ]
    assert next_enabled(wizard)
    go_next(qtbot, wizard, PageId.ENCRYPT)

    page = wizard.currentPage()
    assert page.target.text().endswith(".csv")
    assert "barometer_aantallen_" in page.target.text()
    page.target.setText(str(tmp_path / "out" / "aanvraag.csv"))
    qtbot.mouseClick(page.encrypt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.problem.kind is None, page.problem.text()
    submission = page.session.submission
    assert submission.check is None  # the application route: no staff file at all
    assert submission.rows == 2
    assert submission.package_path.exists()
    go_next(qtbot, wizard, PageId.SEND)
    page = wizard.currentPage()
    assert not page.upload_card.isVisible()
    assert page.delivered_card.isVisible()
    assert page.delivered_card.confirm_button.isVisible()
    assert next_enabled(wizard)


def test_the_algemene_variant_review_names_what_blocks_the_application(qtbot, tmp_path, isolated):
    draft = Draft(programme_id="cbs-barometer-algemeen", has_file=False)
    draft.organisation = Organisation(
        {"name": "X"}, loonheffingennummers=("802634540L01",), staff_counts=("",)
    )
    wizard = create_wizard(draft, None, "nl")
    qtbot.addWidget(wizard)
    page = wizard.page(PageId.REVIEW)
    page.initializePage()
    assert page.application
    assert page.preview.problems
    assert not page.isComplete()
