"""``diversity-assistant results``: bring the office's tables home.

``results import FILE --programme ID --year YYYY [--organisation ID] [--record FILE]
[--key-folder DIR]`` reads the table set the officer downloaded (CBS's workbook, KSZ's CSV or
workbook; a KSZ ``.gpg`` with the organisation's key folder) and keeps it for the organisation and
year. ``results fetch`` (the KSZ's SFTP server): :mod:`desktop_app.commands.results_fetch`.
``results report`` and ``results check`` (the publication check): see
:mod:`desktop_app.commands.results_report`. ``results show [--organisation ID] [--json]`` lists what is kept, per year and breakdown the
groups and their shares, suppressed cells marked, and for consecutive years of one series which
changes are beyond what chance explains. The organisation defaults to the saved draft's.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import tempfile
from pathlib import Path

from desktop_app.commands import results_fetch
from desktop_app.commands.common import EXIT_OK, year_argument
from desktop_app.commands.results_output import classification_label, print_imported
from desktop_app.messages import Message
from desktop_app.results.model import ResultsError, ResultSet

_SUFFIXES = {"xlsx": (".xlsx", ".xlsm"), "csv": (".csv", ".txt")}
_ENCRYPTED = (".gpg", ".pgp")
OPENPGP_PASSPHRASE_ENV = "DIVERSITY_ASSISTANT_OPENPGP_PASSPHRASE"  # noqa: S105 - a variable name


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    results = commands.add_parser(
        "results", help="import the tables the office returned, and show them per year"
    )
    actions = results.add_subparsers(dest="results_action", metavar="ACTION", required=True)
    importing = actions.add_parser("import", help="import the office's table set for a year")
    importing.add_argument("file", type=Path)
    importing.add_argument("--programme", required=True, metavar="ID")
    importing.add_argument("--year", required=True, type=year_argument, metavar="YYYY")
    importing.add_argument("--organisation", metavar="ID", help="e.g. rsin-123456782")
    importing.add_argument("--record", type=Path, metavar="FILE", help="the submission's record")
    importing.add_argument(
        "--key-folder", type=Path, metavar="DIR", help="the organisation's OpenPGP key (.gpg)"
    )
    results_fetch.add_parser(actions)
    showing = actions.add_parser("show", help="show the kept results per year and breakdown")
    showing.add_argument("--organisation", metavar="ID")
    showing.add_argument("--json", action="store_true")
    reporting = actions.add_parser(
        "report",
        help="write the report (PDF), its tables (xlsx) and charts (SVG, PNG); exit 1 when the "
        "publication check flags a figure",
    )
    reporting.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    reporting.add_argument("--organisation", metavar="ID")
    reporting.add_argument(
        "--lang", dest="report_language", choices=("nl", "en", "fr"), help="the report's language"
    )
    reporting.add_argument(
        "--threshold", type=int, metavar="N", help="persons (default: the programme's cell rule)"
    )
    reporting.add_argument(
        "--benchmark", type=Path, metavar="FILE", help="benchmark shares (CSV in the table layout)"
    )
    reporting.add_argument(
        "--benchmark-shares",
        metavar="P,P,P",
        help="benchmark shares typed in, one per origin group in the table's order",
    )
    reporting.add_argument("--benchmark-label", metavar="TEXT", default="")
    checking = actions.add_parser(
        "check",
        help="the publication check: may a published figure stand for fewer people than the "
        "threshold, or be worked back by differencing? exit 1 when one may",
    )
    checking.add_argument("--organisation", metavar="ID")
    checking.add_argument(
        "--year", type=year_argument, metavar="YYYY", help="default: the latest year"
    )
    checking.add_argument("--programme", metavar="ID", help="when a year has more than one")
    checking.add_argument(
        "--plan", type=Path, metavar="FILE", help="how the figures are published (JSON)"
    )
    checking.add_argument("--threshold", type=int, metavar="N")
    checking.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, language: str) -> int:
    if args.results_action == "import":
        return _import(args, language)
    if args.results_action == "fetch":
        return results_fetch.fetch(args, language, _organisation(args.organisation))
    if args.results_action == "report":
        from desktop_app.commands.results_report import report

        return report(args, args.report_language or language, _organisation(args.organisation))
    if args.results_action == "check":
        from desktop_app.commands.results_report import check

        return check(args, language, _organisation(args.organisation))
    return _show(args, language)


def _organisation(given: str | None) -> str:
    if given:
        return str(given)
    from desktop_app.draft import load_draft
    from desktop_app.errors import AppError
    from desktop_app.paths import autosave_path

    path = autosave_path()
    if path.is_file():
        try:
            found = load_draft(path).organisation_id
        except AppError:
            found = None
        if found:
            return found
    raise ResultsError("results.organisation-missing")


def _import(args: argparse.Namespace, language: str) -> int:
    from desktop_app.profiles import load_programme_by_id
    from desktop_app.results import import_results

    programme = load_programme_by_id(args.programme)
    organisation = _organisation(args.organisation)
    source: Path = args.file
    if programme.results is None:
        raise ResultsError("results.no-layout", programme=programme.name)
    suffix = source.suffix.lower()
    inner = Path(source.stem).suffix.lower() if suffix in _ENCRYPTED else suffix
    allowed = tuple(s for t in programme.results.file_types for s in _SUFFIXES.get(t, ()))
    if inner not in allowed:
        raise ResultsError(
            "results.file-type",
            file=source.name,
            programme=programme.name,
            types=", ".join(programme.results.file_types),
        )
    with tempfile.TemporaryDirectory(prefix="results-") as scratch:
        if suffix in _ENCRYPTED:
            source = _decrypted(args, source, organisation, Path(scratch))
        stored = import_results(source, programme, args.year, organisation, record=args.record)
    print_imported(
        stored,
        args.file.name,
        programme=programme,
        organisation=organisation,
        year=args.year,
        language=language,
    )
    return EXIT_OK


def _decrypted(args: argparse.Namespace, source: Path, organisation: str, scratch: Path) -> Path:
    """A KSZ ``.gpg``: decrypted with the organisation's key into a private scratch folder."""
    if args.key_folder is None:
        raise ResultsError("results.encrypted-needs-key", file=source.name)
    from desktop_app.results.encrypted import decrypt_table_set

    return decrypt_table_set(
        source,
        organisation,
        scratch,
        key_folder=args.key_folder,
        passphrase=os.environ.get(OPENPGP_PASSPHRASE_ENV),
    )


