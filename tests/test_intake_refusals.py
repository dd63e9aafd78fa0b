"""Given a file intake cannot use, the officer gets a clear message naming the file, never a traceback."""

from __future__ import annotations

import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import python_calamine
import xlsxwriter
from intake_helpers import refused
from msoffcrypto.format.ooxml import OOXMLFile

from desktop_app.intake import sniff
from desktop_app.messages import LANGUAGES, catalogue, template_fields


def good_xlsx(path: Path) -> Path:
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("Personeel")
    ws.write_row(0, 0, ["Naam", "BSN", "Geslacht"])
    for i in range(50):
        ws.write_row(i + 1, 0, [f"Medewerker {i}", f"{i:09d}", "VM"[i % 2]])
    wb.close()
    return path


def zip_with(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def content_types(main: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/content-types"><Override PartName="/main.xml" ContentType="{main}"/></Types>'
    )


# --- the corpus: each builder writes one bad file into a folder and returns its path ----------


def missing(d: Path) -> Path:
    return d / "bestaat niet.xlsx"


def folder(d: Path) -> Path:
    (d / "export.xlsx").mkdir()
    return d / "export.xlsx"


def empty(d: Path) -> Path:
    (d / "leeg.xlsx").write_bytes(b"")
    return d / "leeg.xlsx"


def pdf(d: Path) -> Path:
    (d / "personeel.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    return d / "personeel.pdf"


def png(d: Path) -> Path:
    (d / "scan.xlsx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return d / "scan.xlsx"


def exe(d: Path) -> Path:
    (d / "setup.csv").write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200 + b"PE\x00\x00")
    return d / "setup.csv"


def docx(d: Path) -> Path:
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    return zip_with(
        d / "brief.docx", {"[Content_Types].xml": content_types(main), "main.xml": "<w/>"}
    )


def odt(d: Path) -> Path:
    return zip_with(
        d / "notitie.ods",
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"},
    )


def plain_zip(d: Path) -> Path:
    return zip_with(d / "export.zip", {"personeel.csv": "Naam;BSN\nJan;012345672\n"})


def encrypted_xlsx(d: Path) -> Path:
    plain = good_xlsx(d / "plain.xlsx")
    path = d / "beveiligd.xlsx"
    with plain.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("Geheim123!", target)
    plain.unlink()
    return path


def truncated_xlsx(d: Path) -> Path:
    data = good_xlsx(d / "full.xlsx").read_bytes()
    (d / "full.xlsx").unlink()
    (d / "afgebroken.xlsx").write_bytes(data[: len(data) // 2])
    return d / "afgebroken.xlsx"


def garbage_xlsx(d: Path) -> Path:
    noise = random.Random(7).randbytes(4096)
    (d / "rommel.xlsx").write_bytes(noise)
    return d / "rommel.xlsx"


def broken_workbook_xml(d: Path) -> Path:
    """A zip that says it is a workbook but whose workbook part is not XML."""
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    return zip_with(
        d / "half.xlsx",
        {
            "[Content_Types].xml": content_types(main),
            "_rels/.rels": rels,
            "xl/_rels/workbook.xml.rels": rels.replace("xl/workbook.xml", "worksheets/sheet1.xml"),
            "xl/workbook.xml": "<workbook><sheets><sheet name=",
        },
    )


def zip_bomb(d: Path) -> Path:
    """A real workbook with one extra member that inflates 1000-fold (limits lowered in the test)."""
    path = good_xlsx(d / "opgeblazen.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * 2_000_000)
    return path


def big_total(d: Path) -> Path:
    return good_xlsx(d / "groot.xlsx")


def html_as_xls(d: Path) -> Path:
    (d / "export.xls").write_text(
        "<html><body><table><tr><td>Naam</td><td>BSN</td></tr></table></body></html>",
        encoding="utf-8",
    )
    return d / "export.xls"


def xml_2003(d: Path) -> Path:
    (d / "oud.xml").write_text(
        '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
        "<Worksheet ss:Name='Blad1'/></Workbook>",
        encoding="utf-8",
    )
    return d / "oud.xml"


def undecodable(d: Path) -> Path:
    (d / "export.csv").write_bytes(b"Naam;BSN\nJ\x81rgen;012345672\nM\x8dller;1\n")
    return d / "export.csv"


def binary_txt(d: Path) -> Path:
    (d / "data.txt").write_bytes(b"Naam;BSN\n" + bytes(range(0, 32)) * 40)
    return d / "data.txt"


def prose(d: Path) -> Path:
    (d / "toelichting.txt").write_text(
        "Beste collega,\n\nHierbij stuur ik de gegevens voor de barometer, zoals afgesproken in "
        "het overleg van vorige week. Mocht er iets ontbreken, laat het dan weten.\n\n"
        "Met vriendelijke groet,\nAnna Jansen, afdeling HR\n",
        encoding="utf-8",
    )
    return d / "toelichting.txt"


def one_column(d: Path) -> Path:
    (d / "bsn.csv").write_text("BSN\n012345672\n111222333\n023456781\n", encoding="utf-8")
    return d / "bsn.csv"


def blank_lines(d: Path) -> Path:
    (d / "wit.csv").write_text("\n  \n\t\n\n", encoding="utf-8")
    return d / "wit.csv"


def no_data_workbook(d: Path) -> Path:
    openpyxl.Workbook().save(d / "nieuw.xlsx")
    return d / "nieuw.xlsx"


def chart_workbook(d: Path) -> Path:
    wb = xlsxwriter.Workbook(d / "grafiek.xlsx")
    ws = wb.add_worksheet("Cijfers")
    ws.write_row(0, 0, ["Afdeling", "Aantal"])
    ws.write_row(1, 0, ["HR", 12])
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"categories": "=Cijfers!$A$2", "values": "=Cijfers!$B$2"})
    wb.add_chartsheet("Grafiek").set_chart(chart)
    wb.close()
    return d / "grafiek.xlsx"


def empty_first_sheet(d: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "Voorblad"
    data = wb.create_sheet("Gegevens")
    data.append(["Naam", "BSN"])
    data.append(["Jan", "012345672"])
    wb.save(d / "voorblad.xlsx")
    return d / "voorblad.xlsx"


def all_hidden(d: Path) -> Path:
    """Writers insist on one visible sheet; Excel's own files can still end up with none."""
    written = d / "tmp.xlsx"
    wb = xlsxwriter.Workbook(written)
    wb.add_worksheet("Leeg")
    data = wb.add_worksheet("Data")
    data.write_row(0, 0, ["Naam", "BSN"])
    data.very_hidden()
    wb.close()
    path = d / "verborgen.xlsx"
    with zipfile.ZipFile(written) as source:
        members = {i.filename: source.read(i) for i in source.infolist()}
    workbook = members["xl/workbook.xml"].decode()
    members["xl/workbook.xml"] = workbook.replace('name="Leeg"', 'name="Leeg" state="hidden"')
    written.unlink()
    return zip_with(path, members)


def report_csv(d: Path) -> Path:
    (d / "rapport.csv").write_text("Rapport\n\nNaam;BSN\nJan;012345672\n\n", encoding="utf-8")
    return d / "rapport.csv"


def unclosed_quote_wrong_delimiter(d: Path) -> Path:
    """Under ';' a quote is never closed; ',' (decimal commas) would then pass for the delimiter."""
    (d / "fte.csv").write_text(
        'Naam;Opmerking;FTE\nJan;"de Vries;0,8\nPiet;iets;1,0\nAnna;x;0,5\nKees;y;0,6\n',
        encoding="utf-8",
    )
    return d / "fte.csv"


def unclosed_quote_in_header(d: Path) -> Path:
    """No delimiter fits the file while the quote swallows it."""
    (d / "kop.csv").write_text('"Naam;BSN;Geslacht\nJan;1;M\nPiet;2;V\n', encoding="utf-8")
    return d / "kop.csv"


def unclosed_quote_headerless(d: Path) -> Path:
    (d / "zonder kop.csv").write_text(
        'P1;"Jansen, Jan;111222333;0,8\nP2;Pietersen;123456782;1,0\nP3;Vries, A;012345672;0,5\n',
        encoding="utf-8",
    )
    return d / "zonder kop.csv"


def titles_only_xlsx(d: Path) -> Path:
    wb = xlsxwriter.Workbook(d / "titels.xlsx")
    ws = wb.add_worksheet("Rapport")
    ws.write(0, 0, "Personeelsoverzicht 2025")
    ws.write(2, 0, "Gemeente Voorbeeld, afdeling HR")
    ws.write(3, 0, "Vertrouwelijk")
    wb.close()
    return d / "titels.xlsx"


def titles_only_csv(d: Path) -> Path:
    """Excel pads each title to the table's width; there is no table under them."""
    (d / "titels.csv").write_text(
        "Personeelsoverzicht 2025;;;;\nAfdeling HR;;;;\nVertrouwelijk;;;;\n", encoding="utf-8"
    )
    return d / "titels.csv"


CORPUS: list[tuple[str, Callable[[Path], Path], str, dict[str, Any]]] = [
    ("missing", missing, "intake.file-not-found", {}),
    ("folder", folder, "intake.not-a-file", {}),
    ("empty", empty, "intake.file-empty", {}),
    ("pdf", pdf, "intake.not-a-spreadsheet", {}),
    ("png-named-xlsx", png, "intake.not-a-spreadsheet", {}),
    ("exe-named-csv", exe, "intake.not-a-spreadsheet", {}),
    ("docx", docx, "intake.not-a-spreadsheet", {}),
    ("odt-named-ods", odt, "intake.not-a-spreadsheet", {}),
    ("plain-zip", plain_zip, "intake.not-a-spreadsheet", {}),
    ("encrypted-xlsx", encrypted_xlsx, "intake.encrypted", {}),
    ("truncated-xlsx", truncated_xlsx, "intake.corrupt", {}),
    ("garbage-xlsx", garbage_xlsx, "intake.corrupt", {}),
    ("broken-workbook-xml", broken_workbook_xml, "intake.corrupt", {}),
    ("html-as-xls", html_as_xls, "intake.html-disguised", {}),
    ("xml-2003", xml_2003, "intake.xml-spreadsheet", {}),
    ("undecodable-csv", undecodable, "intake.undecodable", {}),
    ("binary-txt", binary_txt, "intake.unknown-format", {}),
    ("prose-txt", prose, "intake.not-tabular", {}),
    ("one-column-csv", one_column, "intake.not-tabular", {}),
    ("blank-lines-csv", blank_lines, "intake.csv-no-data", {}),
    ("workbook-without-data", no_data_workbook, "intake.workbook-empty", {}),
    ("sheet-not-found", good_xlsx_named := lambda d: good_xlsx(d / "personeel.xlsx"),
     "intake.sheet-not-found", {"sheet": "Blad9"}),
    ("chart-sheet", chart_workbook, "intake.not-a-worksheet", {"sheet": "Grafiek"}),
    ("empty-sheet-data-elsewhere", empty_first_sheet, "intake.sheet-empty-others", {}),
    ("all-sheets-hidden", all_hidden, "intake.no-visible-worksheet", {}),
    ("header-row-beyond-data", good_xlsx_named, "intake.header-row-out-of-range",
     {"header_row": 500}),
    ("header-row-blank", report_csv, "intake.header-row-empty", {"header_row": 2}),
    ("sheet-asked-of-csv", report_csv, "intake.csv-no-sheets", {"sheet": "Blad1"}),
    ("unclosed-quote-wrong-delimiter", unclosed_quote_wrong_delimiter, "intake.csv-unclosed-quote",
     {}),
    ("unclosed-quote-in-header", unclosed_quote_in_header, "intake.csv-unclosed-quote", {}),
    ("unclosed-quote-headerless", unclosed_quote_headerless, "intake.csv-unclosed-quote", {}),
    ("titles-only-xlsx", titles_only_xlsx, "intake.titles-only", {}),
    ("titles-only-csv", titles_only_csv, "intake.not-tabular", {}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("builder", "key", "kwargs"), [c[1:] for c in CORPUS], ids=[c[0] for c in CORPUS]
)
def test_refused(tmp_path: Path, builder: Callable[[Path], Path], key: str, kwargs: dict) -> None:
    refused(builder(tmp_path), key, **kwargs)


def test_corpus_is_broad() -> None:
    assert len(CORPUS) >= 15
    assert len({key for _, _, key, _ in CORPUS}) >= 15


def test_too_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniff, "MAX_FILE_BYTES", 1024 * 1024)
    path = tmp_path / "enorm.csv"
    path.write_text("Naam;BSN\n" + "Jan;012345672\n" * 100_000, encoding="utf-8")
    error = refused(path, "intake.file-too-large")
    assert error.message.params["limit_mb"] == 1


def test_zip_bomb_by_ratio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniff, "RATIO_CHECK_MIN_BYTES", 1_000_000)
    refused(zip_bomb(tmp_path), "intake.zip-bomb")


def test_zip_bomb_by_total_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = big_total(tmp_path)
    total = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr(sniff, "MAX_TOTAL_UNCOMPRESSED", total - 1)
    refused(path, "intake.zip-bomb")


def test_limits_leave_real_files_alone(tmp_path: Path) -> None:
    """With the shipped limits the same files are read (so the refusals above are the limits')."""
    from intake_helpers import read

    assert read(zip_bomb(tmp_path)).n_rows == 50


def test_sheet_not_found_lists_the_sheets(tmp_path: Path) -> None:
    error = refused(empty_first_sheet(tmp_path), "intake.sheet-not-found", sheet="Personeel")
    assert "Voorblad, Gegevens" in error.render("nl")


def test_empty_sheet_names_where_the_data_is(tmp_path: Path) -> None:
    error = refused(empty_first_sheet(tmp_path), "intake.sheet-empty-others")
    assert "Gegevens" in error.render("en")


def test_calamine_password_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def protected(path: str) -> None:
        raise python_calamine.PasswordError("workbook is password protected")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", protected)
    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", protected)
    refused(good_xlsx(tmp_path / "personeel.xlsx"), "intake.encrypted")


def test_unexpected_reader_error_is_wrapped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: str) -> None:
        raise python_calamine.CalamineError("Unexpected end of stream in shared strings")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", broken)
    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", broken)
    error = refused(good_xlsx(tmp_path / "personeel.xlsx"), "intake.could-not-read")
    assert "Unexpected end of stream in shared strings" in error.render("nl")


def test_every_intake_key_has_three_languages_with_the_same_fields() -> None:
    source = "\n".join(
        p.read_text(encoding="utf-8")
        for p in (Path(__file__).parents[1] / "desktop_app" / "intake").glob("*.py")
    )
    used = set(re.findall(r'"(intake\.[a-z0-9-]+)"', source))
    messages = catalogue()
    assert used, "no message keys found in desktop_app/intake"
    assert used <= set(messages), sorted(used - set(messages))
    for key in (k for k in messages if k.startswith("intake.")):
        texts = messages[key]
        assert set(texts) == set(LANGUAGES), key
        fields = {language: template_fields(texts[language]) for language in LANGUAGES}
        assert fields["nl"] == fields["en"] == fields["fr"], key
        # every intake message names the file: as {file}, or as {where} (the file and its sheet)
        assert fields["nl"] & {"file", "where"}, key
