"""``diversity-assistant ksz crossing`` and ``ksz request``: the Belgian route on the command line.

Both call the same core steps as the wizard's KSZ pages (:mod:`desktop_app.ksz.steps`,
:mod:`desktop_app.ksz.documents`), so a draft gives the same verdict, proposals and documents in
either face. Exit codes as every command: 0 done (``crossing``: every crossing is large enough),
1 not (``crossing``: too small, with proposals; ``request``: the draft is incomplete, what is
missing is listed), 2 the file, draft or arguments could not be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.errors import UsageError
from desktop_app.messages import Message

if TYPE_CHECKING:
    import pandas as pd

    from desktop_app.draft import Draft
    from desktop_app.profiles import Programme

EXIT_OK, EXIT_FINDINGS = 0, 1
DOCUMENT_LANGUAGES = ("nl", "fr")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``ksz`` command and its sub-commands ``crossing`` and ``request``."""
    ksz = commands.add_parser(
        "ksz", help="the Belgian KSZ/BCSS route: crossing check and request documents"
    )
    steps = ksz.add_subparsers(dest="ksz_command", metavar="STEP", required=True)

    crossing = steps.add_parser(
        "crossing",
        help="predict whether every requested crossing is large enough; propose coarser "
        "categories where not",
    )
    crossing.add_argument(
        "file",
        type=Path,
        nargs="?",
        help="the staff file with the own categories (.xlsx .xlsm .xls .ods .csv); without it "
        "the tables cover the whole organisation (--staff-count or the draft's head count)",
    )
    crossing.add_argument(
        "--programme", required=True, metavar="ID", help="the KSZ profile, e.g. ksz-diversiteit"
    )
    crossing.add_argument("--mapping", type=Path, metavar="MAP.json", help="a saved mapping")
    crossing.add_argument(
        "--draft",
        type=Path,
        metavar="DRAFT.json",
        help="the wizard's draft: its characteristics, origin grouping, age bands, merges, "
        "own categories and mapping",
    )
    crossing.add_argument(
        "--by",
        action="append",
        default=[],
        metavar="COL",
        help="a source column that is an own category (department, function level); repeat "
        "for more (default: the draft's breakdowns)",
    )
    crossing.add_argument(
        "--staff-count",
        type=int,
        metavar="N",
        help="without a file: the number of staff (default: the draft's head count)",
    )
    crossing.add_argument("--json", action="store_true", help="print one JSON object")

    request = steps.add_parser(
        "request", help="write the request documents (nl/fr, PDF and ODT) from a draft"
    )
    request.add_argument("--draft", type=Path, required=True, metavar="DRAFT.json")
    request.add_argument("--out", type=Path, required=True, metavar="DIR")
    request.add_argument(
        "--lang",
        dest="document_language",
        choices=DOCUMENT_LANGUAGES,
        default=None,
        help="write only the documents in this language (default: Dutch and French)",
    )


def run(args: argparse.Namespace, language: str) -> int:
    if args.ksz_command == "crossing":
        return run_crossing(args, language)
    return run_request(args, language)


# -- ksz crossing -----------------------------------------------------------------------------------


def run_crossing(args: argparse.Namespace, language: str) -> int:
    from desktop_app.draft import Draft, load_draft
    from desktop_app.ksz import steps
    from desktop_app.ksz.choices import align_reference, read_choices
    from desktop_app.ksz.crossing import settings_of
    from desktop_app.ksz.merges import read_merges
    from desktop_app.profiles import load_programme_by_id

    programme = load_programme_by_id(args.programme)
    settings_of(programme)  # a programme without reference figures is refused here
    draft = load_draft(args.draft) if args.draft else Draft()
    if args.draft and draft.programme_id not in (None, programme.id):
        raise UsageError(
            "ksz.cli.programme-mismatch",
            draft=args.draft.name,
            draft_programme=draft.programme_id,
            programme=programme.id,
        )
    align_reference(draft)  # the file is checked on the reference year's 31 December
    if args.staff_count is not None and args.staff_count < 1:
        raise UsageError("ksz.cli.staff-count-invalid", count=args.staff_count)
    errors = 0
    if args.file is not None:
        check = _check_file(args, draft, programme.id)
        errors = check.validation.counts()["error"]
        own = steps.own_columns(tuple(args.by) or draft.breakdowns, check.validation)
        staff = steps.staff_from_file(check.validation, own, read_merges(draft))
    else:
        if args.by or args.mapping:
            raise UsageError("ksz.cli.file-needed")
        count = args.staff_count or read_choices(draft).staff_count
        staff = steps.staff_from_count(count)
    if len(staff) == 0:
        raise UsageError("ksz.cli.no-staff")
    requested = steps.crossings(read_choices(draft), programme, tuple(staff.columns))
    if not requested:
        raise UsageError("ksz.request.no-characteristics")
    outcome = steps.check_all(staff, requested, programme)
    if errors:
        print(Message("ksz.cli.check-errors", {"errors": errors}).render(language), file=sys.stderr)
    if args.json:
        document = steps.outcome_json(outcome, staff, programme, language)
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        print(_crossing_text(outcome, staff, programme, language))
    return EXIT_OK if outcome.passes else EXIT_FINDINGS


