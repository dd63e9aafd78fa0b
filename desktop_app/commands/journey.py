"""``diversity-assistant journey show|mark|accept|folder|repeat|documents``: the journey per
organisation and year.

The same calls as the wizard's start page (:mod:`desktop_app.journey`): ``show`` prints where
the officer stands (each office step open or done, with its date and evidence, the current step,
what the office is doing, what follows the delivery); ``mark`` closes a step with a file (a
document received is copied into the journey's folder, a delivery record ``*.record.json`` is a
receipt, a file the assistant made is kept by path and SHA-256) or the officer's confirmation
(``--by``; ``table-set-received`` names the step in which the office's tables arrive);
``accept`` attaches the office's documents and records their acceptance (date, officer,
signatory); ``folder`` chooses the yearly folder and files documents in it (an unencrypted
employee file only with ``--keep-plaintext``); ``repeat`` writes next year's draft from last
year's folder or draft (no confirmations, fingerprints or passwords); ``documents`` drafts the documents of the draft's programme (CBS: the sign-up e-mail
and the answers for the application form, PDF and ODT; KSZ: the request documents).

Which journey: ``--draft`` (its organisation id, year and programme), else ``--organisation``
and ``--year``, else the only journey there is. Exit codes: 0 done, 1 the documents cannot be
drafted yet (what is missing is listed), 2 the journey, draft, file or arguments could not be used.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.commands.common import EXIT_FINDINGS, EXIT_OK, date_argument, year_argument
from desktop_app.errors import UsageError
from desktop_app.messages import Message

if TYPE_CHECKING:
    from desktop_app.draft import Draft
    from desktop_app.journey import Journey
    from desktop_app.journey.folder import YearFolder


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    journey = commands.add_parser(
        "journey",
        help="the office's steps per organisation and year: where you are, what closed each step",
    )
    actions = journey.add_subparsers(dest="journey_command", metavar="ACTION", required=True)

    show = actions.add_parser("show", help="show the journey: each step open or done")
    _which(show)
    show.add_argument("--json", action="store_true", help="print one JSON object")

    mark = actions.add_parser("mark", help="mark a step done, with a file or your confirmation")
    mark.add_argument("step", metavar="STEP", help="the step's id, e.g. sign-up (see journey show)")
    mark.add_argument(
        "--file",
        type=Path,
        metavar="F",
        help="a document received (copied into the journey), a file the assistant made, or a "
        "delivery record (*.record.json)",
    )
    mark.add_argument("--by", metavar="NAME", help="your name: you confirm the step is done")
    mark.add_argument(
        "--date", type=date_argument, metavar="YYYY-MM-DD", help="when it was done (default: today)"
    )
    _which(mark)

    accept = actions.add_parser(
        "accept",
        help="attach the office's documents (project proposal, delivery agreement) and record "
        "their acceptance",
    )
    accept.add_argument("step", metavar="STEP", help="the step's id, e.g. project-proposal")
    accept.add_argument(
        "--file",
        type=Path,
        action="append",
        required=True,
        metavar="F",
        dest="files",
        help="a PDF the office sent (repeat for each)",
    )
    accept.add_argument("--officer", required=True, metavar="NAME", help="who accepted")
    accept.add_argument("--signatory", required=True, metavar="NAME", help="who signed")
    accept.add_argument(
        "--date", type=date_argument, metavar="YYYY-MM-DD", help="accepted on (default: today)"
    )
    _which(accept)

    folder = actions.add_parser(
        "folder", help="the yearly folder: everything of one submission in one folder you choose"
    )
    folder.add_argument("--set", type=Path, metavar="DIR", help="choose this folder for the year")
    folder.add_argument("--add", type=Path, metavar="F", help="file a copy of F in the folder")
    folder.add_argument(
        "--kind",
        choices=FOLDER_KINDS,
        default="document",
        help="what --add files (default: document)",
    )
    folder.add_argument(
        "--keep-plaintext",
        action="store_true",
        help="keep an unencrypted employee file there all the same (read the warning first)",
    )
    folder.add_argument("--json", action="store_true", help="print the folder's index as JSON")
    _which(folder)

    repeat = actions.add_parser(
        "repeat",
        help="next year's draft from last year's folder or draft: the same mapping, subgroups, "
        "merges and delivery route (no confirmations, fingerprints or passwords)",
    )
    repeat.add_argument(
        "--from",
        type=Path,
        required=True,
        metavar="DIR_OR_DRAFT",
        dest="source",
        help="last year's yearly folder, or its draft (.json)",
    )
    repeat.add_argument("--out", type=Path, required=True, metavar="NEW_DRAFT")
    repeat.add_argument(
        "--year", type=year_argument, metavar="Y", help="the new year (default: the next)"
    )

    documents = actions.add_parser(
        "documents", help="draft the documents of the draft's programme (sign-up e-mail, answers)"
    )
    documents.add_argument("--draft", type=Path, required=True, metavar="D.json")
    documents.add_argument("--out", type=Path, required=True, metavar="DIR")
    documents.add_argument(
        "--delivery-date",
        type=date_argument,
        metavar="YYYY-MM-DD",
        help="CBS: the delivery date you want, for the answers sheet",
    )


def _which(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--draft", type=Path, metavar="D.json", help="the journey of this draft")
    parser.add_argument("--organisation", metavar="ID", help="rsin-… or kbo-…")
    parser.add_argument("--year", type=year_argument, metavar="Y")


FOLDER_KINDS = ("document", "received", "receipt", "results", "employee-file")


def run(args: argparse.Namespace, language: str) -> int:
    runners = {
        "show": run_show,
        "mark": run_mark,
        "accept": run_accept,
        "folder": run_folder,
        "repeat": run_repeat,
    }
    return runners.get(args.journey_command, run_documents)(args, language)


# -- which journey ----------------------------------------------------------------------------------


def _load_draft(path: Path) -> Draft:
    from desktop_app.draft import load_draft

    draft = load_draft(path)
    if draft.programme_id is None:
        raise UsageError("journey.cli.no-programme", draft=path.name)
    return draft


def _journey(args: argparse.Namespace, *, start: bool) -> Journey:
    """The journey the arguments name; ``start``: a draft's journey is begun when missing."""
    from desktop_app.journey import draft_key, list_journeys, load_journey, start_for_draft

    if args.draft is not None:
        draft = _load_draft(args.draft)
        return start_for_draft(draft) if start else load_journey(*draft_key(draft))
    if args.organisation is not None or args.year is not None:
        return load_journey(*_key(args.organisation, args.year))
    entries = list_journeys()
    if not entries:
        raise UsageError("journey.cli.none")
    if len(entries) > 1:
        names = ", ".join(f"{e.organisation} {e.year}" for e in entries)
        raise UsageError("journey.cli.which", count=len(entries), journeys=names)
    entry = entries[0]
    if entry.problem is not None:
        raise entry.problem
    assert entry.journey is not None
    return entry.journey


