"""Issue 13's proof of one core and two faces: the same draft and file, once through the command
line (``desktop_app.cli.main``) and once through the wizard (pytest-qt, offscreen), give

- byte-identical package zips under a fixed clock for a CBS draft (the office's certificate
  chosen; the ``.p7m`` files differ by their random content key: both are opened with the office's
  key and the signed zips compared), and for a KSZ draft the same linkage file, encrypted for the
  office's OpenPGP key on both faces (OpenPGP encryption is randomised too: both ``.gpg`` files
  are decrypted, with the real ``gpg``, and the office's files compared);
- the same KSZ request: the HTML each face renders its PDFs from (Qt's PDFs carry their own
  creation time and id), the ODT files byte for byte, the public key;
- the same ``tables``: the CLI's ``--json`` and the wizard's table preview on the categories page
  have the same cells, counts and suppression pattern.

The clock is :func:`desktop_app.submission.submission_clock`, read once per package by
:func:`~desktop_app.submission.make_submission`, which both faces call; the tests fix it an hour
ahead of the real one, so a face that read another clock would show in the manifest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from ksz_helpers import staff_file
from package_helpers import package_keys
from PySide6.QtCore import Qt
from test_ui_delivery import gpg_office  # noqa: F401 (fixture)
from test_ui_ksz import walk_with_own_data_to_mapping
from test_ui_submission import isolated, walk_to_categories  # noqa: F401 (fixture)
from wizard_helpers import WAIT, go_next, next_enabled, shown_wizard

import desktop_app.render as render_module
import desktop_app.submission as submission_module
import desktop_app.ui.pages.ksz_request as ksz_request_page
from desktop_app.cli import main
from desktop_app.crypto import openpgp
from desktop_app.crypto.envelope import open_envelope
from desktop_app.crypto.recipient import load_certificate
from desktop_app.delivery.route import Route
from desktop_app.draft import Draft
from desktop_app.mapping.store import save_mapping
from desktop_app.profiles.model import Channel, Protection
from desktop_app.ui.app import demo_draft
from desktop_app.ui.wizard import PageId

CBS = "cbs-barometer-ingezoomd"
KSZ = "ksz-diversiteit"
KSZ_WAIT = 60_000


@pytest.fixture
def clock(monkeypatch) -> dt.datetime:
    """The fixed instant both faces make their packages at."""
    # whole minutes: a zip's timestamps have two-second steps
    fixed = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0) + dt.timedelta(hours=1)
    monkeypatch.setattr(submission_module, "submission_clock", lambda: fixed)
    return fixed


@pytest.fixture
def keys(tmp_path) -> dict:
    """The office's certificate and key (PEM) in a folder of their own."""
    folder = tmp_path / "office"
    folder.mkdir()
    return package_keys(folder)


