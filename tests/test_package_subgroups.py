"""The manifest's subgroup sizes: per breakdown, the persons sent per subgroup with the labels the
output file uses (after bands and merges), aggregates only, only subgroups at or above the
programme's minimum; shown in the summary PDF; the algemene application has none."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.categories import AGE_BANDS
from desktop_app.check import CheckOptions, run_check
from desktop_app.demo_data import StaffOptions, write_demo_workbook
from desktop_app.draft import CategoryChoices, load_draft
from desktop_app.package.build import MANIFEST_NAME, build_package, sent_subgroup_minimum
from desktop_app.package.summary import summary_html
from desktop_app.profiles import load_programme_by_id
from desktop_app.resources import resource_path

CREATED = dt.datetime(2026, 1, 5, 10, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def staff(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("subgroups") / "personeel.xlsx"
    write_demo_workbook(path, StaffOptions(n=1200, messy=False))
    return path


def output_column(package, column: str) -> Counter[str]:
    text = package.output.content.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=";,\t|")
    return Counter(row[column] for row in csv.DictReader(io.StringIO(text), dialect=dialect))


def test_the_manifest_holds_the_persons_sent_per_subgroup_after_merges(staff, tmp_path) -> None:
    draft = load_draft(resource_path("samples", "demo-draft.json"))
    check = run_check(
        staff, CheckOptions(draft.programme_id, breakdowns=("=age",), peildatum=draft.peildatum)
    )
    merged = dict.fromkeys(AGE_BANDS.labels()[:3], "<45") | dict.fromkeys(
        AGE_BANDS.labels()[3:], "45+"
    )
    draft.categories = CategoryChoices(merges={"=age": merged})
    package = build_package(
        draft, check, recipient_fingerprint=None, signer_fingerprint=None, created=CREATED
    )
    manifest = json.loads(package.files[MANIFEST_NAME])
    assert manifest == package.manifest | {}  # the bytes hold what the package says
    (entry,) = manifest["subgroup_sizes"]
    assert entry["number"] == 1
    assert entry["header"] == "=age"
    assert entry["breakdown"] == "age"
    assert entry["column"] == "subgroep_1"
    sent = output_column(package, "subgroep_1")
    assert entry["sizes"] == dict(sent)  # the labels and counts of the file itself
    assert set(entry["sizes"]) <= {"<45", "45+", "onbekend"}
    assert "<45" in entry["sizes"]
    assert "45+" in entry["sizes"]
    assert sum(entry["sizes"].values()) == manifest["rows"]["included"]
    assert min(entry["sizes"].values()) >= sent_subgroup_minimum(check.programme) == 250
    assert list(entry["sizes"].values()) == sorted(entry["sizes"].values(), reverse=True)
    # the summary PDF lists them, briefly, with the breakdown's name instead of "=age"
    html = summary_html(manifest, check.programme, "nl", "pakket.p7m", "ef" * 32)
    assert "Aangeleverde subgroepen (aantal personen)" in html
    line = next(part for part in html.split("<li>") if part.startswith("<b>Leeftijd</b>: "))
    assert f"45+ {entry['sizes']['45+']}" in line
    assert f"&lt;45 {entry['sizes']['<45']}" in line
    assert "=age" not in html
    from desktop_app.render import html_to_pdf

    pdf = tmp_path / "summary.pdf"
    pdf.write_bytes(html_to_pdf(html, "Verantwoording"))
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: run tests/setup-system.sh (poppler-utils)")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Aangeleverde subgroepen" in text
    assert f"<45 {entry['sizes']['<45']}" in text


def test_small_subgroups_are_left_out_and_the_application_has_none(staff) -> None:
    from desktop_app.package.build import build_application_package, subgroup_sizes_sent

    draft = load_draft(resource_path("samples", "demo-draft.json"))
    check = run_check(
        staff, CheckOptions(draft.programme_id, breakdowns=("=age",), peildatum=draft.peildatum)
    )
    from desktop_app.package.build import breakdown_codes

    codes = breakdown_codes(check)  # the default age bands: some below 250
    counts = Counter(codes[1][check.validation.included].fillna("onbekend"))
    (entry,) = subgroup_sizes_sent(check, codes)
    assert entry["sizes"] == {k: v for k, v in counts.items() if v >= 250}
    assert any(v < 250 for v in counts.values())  # the case is real: some were left out
    # the algemene variant sends no file: no subgroup sizes, and its summary has no such part
    algemeen = load_programme_by_id("cbs-barometer-algemeen")
    draft.programme_id = algemeen.id
    draft.checklist = {
        item.id: type(next(iter(draft.checklist.values())))(True, dt.date(2025, 12, 1), "A. Jansen")
        for item in algemeen.checklist
    }
    draft.organisation = replace(
        draft.organisation, loonheffingennummers=("802634540L01",), staff_counts=("420",)
    )
    application = build_application_package(
        draft, algemeen, recipient_fingerprint=None, signer_fingerprint=None, created=CREATED
    )
    assert application.manifest["subgroup_sizes"] == []
    html = summary_html(application.manifest, algemeen, "en", "a.p7m", "ef" * 32)
    assert "Subgroups sent" not in html
