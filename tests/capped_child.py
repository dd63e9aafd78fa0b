"""A batch of hostile inputs run in ONE child process under a memory cap.

A regression then shows as a failed test that names the input, not as a hung or killed suite: the
child may abort (a reader that densifies a far cell) or run out of memory without taking pytest
with it. The driver is a script that reads ``sys.argv[1]`` (the inputs, JSON) and writes
``sys.argv[2]`` (the results, JSON).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def run_capped(
    driver: str, inputs: Any, folder: Path, *, cap: int, timeout: int, env: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], Any]:
    """Run ``driver`` on ``inputs`` under an address-space cap of ``cap`` bytes; the completed
    process and the results (None when the child did not finish)."""
    given, taken = folder / "inputs.json", folder / "results.json"
    given.write_text(json.dumps(inputs), encoding="utf-8")
    # Windows has no address-space limit to set: there the child runs uncapped, still apart
    capped = (
        "try:\n    import resource\nexcept ImportError:\n    resource = None\n"
        f"if resource is not None:\n    resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))\n"
        f"{driver}"
    )
    completed = subprocess.run(
        [sys.executable, "-c", capped, str(given), str(taken)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    finished = completed.returncode == 0 and taken.exists()
    return completed, json.loads(taken.read_text(encoding="utf-8")) if finished else None
