"""Filing the protected file in the yearly folder: ``journey.folder.file_into`` (hash, plaintext
check, copy in pieces with the copy's hash, fsync, rename, index written) beside a plain
``shutil.copyfile`` of the same file into the same kind of folder, rounds alternating.

    .venv/bin/python -m benchmarks.journey_folder [--mb 20 100] [--rounds 5]

Prints per size the medians and their ratio. The wizard files the package when the file is made
(on the make-file page, in the GUI thread), so this is the pause the officer may see there.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, nargs="+", default=[20, 100])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="da-bench-"))
    os.environ["DIVERSITY_ASSISTANT_DATA_DIR"] = str(root / "appdata")
    from desktop_app.journey.folder import file_into, open_year_folder

    try:
        for mb in args.mb:
            package = root / f"barometer-{mb}.p7m"
            with package.open("wb") as stream:
                for _ in range(mb):
                    stream.write(os.urandom(1 << 20))
            ours: list[float] = []
            plain: list[float] = []
            for number in range(args.rounds):
                folder = open_year_folder("rsin-802634540", 2000 + number, root / f"y{mb}-{number}")
                start = time.perf_counter()
                file_into(folder, package, "package")
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                shutil.copyfile(package, root / f"copy{mb}-{number}.p7m")
                plain.append(time.perf_counter() - start)
            mine, base = statistics.median(ours), statistics.median(plain)
            print(
                f"{mb} MiB: file_into median {mine * 1000:.0f} ms, shutil.copyfile median "
                f"{base * 1000:.0f} ms, ratio {mine / base:.1f} ({args.rounds} rounds)"
            )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