def _key(organisation: str | None, year: int | None) -> tuple[str, int]:
    from desktop_app.journey.journey import check_key

    return check_key(organisation, year)


# -- journey show -----------------------------------------------------------------------------------


def run_show(args: argparse.Namespace, language: str) -> int:
    from desktop_app.journey.folder import year_folder

    journey = _journey(args, start=False)
    if args.json:
        folder = year_folder(journey.organisation, journey.year)
        view = {**journey.view(language), "yearly_folder": str(folder) if folder else None}
        print(json.dumps(view, ensure_ascii=False, indent=2))
    else:
        print(show_text(journey, language))
    return EXIT_OK


def show_text(journey: Journey, language: str) -> str:
    from desktop_app.journey import describe_evidence

    def m(key: str, **params: object) -> str:
        return Message(f"journey.cli.{key}", dict(params)).render(language)

    lines = [
        m(
            "header",
            programme=journey.programme.name.get(language),
            organisation=journey.organisation,
            year=journey.year,
        ),
        "",
    ]
    current = journey.current_step()
    for number, view in enumerate(journey.steps(), start=1):
        mark = "x" if view.state == "done" else ">" if view.step is current else " "
        who = f" ({m('office')})" if view.step.actor == "office" else ""
        lines.append(
            f"[{mark}] {number}. {view.step.title.get(language)}{who}  [{view.step.id}]"
            f"  {m(view.state)}"
        )
        if view.record is not None:
            evidence = describe_evidence(view.record.evidence).render(language)
            lines.append(f"       {view.record.date.isoformat()}: {evidence}")
    lines.append("")
    if current is None:
        lines.append(m("finished"))
    else:
        lines.append(m("current", step=current.title.get(language)))
    waiting = journey.waiting_for()
    if waiting:
        lines.append(m("waiting", steps=", ".join(s.title.get(language) for s in waiting)))
    after = journey.steps_after_delivery()
    if after:
        lines.append(m("after-delivery", steps=", ".join(s.title.get(language) for s in after)))
    from desktop_app.journey.folder import year_folder

    folder = year_folder(journey.organisation, journey.year)
    if folder is not None:
        lines.append(m("yearly-folder", folder=str(folder)))
    return "\n".join(lines)