def _check_file(args: argparse.Namespace, draft: Draft, programme_id: str) -> Any:
    """The staff file read, mapped and checked with the draft's choices (``--mapping`` and
    ``--by`` win); the draft's own file must still be the one it checked."""
    from desktop_app.check import CheckOptions, run_check

    own_file = draft.source.path is not None and _same_path(args.file, draft.source.path)
    return run_check(
        args.file,
        CheckOptions(
            programme_id=programme_id,
            sheet=draft.source.sheet if own_file else None,
            header_row=draft.source.header_row if own_file else None,
            mapping_path=args.mapping,
            mapping=None if args.mapping else draft.mapping,
            breakdowns=tuple(args.by),
            peildatum=draft.peildatum,
            population=dict(draft.population),
            expected_fingerprint=draft.source.fingerprint if own_file else None,
        ),
    )


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a symlink loop: compare as given
        return a == b


def _crossing_text(outcome: Any, staff: pd.DataFrame, programme: Programme, language: str) -> str:
    from desktop_app.ksz.crossing import settings_of

    settings = settings_of(programme)
    threshold = programme.thresholds.cell_threshold
    lines = [
        Message(
            "ksz.cli.staff",
            {
                "staff": len(staff),
                "columns": ", ".join(str(c) for c in staff.columns)
                or Message("ksz.cli.whole-organisation"),
            },
        ).render(language),
        "",
    ]
    for result, proposals in zip(outcome.results, outcome.proposals, strict=True):
        lines.append(result.message.render(language))
        for number, proposal in enumerate(proposals, start=1):
            lines.append(
                "  "
                + Message(
                    "ksz.cli.proposal",
                    {"number": number, "expected": f"{proposal.result.smallest_expected:.2f}"},
                ).render(language)
            )
            lines.extend("    - " + change.render(language) for change in proposal.changes)
        if not result.passes and not proposals:
            lines.append("  " + Message("ksz.cli.no-proposal").render(language))
        lines.append("")
    summary = (
        Message("ksz.cli.all-pass", {"threshold": threshold})
        if outcome.passes
        else Message(
            "ksz.cli.some-fail",
            {"failing": outcome.failing, "total": len(outcome.results), "threshold": threshold},
        )
    )
    lines.append(summary.render(language))
    lines.append(
        Message(
            "ksz.cli.reference", {"version": settings.version, "source": settings.source}
        ).render(language)
    )
    return "\n".join(lines)


# -- ksz request ------------------------------------------------------------------------------------


def run_request(args: argparse.Namespace, language: str) -> int:
    from desktop_app.draft import load_draft
    from desktop_app.ksz import steps
    from desktop_app.ksz.choices import align_reference
    from desktop_app.ksz.crossing import settings_of
    from desktop_app.ksz.documents import (
        build_request,
        make_documents,
        problem_location,
        public_key_path,
    )
    from desktop_app.ksz.request import check_request
    from desktop_app.profiles import load_programme_by_id
    from desktop_app.submission import check_draft_file, organisation_id

    draft = load_draft(args.draft)
    if draft.programme_id is None:
        raise UsageError("ksz.cli.no-programme", draft=args.draft.name)
    programme = load_programme_by_id(draft.programme_id)
    settings_of(programme)
    align_reference(draft)  # one reference: the documents' year is the linkage file's
    staff = None
    if draft.has_file:  # the own categories the request names come from the checked file
        staff = steps.staff_table(draft, check_draft_file(draft).validation)
    request = build_request(draft, programme, staff)
    problems = check_request(request, programme)
    if problems:
        print(
            Message(
                "ksz.cli.request-incomplete", {"draft": args.draft.name, "count": len(problems)}
            ).render(language),
            file=sys.stderr,
        )
        for problem in problems:
            print(f"  {problem_location(problem)}: {problem.render(language)}", file=sys.stderr)
        return EXIT_FINDINGS
    from desktop_app.render import html_to_pdf  # Qt's text engine, offscreen, as `package` does

    organisation = organisation_id(draft)
    public_key = public_key_path(draft, organisation)
    languages = (args.document_language,) if args.document_language else DOCUMENT_LANGUAGES
    written = make_documents(
        request,
        programme,
        args.out,
        draft.organisation.name_slug or organisation,  # file names the officer reads
        html_to_pdf,
        public_key=public_key,
        languages=languages,
    )
    print(
        Message("ksz.cli.documents-written", {"count": len(written), "folder": args.out}).render(
            language
        )
    )
    for path in written:
        print(f"  {path.name}")
    if public_key is None:
        print(Message("ksz.cli.no-public-key").render(language), file=sys.stderr)
    return EXIT_OK
