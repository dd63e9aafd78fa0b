"""The results report and what the view shows: `results report` writes the PDF (read back with
pdftotext), the tables as xlsx (read back with openpyxl), the charts as SVG (parsed) and PNG; two
years of one series show the change with its chance verdict, a pre-2022 set and a jobs set never
join a persons series of the new classification; the benchmark typed in or read from a CSV."""

from __future__ import annotations

import shutil
import struct
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.cli import main
from desktop_app.profiles import load_programme_by_id
from desktop_app.results import ResultsError, import_results, load_history
from desktop_app.results.benchmark import read_benchmark, typed_benchmark
from desktop_app.results.charts import bar_chart_svg, line_chart_svg
from desktop_app.results.view import breakdown_bars, year_lines
from tests.test_results import OLD, cbs_book, ingezoomd_2024, ingezoomd_2025

ORG = "rsin-123456782"
INGEZOOMD = load_programme_by_id("cbs-barometer-ingezoomd")
ALGEMEEN = load_programme_by_id("cbs-barometer-algemeen")
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(folder))
    return folder


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: run tests/setup-system.sh (poppler-utils)")
    done = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(unicodedata.normalize("NFKC", done.stdout).split())  # ligatures, line ends


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def three_years(tmp_path: Path) -> None:
    old = cbs_book(
        tmp_path / "2021.xlsx",
        {
            "Afdeling": [
                ["Totaal", 1200, 80.0, 8.0, 12.0],
                ["Burgerzaken", 300, 74.0, 7.0, 19.0],
            ]
        },
        groups=OLD,
    )
    import_results(old, INGEZOOMD, 2021, ORG)
    import_results(ingezoomd_2024(tmp_path / "2024.xlsx"), INGEZOOMD, 2024, ORG)
    import_results(ingezoomd_2025(tmp_path / "2025.xlsx"), INGEZOOMD, 2025, ORG)


def test_the_report_command_writes_pdf_xlsx_and_charts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three_years(tmp_path)
    out = tmp_path / "out" / "verslag.pdf"
    code = main(
        [
            "results",
            "report",
            "--out",
            str(out),
            "--organisation",
            ORG,
            "--lang",
            "en",
            "--benchmark-shares",
            "74.9,10.3,14.8",
            "--benchmark-label",
            "Employees in the Netherlands",
        ]
    )
    said = capsys.readouterr().out
    assert code == 1, said  # the publication check flags the 2025 set's Staf en bestuur
    assert "Report written" in said
    assert "publication check flags" in said
    text = pdf_text(out)
    for expected in (
        "The office's results for rsin-123456782",
        "Publication check 2025 (threshold: 10 persons)",
        "Staf en bestuur",
        "not published, but it can be worked back",
        "Proposed: leave out as well",
        "Year over year",
        "within what chance explains, no trend",
        "a change larger than chance explains",
        "Notes on the method",
        "Employees in the Netherlands",
        "(until September 2022)",  # the 2021 set's classification (a page may break its name)
    ):
        assert expected in text, expected
    # a two-year trend: 2024 -> 2025 of the new classification, the 2021 set not on that line
    assert "Outside Europe: 7.0% (2024) → 12.7% (2025)" in text
    assert "(2021) →" not in text
    # the tables as xlsx: suppressed '.', flagged cells filled and commented
    book = load_workbook(out.with_name("verslag.tables.xlsx"))
    assert not out.with_suffix(".xlsx").exists()  # never the plain name (an office's workbook)
    assert book.sheetnames[0] == "Notes on the method"
    sheet = book["2025 Afdeling"]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=4) if r[0].value}
    staf = rows["Staf en bestuur"]
    assert [c.value for c in staf[:5]] == ["Staf en bestuur", 250, 79.6, ".", "."]
    assert staf[3].fill.fgColor.rgb.endswith("FDE2C4")
    assert staf[3].comment is not None
    notes = [r[0].value for r in book["Notes on the method"].iter_rows() if r[0].value]
    assert any("Publication check 2025" in n for n in notes)
    # the charts as SVG (well-formed) and PNG (rendered)
    charts = out.with_name("verslag.charts")
    svgs = sorted(charts.glob("*.svg"))
    assert len(svgs) == len(sorted(charts.glob("*.png"))) >= 5
    for svg in svgs:
        root = ET.parse(svg).getroot()
        assert root.tag == f"{SVG}svg"
        width, height = png_size(svg.with_suffix(".png").read_bytes())
        assert width == 2 * int(root.get("width", "0"))
        assert height > 100