# -- journey mark -----------------------------------------------------------------------------------


def run_mark(args: argparse.Namespace, language: str) -> int:
    from desktop_app.journey.received import mark_step, resolve_step

    if args.file is None and args.by is None:
        raise UsageError("journey.cli.evidence-needed")
    if args.file is not None and args.by is not None:
        raise UsageError("journey.cli.both-evidence")
    if args.file is not None and not args.file.exists():
        raise UsageError("journey.cli.file-missing", file=str(args.file))
    _check_before_start(args, [args.file] if args.file is not None else [], [args.by])
    journey = _journey(args, start=True)
    step = resolve_step(journey, args.step)  # an unknown step is refused before anything is copied
    marked = mark_step(
        journey, step.id, by=args.by, file=args.file, on=args.date, plaintext_sha256=_plain(args)
    )
    _print_marked(marked.journey, step.id, marked.filed, language)
    return EXIT_OK


def _check_before_start(
    args: argparse.Namespace, files: list[Path], names: list[str | None]
) -> None:
    """What the command line gave, checked before a draft's journey is started (a refusal
    changes nothing in the app-data folder): the date, the names, each file, and the step."""
    import datetime as dt

    from desktop_app.journey import Journey, draft_key
    from desktop_app.journey.journey import check_day, check_document, confirmation
    from desktop_app.journey.received import refuse_plaintext, resolve_step
    from desktop_app.profiles import load_programme_by_id

    check_day(args.date)
    for name in names:
        if name is not None:
            confirmation(name)
    for path in files:
        check_document(path)
        refuse_plaintext(path, _plain(args))  # the staff file the draft checked: never evidence
    if args.draft is not None:  # the step, against the draft's programme, before it is started
        draft = _load_draft(args.draft)
        organisation, year = draft_key(draft)
        assert draft.programme_id is not None
        programme = load_programme_by_id(draft.programme_id)
        resolve_step(Journey(organisation, year, programme, dt.datetime.now(dt.UTC)), args.step)


def _print_marked(journey: Journey, step_id: str, filed: tuple[str, ...], language: str) -> None:
    from desktop_app.journey import describe_evidence
    from desktop_app.journey.folder import year_folder

    record = journey.records[step_id]
    print(
        Message(
            "journey.cli.marked",
            {
                "step": journey.step(step_id).title.get(language),
                "date": record.date.isoformat(),
                "evidence": describe_evidence(record.evidence),
            },
        ).render(language)
    )
    folder = year_folder(journey.organisation, journey.year)
    if filed and folder is not None:
        print(
            Message("journey.cli.filed", {"files": ", ".join(filed), "folder": str(folder)}).render(
                language
            )
        )


def _plain(args: argparse.Namespace) -> tuple[str, ...]:
    """The SHA-256 of the staff file the draft named with --draft checked, and of the one the
    wizard's autosaved draft checked (with --organisation and --year no draft is named, and the
    staff file must not become evidence all the same)."""
    from desktop_app.draft import load_draft
    from desktop_app.errors import AppError
    from desktop_app.journey.folder import plaintext_hashes
    from desktop_app.paths import autosave_path

    hashes = plaintext_hashes(_load_draft(args.draft)) if args.draft is not None else ()
    autosave = autosave_path()
    if autosave.is_file():
        with contextlib.suppress(AppError, OSError):  # an unusable autosave names no staff file
            hashes += plaintext_hashes(load_draft(autosave))
    return hashes


