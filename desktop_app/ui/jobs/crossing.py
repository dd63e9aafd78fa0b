"""The KSZ categories page's job: the core's check of every requested crossing with its proposals."""

from __future__ import annotations

import pandas as pd

from desktop_app.ksz import steps
from desktop_app.ksz.crossing import Crossing
from desktop_app.ksz.steps import CrossingOutcome
from desktop_app.profiles import Programme
from desktop_app.ui.workers import Worker


def crossing_job(
    worker: Worker, staff: pd.DataFrame, crossings: list[Crossing], programme: Programme
) -> CrossingOutcome:
    """The core's check of every crossing with its proposals; cancelled between crossings."""
    return steps.check_all(
        staff, crossings, programme, step=lambda _done, _total: worker.check_cancelled()
    )