def cli(capsys, *argv: str | Path) -> tuple[int, str, str]:
    code = main(["--lang", "nl", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def inner_zip(package: Path, keys: dict) -> bytes:
    """The signed zip inside ``package``, opened with the office's key."""
    key = serialization.load_pem_private_key(keys["office-key"].read_bytes(), None)
    certificate = load_certificate(keys["office-cert"].read_bytes(), "office-cert.pem")
    return open_envelope(package.read_bytes(), key, certificate).payload


def cli_package(capsys, draft: Path, keys: dict, out: Path) -> bytes:
    """``package --draft`` with the organisation's own key (as the wizard), opened again."""
    code, _out, err = cli(
        capsys,
        "package",
        "--draft",
        draft,
        "--recipient-cert",
        keys["office-cert"],
        "--recipient-sha256",
        keys["office-sha256"],
        "--out",
        out,
        "--no-summary",
    )
    assert code == 0, err
    return inner_zip(out, keys)


def wizard_package(qtbot, wizard, keys: dict, out: Path, wait: int = WAIT) -> bytes:
    """From the review page: the certificate route, the office's certificate confirmed, then
    Encrypt; opened again."""
    page = wizard.currentPage()
    assert wizard.currentId() == PageId.REVIEW
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=wait)
    page.choose_route(page.route.channel, Protection.CMS)  # the office gave a certificate
    page.set_certificate(keys["office-cert"])
    page.confirm.click()
    go_next(qtbot, wizard, PageId.ENCRYPT)
    page = wizard.currentPage()
    page.target.setText(str(out))
    qtbot.mouseClick(page.encrypt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running, timeout=wait)
    assert page.problem.kind is None, page.problem.text()
    assert page.session.submission.package_path == out
    return inner_zip(out, keys)


def assert_same_package(from_cli: bytes, from_wizard: bytes, clock: dt.datetime) -> dict:
    """Byte-identical zips made at the fixed clock; the manifest, for further checks."""
    with zipfile.ZipFile(io.BytesIO(from_cli)) as a, zipfile.ZipFile(io.BytesIO(from_wizard)) as b:
        names = a.namelist()
        assert names == b.namelist()
        for name in names:  # file by file first: a difference is named
            assert a.read(name) == b.read(name), name
        assert {i.date_time for i in a.infolist()} == {clock.timetuple()[:6]}
        manifest = json.loads(a.read("manifest.json"))
    assert from_cli == from_wizard
    assert manifest["created"] == clock.isoformat()
    return manifest


# -- CBS: the package ------------------------------------------------------------------------------


def test_a_cbs_draft_gives_the_same_package_zip_on_both_faces(
    qtbot,
    tmp_path,
    capsys,
    isolated,  # noqa: F811
    clock,
    keys,
):
    autosave = tmp_path / "autosave.json"
    wizard = shown_wizard(qtbot, demo_draft(), autosave, "nl")
    walk_to_categories(qtbot, wizard)
    (section,) = wizard.currentPage().sections
    qtbot.mouseClick(section.apply_button, Qt.MouseButton.LeftButton)  # merge the small ones
    assert wizard.draft.categories.merges["Afdeling"]
    go_next(qtbot, wizard, PageId.REVIEW)
    wizard.autosave()  # the draft as the officer leaves it: what the CLI reads
    saved = json.loads(autosave.read_text(encoding="utf-8"))
    assert saved["categories"]["merges"]["Afdeling"]

    from_wizard = wizard_package(qtbot, wizard, keys, tmp_path / "wizard" / "barometer.p7m")
    from_cli = cli_package(capsys, autosave, keys, tmp_path / "cli" / "barometer.p7m")

    manifest = assert_same_package(from_cli, from_wizard, clock)
    assert manifest["programme"]["id"] == CBS
    assert manifest["rows"]["written"] == 1999
    assert manifest["categories"]["merges"] == saved["categories"]["merges"]
    assert manifest["recipient_certificate_sha256"] == keys["office-sha256"]


# -- CBS: tables -----------------------------------------------------------------------------------


def wizard_cells(grid) -> dict[tuple[str | None, str | None], tuple[str, int | None]]:
    """The wizard's preview grid as (row, sex) -> (status, count; None where hidden)."""
    cells = {}
    for r, row in enumerate(grid.rows):
        for c, column in enumerate(grid.columns):
            status = grid.status[r][c]
            count = grid.counts[r][c] if status == "published" else None
            cells[row, column] = (status, count)
    return cells


def cli_cells(table: dict, by: str) -> dict[tuple[str | None, str | None], tuple[str, int | None]]:
    """The same from ``tables --json`` (its safe and empty cells are the wizard's published)."""
    status = {"safe": "published", "empty": "published"}
    return {
        (c["key"][by], c["key"]["sex"]): (status.get(c["status"], c["status"]), c["count"])
        for c in table["cells"]
    }


def test_tables_and_the_wizard_s_table_preview_agree(
    qtbot,
    tmp_path,
    capsys,
    isolated,  # noqa: F811
):
    draft = demo_draft()
    wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", "en")
    walk_to_categories(qtbot, wizard)
    page = wizard.currentPage()
    (section,) = page.sections
    assert section.violations()  # as read: the small departments are not merged
    source = Path(draft.source.path)
    preview = page.preview
    qtbot.waitUntil(lambda: preview.tables is not None and not page.running, timeout=WAIT)
    tables = preview.tables
    (grid,) = tables.grids

    mapping = tmp_path / "mapping.json"
    save_mapping(wizard.draft.mapping, mapping)
    code, out, err = cli(
        capsys,
        "tables",
        source,
        "--programme",
        CBS,
        "--mapping",
        mapping,
        "--peildatum",
        draft.peildatum.isoformat(),
        "--by",
        "Afdeling,sex",
        "--json",
    )
    report = json.loads(out)
    assert code == (0 if report["audit"]["passed"] else 1), err
    assert report["threshold"] == tables.threshold == 10  # the profile's, on both faces
    (table,) = report["tables"]
    assert table["by"] == ["Afdeling", "sex"]

    in_wizard, in_cli = wizard_cells(grid), cli_cells(table, "Afdeling")
    assert in_cli == in_wizard
    assert report["audit"]["passed"] == tables.passed
    assert len(report["audit"]["failures"]) == tables.failures
    hidden = {k for k, (status, _count) in in_wizard.items() if status != "published"}
    assert hidden  # a suppression pattern to agree on, not only published counts
    assert in_wizard[None, None] == ("published", report["rows"])  # everyone counted, once


# -- KSZ: the request documents and the linkage package --------------------------------------------


def walk_ksz_to_request(qtbot, wizard, source: Path) -> None:
    """The Belgian route with the institution's own data (department, level), the proposal for
    the too-small crossing applied, to the request page."""
    walk_with_own_data_to_mapping(qtbot, wizard, source, KSZ_WAIT)
    page = wizard.currentPage()
    for i in range(page.breakdowns.count()):
        item = page.breakdowns.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in ("Afdeling", "Niveau"):
            item.setCheckState(Qt.CheckState.Checked)
    go_next(qtbot, wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    qtbot.waitUntil(
        lambda: page.session.validation is not None and not page.running, timeout=KSZ_WAIT
    )
    if page.acknowledge.isVisible():
        page.acknowledge.click()
    go_next(qtbot, wizard, PageId.KSZ_CATEGORIES)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: not page.running and page.outcome is not None, timeout=KSZ_WAIT)
    page.views[0].proposal_rows[0][1].click()
    qtbot.waitUntil(lambda: not page.running and page.outcome is not None, timeout=KSZ_WAIT)
    assert page.outcome.passes
    go_next(qtbot, wizard, PageId.KSZ_REQUEST)
    page = wizard.currentPage()
    page.create_button.click()  # the organisation's OpenPGP key pair, in app data
    qtbot.waitUntil(lambda: not page.running, timeout=KSZ_WAIT)
    assert page.key_message.kind == "ok"


def recording(renderer, seen: list[str]):
    """``renderer`` (html, title) -> PDF bytes, keeping every HTML it was given."""

    def render(html: str, title: str) -> bytes:
        seen.append(html)
        return renderer(html, title)

    return render


def odt_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_ksz_draft_gives_the_same_request_and_package_on_both_faces(
    qtbot,
    tmp_path,
    capsys,
    isolated,  # noqa: F811
    clock,
    gpg_office,  # noqa: F811
    monkeypatch,
):
    source = staff_file(tmp_path)
    autosave = tmp_path / "autosave.json"
    wizard = shown_wizard(qtbot, Draft(), autosave, "nl")
    walk_ksz_to_request(qtbot, wizard, source)

    # the request documents: the wizard's Save, then `ksz request` on the draft it saved
    in_wizard: list[str] = []
    monkeypatch.setattr(
        ksz_request_page, "html_to_pdf", recording(ksz_request_page.html_to_pdf, in_wizard)
    )
    page = wizard.currentPage()
    written = page.write_documents(tmp_path / "wizard-request")
    assert page.documents_message.kind == "ok", page.documents_message.text()
    wizard.autosave()
    in_cli: list[str] = []
    monkeypatch.setattr(render_module, "html_to_pdf", recording(render_module.html_to_pdf, in_cli))
    code, _out, err = cli(
        capsys, "ksz", "request", "--draft", autosave, "--out", tmp_path / "cli-request"
    )
    assert code == 0, err

    names = sorted(p.name for p in written)
    assert names == sorted(p.name for p in (tmp_path / "cli-request").iterdir())
    assert len(in_wizard) == len(in_cli) == 2  # nl and fr
    assert in_cli == in_wizard
    merged_unit = wizard.draft.categories.merges["Afdeling"]["Onthaal"]
    assert all(merged_unit in html for html in in_wizard)
    for name in names:
        ours, theirs = tmp_path / "wizard-request" / name, tmp_path / "cli-request" / name
        if name.endswith(".odt"):
            assert odt_parts(ours) == odt_parts(theirs), name  # part by part: a difference named
            assert ours.read_bytes() == theirs.read_bytes(), name
            assert merged_unit in odt_parts(ours)["content.xml"].decode()
        elif name.endswith(".asc"):
            assert ours.read_bytes() == theirs.read_bytes()

    # the linkage file: the wizard's Encrypt for the office's OpenPGP key (KSZ takes no
    # certificate), then `package` on the same draft, both signed with the organisation's key
    go_next(qtbot, wizard, PageId.REVIEW)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=KSZ_WAIT)
    assert page.route == Route(Channel.HAND_OVER, Protection.OPENPGP)
    assert not next_enabled(wizard)  # the office's key first
    page.set_openpgp_key(gpg_office.public)
    page.confirm_key.click()  # checked with the office by phone
    go_next(qtbot, wizard, PageId.ENCRYPT)
    wizard.autosave()
    page = wizard.currentPage()
    assert page.target.text().endswith(".gpg")
    out = tmp_path / "wizard" / "koppeling.csv.gpg"
    page.target.setText(str(out))
    qtbot.mouseClick(page.encrypt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running, timeout=KSZ_WAIT)
    assert page.problem.kind is None, page.problem.text()
    submission = page.session.submission
    assert submission.package_path == out
    assert submission.recipient_fingerprint == gpg_office.fingerprint
    go_next(qtbot, wizard, PageId.SEND)
    assert wizard.currentPage().delivered_card.isVisible()  # handed over as agreed, confirmed

    cli_out = tmp_path / "cli" / "koppeling.csv.gpg"
    code, _out, err = cli(
        capsys,
        "package",
        "--draft",
        autosave,
        "--recipient-key",
        gpg_office.public,
        "--recipient-fingerprint",
        gpg_office.fingerprint,
        "--out",
        cli_out,
        "--no-summary",
    )
    assert code == 0, err
    assert out.read_bytes() != cli_out.read_bytes()  # randomised: compare what the office reads
    organisation = submission_module.default_openpgp_identity(wizard.draft)
    assert submission.signer_fingerprint == organisation.fingerprint
    gpg_office.import_key(openpgp.export_public_key(organisation))
    (from_wizard, said), (from_cli, _said) = gpg_office.decrypt(out), gpg_office.decrypt(cli_out)
    assert "Good signature" in said, said
    assert from_wizard == from_cli
    _header, *rows = from_wizard.decode("utf-8-sig").splitlines()
    assert len(rows) == 436 == submission.rows
    assert not from_wizard.startswith(b"PK")  # the office's file itself, no manifest beside it
    record_wizard = json.loads(submission.record_path.read_text(encoding="utf-8"))
    record_cli = json.loads(cli_out.with_name("koppeling.record.json").read_text(encoding="utf-8"))
    assert record_wizard["manifest"] == record_cli["manifest"]
    assert record_wizard["manifest"]["programme"]["id"] == KSZ
    assert record_wizard["manifest"]["created"] == clock.isoformat()
    assert record_wizard["signer_fingerprint"] == record_cli["signer_fingerprint"]