# -- journey accept ---------------------------------------------------------------------------------


def run_accept(args: argparse.Namespace, language: str) -> int:
    import datetime as dt

    from desktop_app.journey.received import accept_documents, resolve_step

    for path in args.files:
        if not path.exists():
            raise UsageError("journey.cli.file-missing", file=str(path))
    _check_before_start(args, args.files, [args.officer, args.signatory])
    journey = _journey(args, start=True)
    step = resolve_step(journey, args.step)
    marked = accept_documents(
        journey,
        step.id,
        args.files,
        accepted_on=args.date or dt.date.today(),
        officer=args.officer,
        signatory=args.signatory,
        plaintext_sha256=_plain(args),
    )
    _print_marked(marked.journey, step.id, marked.filed, language)
    return EXIT_OK


# -- journey folder ---------------------------------------------------------------------------------


def run_folder(args: argparse.Namespace, language: str) -> int:
    from desktop_app.journey.folder import (
        INDEX_FILE,
        chosen_year_folder,
        current_year_folder,
        file_into,
        plaintext_hashes,
        read_year_folder,
        refuse_plaintext,
    )
    from desktop_app.journey.journey import check_document

    draft = _load_draft(args.draft) if args.draft is not None else None
    organisation, year, programme = _folder_key(args, draft)
    if args.add is not None:  # the file to add, checked before a folder is chosen
        if not args.add.exists():
            raise UsageError("journey.cli.file-missing", file=str(args.add))
        check_document(args.add)
        if args.set is not None:  # a refusal changes nothing: not even the folder chosen
            refuse_plaintext(
                args.add,
                args.kind,
                folder=args.set,
                keep_plaintext=args.keep_plaintext,
                plaintext_sha256=plaintext_hashes(draft),
            )
    if args.set is not None:
        folder: YearFolder | None = _choose_folder(args, draft, organisation, year, programme)
    else:
        folder = current_year_folder(organisation, year)
    if folder is None:
        chosen = chosen_year_folder(organisation, year)
        key = "journey.cli.folder-gone" if chosen is not None else "journey.cli.no-folder"
        if chosen is not None and chosen.is_dir():  # there, but another's or not set up by us
            key = "journey.cli.folder-not-ours"
            if (
                chosen / INDEX_FILE
            ).exists():  # another submission's (a damaged index: its sentence)
                other = read_year_folder(chosen)
                raise UsageError(
                    "journey.folder-other-submission",
                    folder=str(chosen),
                    organisation=other.organisation,
                    year=other.year,
                )
        raise UsageError(key, organisation=organisation, year=year, folder=str(chosen or ""))
    if args.add is not None:
        folder, filed = file_into(
            folder,
            args.add,
            args.kind,
            keep_plaintext=args.keep_plaintext,
            plaintext_sha256=plaintext_hashes(draft),
        )
        if filed.kind == "employee-file":
            print(Message("journey.cli.plaintext-kept", {"file": filed.name}).render(language))
    if args.json:
        print(json.dumps({"folder": str(folder.folder), **folder.to_json()}, indent=2))
        return EXIT_OK
    print(
        Message(
            "journey.cli.folder",
            {"organisation": organisation, "year": year, "folder": str(folder.folder)},
        ).render(language)
    )
    for filed in folder.files:
        step = f"  [{filed.step}]" if filed.step else ""
        print(f"  {filed.kind:<13} {filed.name}  {filed.sha256[:16]}…{step}")
    return EXIT_OK


def _choose_folder(
    args: argparse.Namespace,
    draft: Draft | None,
    organisation: str,
    year: int,
    programme: str | None,
) -> YearFolder:
    """``--set``: the folder chosen for the year, the draft filed in it as ``choices.json`` (a
    folder or a pipe of that name is refused before the choice; the draft given is that very
    file: it is listed as it is, never written over)."""
    from desktop_app.bounded_read import check_output_file
    from desktop_app.journey.folder import CHOICES_FILE, file_choices, file_into, open_year_folder

    choices = args.set / CHOICES_FILE
    if draft is not None:
        check_output_file(choices)
    folder = open_year_folder(organisation, year, args.set, programme)
    if draft is not None and _same_file(choices, args.draft):
        folder, _ = file_into(folder, choices, "choices")
    elif draft is not None:
        folder, _ = file_choices(folder, draft)
    return folder


