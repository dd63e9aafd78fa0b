"""Before the officer publishes subgroup figures: could a published figure say something about
fewer people than the threshold, directly or by differencing?

Input: the office's table set of one year (its group sizes as intervals) and one or more
*versions* of how its figures are published (:class:`PublicationVersion`): which subgroups are
shown as a line (several subgroups merged into one line, or one each), whether the organisation's
total is shown, and which cells are left out. Two versions of the same year and breakdown are
checked together: the figures of one year reprinted next year in another grouping (merged one
year, unmerged the next) are both in the public's hands.

Two findings:

- **small**: a published share that, over the line's size interval and with the share's rounding,
  may stand for fewer people than the threshold (and more than none). Proposed: leave the cell
  out, or merge the line with its smallest neighbour.
- **differencing**: a cell left out (by the office, or by the officer) whose number of people can
  be worked back, to closer than the threshold, from what is published: the total minus the other
  lines, a merged line minus its other members, a line's size minus its other groups. Found with
  the disclosure engine's audit (an attacker's linear programme over the published cells,
  :func:`desktop_app.disclosure.audit_model`). Proposed: the smallest further cell to leave out
  (checked again until the audit passes), or a coarser grouping (also checked).

The people behind each cell are estimated from the published share and size (a suppressed cell:
from the total and the other lines, else an even share of its row's remainder), and the audit
treats those estimates as exactly known: an insider who knows the department's exact headcount
can do that, so the check errs on the side of caution.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from desktop_app.disclosure import ModelMatrix, RuleSettings, audit_model
from desktop_app.results.model import ResultRow, ResultsError, ResultSet, ResultTable
from desktop_app.results.sizes import with_submitted_sizes

DEFAULT_THRESHOLD = 5
MAX_EXTRA_SUPPRESSIONS = 8
RECTANGLE_TRIES = 3  # partner lines tried for the classic four-cell pattern
MAX_COVER_DEPTH = 64  # lines in one differencing explanation
MAX_COVER_STEPS = 20_000  # the search for an explanation gives up after this many steps

Cell = tuple[str, str]  # (line label, group code)


@dataclass(frozen=True)
class PublishedLine:
    """One line of a published table: its label and the office's subgroups it adds up."""

    label: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class PublicationVersion:
    """One way one breakdown of one year's figures is (or was) published."""

    year: int | None
    breakdown: str
    lines: tuple[PublishedLine, ...]
    include_total: bool = True
    left_out: frozenset[Cell] = frozenset()  # cells the officer does not publish
    name: str = ""  # where: "annual report 2025", "intranet"

    def merged(self, labels: Sequence[str]) -> PublicationVersion:
        """This version with ``labels``' lines merged into one (in the first one's place)."""
        chosen = [line for line in self.lines if line.label in labels]
        members = tuple(m for line in chosen for m in line.members)
        label = " + ".join(line.label for line in chosen)
        lines: list[PublishedLine] = []
        for line in self.lines:
            if line.label == chosen[0].label:
                lines.append(PublishedLine(label, members))
            elif line.label not in labels:
                lines.append(line)
        left_out = frozenset(c for c in self.left_out if c[0] not in labels)
        return replace(self, lines=tuple(lines), left_out=left_out)


@dataclass(frozen=True)
class Proposal:
    """What to do instead: leave ``left_out`` cells out too, or merge the lines ``merge``."""

    kind: Literal["suppress", "merge", "leave-out-line"]
    cells: tuple[Cell, ...] = ()
    merge: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    kind: Literal["small", "differencing"]
    version: str
    year: int | None
    breakdown: str
    line: str
    group: str
    people_low: int  # the people the cell may stand for (small), or the attacker's interval
    people_high: int
    via: tuple[str, ...] = ()  # differencing: the published lines it is worked back from
    via_groups: tuple[str, ...] = ()  # or: its line's size minus these groups of the line
    proposals: tuple[Proposal, ...] = ()


@dataclass(frozen=True)
class PublicationCheck:
    threshold: int
    findings: tuple[Finding, ...]
    checked_cells: int
    unknown: tuple[str, ...] = ()  # lines without a size: not checkable
    versions: tuple[PublicationVersion, ...] = field(default=())

    @property
    def passed(self) -> bool:
        return not self.findings and not self.unknown


