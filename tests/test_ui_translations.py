"""Translations: every wizard text is translated in Dutch and French, and the shipped .qm files
match the .ts files."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QTranslator

from desktop_app.resources import resource_path

TRANSLATIONS = resource_path("translations")


def load_update_script():
    spec = importlib.util.spec_from_file_location("update_translations", TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(language: str):
    tree = ET.parse(TRANSLATIONS / f"diversity_assistant_{language}.ts")
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_string_is_translated(language):
    problems = []
    count = 0
    for context, message in messages(language):
        count += 1
        translation = message.find("translation")
        source = message.findtext("source")
        if translation is None or translation.get("type") in {"unfinished", "obsolete", "vanished"}:
            problems.append(
                (context, source, translation.get("type") if translation is not None else None)
            )
        elif not (translation.text or "").strip():
            problems.append((context, source, "empty"))
        elif source.count("%1") != translation.text.count("%1") or source.count(
            "%2"
        ) != translation.text.count("%2"):
            problems.append((context, source, "placeholders differ"))
    assert count > 100
    assert not problems


def test_the_catalogue_covers_every_string_in_the_code(tmp_path):
    """lupdate into a temporary copy finds no string the shipped .ts lacks."""
    import shutil
    import subprocess

    update = load_update_script()
    copy = tmp_path / "nl.ts"
    shutil.copy(TRANSLATIONS / "diversity_assistant_nl.ts", copy)
    result = subprocess.run(
        [
            update.tool("pyside6-lupdate"),
            *update.sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(copy),
        ],
        cwd=update.ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "(0 new" in result.stdout + result.stderr, result.stdout
    assert copy.read_bytes() == (TRANSLATIONS / "diversity_assistant_nl.ts").read_bytes()


@pytest.mark.parametrize("language", ["nl", "en", "fr"])
def test_the_shipped_qm_matches_its_ts(tmp_path, language):
    update = load_update_script()
    fresh = {p.name: p.read_bytes() for p in update.release(tmp_path)}
    shipped = (TRANSLATIONS / f"diversity_assistant_{language}.qm").read_bytes()
    assert fresh[f"diversity_assistant_{language}.qm"] == shipped, (
        "run resources/translations/update.py"
    )


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_qm_translates_every_source_string(language):
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / f"diversity_assistant_{language}.qm"))
    for context, message in messages(language):
        source = message.findtext("source")
        assert translator.translate(context, source) == message.find("translation").text
