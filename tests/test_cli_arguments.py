"""The command line's own refusals (argparse's) are one sentence in the officer's language, exit 2,
with no English usage block: a word that is no number, a missing argument, an unknown command or
choice, a bad date; the language from --lang even when the parse fails."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.commands import arguments
from desktop_app.messages import LANGUAGES, catalogue

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "no number": (
        ["check", "x.csv", "--programme", "p", "--header-row", "abc"],  # --year: a year's own
        {"nl": "'abc' is geen geheel getal", "en": "'abc' is not a whole number",
         "fr": "'abc' n'est pas un nombre entier"},
    ),
    "missing": (
        ["check"],
        {"nl": "dit moet u nog opgeven: file, --programme", "en": "these are still needed: file, --programme",
         "fr": "ceci doit encore être indiqué : file, --programme"},
    ),
    "unknown command": (
        ["bogus"],
        {"nl": "'bogus' is geen keuze die hier kan (kies uit 'check', ",
         "en": "'bogus' is not a choice here (choose from 'check', ",
         "fr": "'bogus' n'est pas un choix possible ici (choisissez parmi 'check', "},
    ),
    "bad date": (
        ["check", "f.xlsx", "--programme", "p", "--peildatum", "2020-13-01"],
        {"nl": "bij --peildatum: '2020-13-01' is geen datum in de vorm JJJJ-MM-DD",
         "en": "at --peildatum: '2020-13-01' is not a date in the form YYYY-MM-DD",
         "fr": "pour --peildatum : '2020-13-01' n'est pas une date au format AAAA-MM-JJ"},
    ),
    "no value": (
        ["check", "f.xlsx", "--programme"],
        {"nl": "bij --programme: hier hoort één waarde achter", "en": "at --programme: one value must follow",
         "fr": "pour --programme : une valeur doit suivre"},
    ),
    "unknown option": (
        ["check", "f.xlsx", "--programme", "p", "--nope"],
        {"nl": "deze argumenten kent de opdracht niet: --nope",
         "en": "the command does not know these arguments: --nope",
         "fr": "la commande ne connaît pas ces arguments : --nope"},
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_refused_command_line_is_one_sentence_in_the_language(capsys, case, language):
    words, expected = CASES[case]
    code = main(["--lang", language, *words])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1, captured.err
    assert expected[language] in captured.err
    assert "--help" in captured.err  # where to look next
    assert "usage:" not in captured.err
    assert "error:" not in captured.err


def test_the_language_is_read_before_a_failing_parse_in_both_spellings(capsys):
    assert main(["--lang=fr", "check"]) == 2
    assert "ceci doit encore être indiqué" in capsys.readouterr().err
    # an unknown --lang falls back to the system language, and says what went wrong
    assert main(["--lang", "xx", "check"]) == 2
    assert "'xx'" in capsys.readouterr().err


def test_argparse_is_left_as_it_was_after_the_parse(capsys):
    before = argparse._  # type: ignore[attr-defined]
    main(["--lang", "nl", "check"])
    capsys.readouterr()
    assert argparse._ is before  # type: ignore[attr-defined]
    assert arguments.current_language() in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("text", sorted(arguments._ARGPARSE_TEXTS))
def test_every_argparse_text_we_word_formats_as_argparse_formats_it(text, language):
    """Each of argparse's texts, in our words, takes argparse's own values without error."""
    values = {"argument_name": "--x", "message": "m", "type": "int", "value": "v",
              "choices": "a, b", "option": "--o", "matches": "--oa, --ob", "parser_name": "p"}
    translated = arguments._translator(language)(text)
    key, _fields = arguments._ARGPARSE_TEXTS[text]
    assert set(catalogue()[key]) == set(LANGUAGES)
    formatted = translated % values if "%(" in text else translated % ("v",) if "%" in text else translated
    assert "%" not in formatted.replace("%%", "")


def test_the_frozen_entry_point_refuses_the_same_way():
    """The real process (python -m desktop_app): one line on stderr, exit 2."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--lang", "nl", "results", "show", "--json", "extra"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 2
    assert "deze argumenten kent de opdracht niet: extra" in result.stderr
    assert "Traceback" not in result.stderr