def test_a_safe_set_exits_0_and_nothing_kept_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = ["--out", str(tmp_path / "r.pdf"), "--organisation", ORG]
    assert main(["--lang", "en", "results", "report", *out]) == 2
    assert "No results are kept" in capsys.readouterr().err
    import_results(ingezoomd_2024(tmp_path / "2024.xlsx"), INGEZOOMD, 2024, ORG)
    code = main(
        [
            "--lang",
            "nl",
            "results",
            "report",
            "--out",
            str(tmp_path / "r.pdf"),
            "--organisation",
            ORG,
        ]
    )
    assert code == 0, capsys.readouterr()
    text = pdf_text(tmp_path / "r.pdf")
    assert "Publicatiecheck 2024 (drempel: 10 personen)" in text
    assert "Geen bevindingen" in text
    assert "78,5" in text  # a Dutch decimal comma
    assert "Er is nog maar één jaar" in text
    # a benchmark with the wrong number of shares: exit 2, a sentence
    code = main(["--lang", "en", "results", "report", *out, "--benchmark-shares", "50,50"])
    assert code == 2
    assert "3 percentages" in capsys.readouterr().err
    # a folder as the report: refused, nothing written beside it
    folder = tmp_path / "reports"
    folder.mkdir()
    assert (
        main(["--lang", "en", "results", "report", "--out", str(folder), "--organisation", ORG])
        == 2
    )
    assert "is a folder" in capsys.readouterr().err
    assert not (tmp_path / "reports.pdf").exists()


def test_two_years_show_a_trend_with_the_chance_band(tmp_path: Path) -> None:
    three_years(tmp_path)
    history = load_history(ORG)
    charts = year_lines(history, "Afdeling", "Totaal", "en")
    assert len(charts) == 1  # the 2021 set (old labels) has one year: no chart of its own
    chart = charts[0]
    assert chart.years == (2024, 2025)
    assert chart.classification == "herkomst"
    assert "never on one line" in chart.note
    verdicts = {s.group: s.changes[0].within_chance for s in chart.series}
    assert verdicts == {"nederland": True, "europa": False, "buiten-europa": False}
    outside = next(s for s in chart.series if s.group == "buiten-europa")
    low, high = outside.points[1].interval or (0, 0)
    assert low == pytest.approx(10.87, abs=0.01)
    assert low < 12.7 < high
    svg = line_chart_svg(chart, "within chance", "Band")
    root = ET.fromstring(svg)
    # a line is drawn only for the two changes beyond chance; the other pair says 'within chance'
    assert len(root.findall(f"{SVG}line[@stroke-width='2.5']")) == 2
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts.count("≈ within chance") == 1
    # the bands: one per point with an interval
    assert len(root.findall(f"{SVG}rect[@fill-opacity='0.22']")) == 6


def test_the_old_classification_and_jobs_are_separate_series(tmp_path: Path) -> None:
    for year, share in ((2020, 19.0), (2021, 21.0)):
        book = cbs_book(
            tmp_path / f"{year}.xlsx",
            {"Afdeling": [["Totaal", 1200, 80.0 - share + 12, 8.0, share - 0.0]]},
            groups=OLD,
        )
        import_results(book, INGEZOOMD, year, ORG)
    import_results(ingezoomd_2024(tmp_path / "2024.xlsx"), INGEZOOMD, 2024, ORG)
    import_results(ingezoomd_2025(tmp_path / "2025.xlsx"), INGEZOOMD, 2025, ORG)
    jobs = cbs_book(
        tmp_path / "banen.xlsx",
        {"Afdeling": [["Totaal", 1500, 76.0, 10.0, 14.0]]},
        size_header="Aantal banen",
    )
    import_results(jobs, ALGEMEEN, 2025, ORG)
    jobs_2024 = cbs_book(
        tmp_path / "banen24.xlsx",
        {"Afdeling": [["Totaal", 1480, 77.0, 10.0, 13.0]]},
        size_header="Aantal banen",
    )
    import_results(jobs_2024, ALGEMEEN, 2024, ORG)
    charts = year_lines(load_history(ORG), "Afdeling", "Totaal", "en")
    found = sorted((c.unit, c.classification, c.years) for c in charts)
    assert found == [
        ("job", "herkomst", (2024, 2025)),
        ("person", "herkomst", (2024, 2025)),
        ("person", "migratieachtergrond", (2020, 2021)),
    ]