def default_versions(result: ResultSet, name: str = "") -> tuple[PublicationVersion, ...]:
    """Every breakdown published as the office returned it: one line per subgroup, the total
    shown, the office's suppressed cells left out."""
    versions = []
    for table in result.tables:
        lines = tuple(PublishedLine(r.subgroup, (r.subgroup,)) for r in table.rows if not r.total)
        if not lines:
            continue
        versions.append(PublicationVersion(result.year, table.breakdown, lines, True, name=name))
    return tuple(versions)


def threshold_for(cell_threshold: int | None) -> int:
    """The programme's cell threshold when it has one, else :data:`DEFAULT_THRESHOLD`."""
    return cell_threshold if cell_threshold and cell_threshold > 0 else DEFAULT_THRESHOLD


def check_publication(
    result: ResultSet,
    versions: Iterable[PublicationVersion] | None = None,
    *,
    threshold: int = DEFAULT_THRESHOLD,
    propose: bool = True,
) -> PublicationCheck:
    """Check ``versions`` (by default :func:`default_versions`) of ``result``'s figures, over
    the group sizes narrowed by the submission's where the import is linked to one
    (:func:`~desktop_app.results.sizes.with_submitted_sizes`)."""
    result = with_submitted_sizes(result)
    settings = RuleSettings(threshold=threshold)  # the engine's own validation of the rule
    chosen = tuple(versions) if versions is not None else default_versions(result)
    findings: list[Finding] = []
    unknown: list[str] = []
    checked = 0
    by_breakdown: dict[str, list[PublicationVersion]] = {}
    for version in chosen:
        unknown_groups = sorted({g for _line, g in version.left_out} - set(result.groups))
        if unknown_groups:
            raise ResultsError(
                "results.plan-unknown-group",
                group=unknown_groups[0],
                groups=", ".join(result.groups),
            )
        by_breakdown.setdefault(version.breakdown, []).append(version)
    for breakdown, group_versions in by_breakdown.items():
        try:
            table = result.table(breakdown)
        except KeyError:
            raise ResultsError("results.publish-unknown-breakdown", breakdown=breakdown) from None
        system = _System(result, table, group_versions, settings.threshold)
        unknown.extend(system.unknown)
        checked += len(system.cells)
        found = system.findings()
        if propose:
            found = [replace(f, proposals=system.proposals(f)) for f in found]
        findings.extend(found)
    return PublicationCheck(threshold, tuple(findings), checked, tuple(unknown), chosen)


# -- the linear system of one breakdown -----------------------------------------------------------


@dataclass(frozen=True)
class _Published:
    """A published (or left-out) cell of one version: a group's people in a line, or a size."""

    version: int
    line: str
    group: str | None  # None: the line's size (all groups)
    members: tuple[str, ...]
    left_out: bool
    office_suppressed: bool
    share: float | None
    size: tuple[int, int] | None  # the line's size interval


