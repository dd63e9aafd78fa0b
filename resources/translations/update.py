"""Regenerate the Qt Linguist catalogues of the wizard.

    .venv/bin/python resources/translations/update.py            # lupdate + lrelease
    .venv/bin/python resources/translations/update.py --release  # only compile .ts -> .qm

``pyside6-lupdate`` collects every ``self.tr()`` / ``QCoreApplication.translate()`` string from
``desktop_app/ui`` into ``diversity_assistant_<lang>.ts`` (existing translations are kept; strings
no longer in the code are dropped). Translate new strings with ``pyside6-linguist`` (or by editing
the XML), then run this again so ``pyside6-lrelease`` compiles the ``.qm`` files that ship.
tests/test_ui_translations.py fails on any unfinished nl or fr string and on stale ``.qm`` files.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("nl", "en", "fr")
CATALOGUE = "diversity_assistant"


def tool(name: str) -> str:
    """The PySide6 tool next to this Python (the venv's bin/Scripts), else on PATH."""
    for folder in (Path(sys.executable).parent, Path(sys.executable).parent / "Scripts"):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.exists():
                return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install pyside6-essentials in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_app" / "ui").rglob("*.py"))


def ts_path(language: str) -> Path:
    return HERE / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str) -> Path:
    return HERE / f"{CATALOGUE}_{language}.qm"


def update() -> None:
    for language in LANGUAGES:
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                language,
                "-ts",
                str(ts_path(language).relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )


def release(target: Path | None = None) -> list[Path]:
    """Compile every .ts to .qm (into ``target`` instead of beside the .ts when given)."""
    outputs = []
    for language in LANGUAGES:
        out = (target or HERE) / qm_path(language).name
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts_path(language)), "-qm", str(out)],
            check=True,
        )
        outputs.append(out)
    return outputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts to .qm")
    args = parser.parse_args()
    if not args.release:
        update()
    release()


if __name__ == "__main__":
    main()