def _group_labels(result: ResultSet, language: str) -> list[str]:
    from desktop_app.profiles import load_programme_by_id

    try:
        layout = load_programme_by_id(result.programme).results
    except Exception:
        layout = None
    for candidate in layout.classifications if layout else ():
        if candidate.id == result.classification:
            return [g.label.get(language) for g in candidate.groups]
    return list(result.groups)


def _show(args: argparse.Namespace, language: str) -> int:
    from desktop_app.results import load_history

    organisation = _organisation(args.organisation)
    history = load_history(organisation)
    if args.json:
        print(json.dumps([r.to_json() for r in history], ensure_ascii=False, indent=1))
        return EXIT_OK
    if not history:
        print(Message("results.none-yet", {"organisation": organisation}).render(language))
        return EXIT_OK
    for result in history:
        _print_set(result, language)
    _print_changes(history, language)
    return EXIT_OK


def _share(value: float | None, decimals: int) -> str:
    if value is None:
        return "."
    shown = min(decimals, 1)
    return f"{value:.{shown}f}"


def _print_set(result: ResultSet, language: str) -> None:
    unit = Message(f"results.unit-{result.unit}").render(language)
    print(
        Message(
            "results.show-set",
            {
                "year": result.year,
                "programme": result.programme,
                "unit": unit,
                "classification": classification_label(
                    result.programme, result.classification, language
                ),
                "file": result.source_name,
            },
        ).render(language)
    )
    groups = _group_labels(result, language)
    header = [
        Message("results.subgroup").render(language),
        Message("results.size").render(language),
    ]
    header += groups
    suppressed = False
    for table in result.tables:
        print(f"  {table.breakdown}")
        lines = [header]
        for row in table.rows:
            cells = [row.subgroup, str(row.size) if row.size is not None else "."]
            for value in row.values:
                suppressed = suppressed or value.suppressed
                cells.append(_share(value.share, result.share_decimals))
            lines.append(cells)
        widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
        for line in lines:
            print(
                "    "
                + "  ".join(
                    cell.ljust(w) if i == 0 else cell.rjust(w)
                    for i, (cell, w) in enumerate(zip(line, widths, strict=True))
                ).rstrip()
            )
    if suppressed:
        print("  " + Message("results.suppressed-legend").render(language))
    print()


def _print_changes(history: tuple[ResultSet, ...], language: str) -> None:
    from desktop_app.results import compare_years

    by_series: dict[tuple[str, str], list[ResultSet]] = {}
    for result in history:
        by_series.setdefault((result.unit, result.classification), []).append(result)
    for sets in by_series.values():
        ordered = sorted(sets, key=lambda r: r.year or 0)
        for before, after in itertools.pairwise(ordered):
            if before.year == after.year:
                continue
            labels = dict(zip(after.groups, _group_labels(after, language), strict=True))
            for verdict in compare_years(before, after):
                if verdict.within_chance is None:
                    continue
                key = (
                    "results.change-within-chance"
                    if verdict.within_chance
                    else ("results.change-beyond-chance")
                )
                print(
                    Message(
                        key,
                        {
                            "breakdown": verdict.breakdown,
                            "subgroup": verdict.subgroup,
                            "group": labels.get(verdict.group, verdict.group),
                            "before": _share(verdict.share_before, 1),
                            "after": _share(verdict.share_after, 1),
                            "year_before": verdict.year_before,
                            "year_after": verdict.year_after,
                        },
                    ).render(language)
                )
