"""The Qt binding keeps Python's reference counts: a wizard left open all day must not end in
"Fatal Python error: deallocating None".

PySide6 6.12.0 under Python 3.11 (where None, True and False are not yet immortal) dropped one
reference to None on every call of a void method (``QLabel.setText``, ``processEvents``) and one
to True/False on every signal emission: after some tens of thousands of calls the process aborted.
pyproject.toml keeps that release out; this test refuses any binding that does it again. The
probe runs in a child, so that a bad binding fails this test instead of aborting the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

CALLS = 2_000

PROBE = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal
    from PySide6.QtWidgets import QApplication, QLabel, QProgressBar

    class Emitter(QObject):
        changed = Signal(object)

    app = QApplication([])
    label, bar, emitter = QLabel(), QProgressBar(), Emitter()
    emitter.changed.connect(lambda _value: None)
    losses = {{}}
    for name, counted in (("None", None), ("True", True), ("False", False)):
        actions = {{
            "QLabel.setText": lambda: label.setText("x"),
            "QProgressBar.setValue": lambda: bar.setValue(1),
            "processEvents": QCoreApplication.processEvents,
            "Signal.emit": lambda: emitter.changed.emit(counted),
        }}
        for action_name, action in actions.items():
            before = sys.getrefcount(counted)
            for _ in range({calls}):
                action()
            losses[f"{{action_name}} ({{name}})"] = before - sys.getrefcount(counted)
    print(json.dumps(losses))
    """
)


def test_void_calls_and_emissions_keep_reference_counts():
    completed = subprocess.run(
        [sys.executable, "-c", PROBE.format(calls=CALLS)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert completed.returncode == 0, f"the binding corrupted reference counts: {completed.stderr[-500:]}"
    losses = json.loads(completed.stdout)
    # a few references may come and go with caches; a binding bug loses one per call
    assert all(loss < CALLS // 10 for loss in losses.values()), losses
