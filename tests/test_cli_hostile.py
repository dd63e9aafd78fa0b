"""Every sub-command, given hostile arguments, answers with a sentence and exit 2: never a
traceback, never a hang on a pipe, never the memory eaten by ``/dev/zero``, nothing written.

All cases run in ONE child process (a driver calling ``desktop_app.cli.main`` for each), under a
memory cap and a timeout, so a regression shows as a failed case, not as a hung or killed suite.
"""

from __future__ import annotations

import json
import os
import sys
import textwrap
from pathlib import Path

import pytest
from capped_child import run_capped

from desktop_app.bounded_read import MAX_JSON_DEPTH, FileKind, json_depth

pytestmark = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="POSIX pipes and devices"
)

MEMORY_CAP = 3 * 1024**3  # the driver imports pandas and Qt-free numpy; hostile reads would need more

DRIVER = textwrap.dedent(
    """
    import contextlib, io, json, sys
    from desktop_app.cli import main
    results = []
    for argv in json.load(open(sys.argv[1], encoding="utf-8")):
        out, err = io.StringIO(), io.StringIO()
        escaped = ""
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except BaseException as error:  # what must never happen
                import traceback
                code, escaped = -1, "".join(traceback.format_exception(error))
        results.append({"argv": argv, "code": code, "out": out.getvalue(),
                        "err": err.getvalue(), "escaped": escaped})
    json.dump(results, open(sys.argv[2], "w", encoding="utf-8"))
    """
)


def hostile_files(folder: Path) -> dict[str, Path]:
    """One of each kind of file argument that must be refused before (or instead of) reading."""
    pipe = folder / "pipe.json"
    os.mkfifo(pipe)  # no writer: opening it for reading would block forever
    (folder / "a folder.json").mkdir()
    deep = folder / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    huge = folder / "huge.json"
    with huge.open("wb") as handle:  # sparse: larger than every cap, costs no disk
        handle.truncate(FileKind.PACKAGE.limit + 1)
    noise = folder / "noise.bin"
    noise.write_bytes(bytes(range(256)) * 64)
    return {
        "zero": Path("/dev/zero"),
        "pipe": pipe,
        "folder": folder / "a folder.json",
        "deep": deep,
        "huge": huge,
        "noise": noise,
        "missing": folder / "missing\x1b[2J\u202e.json",
    }