def test_a_hostile_subgroup_name_stays_text_in_the_chart(tmp_path: Path) -> None:
    book = cbs_book(
        tmp_path / "x.xlsx",
        {
            "Afdeling": [
                ["Totaal", 1200, 80.0, 8.0, 12.0],
                ['<script>x</script> & "Co"', 1200, 80.0, 8.0, 12.0],
            ]
        },
    )
    stored = import_results(book, INGEZOOMD, 2025, ORG)
    chart = breakdown_bars(stored.result, "Afdeling", "en")
    root = ET.fromstring(bar_chart_svg(chart))
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert any(t.startswith('<script>x</script> & "Co"') for t in texts)
    assert not list(root.iter(f"{SVG}script"))


def test_the_benchmark_typed_in_or_from_a_csv(tmp_path: Path) -> None:
    stored = import_results(ingezoomd_2024(tmp_path / "2024.xlsx"), INGEZOOMD, 2024, ORG)
    result = stored.result
    csv = tmp_path / "benchmark.csv"
    csv.write_text(
        "Subgroep;Nederland;Europa (exclusief Nederland);Buiten-Europa\n"
        "Werknemers in Nederland (CBS);74,9%;10,3%;14,8%\n",
        encoding="utf-8",
    )
    benchmark = read_benchmark(csv, INGEZOOMD, result)
    assert benchmark.label == "Werknemers in Nederland (CBS)"
    assert dict(benchmark.shares) == {"nederland": 74.9, "europa": 10.3, "buiten-europa": 14.8}
    chart = breakdown_bars(result, "Afdeling", "nl", benchmark)
    assert [b.kind for b in chart.bars] == ["total", "subgroup", "subgroup", "benchmark"]
    assert "Werknemers in Nederland (CBS): Nederland 74,9%" in chart.describe()
    # the old classification's benchmark is refused for a new-classification set
    old = tmp_path / "old.csv"
    old.write_text(
        "Subgroep;Nederlandse achtergrond;Westerse migratieachtergrond;"
        "Niet-westerse migratieachtergrond\nNL;75;10;15\n",
        encoding="utf-8",
    )
    with pytest.raises(ResultsError) as refused:
        read_benchmark(old, INGEZOOMD, result)
    assert "same classification" in refused.value.render("en")
    with pytest.raises(ResultsError) as wrong_sum:
        typed_benchmark(result, {"nederland": 70, "europa": 10, "buiten-europa": 10})
    assert "90" in wrong_sum.value.render("en")
    with pytest.raises(ResultsError):
        typed_benchmark(result, {"nederland": 90, "europa": 10})


def test_the_charts_are_painted_without_qt_svg(tmp_path: Path) -> None:
    """The installer leaves QtSvg out: the charts are painted with QtGui (render/svg.py), and the
    PNG shows the groups' colours and the hatched 'not published' rest."""
    import ast

    from PySide6.QtGui import QColor, QImage

    from desktop_app.render.svg import svg_to_png

    root = Path(__file__).resolve().parent.parent / "desktop_app"
    for module in root.rglob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        names = [
            n.module if isinstance(n, ast.ImportFrom) else a.name
            for n in ast.walk(tree)
            if isinstance(n, ast.Import | ast.ImportFrom)
            for a in (n.names if isinstance(n, ast.Import) else [n])  # type: ignore[list-item]
        ]
        assert not [n for n in names if n and "QtSvg" in n], module
    stored = import_results(ingezoomd_2025(tmp_path / "2025.xlsx"), INGEZOOMD, 2025, ORG)
    chart = breakdown_bars(stored.result, "Afdeling", "en")
    image = QImage.fromData(svg_to_png(bar_chart_svg(chart)))
    assert image.width() == 2 * 720
    counts: dict[str, int] = {}
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            name = QColor(image.pixel(x, y)).name()
            counts[name] = counts.get(name, 0) + 1
    assert counts.get("#0b6ab8", 0) > 2000  # Nederland's blue
    assert counts.get("#009e73", 0) > 200  # Buiten-Europa's green
    assert counts.get("#b8bec6", 0) > 200  # the hatch of what is not published