def _same_file(one: Path, other: Path | None) -> bool:
    try:
        return other is not None and os.path.samefile(one, other)
    except OSError:  # one of them is not there
        return False


def _folder_key(args: argparse.Namespace, draft: Draft | None) -> tuple[str, int, str | None]:
    from desktop_app.journey import draft_key

    if draft is not None:
        return (*draft_key(draft), draft.programme_id)
    if args.organisation is not None or args.year is not None:
        return (*_key(args.organisation, args.year), None)
    journey = _journey(args, start=False)
    return journey.organisation, journey.year, journey.programme.id


# -- journey repeat ---------------------------------------------------------------------------------


def run_repeat(args: argparse.Namespace, language: str) -> int:
    from desktop_app.bounded_read import check_output_file
    from desktop_app.draft import save_draft
    from desktop_app.journey.repeat import carried_summary, repeat_choices, source_files

    if not args.source.exists():
        raise UsageError("journey.cli.file-missing", file=str(args.source))
    if args.out.exists() and args.out.is_dir():
        raise UsageError("journey.cli.out-is-folder", out=str(args.out))
    check_output_file(args.out, inputs=source_files(args.source))  # last year's stays as it is
    if os.path.lexists(args.out):  # whatever it is (a draft, the office's file): never replaced
        raise UsageError("journey.cli.out-exists", out=str(args.out))
    draft = repeat_choices(args.source, args.year)
    save_draft(draft, args.out)
    carried = carried_summary(draft)
    print(
        Message(
            "journey.cli.repeated",
            {"out": str(args.out), "year": carried["year"] or "?", "source": str(args.source)},
        ).render(language)
    )
    print(Message("journey.cli.not-carried").render(language))
    return EXIT_OK


# -- journey documents ------------------------------------------------------------------------------


def run_documents(args: argparse.Namespace, language: str) -> int:
    from desktop_app.atomic import write_all_atomic
    from desktop_app.bounded_read import check_output_file, check_output_folder
    from desktop_app.journey.documents import (
        application_problems,
        cbs_documents,
        ksz_documents,
        mailto_url,
        signup_email,
    )
    from desktop_app.profiles import load_programme_by_id
    from desktop_app.render import html_to_pdf  # Qt's text engine, offscreen, as `package` does

    check_output_folder(args.out)  # a file in the way: a sentence before anything is drafted
    draft = _load_draft(args.draft)
    assert draft.programme_id is not None
    programme = load_programme_by_id(draft.programme_id)
    if programme.flow == "ksz":
        documents, problems = ksz_documents(draft, programme, html_to_pdf)
    else:
        problems = application_problems(draft, programme)
        documents = (
            {}
            if problems
            else cbs_documents(draft, programme, html_to_pdf, delivery_date=args.delivery_date)
        )
    if problems:
        print(
            Message(
                "journey.cli.documents-incomplete",
                {"draft": args.draft.name, "count": len(problems)},
            ).render(language),
            file=sys.stderr,
        )
        for problem in problems:
            print(f"  {problem.render(language)}", file=sys.stderr)
        return EXIT_FINDINGS
    targets = {
        check_output_file(args.out / name, inputs=(args.draft,)): data
        for name, data in documents.items()
    }
    made = not args.out.exists()
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        write_all_atomic(targets)  # every document or none
    except BaseException:
        if made:
            with contextlib.suppress(OSError):
                args.out.rmdir()  # the folder made for them, left empty
        raise
    print(
        Message(
            "journey.cli.documents-written", {"count": len(documents), "folder": args.out}
        ).render(language)
    )
    for name in documents:
        print(f"  {name}")
    if programme.flow != "ksz":
        url = mailto_url(signup_email(draft, programme))
        if url is None:
            print(Message("journey.cli.mailto-too-long").render(language))
        else:
            print(Message("journey.cli.mailto", {"url": url}).render(language))
    return EXIT_OK
