"""``results report --out report.pdf [--lang] [--benchmark FILE | --benchmark-shares P,P,P]``:
the report of everything kept for the organisation, as a PDF (charts, tables with suppressions
and flagged cells marked, the publication check, method notes), its tables as
``<report>.xlsx`` and its charts as ``<report>-charts/chart-N.svg`` and ``.png``. Exit 1 when the
publication check flags a figure (the files are written all the same), 2 when nothing can be
reported."""

from __future__ import annotations

import argparse

from desktop_app.commands.common import EXIT_FINDINGS, EXIT_OK
from desktop_app.messages import Message
from desktop_app.results.model import ResultsError, ResultSet


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
    from desktop_app.render.results import write_results_report
    from desktop_app.results import load_history
    from desktop_app.results.report import build_report

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
