"""``journey`` and ``results`` (and ``delivered``, ``open`` as a regression check), given hostile
files, folders, arguments and a damaged app-data folder: exit 2 with one sentence (or the
documented code), never a traceback or the catch-all, no escape sequence echoed raw, no personal
value of a staff file on stderr, the inputs untouched, nothing written outside the case's own
output folder, and a refusal changes nothing (no output, no journey started in app data).

Every case runs in ONE child process under a memory cap and a timeout (``capped_child``), each
with its own app-data folder (``DIVERSITY_ASSISTANT_DATA_DIR``), made from a template (a journey
started for the demo draft, the CBS sample table set imported) or set up by commands of its own;
the driver records per case what changed in the inputs, the outputs and the app-data folder.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import textwrap
import zipfile
from contextlib import ExitStack
from pathlib import Path

import pytest
from capped_child import run_capped
from intake_helpers import untouched

from desktop_app.bounded_read import FileKind

pytestmark = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="POSIX pipes and devices"
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
MEMORY_CAP = 3 * 1024**3
ORG = ["--organisation", "rsin-802634540"]
OY = [*ORG, "--year", "2026"]
CBS = ["--programme", "cbs-barometer-ingezoomd"]
IMPORT = ["results", "import", "{I}/results.xlsx", *CBS, "--year", "2025", *ORG]
ESCAPES = "esc\x1b[2J\x07\x1b]8;;http:x\x07\u202eevil"

# -- the hostile inputs -------------------------------------------------------------------------------

KINDS = (
    "zero",  # a link to /dev/zero: never ends
    "pipe",  # a FIFO without a writer: opening it for reading would block
    "folder",  # a folder where a file is expected
    "empty",  # 0 bytes
    "huge",  # sparse, larger than every cap
    "text",  # text (with a name and a BSN) behind any suffix
    "noise",  # bytes 0-255
    "bomb",  # a zip whose workbook part unpacks to 300 MB of spaces
    "deep",  # JSON nested 200,000 deep
    "nonutf",  # not UTF-8
    "passwd",  # a link to /etc/passwd
    "outside",  # a link to a folder outside
    "missing",  # not there, its name full of escape sequences
)
SUFFIXES = (".json", ".xlsx", ".pdf", ".csv")
NAME = "Jansen-Bakker"  # personal values in hostile files: never on stderr
BSN = "111222333"


def make_inputs(folder: Path) -> None:
    outside = folder.parent / "outside"
    outside.mkdir()
    (outside / "sentinel.txt").write_text("outside", encoding="utf-8")
    for suffix in SUFFIXES:
        (folder / f"zero{suffix}").symlink_to("/dev/zero")
        os.mkfifo(folder / f"pipe{suffix}")
        (folder / f"folder{suffix}").mkdir()
        (folder / f"empty{suffix}").write_bytes(b"")
        with (folder / f"huge{suffix}").open("wb") as handle:
            handle.truncate(FileKind.PACKAGE.limit + 1)
        (folder / f"text{suffix}").write_text(f"{NAME};{BSN}\nnot what the suffix says\n")
        (folder / f"noise{suffix}").write_bytes(bytes(range(256)) * 64)
        if suffix == SUFFIXES[0]:
            with zipfile.ZipFile(folder / f"bomb{suffix}", "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("[Content_Types].xml", "<Types/>")
                archive.writestr(
                    "xl/workbook.xml", "<workbook>" + " " * 300_000_000 + "</workbook>"
                )
        else:
            shutil.copy(folder / f"bomb{SUFFIXES[0]}", folder / f"bomb{suffix}")
        (folder / f"deep{suffix}").write_text("[" * 200_000 + "]" * 200_000)
        (folder / f"nonutf{suffix}").write_bytes(b'{"a": "\xff\xfe\x80"}')
        (folder / f"passwd{suffix}").symlink_to("/etc/passwd")
        (folder / f"outside{suffix}").symlink_to(outside)
    shutil.copy(SAMPLES / "demo-draft.json", folder / "draft.json")
    shutil.copy(SAMPLES / "results-cbs-ingezoomd-2025.xlsx", folder / "results.xlsx")
    shutil.copy(SAMPLES / "results-cbs-ingezoomd-2025.xlsx", folder / "bench.xlsx")
    shutil.copy(SAMPLES / "results-cbs-ingezoomd-2025.xlsx", folder / "bench.tables.xlsx")
    shutil.copy(SAMPLES / "demo-personeel.csv", folder / "staff.csv")
    # the demo draft with the staff file's fingerprint: that file is never evidence
    draft = json.loads((folder / "draft.json").read_text("utf-8"))
    staff = (folder / "staff.csv").read_bytes()
    draft["source"]["fingerprint"] = {
        "sha256": hashlib.sha256(staff).hexdigest(),
        "size": len(staff),
    }
    (folder / "checked-draft.json").write_text(json.dumps(draft), encoding="utf-8")
    (folder / "bom-draft.json").write_bytes(b"\xef\xbb\xbf" + (folder / "draft.json").read_bytes())
    (folder / "wrong-draft.json").write_text(
        '{"format": "diversity-assistant/draft", "version": 3, "programme": 5, "organisation": [1]}'
    )
    (folder / "wrong-plan.json").write_text('{"versions": [{"year": "2025", "breakdown": 3}]}')
    (folder / "proposal.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n")
    (folder / f"{ESCAPES}.pdf").write_bytes(b"%PDF-1.4\n")
    for label, name, sha in RECORD_FILES:  # delivery records naming a file that is not beside them
        record = {
            "format": "diversity-assistant/delivery-record",
            "version": 1,
            "file": {"name": name, "sha256": sha, "bytes": 3},
            "channel": "web-portal",
            "protection": "cms",
            "recipient": {"kind": "channel"},
            "manifest": {"programme": {"id": "cbs-barometer-ingezoomd"}},
        }
        (folder / f"{label}.record.json").write_text(json.dumps(record), encoding="utf-8")
    (folder / "link-to-draft.json").symlink_to(folder / "draft.json")
    os.link(folder / "draft.json", folder / "hardlink-to-draft.json")


RECORD_FILES = (
    ("record-parent", "../draft.json", "0" * 64),
    ("record-dotdot", "..", "0" * 64),
    ("record-empty-name", "", "0" * 64),
    ("record-number-name", 5, "0" * 64),
    ("record-bad-sha", "barometer.p7m", "abc"),
)


def staff_values() -> set[str]:
    values = {NAME, BSN}
    with (SAMPLES / "demo-personeel.csv").open(encoding="cp1252", newline="") as stream:
        for row in csv.DictReader(stream, delimiter=";"):
            for column in ("Personeelsnummer", "Naam", "BSN", "Postcode"):
                if len(row[column]) > 4:
                    values.add(row[column])
    return values


# -- the cases ----------------------------------------------------------------------------------------

REFUSED_FILES = ("zero", "pipe", "folder", "empty", "huge", "outside", "missing")
"""Kinds every file argument refuses, whatever the command does with the file."""


def hostile(kind: str, suffix: str) -> str:
    return f"{{I}}/{ESCAPES + '-missing' if kind == 'missing' else kind}{suffix}"


def case(name: str, argv: list[str], *, expect: int | None = 2, setup: str = "base", **more):
    return pytest.param({"argv": argv, "expect": expect, "setup": setup, **more}, id=name)


def file_cases() -> list:
    cases = []
    for kind in KINDS:
        refused = 2 if kind in REFUSED_FILES else None
        pdf, js, xlsx = hostile(kind, ".pdf"), hostile(kind, ".json"), hostile(kind, ".xlsx")
        cases += [
            case(
                f"mark-file-{kind}",
                ["journey", "mark", "project-proposal", "--file", pdf, *OY],
                expect=refused,
            ),
            case(
                f"mark-tables-{kind}",
                ["journey", "mark", "table-set-received", "--file", xlsx, *OY],
                expect=refused,
            ),
            case(
                f"accept-{kind}",
                [
                    "journey",
                    "accept",
                    "project-proposal",
                    "--file",
                    "{I}/proposal.pdf",
                    "--file",
                    pdf,
                    "--officer",
                    "A. Jansen",
                    "--signatory",
                    "J. de Wit",
                    *OY,
                ],
                expect=refused,
            ),
            case(
                f"folder-add-{kind}",
                ["journey", "folder", "--add", pdf, *OY],
                expect=refused,
                setup="folder",
            ),
            case(f"show-draft-{kind}", ["journey", "show", "--draft", js]),
            case(
                f"mark-draft-{kind}",
                ["journey", "mark", "sign-up", "--by", "A", "--draft", js],
                setup="none",
            ),
            case(
                f"documents-draft-{kind}",
                ["journey", "documents", "--draft", js, "--out", "{O}/docs"],
            ),
            case(
                f"repeat-from-{kind}", ["journey", "repeat", "--from", js, "--out", "{O}/next.json"]
            ),
            case(
                f"results-import-{kind}", ["results", "import", xlsx, *CBS, "--year", "2025", *ORG]
            ),
            case(
                f"results-import-ksz-{kind}",
                [
                    "results",
                    "import",
                    hostile(kind, ".csv"),
                    "--programme",
                    "ksz-diversiteit",
                    "--year",
                    "2025",
                    *ORG,
                ],
            ),
            case(f"results-record-{kind}", [*IMPORT, "--record", js]),
            case(f"results-plan-{kind}", ["results", "check", *ORG, "--plan", js]),
            case(
                f"results-benchmark-{kind}",
                ["results", "report", *ORG, "--out", "{O}/r.pdf", "--benchmark", xlsx],
            ),
            case(f"delivered-{kind}", ["delivered", js]),
            case(f"open-{kind}", ["open", hostile(kind, ".pdf"), "--out", "{O}/opened"]),
        ]
    return cases


def argument_cases() -> list:
    cases = []
    for year in ("0", "99999", "-1", "abc"):
        cases += [
            case(f"show-year-{year}", ["journey", "show", *ORG, "--year", year]),
            case(
                f"mark-year-{year}",
                ["journey", "mark", "sign-up", "--by", "A", *ORG, "--year", year],
            ),
            case(
                f"repeat-year-{year}",
                [
                    "journey",
                    "repeat",
                    "--from",
                    "{I}/draft.json",
                    "--out",
                    "{O}/n.json",
                    "--year",
                    year,
                ],
            ),
            case(
                f"import-year-{year}",
                ["results", "import", "{I}/results.xlsx", *CBS, "--year", year, *ORG],
            ),
            case(f"check-year-{year}", ["results", "check", *ORG, "--year", year]),
        ]
    for label, day in (
        ("garbage", "garbage"),
        ("feb-30", "2026-02-30"),
        ("9999", "9999-12-31"),
        ("0001", "0001-01-01"),
        ("escape", "\x1b[2J"),
    ):
        cases += [
            case(
                f"mark-date-{label}",
                ["journey", "mark", "sign-up", "--by", "A", "--date", day, *OY],
            ),
            case(
                f"accept-date-{label}",
                [
                    "journey",
                    "accept",
                    "project-proposal",
                    "--file",
                    "{I}/proposal.pdf",
                    "--officer",
                    "A",
                    "--signatory",
                    "B",
                    "--date",
                    day,
                    *OY,
                ],
            ),
            case(
                f"documents-date-{label}",
                [
                    "journey",
                    "documents",
                    "--draft",
                    "{I}/draft.json",
                    "--out",
                    "{O}/docs",
                    "--delivery-date",
                    day,
                ],
            )
            if label in ("garbage", "feb-30", "escape")
            else None,
        ]
    for label, organisation in (
        ("dotdot", "../../x"),
        ("nested", "rsin-802634540/../../x"),
        ("absolute", "/etc"),
        ("escape", "x\x1b[2J"),
        ("bidi", "kbo-\u202e0123456789"),
    ):
        cases += [
            case(
                f"show-org-{label}",
                ["journey", "show", "--organisation", organisation, "--year", "2026"],
            ),
            case(
                f"folder-org-{label}",
                [
                    "journey",
                    "folder",
                    "--set",
                    "{O}/yf",
                    "--organisation",
                    organisation,
                    "--year",
                    "2026",
                ],
            ),
            case(
                f"import-org-{label}",
                [
                    "results",
                    "import",
                    "{I}/results.xlsx",
                    *CBS,
                    "--year",
                    "2025",
                    "--organisation",
                    organisation,
                ],
            ),
            case(f"show-results-org-{label}", ["results", "show", "--organisation", organisation]),
            case(
                f"report-org-{label}",
                ["results", "report", "--organisation", organisation, "--out", "{O}/r.pdf"],
            ),
        ]
    cases += [
        case(
            "mark-unknown-step",
            ["journey", "mark", "no\x1b[2Jstep", "--by", "A", "--draft", "{I}/draft.json"],
            setup="none",
        ),
        case("mark-step-path", ["journey", "mark", "../../etc", "--by", "A", *OY]),
        case(
            "mark-name-escape",
            ["journey", "mark", "sign-up", "--by", "\x1b[2J\u202eA", *OY],
            expect=0,
        ),
        case("mark-name-long", ["journey", "mark", "sign-up", "--by", "A" * 5000, *OY]),
        case(
            "mark-login-file",
            ["journey", "mark", "portal-login", "--file", "{I}/proposal.pdf", *OY],
        ),
        case(
            "mark-staff-file",
            [
                "journey",
                "mark",
                "project-proposal",
                "--file",
                "{I}/staff.csv",
                "--draft",
                "{I}/checked-draft.json",
            ],
            setup="none",
        ),
        case(
            "mark-staff-file-autosave",
            ["journey", "mark", "project-proposal", "--file", "{I}/staff.csv", *OY],
            damage=[AUTOSAVE, "copy", "{I}/checked-draft.json"],
        ),
        case(
            "accept-escape-name",
            [
                "journey",
                "accept",
                "project-proposal",
                "--file",
                "{I}/" + ESCAPES + ".pdf",
                "--officer",
                "A",
                "--signatory",
                "B",
                *OY,
            ],
            expect=0,
        ),
        case("show-bom-draft", ["journey", "show", "--draft", "{I}/bom-draft.json"], expect=0),
        case("show-wrong-draft", ["journey", "show", "--draft", "{I}/wrong-draft.json"]),
        case("plan-wrong-types", ["results", "check", *ORG, "--plan", "{I}/wrong-plan.json"]),
        case(
            "import-programme-path",
            [
                "results",
                "import",
                "{I}/results.xlsx",
                "--programme",
                "../../etc/passwd",
                "--year",
                "2025",
                *ORG,
            ],
        ),
        case(
            "import-staff-file",
            [
                "results",
                "import",
                "{I}/staff.csv",
                "--programme",
                "ksz-diversiteit",
                "--year",
                "2025",
                *ORG,
            ],
        ),
        case(
            "benchmark-staff-file",
            ["results", "report", *ORG, "--out", "{O}/r.pdf", "--benchmark", "{I}/staff.csv"],
        ),
        case(
            "benchmark-shares-escape",
            ["results", "report", *ORG, "--out", "{O}/r.pdf", "--benchmark-shares", "\x1b[2J,1,2"],
        ),
        case(
            "benchmark-shares-nan",
            ["results", "report", *ORG, "--out", "{O}/r.pdf", "--benchmark-shares", "nan,nan,nan"],
        ),
        case("threshold-negative", ["results", "check", *ORG, "--threshold", "-5"]),
        case("check-programme-escape", ["results", "check", *ORG, "--programme", "\x1b[2J"]),
    ]
    return [c for c in cases if c is not None]


def output_cases() -> list:
    cases = [
        case(
            "repeat-out-is-from",
            ["journey", "repeat", "--from", "{I}/draft.json", "--out", "{I}/draft.json"],
        ),
        case(
            "repeat-out-link-to-from",
            ["journey", "repeat", "--from", "{I}/draft.json", "--out", "{I}/link-to-draft.json"],
        ),
        case(
            "repeat-out-hardlink-to-from",
            [
                "journey",
                "repeat",
                "--from",
                "{I}/draft.json",
                "--out",
                "{I}/hardlink-to-draft.json",
            ],
        ),
        case(
            "repeat-out-pipe",
            ["journey", "repeat", "--from", "{I}/draft.json", "--out", "{I}/pipe.json"],
        ),
        case(
            "repeat-out-device",
            ["journey", "repeat", "--from", "{I}/draft.json", "--out", "{I}/zero.json"],
        ),
        case(
            "repeat-out-folder",
            ["journey", "repeat", "--from", "{I}/draft.json", "--out", "{I}/folder.json"],
        ),
        case(
            "repeat-out-under-a-file",
            ["journey", "repeat", "--from", "{I}/draft.json", "--out", "{I}/proposal.pdf/n.json"],
        ),
        case(
            "repeat-out-in-last-years-folder",
            ["journey", "repeat", "--from", "{Y}", "--out", "{Y}/choices.json"],
            setup="folder",
        ),
        case(
            "repeat-out-index-of-last-year",
            ["journey", "repeat", "--from", "{Y}", "--out", "{Y}/diversity-assistant-index.json"],
            setup="folder",
        ),
        case(
            "documents-out-a-file",
            ["journey", "documents", "--draft", "{I}/draft.json", "--out", "{I}/proposal.pdf"],
        ),
        case(
            "documents-out-pipe",
            ["journey", "documents", "--draft", "{I}/draft.json", "--out", "{I}/pipe.pdf"],
        ),
        case(
            "documents-out-under-a-file",
            ["journey", "documents", "--draft", "{I}/draft.json", "--out", "{I}/proposal.pdf/docs"],
        ),
        case(
            "report-out-over-benchmark",
            [
                *["results", "report", *ORG, "--out", "{I}/bench.pdf"],
                *["--benchmark", "{I}/bench.tables.xlsx"],  # the report's tables' own name
            ],
        ),
        case("report-out-pipe", ["results", "report", *ORG, "--out", "{I}/pipe.pdf"]),
        case("report-out-folder", ["results", "report", *ORG, "--out", "{I}/folder.pdf"]),
        case("folder-set-a-file", ["journey", "folder", "--set", "{I}/proposal.pdf", *OY]),
        case("folder-set-pipe", ["journey", "folder", "--set", "{I}/pipe.pdf", *OY]),
        case("folder-set-under-a-file", ["journey", "folder", "--set", "{I}/proposal.pdf/yf", *OY]),
        case(
            "delivered-file-is-a-pipe",
            ["delivered", "{R}/record/barometer.record.json"],
            setup="record-pipe",
        ),
    ]
    for label, _name, _sha in RECORD_FILES:
        cases += [
            case(
                f"delivered-{label}", ["delivered", f"{{I}}/{label}.record.json", "--delete-file"]
            ),
            case(
                f"mark-upload-{label}",
                ["journey", "mark", "upload", "--file", f"{{I}}/{label}.record.json", *OY],
            ),
        ]
    if os.geteuid() != 0:  # root writes in a read-only folder all the same
        cases += [
            case(
                "documents-out-read-only",
                ["journey", "documents", "--draft", "{I}/draft.json", "--out", "{RO}/docs"],
            ),
            case(
                "repeat-out-read-only",
                ["journey", "repeat", "--from", "{I}/draft.json", "--out", "{RO}/n.json"],
            ),
            case("report-out-read-only", ["results", "report", *ORG, "--out", "{RO}/r.pdf"]),
        ]
    return cases


JOURNEY_FILE = "journeys/rsin-802634540/2026/journey.json"
FOLDERS_INDEX = "journeys/yearly-folders.json"
KEPT_RESULT = "results/rsin-802634540/2025/cbs-barometer-ingezoomd.json"
RESULTS_INDEX = "results/rsin-802634540/index.json"
AUTOSAVE = "autosave-draft.json"
DAMAGE = {
    "empty": ("bytes", ""),
    "nonutf": ("bytes", "\udcff\udcfe"),
    "deep": ("bytes", "[" * 100_000),
    "null": ("bytes", "null"),
    "list": ("bytes", "[1]"),
    "wrong-types": (
        "bytes",
        '{"format": "diversity-assistant/journey", "version": 1, "organisation":'
        ' "rsin-802634540", "year": 2026, "programme": "cbs-barometer-ingezoomd",'
        ' "started_at": "x", "steps": {"sign-up": {"date": "2026-99-01", "evidence":'
        ' {"kind": "confirmation", "by": "\\u001b[2J", "at": 5}, "marked_at": 2026}}}',
    ),
    "pipe": ("fifo", ""),
    "folder": ("folder", ""),
    "device": ("link", "/dev/zero"),
}
INDEX_DAMAGE = {
    "year-text": '{"format": "diversity-assistant/results-index", "imports": [{"year": "abc", "programme": "x", "path": "/etc/passwd"}]}',
    "year-list": '{"format": "diversity-assistant/results-index", "imports": [{"year": [], "programme": {}, "path": "/tmp"}]}',
    "path-device": '{"format": "diversity-assistant/results-index", "imports": [{"year": 2025, "programme": "x", "path": "/dev/zero"}]}',
    "path-passwd": '{"format": "diversity-assistant/results-index", "imports": [{"year": 2025, "programme": "x", "path": "/etc/passwd"}]}',
}
DAMAGED_COMMANDS = {
    "journey-show": ["journey", "show"],
    "journey-show-json": ["journey", "show", "--json", *OY],
    "journey-mark": ["journey", "mark", "sign-up", "--by", "A", *OY],
    "journey-folder": ["journey", "folder", *OY],
    "results-show": ["results", "show", *ORG],
    "results-check": ["results", "check", *ORG],
    "results-report": ["results", "report", *ORG, "--out", "{O}/r.pdf"],
}


def damaged_cases() -> list:
    cases = []
    for place, rel in (
        ("journey", JOURNEY_FILE),
        ("folders-index", FOLDERS_INDEX),
        ("kept-result", KEPT_RESULT),
        ("autosave", AUTOSAVE),
    ):
        for label, (operation, payload) in DAMAGE.items():
            for command, given in DAMAGED_COMMANDS.items():
                # the autosave is read by results without --organisation, and by journey mark
                without_organisation = place == "autosave" and command.startswith("results")
                argv = [a for a in given if a not in ORG] if without_organisation else given
                cases.append(
                    case(
                        f"damaged-{place}-{label}-{command}",
                        argv,
                        expect=None,
                        setup="folder" if place == "folders-index" else "base",
                        damage=[rel, operation, payload],
                    )
                )
    for label, payload in INDEX_DAMAGE.items():
        for command in ("results-show", "results-check", "results-report"):
            cases.append(
                case(
                    f"damaged-results-index-{label}-{command}",
                    DAMAGED_COMMANDS[command],
                    expect=None,
                    damage=[RESULTS_INDEX, "bytes", payload],
                )
            )
    for label, folder, setup in (
        ("names-the-inputs", "{I}", "base"),  # a folder full of other files, no index
        ("relative", "relative/x", "base"),
        ("other-submission", "{Y}", "other-folder"),  # another organisation's and year's folder
    ):
        index = (
            '{"format": "diversity-assistant/yearly-folders", "version": 1, "folders": '
            f'[{{"organisation": "rsin-802634540", "year": 2026, "folder": "{folder}"}}]}}'
        )
        damage = [FOLDERS_INDEX, "bytes", index]
        proposal = "{I}/proposal.pdf"
        cases += [
            case(
                f"folders-index-{label}-folder-add",
                ["journey", "folder", "--add", proposal, *OY],
                setup=setup,
                damage=damage,
            ),
            case(
                f"folders-index-{label}-mark",
                ["journey", "mark", "project-proposal", "--file", proposal, *OY],
                expect=0,
                setup=setup,
                damage=damage,
                side_untouched=True,
            ),
            case(
                f"folders-index-{label}-import",
                [*IMPORT[:5], "--year", "2026", *ORG],
                expect=0,
                setup=setup,
                damage=damage,
                side_untouched=True,
            ),
        ]
    cases.append(
        case(
            "import-with-damaged-results-index",
            IMPORT,
            expect=None,
            damage=[RESULTS_INDEX, "bytes", INDEX_DAMAGE["year-text"]],
        )
    )
    return cases


ALL_CASES = file_cases() + argument_cases() + output_cases() + damaged_cases()

# -- the driver (in the capped child) -----------------------------------------------------------------

DRIVER = textwrap.dedent(
    r"""
    import contextlib, hashlib, io, json, os, shutil, stat, sys
    from pathlib import Path
    from desktop_app.cli import main
    from desktop_app.logging_setup import unconfigure_logging

    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    root = Path(spec["root"])
    inputs, outside = root / "in", root / "outside"

    def run(argv, data):
        unconfigure_logging()  # each case as a process of its own: no log file set up before
        os.environ["DIVERSITY_ASSISTANT_DATA_DIR"] = str(data)
        out, err = io.StringIO(), io.StringIO()
        escaped = ""
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except BaseException as error:  # what must never happen
                import traceback
                code, escaped = -1, "".join(traceback.format_exception(error))
        return code, out.getvalue(), err.getvalue(), escaped

    def snapshot(*folders, skip=()):
        found = {}
        for folder in folders:
            if not folder.exists():
                continue
            for path in sorted(folder.rglob("*")):
                if any(part in skip for part in path.relative_to(folder).parts):
                    continue
                info = os.lstat(path)
                if stat.S_ISREG(info.st_mode):
                    digest = hashlib.sha256(path.read_bytes()).hexdigest() if info.st_size < 1 << 26 else info.st_size
                    found[str(path)] = [digest, info.st_mtime_ns]
                else:
                    found[str(path)] = [stat.S_IFMT(info.st_mode), os.readlink(path) if stat.S_ISLNK(info.st_mode) else ""]
        return found

    def changed(before, after):
        return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))

    def fill(argv, number):
        places = {"{I}": str(inputs), "{O}": str(root / "out" / str(number)), "{R}": str(root / "setup" / str(number)),
                  "{Y}": str(root / "yearly" / str(number)), "{RO}": str(root / "read-only")}
        result = []
        for arg in argv:
            for key, value in places.items():
                arg = arg.replace(key, value)
            result.append(arg)
        return result

    template = root / "template"
    for argv in spec["template"]:
        code, out, err, escaped = run(fill(argv, 0), template)
        assert code == 0, (argv, out, err, escaped)

    results = []
    for number, item in enumerate(spec["cases"]):
        data = root / "data" / str(number)
        setup = item["setup"]
        if setup == "none":
            data.mkdir(parents=True)
        else:
            shutil.copytree(template, data, symlinks=True)
        for argv in spec["setups"].get(setup, []):
            code, out, err, escaped = run(fill(argv, number), data)
            assert code == 0, (setup, argv, out, err, escaped)
        if item.get("damage"):
            rel, operation, payload = item["damage"]
            path = data / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            elif path.exists() or path.is_symlink():
                path.unlink()
            if operation == "bytes":
                path.write_bytes(fill([payload], number)[0].encode("utf-8", "surrogateescape"))
            elif operation == "fifo":
                os.mkfifo(path)
            elif operation == "folder":
                path.mkdir()
            elif operation == "copy":
                shutil.copy(fill([payload], number)[0], path)
            else:
                path.symlink_to(payload)
        argv = fill(item["argv"], number)
        watched, side = (inputs, outside), (root / "yearly" / str(number), root / "setup" / str(number))
        before, data_before, side_before = snapshot(*watched), snapshot(data, skip=("logs",)), snapshot(*side)
        code, out, err, escaped = run(argv, data)
        after, data_after, side_after = snapshot(*watched), snapshot(data, skip=("logs",)), snapshot(*side)
        output = root / "out" / str(number)
        results.append({
            "argv": argv, "code": code, "out": out, "err": err, "escaped": escaped,
            "inputs_changed": changed(before, after),
            "data_changed": changed(data_before, data_after),
            "side_changed": changed(side_before, side_after),
            "outputs": sorted(str(p.relative_to(output)) for p in output.rglob("*")) if output.exists() else [],
        })
    json.dump(results, open(sys.argv[2], "w", encoding="utf-8"))
    """
)

SETUPS = {
    # a yearly folder for the demo draft's organisation and year, its choices filed in it
    "folder": [["journey", "folder", "--set", "{Y}", "--draft", "{I}/draft.json"]],
    # the wizard's autosaved draft names the staff file it checked
    "record-pipe": [],
    "other-folder": [
        ["journey", "folder", "--set", "{Y}", "--organisation", "kbo-0123456780", "--year", "2025"]
    ],
}
TEMPLATE = [
    ["journey", "mark", "sign-up", "--by", "A. Jansen", "--draft", "{I}/draft.json"],
    IMPORT,
]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, dict]:
    root = tmp_path_factory.mktemp("hostile-journey-results")
    inputs = root / "in"
    inputs.mkdir()
    make_inputs(inputs)
    (root / "read-only").mkdir()
    os.chmod(root / "read-only", 0o555)
    cases = [param.values[0] for param in ALL_CASES]
    names = [param.id for param in ALL_CASES]
    _prepare_special_setups(root, cases)
    env = {
        **os.environ,
        "DIVERSITY_ASSISTANT_LANG": "en",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    regular = [
        p
        for p in inputs.iterdir()
        if p.is_file() and not p.is_symlink() and p.stat().st_size < 1 << 26
    ]
    spec = {"root": str(root), "cases": cases, "setups": SETUPS, "template": TEMPLATE}
    touched = ""
    try:
        with ExitStack() as stack:
            for path in regular:  # every input file's bytes and time, and its folder's listing
                stack.enter_context(untouched(path))
            completed, found = run_capped(DRIVER, spec, root, cap=MEMORY_CAP, timeout=900, env=env)
    except AssertionError as changed:  # reported by its own test, the cases by theirs
        touched = str(changed) or "the inputs folder's listing changed"
    assert found is not None, completed.stderr[-3000:]
    assert len(found) == len(cases)
    outcomes = dict(zip(names, found, strict=True))
    outcomes["-"] = {
        "touched": touched,
        "outside": sorted(p.name for p in (root / "outside").iterdir()),
    }
    return outcomes


def test_the_inputs_and_a_folder_outside_are_untouched(outcomes) -> None:
    assert outcomes["-"]["touched"] == ""
    assert outcomes["-"]["outside"] == ["sentinel.txt"]


def _prepare_special_setups(root: Path, cases: list[dict]) -> None:
    """A delivery record beside which the delivered file is a pipe (made here: the record's
    writer is the delivery module's, not a command)."""
    from desktop_app.delivery.record import (
        DeliveredFile,
        DeliveryRecord,
        record_path_for,
        write_record,
    )
    from desktop_app.profiles.model import Channel, Protection

    for number, item in enumerate(cases):
        if item["setup"] != "record-pipe":
            continue
        folder = root / "setup" / str(number) / "record"
        folder.mkdir(parents=True)
        delivered = folder / "barometer.p7m"
        delivered.write_bytes(b"\x30\x82 cms")
        record = DeliveryRecord(
            manifest={"programme": {"id": "cbs-barometer-ingezoomd"}},
            file=DeliveredFile(delivered.name, hashlib.sha256(b"\x30\x82 cms").hexdigest(), 7),
            channel=Channel.WEB_PORTAL,
            protection=Protection.CMS,
            recipient_kind="channel",
            recipient_fingerprint=None,
            signer_fingerprint=None,
        )
        write_record(record_path_for(delivered), record)
        delivered.unlink()
        os.mkfifo(delivered)  # no writer: hashing it by a plain open would block forever


PERSONAL = staff_values()


@pytest.mark.parametrize("spec", ALL_CASES)
def test_hostile_input_ends_in_a_sentence(outcomes, spec, request) -> None:
    result = outcomes[request.node.callspec.id]
    text = result["out"] + result["err"]
    assert not result["escaped"], result["escaped"]
    assert "Traceback" not in text
    assert "Something unexpected went wrong" not in text, result["err"]
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in text, (raw, text[:500])
    leaked = sorted(value for value in PERSONAL if value in result["err"])
    assert not leaked, (leaked, result["err"][:500])
    assert not result["inputs_changed"], result["inputs_changed"]
    if spec["expect"] is not None:
        assert result["code"] == spec["expect"], (result["code"], result["err"][:500])
    assert result["code"] in (0, 1, 2), result["code"]
    if result["code"] == 2:
        message = result["err"].strip()
        assert message, "a refusal without a sentence"
        assert len(message.splitlines()) == 1 or message.startswith("usage:"), message
        assert not result["outputs"], f"a refused command wrote {result['outputs']}"
        assert not result["data_changed"], (
            f"a refused command changed app data: {result['data_changed']}"
        )
    if result["code"] == 2 or spec.get("side_untouched"):
        assert not result["side_changed"], result["side_changed"]
    else:
        assert result["err"].strip() == "" or result["code"] == 1, result["err"]


def outcome(outcomes: dict[str, dict], name: str) -> dict:
    return outcomes[name]


def test_what_each_refusal_says(outcomes) -> None:
    """The sentences name the problem (a sample, in English)."""
    expected = {
        "mark-file-pipe": "is not a regular file",
        "mark-file-empty": "is empty (0 bytes)",
        "accept-huge": "larger than 1024 MB",
        "mark-date-9999": "is not between 2000 and 2100",
        "repeat-out-is-from": "is also a file this command reads",
        "repeat-out-link-to-from": "is also a file this command reads",
        "repeat-out-hardlink-to-from": "is also a file this command reads",
        "repeat-out-pipe": "not a regular file",
        "repeat-out-in-last-years-folder": "is also a file this command reads",
        "documents-out-a-file": "is a file, not a folder",
        "report-out-over-benchmark": "is also a file this command reads",
        "report-out-pipe": "not a regular file",
        "mark-staff-file": "staff.csv",
        "mark-staff-file-autosave": "staff.csv",
        "delivered-file-is-a-pipe": "is not a regular file",
        "delivered-record-parent": "is not a readable delivery record",
        "folders-index-names-the-inputs-folder-add": "holds other files and no index",
        "folders-index-other-submission-folder-add": "already holds the documents of kbo-0123456780",
        "damaged-kept-result-null-results-show": "is damaged",
        "damaged-journey-nonutf-journey-show": "the journey file is damaged",
        "show-draft-deep": "nested deeper than 64 levels",
    }
    wrong = {
        name: outcomes[name]["err"].strip()
        for name, words in expected.items()
        if words not in outcomes[name]["err"]
    }
    assert not wrong, wrong


def test_a_damaged_folders_index_leaves_stderr_quiet(outcomes) -> None:
    """The yearly-folders index is only a hint for 'journey show': a damaged one is left out in
    silence (its warning goes to the log, never to stderr beside the journey)."""
    for label in DAMAGE:
        result = outcomes[f"damaged-folders-index-{label}-journey-show"]
        assert result["code"] == 0, result["err"]
        assert result["err"] == "", result["err"]


def test_what_is_accepted_is_shown_plainly(outcomes) -> None:
    """A name with escape sequences and a document named with them are kept and shown with
    U+FFFD, bidi controls removed."""
    for name in ("mark-name-escape", "accept-escape-name"):
        result = outcomes[name]
        assert result["code"] == 0, result["err"]
        assert "\N{REPLACEMENT CHARACTER}" in result["out"], result["out"]


def test_a_report_is_written_all_or_none(tmp_path, monkeypatch, capsys) -> None:
    """A chart's name taken by a folder: the report, its tables and the other charts are not
    written either (before, the first charts were left behind, the PDF missing)."""
    from desktop_app.cli import main

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    source = SAMPLES / "results-cbs-ingezoomd-2025.xlsx"
    assert main(["results", "import", str(source), *CBS, "--year", "2025", *ORG]) == 0
    out = tmp_path / "out"
    (out / "r.charts" / "chart-3.svg").mkdir(parents=True)
    with untouched(source):
        code = main(["--lang", "en", "results", "report", *ORG, "--out", str(out / "r.pdf")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "chart-3.svg" in err
    assert "Traceback" not in err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "r.charts",
        "r.charts/chart-3.svg",
    ]


def test_the_folders_choices_are_never_written_over_by_their_own_draft(
    tmp_path, monkeypatch, capsys
) -> None:
    """``journey folder --set DIR --draft DIR/choices.json``: the draft given is the file the
    folder keeps; it is listed as it is (before, a version-2 draft was rewritten as version 3)."""
    from desktop_app.cli import main

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    folder = tmp_path / "Diversiteit 2026"
    folder.mkdir()
    choices = folder / "choices.json"
    shutil.copy(ROOT / "tests" / "fixtures" / "drafts" / "v2-demo.json", choices)
    before = (hashlib.sha256(choices.read_bytes()).hexdigest(), choices.stat().st_mtime_ns)
    code = main(
        ["--lang", "en", "journey", "folder", "--set", str(folder), "--draft", str(choices)]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert (hashlib.sha256(choices.read_bytes()).hexdigest(), choices.stat().st_mtime_ns) == before
    assert "choices.json" in out


def test_a_pipe_named_choices_is_refused_before_the_folder_is_chosen(
    tmp_path, monkeypatch, capsys
) -> None:
    from desktop_app.cli import main

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    folder = tmp_path / "Diversiteit 2026"
    folder.mkdir()
    os.mkfifo(folder / "choices.json")
    draft = SAMPLES / "demo-draft.json"
    code = main(["--lang", "en", "journey", "folder", "--set", str(folder), "--draft", str(draft)])
    err = capsys.readouterr().err
    assert code == 2
    assert "not a regular file" in err
    assert sorted(p.name for p in folder.iterdir()) == ["choices.json"]
    assert not (tmp_path / "appdata" / "journeys" / "yearly-folders.json").exists()


# -- the hostile-input sweep's defects, each fixed at its root ------------------------------------


def _imported(tmp_path: Path, monkeypatch) -> Path:
    """An app-data folder with the CBS sample imported from ``<tmp>/F/results.xlsx``."""
    from desktop_app.cli import main

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    folder = tmp_path / "F"
    folder.mkdir()
    shutil.copy(SAMPLES / "results-cbs-ingezoomd-2025.xlsx", folder / "results.xlsx")
    assert (
        main(["results", "import", str(folder / "results.xlsx"), *CBS, "--year", "2025", *ORG]) == 0
    )
    return folder


def test_the_report_never_replaces_the_offices_workbook(tmp_path, monkeypatch, capsys) -> None:
    """``results report --out F/results.pdf`` beside the office's ``F/results.xlsx``: its tables
    go to ``results.tables.xlsx``, its charts to ``results.charts/`` (before, the office's
    workbook was silently replaced by the report's tables)."""
    from desktop_app.cli import main

    folder = _imported(tmp_path, monkeypatch)
    capsys.readouterr()
    office = (folder / "results.xlsx").read_bytes()
    code = main(["--lang", "en", "results", "report", *ORG, "--out", str(folder / "results.pdf")])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert (folder / "results.xlsx").read_bytes() == office
    assert (folder / "results.tables.xlsx").is_file()
    assert sorted(p.suffix for p in (folder / "results.charts").iterdir())[:1] == [".png"]
    assert "results.tables.xlsx" in out
    assert "results.charts" in out
    # a second report replaces the assistant's own sidecars without asking
    assert main(
        ["--lang", "en", "results", "report", *ORG, "--out", str(folder / "results.pdf")]
    ) in (0, 1)


@pytest.mark.parametrize("taken", ["tables", "tables-zip", "charts-file", "charts-other"])
def test_a_sidecar_the_assistant_did_not_write_is_refused(
    tmp_path, monkeypatch, capsys, taken
) -> None:
    """A workbook at ``<stem>.tables.xlsx`` without the report's mark (the office's own, even a
    real workbook) or a ``<stem>.charts`` that is a file or holds other files: exit 2, one
    sentence naming it, nothing written, the file left as it was."""
    from openpyxl import Workbook

    from desktop_app.cli import main

    folder = _imported(tmp_path, monkeypatch)
    if taken == "tables":
        victim = folder / "r.tables.xlsx"
        victim.write_bytes(b"the office's own notes")
    elif taken == "tables-zip":
        victim = folder / "r.tables.xlsx"
        book = Workbook()
        book.active["A1"] = "office"  # type: ignore[index]
        book.save(victim)
    elif taken == "charts-file":
        victim = folder / "r.charts"
        victim.write_bytes(b"not a folder")
    else:
        (folder / "r.charts").mkdir()
        victim = folder / "r.charts" / "overview.docx"
        victim.write_bytes(b"the office's own")
    before = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    capsys.readouterr()
    for language, word in (
        ("en", "was not written by the assistant"),
        ("nl", "niet door de assistent"),
    ):
        with untouched(victim):
            code = main(
                ["--lang", language, "results", "report", *ORG, "--out", str(folder / "r.pdf")]
            )
        err = capsys.readouterr().err
        assert code == 2, err
        assert word in err, err
        assert victim.name in err, err
        assert "Traceback" not in err
        assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == before


@pytest.mark.parametrize("language", ["en", "nl", "fr"])
def test_check_names_the_programme_that_has_no_results(
    tmp_path, monkeypatch, capsys, language
) -> None:
    """``results check --programme X`` with X not kept for the organisation: the sentence names X
    and the programmes that are kept, with their years (before: 'No results of 2025 ... (there
    are for: 2025)', X nowhere)."""
    from desktop_app.cli import main

    _imported(tmp_path, monkeypatch)
    capsys.readouterr()
    code = main(["--lang", language, "results", "check", *ORG, "--programme", "ksz-bcss"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "ksz-bcss" in err, err
    assert "cbs-barometer-ingezoomd (2025)" in err, err
    # the programme is kept, the year is not: the programme and its years are named
    code = main(["--lang", language, "results", "check", *ORG, *CBS, "--year", "2024"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "2024" in err, err
    assert "cbs-barometer-ingezoomd" in err, err
    assert "2025" in err, err


@pytest.mark.parametrize("existing", ["unrelated", "draft", "dangling-link"])
def test_repeat_never_writes_over_an_existing_out(tmp_path, monkeypatch, capsys, existing) -> None:
    """``journey repeat --out EXISTING``: refused with a sentence, the file left as it was
    (before, an unrelated file at that name was replaced by the new draft)."""
    from desktop_app.cli import main

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    source = tmp_path / "draft.json"
    shutil.copy(SAMPLES / "demo-draft.json", source)
    out = tmp_path / "next.json"
    if existing == "unrelated":
        out.write_text("the office's own notes\n", encoding="utf-8")
    elif existing == "draft":
        shutil.copy(source, out)
    else:
        out.symlink_to(tmp_path / "nowhere.json")
    for language, word in (("en", "already exists"), ("nl", "bestaat al"), ("fr", "existe déjà")):
        with untouched(source):
            code = main(
                ["--lang", language, "journey", "repeat", "--from", str(source), "--out", str(out)]
            )
        err = capsys.readouterr().err
        assert code == 2, err
        assert word in err, err
        assert "next.json" in err, err
        if existing == "dangling-link":
            assert out.is_symlink()
            assert not (tmp_path / "nowhere.json").exists()
        elif existing == "unrelated":
            assert out.read_text("utf-8") == "the office's own notes\n"
        else:
            assert out.read_bytes() == source.read_bytes()


def test_a_refused_staff_file_leaves_the_folder_unchosen(tmp_path, monkeypatch, capsys) -> None:
    """``journey folder --set DIR --add <staff file> --draft D``: the plaintext refusal comes
    before the folder is chosen (before, DIR was recorded and set up, choices.json in it, and
    only then the staff file refused)."""
    from desktop_app.cli import main

    appdata = tmp_path / "appdata"
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(appdata))
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLES / "demo-personeel.csv", inputs / "staff.csv")
    draft = json.loads((SAMPLES / "demo-draft.json").read_text("utf-8"))
    staff = (inputs / "staff.csv").read_bytes()
    draft["source"]["fingerprint"] = {
        "sha256": hashlib.sha256(staff).hexdigest(),
        "size": len(staff),
    }
    (inputs / "draft.json").write_text(json.dumps(draft), encoding="utf-8")
    year_folder = tmp_path / "Diversiteit 2026"
    for extra in ([], ["--kind", "employee-file"]):
        command = ["--lang", "en", "journey", "folder", "--set", str(year_folder)]
        command += ["--add", str(inputs / "staff.csv"), "--draft", str(inputs / "draft.json")]
        code = main([*command, *extra])
        err = capsys.readouterr().err
        assert code == 2, err
        assert "staff.csv" in err, err
        assert "Traceback" not in err
        assert not year_folder.exists()
        assert not (appdata / "journeys").exists() or not any(
            (appdata / "journeys").rglob("*.json")
        )
    # chosen with the officer's explicit choice, it is filed
    code = main([*command, "--keep-plaintext"])
    assert code == 0, capsys.readouterr().err
    assert (year_folder / "staff.csv").is_file()


YEAR_COMMANDS = {
    "results-check": ["results", "check", *ORG, "--year", "{Y}"],
    "results-import": ["results", "import", "{F}/results.xlsx", *CBS, *ORG, "--year", "{Y}"],
    "results-fetch": ["results", "fetch", "sftp://u@127.0.0.1/r.xlsx", *CBS, "--year", "{Y}"],
    "journey-show": ["journey", "show", *ORG, "--year", "{Y}"],
    "journey-repeat": [
        "journey",
        "repeat",
        "--from",
        "{F}/d.json",
        "--out",
        "{F}/n.json",
        "--year",
        "{Y}",
    ],
}


@pytest.mark.parametrize("command", sorted(YEAR_COMMANDS))
@pytest.mark.parametrize("year", ["99999", "0", "1999", "2101", "-5", "twenty"])
def test_every_year_argument_is_range_checked(tmp_path, monkeypatch, capsys, command, year) -> None:
    """``--year`` is one argument type for every command (2000-2100, as the journey's years):
    refused while parsing, exit 2, one sentence in the officer's language naming the range
    (before, ``results check --year 99999`` and ``results import --year 0`` went on)."""
    from desktop_app.cli import main

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    words = [w.replace("{Y}", year).replace("{F}", str(tmp_path)) for w in YEAR_COMMANDS[command]]
    for language, text in (
        ("en", "is not a year between 2000 and 2100"),
        ("nl", "is geen jaar tussen 2000 en 2100"),
        ("fr", "n'est pas une année entre 2000 et 2100"),
    ):
        code = main(["--lang", language, *words])
        err = capsys.readouterr().err
        assert code == 2, err
        assert text in err, err
        assert "--year" in err, err
        assert "Traceback" not in err
    assert not (tmp_path / "appdata").exists() or not any((tmp_path / "appdata").rglob("*.json"))


def test_a_year_in_range_is_taken(tmp_path, monkeypatch, capsys) -> None:
    from desktop_app.commands.common import year_argument

    assert year_argument("2000") == 2000
    assert year_argument(" 2100 ") == 2100
