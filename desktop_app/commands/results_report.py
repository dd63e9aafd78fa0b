"""``results check [--year] [--programme] [--plan FILE] [--threshold N] [--json]``: the
publication check of a kept year (by default as the office published it; with a plan, as the
officer publishes it: merged lines, cells left out, earlier versions of the same year's figures),
exit 1 when a figure is flagged.

``results report --out report.pdf [--lang] [--benchmark FILE | --benchmark-shares P,P,P]``:
the report of everything kept for the organisation, as a PDF (charts, tables with suppressions
and flagged cells marked, the publication check, method notes), its tables as
``<report>.tables.xlsx`` and its charts as ``<report>.charts/chart-N.svg`` and ``.png`` (an
existing file or folder of those names that the assistant did not write is refused, never
replaced). Exit 1 when the
publication check flags a figure (the files are written all the same), 2 when nothing can be
reported."""

from __future__ import annotations

import argparse

from desktop_app.commands.common import EXIT_FINDINGS, EXIT_OK
from desktop_app.messages import Message
from desktop_app.results.model import ResultsError, ResultSet
from desktop_app.results.publication import PublicationCheck


def _benchmark(args: argparse.Namespace, latest: ResultSet):  # type: ignore[no-untyped-def]
    from desktop_app.results.benchmark import read_benchmark, typed_benchmark

    if args.benchmark is not None:
        from desktop_app.profiles import load_programme_by_id

        return read_benchmark(args.benchmark, load_programme_by_id(latest.programme), latest)
    if args.benchmark_shares:
        text = args.benchmark_shares
        parts = [p.strip().replace(",", ".") for p in text.split(";" if ";" in text else ",")]
        try:
            values = [float(p) for p in parts]
        except ValueError:
            values = []
        if len(values) != len(latest.groups):
            raise ResultsError("results.benchmark-count", count=len(latest.groups), given=text[:80])
        return typed_benchmark(
            latest, dict(zip(latest.groups, values, strict=True)), args.benchmark_label
        )
    return None


def report(args: argparse.Namespace, language: str, organisation: str) -> int:
    from desktop_app.bounded_read import check_output_file
    from desktop_app.render.results import write_results_report
    from desktop_app.results import load_history
    from desktop_app.results.report import build_report
    from desktop_app.results.report_files import check_sidecars, report_paths

    if not args.out.is_dir():  # a folder has its own sentence (write_results_report)
        paths = report_paths(args.out)
        for target in (paths.pdf, paths.xlsx):  # the benchmark is never written over
            check_output_file(target, inputs=(args.benchmark,))
        check_sidecars(paths)  # before the report is built: refused, nothing written
    history = load_history(organisation)
    if not history:
        raise ResultsError("results.report-nothing", organisation=organisation)
    built = build_report(
        history,
        language,
        organisation=organisation,
        threshold=args.threshold,
        benchmark=_benchmark(args, history[-1]),
    )
    files = write_results_report(built, args.out)
    print(
        Message(
            "results.report-written",
            {"pdf": files.pdf, "xlsx": files.xlsx, "charts": files.charts, "count": files.count},
        ).render(language)
    )
    flagged = sum(len(c.findings) + len(c.unknown) for _r, c in built.checks)
    if flagged:
        print(Message("results.report-flagged", {"count": flagged}).render(language))
        return EXIT_FINDINGS
    return EXIT_OK


def _set_for(
    history: tuple[ResultSet, ...], year: int, programme: str | None, organisation: str
) -> ResultSet:
    found = [
        r for r in history if r.year == year and (programme is None or r.programme == programme)
    ]
    if found:
        return found[-1]
    if programme is None:
        years = ", ".join(sorted({str(r.year) for r in history}))
        raise ResultsError(
            "results.check-no-year", organisation=organisation, year=year, years=years
        )
    kept = [r for r in history if r.programme == programme]
    if kept:  # the programme is there, not that year
        raise ResultsError(
            "results.check-no-year-of-programme",
            organisation=organisation,
            programme=programme,
            year=year,
            years=", ".join(sorted({str(r.year) for r in kept})),
        )
    programmes = sorted({r.programme for r in history})
    raise ResultsError(
        "results.check-no-programme",
        organisation=organisation,
        programme=programme,
        programmes="; ".join(
            f"{p} ({', '.join(sorted({str(r.year) for r in history if r.programme == p}))})"
            for p in programmes
        ),
    )


def check(args: argparse.Namespace, language: str, organisation: str) -> int:
    import json

    from desktop_app.results import load_history
    from desktop_app.results.plan import read_plan
    from desktop_app.results.publication import check_publication
    from desktop_app.results.report import check_result, check_texts, set_heading

    history = load_history(organisation)
    if not history:
        raise ResultsError("results.report-nothing", organisation=organisation)
    checks = []
    if args.plan is not None:
        versions = read_plan(args.plan)
        for year in sorted({v.year for v in versions if v.year is not None}):
            result = _set_for(history, year, args.programme, organisation)
            chosen = [v for v in versions if v.year == year]
            threshold = (
                args.threshold if args.threshold is not None else check_result(result).threshold
            )
            checks.append((result, check_publication(result, chosen, threshold=threshold)))
    else:
        year = args.year if args.year is not None else max(r.year or 0 for r in history)
        result = _set_for(history, year, args.programme, organisation)
        checks.append((result, check_result(result, args.threshold)))
    if args.json:
        print(json.dumps([_check_json(r, c) for r, c in checks], ensure_ascii=False, indent=1))
    else:
        for result, found in checks:
            print(set_heading(result, language))
            for text, proposals in check_texts(found, result, language):
                print("  " + text)
                for proposal in proposals:
                    print("    " + proposal)
    flagged = any(c.findings or c.unknown for _r, c in checks)
    return EXIT_FINDINGS if flagged else EXIT_OK


def _check_json(result: ResultSet, check: PublicationCheck) -> dict[str, object]:
    from dataclasses import asdict

    data = asdict(check)
    data.pop("versions", None)
    return {"year": result.year, "programme": result.programme, **data}