FRESH_PROCESS = """
import hashlib, io, sys
sys.path.insert(0, "tests")
from test_ksz_request import KSZ, request
from desktop_app.ksz.request import render_odt
first = render_odt(request(), KSZ, "nl")
# other odfpy documents in between (a spreadsheet, a drawing) add namespaces to its shared table
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell
from odf.draw import Frame
sheet = OpenDocumentSpreadsheet()
table = Table(name="x"); row = TableRow(); row.addElement(TableCell()); table.addElement(row)
sheet.spreadsheet.addElement(table); Frame(name="f")
sheet.write(io.BytesIO())
second = render_odt(request(), KSZ, "nl")
print(hashlib.sha256(first).hexdigest())
sys.exit(0 if first == second else 1)
"""


def test_the_request_odt_does_not_depend_on_what_was_written_before_it():
    """odfpy's namespace table grows with every document of the process: in a fresh process the
    first ODT declared fewer namespaces than the second (the wizard saving after ``ksz request``,
    or twice, wrote other bytes). Run where nothing was written yet."""
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", FRESH_PROCESS],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # and the same bytes as here, after everything this test process has written before
    from test_ksz_request import KSZ, request

    from desktop_app.ksz.request import render_odt

    here = hashlib.sha256(render_odt(request(), KSZ, "nl")).hexdigest()
    assert result.stdout.strip() == here


def test_the_request_odt_does_not_depend_on_the_second_it_is_written_in(monkeypatch):
    """odfpy stamps each part with time.localtime(): two renders a second apart differed."""
    import time

    from test_ksz_request import KSZ, request

    from desktop_app.ksz.request import render_odt

    first = render_odt(request(), KSZ, "nl")
    real = time.localtime
    monkeypatch.setattr(time, "localtime", lambda *a: real(time.time() + 3600 * 26))
    later = render_odt(request(), KSZ, "nl")
    assert later == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert package.namelist()[0] == "mimetype"
        assert package.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