class _System:
    def __init__(
        self,
        result: ResultSet,
        table: ResultTable,
        versions: list[PublicationVersion],
        threshold: int,
    ) -> None:
        self.result = result
        self.table = table
        self.versions = versions
        self.threshold = threshold
        self.groups = result.groups
        self.rows = {r.subgroup: r for r in table.rows if not r.total}
        # the organisation's total: this table's, else the one published in another table (a
        # long KSZ table has it once, in its own block)
        self.total = next((r for r in table.rows if r.total), None) or organisation_total(result)
        self.unknown: list[str] = []
        for version in versions:
            for line in version.lines:
                for member in line.members:
                    if member not in self.rows:
                        raise ResultsError(
                            "results.publish-unknown-subgroup",
                            subgroup=member,
                            breakdown=table.breakdown,
                        )
        self.subgroups = tuple(self.rows)
        self.inner = self._estimate()
        self.cells = self._cells(versions)

    # the people behind each inner cell (subgroup x group), estimated ------------------------------

    def _estimate(self) -> dict[Cell, int]:
        estimate: dict[Cell, float | None] = {}
        for name, row in self.rows.items():
            size = _size_of(row)
            for value in row.values:
                if value.count is not None:
                    estimate[(name, value.group)] = float(value.count)
                elif value.share is not None and size is not None:
                    estimate[(name, value.group)] = value.share * size / 100
                else:
                    estimate[(name, value.group)] = None
        self._fill_from_total(estimate)
        return self._rounded(estimate)

    def _fill_from_total(self, estimate: dict[Cell, float | None]) -> None:
        """A suppressed cell: the total's people minus the other subgroups', when only it is
        open in its group; else an even share of its row's remainder."""
        total_size = _size_of(self.total) if self.total is not None else None
        for group in self.groups:
            open_cells = [s for s in self.subgroups if estimate[(s, group)] is None]
            if len(open_cells) == 1 and self.total is not None and total_size is not None:
                share = self.total.value(group).share
                if share is not None:
                    known = sum(estimate[(s, group)] or 0.0 for s in self.subgroups)
                    estimate[(open_cells[0], group)] = max(0.0, share * total_size / 100 - known)
        for name, row in self.rows.items():
            size = _size_of(row)
            missing = [g for g in self.groups if estimate[(name, g)] is None]
            if not missing:
                continue
            rest = (size or 0) - sum(estimate[(name, g)] or 0.0 for g in self.groups)
            for group in missing:
                estimate[(name, group)] = max(0.0, rest / len(missing))

    def _rounded(self, estimate: dict[Cell, float | None]) -> dict[Cell, int]:
        out: dict[Cell, int] = {}
        for key, guess in estimate.items():
            people = round(guess or 0.0)
            share = self.rows[key[0]].value(key[1]).share
            if people == 0 and (share is None or share > 0):
                people = 1  # a published non-zero share, or a suppressed cell: somebody is there
            out[key] = people
        return out

    # the published cells of every version ----------------------------------------------------------

    def _cells(self, versions: list[PublicationVersion]) -> list[_Published]:
        cells: list[_Published] = []
        for number, version in enumerate(versions):
            lines = list(version.lines)
            if version.include_total and self.total is not None:
                lines.append(PublishedLine(self.total.subgroup, self.subgroups))
            for line in lines:
                is_total = self.total is not None and line.label == self.total.subgroup
                rows = (
                    [self.total]
                    if is_total and self.total
                    else [self.rows[m] for m in line.members]
                )
                sizes = [r.size_interval for r in rows]
                if any(s is None for s in sizes) and not all(
                    v.count is not None for r in rows for v in r.values if not v.suppressed
                ):
                    self.unknown.append(f"{self.table.breakdown}: {line.label}")
                interval = (
                    (sum(s.low for s in sizes if s), sum(s.high for s in sizes if s))
                    if all(sizes)
                    else None
                )
                cells.append(
                    _Published(number, line.label, None, line.members, False, False, None, interval)
                )
                for group in self.groups:
                    values = [r.value(group) for r in rows]
                    office = any(v.suppressed or v.share is None for v in values)
                    share = values[0].share if len(values) == 1 else _merged_share(rows, group)
                    cells.append(
                        _Published(
                            number,
                            line.label,
                            group,
                            line.members,
                            office or (line.label, group) in version.left_out,
                            office,
                            None if office else share,
                            interval,
                        )
                    )
        # a subgroup not shown on a line of its own is still in the public's hands when the
        # published lines difference down to it: checked as a left-out cell
        single = {c.members[0] for c in cells if len(c.members) == 1}
        for name in self.subgroups:
            if name in single:
                continue
            number = len(versions) - 1  # the newest version is the one that would give it away
            row = self.rows[name]
            for group in self.groups:
                value = row.value(group)
                office = value.suppressed or value.share is None
                cells.append(
                    _Published(
                        number,
                        name,
                        group,
                        (name,),
                        True,
                        office,
                        None if office else value.share,
                        (row.size_interval.low, row.size_interval.high)
                        if row.size_interval
                        else None,
                    )
                )
        return cells

    def _people(self, cell: _Published) -> int:
        groups = self.groups if cell.group is None else (cell.group,)
        return sum(self.inner[(m, g)] for m in cell.members for g in groups)

    def _range(self, cell: _Published) -> tuple[int, int] | None:
        """The people a published share may stand for (rounding of the share and of the size)."""
        if cell.group is None:
            return None
        rows = [self.rows[m] for m in cell.members]
        counts = [r.value(cell.group).count for r in rows]
        if all(c is not None for c in counts):
            exact = sum(c for c in counts if c is not None)
            return (exact, exact)
        if cell.share is None or cell.size is None:
            return None
        half = 0.5 * 10.0 ** (-self.result.share_decimals) if len(rows) == 1 else 0.5
        low = max(0.0, cell.share - half) * cell.size[0] / 100
        high = min(100.0, cell.share + half) * cell.size[1] / 100
        floor = 1 if cell.share > 0 else 0
        return (max(floor, math.floor(low)), math.ceil(high))

    def _small(self, cell: _Published) -> bool:
        if cell.group is None:
            return False
        if cell.office_suppressed and (len(cell.members) == 1 or cell.members == self.subgroups):
            return True  # the office judged it too small
        # a merged line with a member the office left out is not published (it cannot be
        # computed); that member is protected as a cell of its own (see _cells)
        span = self._range(cell)
        if span is None:
            return self._people(cell) < self.threshold and self._people(cell) > 0
        return span[1] > 0 and span[0] < self.threshold

    # the audit ------------------------------------------------------------------------------------

    def _audit(self, hidden: set[int]) -> dict[int, tuple[float, float]]:
        """The attacker's interval of every hidden primary cell that the published ones pin down
        to closer than the threshold."""
        index = {key: i for i, key in enumerate(self.inner)}
        columns = []
        for cell in self.cells:
            groups = self.groups if cell.group is None else (cell.group,)
            columns.append(np.array(sorted(index[(m, g)] for m in cell.members for g in groups)))
        model = ModelMatrix.from_columns(len(index), columns)
        values = np.array([self._people(c) for c in self.cells], dtype=np.int64)
        mask = np.zeros(len(self.cells), dtype=bool)
        levels = np.zeros(len(self.cells), dtype=float)
        for i in hidden:
            mask[i] = True
            if self._small(self.cells[i]):
                levels[i] = float(self.threshold)
        targets = [i for i in hidden if levels[i] > 0]
        if not targets:
            return {}
        report = audit_model(model, values, mask, levels, targets=targets)
        return {item.cell: (item.low, item.high) for item in report.intervals if not item.safe}

    def _hidden(self, extra: Iterable[Cell] = (), version: int | None = None) -> set[int]:
        extra_set = set(extra)
        hidden = set()
        for i, cell in enumerate(self.cells):
            if (
                cell.left_out
                or self._small(cell)
                or (
                    cell.group is not None
                    and (cell.line, cell.group) in extra_set
                    and (version is None or cell.version == version)
                )
            ):
                hidden.add(i)
        # a cell's twin in another version (the same members and group) is hidden with it only
        # when the officer leaves it out there too: a published twin gives it away
        return hidden

    def findings(self) -> list[Finding]:
        found: list[Finding] = []
        for cell in self.cells:
            if cell.group is None or cell.left_out or not self._small(cell):
                continue
            span = self._range(cell) or (self._people(cell), self._people(cell))
            found.append(self._finding("small", cell, span, ((), ())))
        failing = self._audit(self._hidden())
        for i, (low, high) in sorted(failing.items()):
            cell = self.cells[i]
            if not cell.left_out:
                continue  # a small published cell: reported above; hidden it would be safe
            span = (max(0, math.floor(low + 1e-9)), math.ceil(high - 1e-9))
            found.append(self._finding("differencing", cell, span, self._via(i)))
        return found

    def _finding(
        self,
        kind: Literal["small", "differencing"],
        cell: _Published,
        span: tuple[int, int],
        via: tuple[tuple[str, ...], tuple[str, ...]],
    ) -> Finding:
        version = self.versions[cell.version]
        return Finding(
            kind,
            version.name,
            version.year,
            self.table.breakdown,
            cell.line,
            cell.group or "",
            span[0],
            span[1],
            via[0],
            via[1],
        )

    def _via(self, target: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Published cells that add up to a container of the target minus the target (lines), or
        else the line's size and its published other groups."""
        cell = self.cells[target]
        hidden = self._hidden()
        published = [
            c
            for i, c in enumerate(self.cells)
            if i not in hidden and c.group == cell.group and c is not cell
        ]
        mine = set(cell.members)
        for container in sorted(published, key=lambda c: len(c.members)):
            rest = set(container.members) - mine
            if not mine <= set(container.members) or not rest:
                continue
            parts = [c for c in published if set(c.members) <= rest and c is not container]
            cover = _exact_cover(rest, parts)
            if cover is not None:
                return (container.line, *(c.line for c in cover)), ()
        size = next(
            (
                c
                for i, c in enumerate(self.cells)
                if i not in hidden and c.group is None and c.members == cell.members
            ),
            None,
        )
        if size is not None:
            others = tuple(
                c.group
                for i, c in enumerate(self.cells)
                if i not in hidden
                and c.members == cell.members
                and c.group is not None
                and c.group != cell.group
            )
            return (size.line,), others
        return (), ()

    # proposals ------------------------------------------------------------------------------------

    def proposals(self, finding: Finding) -> tuple[Proposal, ...]:
        version_index = next(
            i
            for i, v in enumerate(self.versions)
            if v.name == finding.version and v.breakdown == finding.breakdown
        )
        version = self.versions[version_index]
        out: list[Proposal] = []
        extra = self._suppression(version_index, (finding.line, finding.group))
        if extra is not None:
            out.append(Proposal("suppress", extra))
        merge = self._merge(version_index, finding.line)
        if merge is not None:
            out.append(Proposal("merge", merge=merge))
        regroup = self._as_elsewhere(version_index, finding.line)
        if regroup is not None:
            out.append(Proposal("merge", merge=regroup))
        if not out and finding.line in {line.label for line in version.lines}:
            out.append(Proposal("leave-out-line", merge=(finding.line,)))
        return tuple(out)

    def _suppression(self, version: int, cell: Cell) -> tuple[Cell, ...] | None:
        """The cell and the fewest further cells to leave out (greedy, smallest first) until the
        audit of this version's hidden cells passes."""
        rectangle = self._rectangle(version, cell)
        if rectangle is not None:
            return rectangle
        chosen: list[Cell] = [cell]
        for _ in range(MAX_EXTRA_SUPPRESSIONS):
            hidden = self._hidden(chosen, version)
            failing = self._audit(hidden)
            if not failing:
                return tuple(chosen)
            candidates = self._candidates(version, hidden, failing)
            if not candidates:
                return None
            chosen.append(candidates[0])
        return None

    def _rectangle(self, version: int, cell: Cell) -> tuple[Cell, ...] | None:
        """The classic pattern first: the cell, another group of its line and the same two
        groups of another line (smallest partners first, a few tried), when that passes."""
        line, group = cell
        lines = [entry for entry in self.versions[version].lines if entry.label != line]
        if not lines or line not in {entry.label for entry in self.versions[version].lines}:
            return None

        def people(label: str, code: str) -> int:
            members = next(e.members for e in self.versions[version].lines if e.label == label)
            return sum(self.inner[(m, code)] for m in members)

        groups = sorted((g for g in self.groups if g != group), key=lambda g: people(line, g))
        partners = sorted(lines, key=lambda e: people(e.label, group))
        for other in partners[:RECTANGLE_TRIES]:
            for second in groups[:2]:
                chosen = (cell, (line, second), (other.label, group), (other.label, second))
                if not self._audit(self._hidden(chosen, version)):
                    return chosen
        return None

    def _candidates(
        self, version: int, hidden: set[int], failing: dict[int, tuple[float, float]]
    ) -> list[Cell]:
        """Published group cells of the version, in a line or group shared with a failing cell,
        fewest people first."""
        lines = {self.cells[i].line for i in failing}
        groups = {self.cells[i].group for i in failing}
        options = [
            (self._people(c), c.line, c.group)
            for i, c in enumerate(self.cells)
            if i not in hidden
            and c.version == version
            and c.group is not None
            and (c.line in lines or c.group in groups)
            and c.members != tuple(self.subgroups)
        ]
        # one in the same group but another line first (breaks the column), then the row
        options.sort(key=lambda o: (o[2] not in groups or o[1] in lines, o[0]))
        return [(line, group) for _people, line, group in options if group is not None]

    def _merge(self, version: int, line: str) -> tuple[str, ...] | None:
        """Merge the line with its smallest sibling (then the next) until the check passes."""
        current = self.versions[version]
        if line not in {entry.label for entry in current.lines}:
            return None
        merged = [line]
        for _ in range(len(current.lines) - 2):
            siblings = [entry for entry in current.lines if entry.label not in merged]
            if len(siblings) < 2:
                return None
            smallest = min(
                siblings,
                key=lambda e: sum(self.inner[(m, g)] for m in e.members for g in self.groups),
            )
            merged.append(smallest.label)
            candidate = current.merged(merged)
            versions = [candidate if i == version else v for i, v in enumerate(self.versions)]
            trial = _System(self.result, self.table, versions, self.threshold)
            label = " + ".join(e.label for e in current.lines if e.label in merged)
            if not any(f.line == label for f in trial.findings()):
                return tuple(merged)
        return None

    def _as_elsewhere(self, version: int, subgroup: str) -> tuple[str, ...] | None:
        """A subgroup shown merged in another version: the same merge in this one, when that
        passes (the lines of this version it takes in, with the subgroup)."""
        current = self.versions[version]
        if subgroup in {entry.label for entry in current.lines}:
            return None
        for other in self.versions:
            for line in other.lines:
                if subgroup not in line.members or len(line.members) < 2:
                    continue
                taken = [e for e in current.lines if set(e.members) <= set(line.members)]
                kept = [e for e in current.lines if e not in taken]
                regrouped = replace(current, lines=(*kept, PublishedLine(line.label, line.members)))
                versions = [regrouped if i == version else v for i, v in enumerate(self.versions)]
                trial = _System(self.result, self.table, versions, self.threshold)
                if not any(f.line == subgroup for f in trial.findings()):
                    return (*(e.label for e in taken), subgroup)
        return None


def organisation_total(result: ResultSet) -> ResultRow | None:
    """The organisation's total row, from whichever table publishes it."""
    return next((r for t in result.tables for r in t.rows if r.total), None)


def _size_of(row: ResultRow | None) -> float | None:
    if row is None:
        return None
    if row.size is not None:
        return float(row.size)
    counts = [v.count for v in row.values]
    if all(c is not None for c in counts):
        return float(sum(c for c in counts if c is not None))
    return None


def _merged_share(rows: list[ResultRow], group: str) -> float | None:
    """A merged line's share: the members' shares weighted by their sizes."""
    total = 0.0
    people = 0.0
    for row in rows:
        value = row.value(group)
        size = _size_of(row)
        if value.share is None or size is None:
            return None
        total += size
        people += value.share * size / 100
    return 100 * people / total if total else None


def _exact_cover(target: set[str], parts: list[_Published]) -> list[_Published] | None:
    """Disjoint ``parts`` whose members make up ``target`` exactly: a depth-first search that
    always covers the first member still open (each part is tried once per branch)."""
    usable = [p for p in parts if p.members and len(set(p.members)) == len(p.members)]
    budget = [MAX_COVER_STEPS]

    def search(
        open_members: frozenset[str], chosen: list[_Published], depth: int
    ) -> list[_Published] | None:
        if not open_members:
            return chosen
        budget[0] -= 1
        if depth > MAX_COVER_DEPTH or budget[0] < 0:
            return None  # no explanation found in time: the finding stands without one
        first = min(open_members)
        for part in usable:
            members = set(part.members)
            if first in members and members <= open_members:
                found = search(open_members - members, [*chosen, part], depth + 1)
                if found is not None:
                    return found
        return None

    return search(frozenset(target), [], 0)
