"""The frozen app: bundle size with its ten largest parts, and start-up to a shown wizard beside
`python -m desktop_app` in the same run.

    .venv/bin/pip install -e ".[build]"
    .venv/bin/python benchmarks/frozen.py [--bundle build/frozen/dist/diversity-assistant] [--repeat 7]

Without an existing bundle it builds one (on Linux with installer/build-linux.sh, elsewhere with
installer/diversity_assistant.spec). Sizes are in MB of 10^6 bytes (MiB beside the total). Start-up
is the wall time from launching the process with `--demo` until it exits right after the wizard was
shown and painted once (DIVERSITY_ASSISTANT_STARTUP_PROBE=1), offscreen. The first run after the
build stands for a cold start (the page cache may still hold files; this machine cannot drop it
for us), the median of the rest for a warm one. Targets: bundle < 150 MB; start < 2 s on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(bundle: Path) -> None:
    default = ROOT / "build" / "frozen" / "dist" / "diversity-assistant"
    if sys.platform.startswith("linux") and bundle.resolve() == default.resolve():
        # its own venv, numpy without OpenBLAS (see the script)
        subprocess.run([str(ROOT / "installer" / "build-linux.sh")], check=True)
        return
    work = bundle.parent.parent / "work"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "ERROR",
            "--distpath",
            str(bundle.parent),
            "--workpath",
            str(work),
            str(ROOT / "installer" / "diversity_assistant.spec"),
        ],
        check=True,
    )


def size_of(path: Path) -> int:
    """Bytes on disk, symlinks not followed (PyInstaller links libraries into _internal)."""
    if path.is_symlink():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def kind(relative: Path) -> str:
    """What a file of the bundle is, for the size breakdown."""
    parts = relative.parts
    if parts[0] != "_internal":
        return "executable (bootloader, Python modules)"
    inner = parts[1:]
    name = inner[-1]
    if inner[0] == "PySide6" and name.startswith("libicu"):
        return "ICU (Qt's Unicode and locale library)"
    if inner[:2] == ("PySide6", "Qt"):
        return "Qt libraries, plugins, translations"
    if inner[0] in ("PySide6", "shiboken6"):
        return "PySide6 bindings"
    if name.startswith("libpython") or inner[0] in ("python3.11", "base_library.zip"):
        return "Python runtime (libpython, lib-dynload)"
    if len(inner) == 1 and name.startswith("lib") and ".so" in name:
        return "system libraries"
    return "other Python packages"


def start_seconds(command: list[str]) -> float:
    with tempfile.TemporaryDirectory() as data:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "DIVERSITY_ASSISTANT_STARTUP_PROBE": "1",
            "DIVERSITY_ASSISTANT_DATA_DIR": data,
        }
        started = time.perf_counter()
        subprocess.run([*command, "--demo"], check=True, env=env, capture_output=True, timeout=120)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bundle", type=Path, default=ROOT / "build" / "frozen" / "dist" / "diversity-assistant"
    )
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    executable = args.bundle / (
        "diversity-assistant.exe" if os.name == "nt" else "diversity-assistant"
    )
    if not executable.exists():
        print(f"building {args.bundle} ...", flush=True)
        build(args.bundle)

    total = size_of(args.bundle)
    internal = args.bundle / "_internal"
    parts = sorted(((size_of(p), p) for p in internal.iterdir()), reverse=True)[:10]
    files = sorted(
        (
            (p.stat().st_size, p)
            for p in args.bundle.rglob("*")
            if p.is_file() and not p.is_symlink()
        ),
        reverse=True,
    )[:10]
    kinds: dict[str, int] = {}
    for path in args.bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            group = kind(path.relative_to(args.bundle))
            kinds[group] = kinds.get(group, 0) + path.stat().st_size
    print(f"bundle {args.bundle}: {total / 1e6:.1f} MB = {total / 2**20:.1f} MiB (target < 150 MB)")
    print("  by kind:")
    for group, size in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"    {size / 1e6:8.1f} MB  {group}")
    print("  ten largest parts of _internal:")
    for size, path in parts:
        print(f"    {size / 1e6:8.1f} MB  {path.name}")
    print("  ten largest files:")
    for size, path in files:
        print(f"    {size / 1e6:8.1f} MB  {path.relative_to(args.bundle)}")

    frozen = [start_seconds([str(executable)]) for _ in range(args.repeat)]
    source = [start_seconds([sys.executable, "-m", "desktop_app"]) for _ in range(args.repeat)]
    print(
        f"start-up to a shown wizard, {os.cpu_count()} cpus, {args.repeat} runs each (target < 2 s):"
    )
    print(f"  {'':<28}{'first':>8}{'median rest':>14}")
    print(
        f"  {'frozen bundle':<28}{frozen[0]:>8.2f}{statistics.median(frozen[1:] or frozen):>14.2f}"
    )
    print(
        f"  {'python -m desktop_app':<28}{source[0]:>8.2f}{statistics.median(source[1:] or source):>14.2f}"
    )
    print(
        f"  ratio frozen / source (medians): "
        f"{statistics.median(frozen[1:] or frozen) / statistics.median(source[1:] or source):.2f}x"
    )


if __name__ == "__main__":
    main()