def good_csv(folder: Path) -> Path:
    from stdnum.nl import bsn

    path = folder / "personeel.csv"
    rows = ["BSN;Geboortedatum;Geslacht;Afdeling"]
    number = 100_000_000
    while len(rows) < 30:
        number += 1
        text = f"{number:09d}"
        if bsn.is_valid(text):
            rows.append(f"{text};01-02-1980;V;Zorg")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def cases(folder: Path) -> list[list[str]]:
    bad = {name: str(path) for name, path in hostile_files(folder).items()}
    csv = str(good_csv(folder))
    out = str(folder / "out")
    fake_gpg = folder / "fake.gpg"  # an OpenPGP packet header, then noise
    fake_gpg.write_bytes(b"\x85\x01\x0c" + bytes(range(256)) * 4)
    fake_7z = folder / "fake.7z"  # 7-Zip's signature, then noise
    fake_7z.write_bytes(b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(range(256)) * 4)
    record = folder / "not-a-record.record.json"
    record.write_text('{"format": "diversity-assistant/delivery-record", "file": 3}')
    fake_gpg, fake_7z, record = str(fake_gpg), str(fake_7z), str(record)
    programme = ["--programme", "cbs-barometer-ingezoomd"]
    argvs: list[list[str]] = []
    for name in ("zero", "pipe", "folder", "noise", "missing"):
        argvs += [
            ["check", bad[name], *programme],
            ["tables", bad[name], *programme, "--by", "Afdeling"],
            ["sheets", bad[name]],
            ["upload", bad[name], "--portal", "sftp://127.0.0.1:1/in", "--user", "hr"],
            ["open", bad[name], "--key", csv, "--cert", csv, "--out", out],
            ["openpgp-decrypt", bad[name], "--key-folder", out, "--organisation", "x", "--out", f"{out}/t.csv"],
            ["delivered", bad[name]],
            ["open", bad[name], "--out", out],
        ]
    for name in ("zero", "pipe", "folder", "deep", "huge", "noise", "missing"):
        argvs += [
            ["check", csv, *programme, "--mapping", bad[name]],
            ["tables", csv, *programme, "--by", "Afdeling", "--mapping", bad[name]],
            ["package", "--draft", bad[name], "--recipient-cert", csv, "--out", f"{out}/p.p7m"],
        ]
    for name in ("zero", "pipe", "folder", "huge", "noise"):
        argvs += [
            ["open", csv, "--key", bad[name], "--cert", csv, "--out", out],
            ["open", csv, "--key", csv, "--cert", bad[name], "--out", out],
            ["open", csv, "--key", csv, "--cert", csv, "--sender-cert", bad[name], "--out", out],
            ["upload", csv, "--portal", "sftp://127.0.0.1:1/in", "--user", "hr", "--key-file", bad[name]],
            ["upload", csv, "--portal", "https://127.0.0.1:1/files/", "--user", "hr", "--ca-file", bad[name]],
            ["open", fake_gpg, "--openpgp-key", bad[name], "--out", out],
            ["open", fake_gpg, "--openpgp-key", csv, "--sender-key", bad[name], "--out", out],
        ]
    argvs += [
        ["check", csv, *programme, "--header-row", "0"],
        ["check", csv, *programme, "--header-row", "999999999999"],
        ["check", csv, *programme, "--sheet", "Blad\x1b]52;c;aGk=\x07"],
        ["check", csv, *programme, "--peildatum", "2026-02-30"],
        ["check", csv, "--programme", "../../etc/passwd"],
        ["check", csv, *programme, "--breakdown", "Bestaat\u202eniet"],
        ["check", csv, *programme, "--save-mapping", str(folder / "a folder.json")],
        ["tables", csv, *programme, "--by", ",,,"],
        ["tables", csv, *programme, "--by", "Afdeling", "--min-count", "-1"],
        ["tables", csv, *programme, "--by", "Afdeling", "--min-count", "tien"],
        ["upload", csv, "--portal", "sftp://[::1"],
        ["upload", csv, "--portal", "ftp://example.org/in", "--user", "hr"],
        ["upload", csv, "--portal", "https://", "--user", "hr"],
        ["upload", csv, "--portal", "sftp://127.0.0.1:99999/in", "--user", "hr"],
        ["package", csv, "--draft", csv, "--recipient-cert", csv, "--out", f"{out}/p.p7m"],
        ["open", fake_gpg, "--out", out],
        ["open", fake_gpg, "--openpgp-key", csv, "--out", out],
        ["open", fake_7z, "--out", out],
        ["delivered", record],
        ["delivered", csv],
        ["package", "--draft", csv, "--protection", "openpgp", "--recipient-key", csv, "--out", f"{out}/p.gpg"],
        ["no-such-command"],
    ]
    return argvs


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> list[dict]:
    folder = tmp_path_factory.mktemp("hostile")
    argvs = cases(folder)
    env = {
        **os.environ,
        "DIVERSITY_ASSISTANT_LANG": "en",
        "DIVERSITY_ASSISTANT_DATA_DIR": str(folder / "appdata"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    completed, found = run_capped(DRIVER, argvs, folder, cap=MEMORY_CAP, timeout=600, env=env)
    assert found is not None, completed.stderr[-3000:]
    assert len(found) == len(argvs)
    assert not (folder / "out").exists(), "a refused command wrote output"
    return found


def test_every_hostile_argument_ends_in_a_sentence_and_exit_2(results):
    failures = []
    for result in results:
        text = result["out"] + result["err"]
        problems = []
        if result["escaped"]:
            problems.append("exception escaped main(): " + result["escaped"].splitlines()[-1])
        if result["code"] != 2:
            problems.append(f"exit {result['code']}")
        if "Traceback" in text:
            problems.append("traceback printed")
        if not result["err"].strip():
            problems.append("no message on stderr")
        if "Something unexpected went wrong" in text:
            problems.append("only the catch-all answered: " + result["err"].strip()[:200])
        if problems:
            failures.append(f"{result['argv']}: {'; '.join(problems)}")
    assert not failures, "\n".join(failures)


def test_nothing_from_a_hostile_argument_reaches_the_terminal_raw(results):
    for result in results:
        text = result["out"] + result["err"]
        for raw in ("\x1b", "\x07", "\u202e"):
            assert raw not in text, result["argv"]


def test_refusals_say_what_the_file_is(results):
    by_argv = {json.dumps(r["argv"]): r["err"] for r in results}
    messages = "\n".join(by_argv.values())
    assert "is not a regular file" in messages
    assert "nested deeper than 64 levels" in messages
    assert "larger than" in messages
    for result in results:
        argv = result["argv"]
        # open and openpgp-decrypt read the key before the package: the key's refusal comes first
        if "/dev/zero" in argv and argv[0] not in ("open", "openpgp-decrypt"):
            assert "not a regular file" in result["err"], (argv, result["err"])


def test_json_depth_is_counted_without_recursion():
    assert json_depth('{"a": [1, {"b": "[[[[["}]}') == 3
    assert json_depth("[" * 200_000 + "]" * 200_000) == 200_000
    assert sys.getrecursionlimit() // 4 > MAX_JSON_DEPTH
