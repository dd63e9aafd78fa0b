"""The frozen app: bundle size with its ten largest parts, and start-up to a shown wizard beside
`python -m desktop_app` in the same run.

    .venv/bin/pip install -e ".[build]"
    .venv/bin/python benchmarks/frozen.py [--bundle build/frozen/dist/diversity-assistant] [--repeat 7]

Without an existing bundle it builds one with installer/diversity_assistant.spec. Start-up is the
wall time from launching the process with `--demo` until it exits right after the wizard was
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
    print(f"bundle {args.bundle}: {total / 1e6:.1f} MB (target < 150 MB)")
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
