"""Primary suppression: which published cells are unsafe by themselves.

- **Threshold rule**: a cell with ``0 < count < threshold`` is primary unsafe.
- **Zeros**: safe by default (a published zero is kept); with ``zeros_unsafe`` every zero cell is
  primary unsafe too (an empty cell tells that nobody in that group has that attribute).
- **100% cells** (``full_cells_unsafe``, off by default): when one child of an equation
  (``parent = sum(children)``, two or more children) holds the whole non-zero parent, everyone of
  that group shares the category (group disclosure). The full cell and its zero siblings are then
  made primary, so that an outsider can neither confirm that the whole group is in the category
  nor that the other categories are empty.

Every primary cell carries a protection level: the audit demands that its interval of possible
values is at least that wide. It defaults to the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.disclosure.errors import DisclosureError
from desktop_app.disclosure.tables import LinkedTables
from desktop_app.messages import Message


@dataclass(frozen=True)
class RuleSettings:
    """The programme's (or the user's) disclosure rule."""

    threshold: int
    zeros_unsafe: bool = False
    full_cells_unsafe: bool = False
    protection_level: float | None = None
    insiders: bool = True
    """Protect against singleton insiders too (:mod:`insider`): the one person in a suppressed
    cell of count 1 must not be able to work out another primary cell exactly."""

    def __post_init__(self) -> None:
        if isinstance(self.threshold, bool) or not isinstance(self.threshold, int):
            raise DisclosureError("disclosure.bad-threshold", threshold=self.threshold)
        if self.threshold < 1:
            raise DisclosureError("disclosure.bad-threshold", threshold=self.threshold)

    @property
    def level(self) -> float:
        """The protection level of a primary cell."""
        return float(self.threshold if self.protection_level is None else self.protection_level)


@dataclass(frozen=True)
class PrimaryCell:
    """A primary unsafe cell: its index, protection level and why it is unsafe."""

    cell: int
    level: float
    reason: Message


def primary_cells(tables: LinkedTables, settings: RuleSettings) -> tuple[PrimaryCell, ...]:
    """The primary unsafe cells of ``tables`` under ``settings``, in cell order."""
    reasons: dict[int, Message] = {}
    for i, value in enumerate(tables.values.tolist()):
        if 0 < value < settings.threshold:
            reasons[i] = Message("disclosure.reason.threshold", {"threshold": settings.threshold})
        elif value == 0 and settings.zeros_unsafe:
            reasons[i] = Message("disclosure.reason.zero")
    if settings.full_cells_unsafe:
        full = Message("disclosure.reason.full-cell")
        for eq in tables.equations:
            parent = int(tables.values[eq.parent])
            if parent == 0 or len(eq.children) < 2:
                continue
            if any(int(tables.values[c]) == parent for c in eq.children):
                for c in eq.children:
                    reasons.setdefault(c, full)
    return tuple(PrimaryCell(i, settings.level, reasons[i]) for i in sorted(reasons))
