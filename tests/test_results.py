"""The office's tables brought home: the samples of all three programmes, the same tables from
another writer (xlsxwriter, the samples are openpyxl's), old labels, drift, breakage, hostile
inputs, two years kept and what chance says about the change between them."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter

from desktop_app.cli import main
from desktop_app.errors import AppError
from desktop_app.profiles import load_programme_by_id
from desktop_app.results import (
    ResultsError,
    SizeInterval,
    change_within_chance,
    compare_years,
    import_results,
    load_history,
    read_result_tables,
    series,
    share_interval,
    wilson_interval,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
ORG = "rsin-123456782"
NEW = ["Nederland", "Europa (exclusief Nederland)", "Buiten-Europa"]
OLD = [
    "Nederlandse achtergrond",
    "Westerse migratieachtergrond",
    "Niet-westerse migratieachtergrond",
]
INGEZOOMD = load_programme_by_id("cbs-barometer-ingezoomd")
ALGEMEEN = load_programme_by_id("cbs-barometer-algemeen")
KSZ = load_programme_by_id("ksz-diversiteit")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(folder))
    return folder


def cbs_book(
    path: Path,
    sheets: dict[str, list[list[Any]]],
    *,
    groups: list[str] = NEW,
    size_header: str = "Aantal personen",
    title_rows: int = 2,
    notes: bool = True,
    label_header: str = "Subgroep",
) -> Path:
    """A CBS-like workbook written with xlsxwriter: merged title cells, a notes sheet."""
    book = xlsxwriter.Workbook(str(path))
    bold = book.add_format({"bold": True})
    if notes:
        sheet = book.add_worksheet("Toelichting")
        sheet.write(0, 0, "Technische toelichting")
        sheet.write(2, 0, "Een punt (.) betekent: te weinig waarnemingen.")
        sheet.write(3, 0, "Bron: CBS, Polisadministratie en BRP.")
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        width = 1 + len(groups)
        for r in range(title_rows):
            sheet.merge_range(
                r, 0, r, width, f"Barometer Culturele Diversiteit – titel {r + 1}", bold
            )
        header = title_rows + 1
        sheet.write_row(header, 0, [label_header, size_header, *groups], bold)
        for offset, values in enumerate(rows, start=1):
            sheet.write_row(header + offset, 0, values)
        sheet.write(header + len(rows) + 2, 0, "Bron: CBS")
    book.close()
    return path


def ingezoomd_2025(path: Path, **options: Any) -> Path:
    return cbs_book(
        path,
        {
            "Totaal": [["Totaal", 1240, "78,2", "9,1", "12,7"]],
            "Afdeling": [
                ["Totaal", 1240, "78,2", "9,1", "12,7"],
                ["Burgerzaken", 310, "71,0", "8,4", "20,6"],
                ["Staf en bestuur", 250, "79,6", ".", "x"],
                ["Klein team", ".", ".", "", "-"],
            ],
        },
        **options,
    )


def ingezoomd_2024(path: Path) -> Path:
    return cbs_book(
        path,
        {
            "Totaal": [["Totaal", 1220, 78.5, 14.5, 7.0]],
            "Afdeling": [
                ["Totaal", 1220, 78.5, 14.5, 7.0],
                ["Burgerzaken", 300, 72.3, 8.0, 19.7],
                ["Staf en bestuur", 250, 81.0, 9.0, 10.0],
            ],
        },
    )


# -- the samples ----------------------------------------------------------------------------------


def test_the_samples_of_all_three_programmes_import() -> None:
    ingezoomd = read_result_tables(SAMPLES / "results-cbs-ingezoomd-2025.xlsx", INGEZOOMD)
    assert ingezoomd.unit == "person"
    assert ingezoomd.classification == "herkomst"
    assert [t.breakdown for t in ingezoomd.tables] == [
        "Totaal",
        "Afdeling",
        "Functieniveau",
        "Leeftijd",
    ]
    assert ingezoomd.skipped_sheets == ("Toelichting",)
    staf = ingezoomd.table("Afdeling").rows[-1]
    assert staf.subgroup == "Staf en bestuur"
    assert staf.value("nederland").share == 79.6
    assert staf.value("europa").suppressed
    assert staf.value("europa").marker == "."
    assert staf.value("buiten-europa").suppressed
    assert staf.value("buiten-europa").marker == "x"
    # rounded to tens, and up to 5% of staff not matched on the address key
    assert staf.size_interval == SizeInterval(232, 255)

    algemeen = read_result_tables(SAMPLES / "results-cbs-algemeen-2025.xlsx", ALGEMEEN)
    assert algemeen.unit == "job"
    assert [t.breakdown for t in algemeen.tables] == ["Banen"]
    total = algemeen.tables[0].rows[0]
    assert total.total
    assert total.size_interval == SizeInterval(1305, 1315)

    ksz = read_result_tables(SAMPLES / "results-ksz-2025.csv", KSZ)
    assert (ksz.unit, ksz.values, ksz.classification) == ("person", "counts", "herkomst-ksz")
    assert [t.breakdown for t in ksz.tables] == ["Totaal", "Afdeling", "Functieniveau"]
    welzijn = ksz.table("Afdeling").rows[-1]
    assert welzijn.value("belgisch").count == 196
    assert welzijn.value("belgisch").share == pytest.approx(100 * 196 / 240, abs=1e-6)
    assert welzijn.value("onbekend").suppressed
    assert welzijn.size_interval == SizeInterval(240, 240)


def test_the_samples_are_written_again_the_same(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(SAMPLES / "make_result_samples.py"), str(tmp_path)],
        check=True,
        timeout=60,
    )
    for name in (
        "results-cbs-ingezoomd-2025.xlsx",
        "results-cbs-algemeen-2025.xlsx",
        "results-ksz-2025.csv",
    ):
        again = read_result_tables(tmp_path / name, KSZ if name.endswith(".csv") else INGEZOOMD)
        kept = read_result_tables(SAMPLES / name, KSZ if name.endswith(".csv") else INGEZOOMD)
        assert again.tables == kept.tables


def test_the_command_line_imports_and_shows(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, programme in (
        ("results-cbs-ingezoomd-2025.xlsx", "cbs-barometer-ingezoomd"),
        ("results-cbs-algemeen-2025.xlsx", "cbs-barometer-algemeen"),
        ("results-ksz-2025.csv", "ksz-diversiteit"),
    ):
        code = main(
            [
                "--lang",
                "en",
                "results",
                "import",
                str(SAMPLES / name),
                "--programme",
                programme,
                "--year",
                "2025",
                "--organisation",
                ORG,
            ]
        )
        assert code == 0, capsys.readouterr().err
    assert sorted(p.name for p in (data_dir / "results" / ORG / "2025").iterdir()) == [
        "cbs-barometer-algemeen.json",
        "cbs-barometer-ingezoomd.json",
        "ksz-diversiteit.json",
    ]
    capsys.readouterr()
    assert main(["--lang", "en", "results", "show", "--organisation", ORG]) == 0
    shown = capsys.readouterr().out
    assert "Staf en bestuur" in shown
    assert "not published by the office" in shown
    assert "Outside Europe" in shown
    assert "Non-European" in shown
    assert main(["--lang", "nl", "results", "show", "--organisation", ORG, "--json"]) == 0
    kept = json.loads(capsys.readouterr().out)
    assert [k["programme"] for k in kept] == [
        "cbs-barometer-algemeen",
        "cbs-barometer-ingezoomd",
        "ksz-diversiteit",
    ]
    assert all(k["format"] == "diversity-assistant/results" and k["version"] == 1 for k in kept)


def test_show_without_anything_kept_says_how_to_import(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "results", "show", "--organisation", ORG]) == 0
    assert "results import FILE" in capsys.readouterr().out


# -- another writer, old labels, drift ------------------------------------------------------------


def test_another_writer_with_merged_titles_notes_markers_and_decimal_commas(tmp_path: Path) -> None:
    result = read_result_tables(ingezoomd_2025(tmp_path / "cbs.xlsx"), INGEZOOMD)
    assert result.skipped_sheets == ("Toelichting",)
    afdeling = result.table("Afdeling")
    assert [r.subgroup for r in afdeling.rows] == [
        "Totaal",
        "Burgerzaken",
        "Staf en bestuur",
        "Klein team",
    ]
    assert afdeling.rows[1].value("buiten-europa").share == 20.6
    klein = afdeling.rows[3]
    assert klein.size is None
    assert klein.size_interval is None
    assert [v.marker for v in klein.values] == [".", "", "-"]
    assert all(v.suppressed and v.share is None for v in klein.values)


def test_shares_as_fractions_and_percent_signs_are_read_as_percentages(tmp_path: Path) -> None:
    fractions = cbs_book(tmp_path / "f.xlsx", {"Totaal": [["Totaal", 1240, 0.782, 0.091, 0.127]]})
    signs = cbs_book(
        tmp_path / "s.xlsx", {"Totaal": [["Totaal", "1.240", "78,2%", "9,1 %", "12,7%"]]}
    )
    for path in (fractions, signs):
        row = read_result_tables(path, INGEZOOMD).tables[0].rows[0]
        assert [v.share for v in row.values] == pytest.approx([78.2, 9.1, 12.7])
        assert row.size == 1240


def test_a_set_before_2022_is_its_own_classification(tmp_path: Path) -> None:
    old = cbs_book(
        tmp_path / "2021.xlsx", {"Totaal": [["Totaal", 1200, 80.0, 8.0, 12.0]]}, groups=OLD
    )
    result = import_results(old, INGEZOOMD, 2021, ORG).result
    assert result.classification == "migratieachtergrond"
    assert result.groups == ("nederlands", "westers", "niet-westers")
    new = import_results(ingezoomd_2025(tmp_path / "2025.xlsx"), INGEZOOMD, 2025, ORG).result
    with pytest.raises(ResultsError) as refused:
        compare_years(result, new)
    assert refused.value.message.key == "results.series-mixed"
    history = load_history(ORG)
    assert len(history) == 2
    points = series(
        history,
        unit="person",
        classification="herkomst",
        breakdown="Totaal",
        subgroup="Totaal",
        group="nederland",
    )
    assert [p.year for p in points] == [2025]


def test_jobs_and_persons_are_never_one_series(tmp_path: Path) -> None:
    persons = import_results(ingezoomd_2025(tmp_path / "p.xlsx"), INGEZOOMD, 2024, ORG).result
    jobs = import_results(SAMPLES / "results-cbs-algemeen-2025.xlsx", ALGEMEEN, 2025, ORG).result
    with pytest.raises(ResultsError):
        compare_years(persons, jobs)
    assert (
        series(
            load_history(ORG),
            unit="job",
            classification="herkomst",
            breakdown="Totaal",
            subgroup="Totaal",
            group="nederland",
        )
        == ()
    )


def test_a_drifted_layout_still_imports(tmp_path: Path) -> None:
    drifted = cbs_book(
        tmp_path / "drift.xlsx",
        {
            "Tabel 2 Organisatieonderdeel": [
                ["Totaal organisatie", 1240, "78,2", "9,1", "12,7"],
                ["Burgerzaken", 310, "71,0", "8,4", "20,6"],
                ["Staf en bestuur", 250, "79,6", "*", "n.v.t."],
            ]
        },
        title_rows=3,  # one title line more
        size_header="Aantal werknemers",
        label_header="Organisatieonderdeel",
        groups=["Nederland", "Europa (excl. NL)", "Buiten Europa"],
    )
    result = read_result_tables(drifted, INGEZOOMD)
    table = result.tables[0]
    assert table.breakdown == "Tabel 2 Organisatieonderdeel"
    assert table.rows[0].total
    assert table.rows[0].size == 1240
    assert [v.marker for v in table.rows[2].values[1:]] == ["*", "n.v.t."]


def test_ksz_tables_as_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "ksz.xlsx"
    book = xlsxwriter.Workbook(str(path))
    notes = book.add_worksheet("Explications")
    notes.write(0, 0, "Tableaux BCSS – données couplées")
    sheet = book.add_worksheet("Résultats")
    sheet.merge_range(0, 0, 0, 6, "BCSS – diversité du personnel 2025")
    sheet.write_row(
        2,
        0,
        [
            "Ventilation",
            "Catégorie",
            "Nombre de personnes",
            "Belge",
            "Européen",
            "Non européen",
            "Inconnu",
        ],
    )
    sheet.write_row(3, 0, ["Total", "Total", 860, 702, 71, 63, 24])
    sheet.write_row(4, 0, ["Service", "Administration", 290, 231, 28, 24, "<5"])
    book.close()
    result = read_result_tables(path, KSZ)
    assert [t.breakdown for t in result.tables] == ["Total", "Service"]
    assert result.table("Service").rows[0].value("onbekend").marker == "<5"


# -- what does not fit ----------------------------------------------------------------------------


def refusal(action: Any) -> AppError:
    with pytest.raises(AppError) as refused:
        action()
    return refused.value


def test_a_broken_cell_is_refused_with_sheet_row_and_column(tmp_path: Path) -> None:
    broken = cbs_book(
        tmp_path / "broken.xlsx",
        {"Afdeling": [["Totaal", 1240, 78.2, 9.1, 12.7], ["Burgerzaken", 310, 71.0, "veel", 20.6]]},
    )
    error = refusal(lambda: read_result_tables(broken, INGEZOOMD))
    assert error.message.key == "results.not-a-share"
    assert "sheet Afdeling, row 6, column D" in error.render("en")
    assert "blad Afdeling, rij 6, kolom D" in error.render("nl")
    assert "feuille Afdeling, ligne 6, colonne D" in error.render("fr")
    assert error.location == "broken.xlsx › Afdeling › D6"


def test_shares_that_do_not_add_up_and_a_missing_group_are_located(tmp_path: Path) -> None:
    off = cbs_book(tmp_path / "off.xlsx", {"Totaal": [["Totaal", 1240, 78.2, 19.1, 12.7]]})
    error = refusal(lambda: read_result_tables(off, INGEZOOMD))
    assert error.message.key == "results.shares-do-not-add-up"
    assert "row 5" in error.render("en")
    assert "110.0" in error.render("en")
    missing = cbs_book(
        tmp_path / "missing.xlsx",
        {"Totaal": [["Totaal", 1240, 78.2, 21.8]]},
        groups=["Nederland", "Buiten-Europa"],
    )
    error = refusal(lambda: read_result_tables(missing, INGEZOOMD))
    assert error.message.key == "results.groups-missing"
    assert "Totaal" in error.render("en")
    assert "Europa (exclusief Nederland)" in error.render("en")


def test_a_file_without_the_programmes_tables_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--lang",
            "en",
            "results",
            "import",
            str(SAMPLES / "demo-personeel.xlsx"),
            "--programme",
            "cbs-barometer-ingezoomd",
            "--year",
            "2025",
            "--organisation",
            ORG,
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "no table with this programme's origin groups" in err
    assert "Traceback" not in err
    code = main(
        [
            "--lang",
            "en",
            "results",
            "import",
            str(SAMPLES / "results-ksz-2025.csv"),
            "--programme",
            "cbs-barometer-ingezoomd",
            "--year",
            "2025",
            "--organisation",
            ORG,
        ]
    )
    assert code == 2
    assert "not a file type" in capsys.readouterr().err
    code = main(
        [
            "--lang",
            "en",
            "results",
            "import",
            str(SAMPLES / "results-ksz-2025.csv"),
            "--programme",
            "ksz-diversiteit",
            "--year",
            "2025",
            "--organisation",
            "../x",
        ]
    )
    assert code == 2
    assert "not a valid organisation code" in capsys.readouterr().err


def test_hostile_inputs_are_refused_with_a_sentence(tmp_path: Path) -> None:
    """A pipe without a writer, /dev/zero (where the OS has them) and a far-cell workbook, through
    the real command in a child under a 2 GiB address-space cap: exit 2, a sentence, no
    traceback, nothing kept."""
    hostile: list[tuple[Path, str]] = []
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "tabellen.csv"
        os.mkfifo(pipe)
        hostile.append((pipe, "ksz-diversiteit"))
    if Path("/dev/zero").exists():
        zero = tmp_path / "zero.csv"
        zero.symlink_to("/dev/zero")
        hostile.append((zero, "ksz-diversiteit"))
    far = tmp_path / "far.xlsx"
    book = xlsxwriter.Workbook(str(far))
    sheet = book.add_worksheet("Totaal")
    sheet.write_row(0, 0, ["Subgroep", "Aantal personen", *NEW])
    sheet.write_row(1, 0, ["Totaal", 1240, 78.2, 9.1, 12.7])
    sheet.write(1048575, 16383, "Q7far")
    book.close()
    data = tmp_path / "data"
    for path, programme in (*hostile, (far, "cbs-barometer-ingezoomd")):
        completed = subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop_app",
                "--lang",
                "en",
                "results",
                "import",
                str(path),
                "--programme",
                programme,
                "--year",
                "2025",
                "--organisation",
                ORG,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, "DIVERSITY_ASSISTANT_DATA_DIR": str(data)},
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)),
            stdin=subprocess.DEVNULL,
        )
        assert completed.returncode == 2, (path.name, completed.stderr[-2000:])
        assert "Traceback" not in completed.stderr
        assert completed.stderr.strip().endswith(".")
        assert "Q7far" not in completed.stderr
    assert "XFD1048576" in completed.stderr
    assert not (data / "results").exists() or not any((data / "results").rglob("*.json"))


# -- history and chance ---------------------------------------------------------------------------


def test_wilson_intervals_match_hand_computed_values() -> None:
    # z = 1.959964, z^2 = 3.841459. p = 0.5, n = 100: centre (0.5 + 0.019207) / 1.038415 = 0.5,
    # half 1.887457 * sqrt(0.0025 + 0.0000960) = 1.887457 * 0.050951 = 0.096168
    assert wilson_interval(0.5, 100) == pytest.approx((0.403832, 0.596168), abs=1e-5)
    # p = 0.1, n = 100: centre 0.119207 / 1.038415 = 0.114797, half 1.887457 * 0.031559 = 0.059566
    assert wilson_interval(0.1, 100) == pytest.approx((0.055231, 0.174363), abs=1e-5)
    # p = 0, n = 10: centre 0.192073 / 1.384146 = 0.138766, half = centre: (0, 0.277533)
    assert wilson_interval(0.0, 10) == pytest.approx((0.0, 0.277533), abs=1e-5)
    # a published 10.0 is 9.95..10.05; n in [1000, 1000]: p = 0.1005 gives the upper bound
    # centre (0.1005 + 0.0019207) / 1.0038415 = 0.102030, half 1.952463 * 0.0095583 = 0.018662
    low, high = share_interval(10.0, SizeInterval(1000, 1000))
    assert high == pytest.approx(12.0692, abs=1e-3)
    assert low < 8.3  # p = 0.0995 at the lower end
    # conservative over the size interval: the smallest size gives the widest interval
    wide = share_interval(10.0, SizeInterval(100, 1000))
    assert wide[0] < low
    assert wide[1] > high
    assert wide[1] == pytest.approx(100 * wilson_interval(0.1005, 100)[1])


def test_the_chance_verdict_on_hand_computed_cases() -> None:
    exact = SizeInterval(1000, 1000)
    # 10.0% -> 20.0% over 1000: upper 12.07% before, lower 17.59% after: beyond chance
    # (p = 0.1995: centre 0.200648, half 1.952463 * 0.012683 = 0.024764, lower 0.175884)
    assert share_interval(20.0, exact)[0] == pytest.approx(17.588, abs=1e-2)
    assert change_within_chance(10.0, exact, 20.0, exact) is False
    # the same shares over 100 each: 10.0% up to 17.49%, 20.0% from 13.29%: within chance
    small = SizeInterval(100, 100)
    assert share_interval(20.0, small)[0] == pytest.approx(13.295, abs=1e-2)
    assert change_within_chance(10.0, small, 20.0, small) is True


def test_two_years_kept_and_the_verdict_on_them(tmp_path: Path, data_dir: Path) -> None:
    first = import_results(ingezoomd_2024(tmp_path / "2024.xlsx"), INGEZOOMD, 2024, ORG)
    second = import_results(ingezoomd_2025(tmp_path / "2025.xlsx"), INGEZOOMD, 2025, ORG)
    assert first.path == data_dir / "results" / ORG / "2024" / "cbs-barometer-ingezoomd.json"
    assert not second.replaced
    again = import_results(ingezoomd_2025(tmp_path / "2025b.xlsx"), INGEZOOMD, 2025, ORG)
    assert again.replaced
    older, newer = load_history(ORG)
    assert (older.year, newer.year) == (2024, 2025)
    verdicts = {(v.breakdown, v.subgroup, v.group): v for v in compare_years(older, newer)}
    # 78.5% -> 78.2% of about 1,200 persons: chance
    assert verdicts[("Totaal", "Totaal", "nederland")].within_chance is True
    # sizes 1,220 and 1,240 rounded to tens, up to 5% unmatched: 1,154..1,225 and 1,173..1,245
    assert older.table("Totaal").rows[0].size_interval == SizeInterval(1154, 1225)
    assert newer.table("Totaal").rows[0].size_interval == SizeInterval(1173, 1245)
    # Buiten-Europa 7.0% -> 12.7%: 7.0 reaches at most 8.7%, 12.7 starts at 10.87%: more than chance
    assert share_interval(12.7, SizeInterval(1173, 1245))[0] == pytest.approx(10.869, abs=1e-2)
    assert verdicts[("Totaal", "Totaal", "buiten-europa")].within_chance is False
    # Europa 14.5% -> 9.1%: more than chance at this size
    assert verdicts[("Totaal", "Totaal", "europa")].within_chance is False
    # Burgerzaken Buiten-Europa 19.7% -> 20.6% of about 300: chance
    assert verdicts[("Afdeling", "Burgerzaken", "buiten-europa")].within_chance is True
    # a cell suppressed in one year cannot be judged
    staf = verdicts[("Afdeling", "Staf en bestuur", "europa")]
    assert staf.within_chance is None
    assert staf.reason == "suppressed"
    # the series of one group, year by year
    points = series(
        load_history(ORG),
        unit="person",
        classification="herkomst",
        breakdown="Afdeling",
        subgroup="Burgerzaken",
        group="buiten-europa",
    )
    assert [(p.year, p.share) for p in points] == [(2024, 19.7), (2025, 20.6)]


def test_the_command_line_names_changes_beyond_chance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for year, builder in (("2024", ingezoomd_2024), ("2025", ingezoomd_2025)):
        path = builder(tmp_path / f"{year}.xlsx")
        assert (
            main(
                [
                    "--lang",
                    "en",
                    "results",
                    "import",
                    str(path),
                    "--programme",
                    "cbs-barometer-ingezoomd",
                    "--year",
                    year,
                    "--organisation",
                    ORG,
                ]
            )
            == 0
        )
    capsys.readouterr()
    assert main(["--lang", "en", "results", "show", "--organisation", ORG]) == 0
    out = capsys.readouterr().out
    assert (
        "Totaal › Totaal › Europe (excluding the Netherlands): 14.5% (2024) → 9.1% (2025): "
        "more than chance explains" in out
    )
    assert (
        "Totaal › Totaal › Netherlands: 78.5% (2024) → 78.2% (2025): within what chance explains"
        in out
    )


ALLOWED_KEYS = {
    "format",
    "version",
    "programme",
    "unit",
    "values",
    "classification",
    "groups",
    "year",
    "organisation",
    "imported_at",
    "source",
    "name",
    "sha256",
    "share_decimals",
    "skipped_sheets",
    "submission",
    "tables",
    "breakdown",
    "sheet",
    "rows",
    "subgroup",
    "total",
    "size",
    "size_interval",
    "row",
    "group",
    "share",
    "count",
    "suppressed",
    "marker",
}


def keys_of(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys_of(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys_of(v)}
    return set()


def test_no_person_level_value_is_stored(tmp_path: Path, data_dir: Path) -> None:
    import_results(SAMPLES / "results-ksz-2025.csv", KSZ, 2025, ORG)
    stored = import_results(ingezoomd_2025(tmp_path / "c.xlsx"), INGEZOOMD, 2025, ORG)
    for path in (data_dir / "results").rglob("*"):
        if path.is_file():
            assert path.suffix == ".json", path
            data = json.loads(path.read_text(encoding="utf-8"))
            assert keys_of(data) <= ALLOWED_KEYS
    # every row is a group of the office's table: a subgroup with its size, never one person
    for table in stored.result.tables:
        for row in table.rows:
            assert row.size is None or row.size >= 10
    assert "Toelichting" not in json.dumps(stored.result.to_json()["tables"])


def test_a_ksz_gpg_file_is_decrypted_with_the_key_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import pysequoia

    from desktop_app.crypto import openpgp

    organisation = "kbo-0123456749"
    key = openpgp.create_key(
        tmp_path / "pgp",
        organisation,
        "Stad Voorbeeld",
        "hr@voorbeeld.be",
        passphrase="lang geheim wachtwoord",
        algorithm="cv25519",
    )
    plain = (SAMPLES / "results-ksz-2025.csv").read_bytes()
    encrypted = tmp_path / "tabellen-2025.csv.gpg"
    encrypted.write_bytes(pysequoia.encrypt(plain, recipients=[key.certificate], armor=False))
    argv = [
        "--lang",
        "en",
        "results",
        "import",
        str(encrypted),
        "--programme",
        "ksz-diversiteit",
        "--year",
        "2025",
        "--organisation",
        organisation,
    ]
    assert main(argv) == 2
    assert "--key-folder" in capsys.readouterr().err
    monkeypatch.setenv("DIVERSITY_ASSISTANT_OPENPGP_PASSPHRASE", "lang geheim wachtwoord")
    assert main([*argv, "--key-folder", str(tmp_path / "pgp")]) == 0, capsys.readouterr().err
    (kept,) = load_history(organisation)
    assert kept.table("Afdeling").rows[0].value("belgisch").count == 231
    assert kept.source_name == "tabellen-2025.csv"


def test_an_import_is_linked_to_the_submissions_record(tmp_path: Path) -> None:
    from desktop_app.delivery.record import DeliveredFile, DeliveryRecord, write_record
    from desktop_app.profiles.model import Channel, Protection

    manifest = {
        "programme": {"id": "cbs-barometer-ingezoomd", "version": "2026.1"},
        "peildatum": "2025-10-01",
        "created": "2025-11-02T10:00:00+00:00",
        "rows": {"read": 1302, "included": 1296, "written": 1296},
        "categories": {"merges": {"Afdeling": {"Bestuur": "Staf en bestuur"}}},
    }
    record = DeliveryRecord(
        manifest=manifest,
        file=DeliveredFile("cbs-2025.csv", "ab" * 32, 1234),
        channel=Channel.WEB_PORTAL,
        protection=Protection.NONE,
        recipient_kind="channel",
        recipient_fingerprint=None,
        signer_fingerprint=None,
    )
    path = tmp_path / "cbs-2025.record.json"
    write_record(path, record)
    stored = import_results(ingezoomd_2025(tmp_path / "t.xlsx"), INGEZOOMD, 2025, ORG, record=path)
    assert stored.result.submission == {
        "record": "cbs-2025.record.json",
        "delivered_file": "cbs-2025.csv",
        "delivered_sha256": "ab" * 32,
        "peildatum": "2025-10-01",
        "manifest_created": "2025-11-02T10:00:00+00:00",
        "programme_version": "2026.1",
        "rows_included": 1296,
        "merges": {"Afdeling": {"Bestuur": "Staf en bestuur"}},
    }
    assert load_history(ORG)[0].submission == stored.result.submission
    from desktop_app.results import build_report

    html = build_report(load_history(ORG), "en", organisation=ORG).html
    assert (
        "Belongs to the submission cbs-2025.csv (peildatum 2025-10-01; 1296 persons or jobs "
        "submitted; merged subgroups: Afdeling: Bestuur → Staf en bestuur)" in html
    )
    error = refusal(
        lambda: import_results(
            SAMPLES / "results-cbs-algemeen-2025.xlsx", ALGEMEEN, 2025, ORG, record=path
        )
    )
    assert error.message.key == "results.record-other-programme"


def test_without_an_organisation_or_a_draft_the_command_asks_for_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        [
            "--lang",
            "fr",
            "results",
            "import",
            str(SAMPLES / "results-ksz-2025.csv"),
            "--programme",
            "ksz-diversiteit",
            "--year",
            "2025",
        ]
    )
    assert code == 2
    assert "--organisation" in capsys.readouterr().err


def test_a_second_table_below_the_first_is_left_alone(tmp_path: Path) -> None:
    path = cbs_book(
        tmp_path / "two.xlsx",
        {
            "Totaal": [
                ["Totaal", 1240, 78.2, 9.1, 12.7],
                [],
                ["Aantallen", "", "", "", ""],
                ["Subgroep", "Aantal personen", *NEW],
                ["Totaal", 1240, 970, 113, 157],
            ]
        },
    )
    (table,) = read_result_tables(path, INGEZOOMD).tables
    assert [r.subgroup for r in table.rows] == ["Totaal"]
