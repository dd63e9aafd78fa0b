"""The package before encryption: the programme's output file and ``manifest.json``, zipped.

The manifest records what was sent and on what grounds: programme and profile version,
organisation, checklist answers (who confirmed what, when), peildatum, population choices, mapping
and category choices, row counts, the number of persons per subgroup of each breakdown (after
merges; only subgroups at or above the programme's minimum), the checks' outcome, the SHA-256 of
every file, the source file's fingerprint (SHA-256 and size of the bytes that were checked), the
certificates' fingerprints, the app version and the creation time. It holds no employee values.

Packaging is refused while a checklist item is unconfirmed or a validation error remains.
The zip is deterministic: the same draft and file give the same bytes for the same creation time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from desktop_app import __version__
from desktop_app.bounded_read import FileKind, InputFileError, load_json_bounded
from desktop_app.categories import (
    UNKNOWN,
    bands_for,
    check_subgroup_sizes,
    is_derivable,
    subgroup_sizes,
)
from desktop_app.categories.labels import category_labels
from desktop_app.check import CheckResult
from desktop_app.draft import Draft
from desktop_app.errors import AppError
from desktop_app.mapping.store import mapping_to_json
from desktop_app.messages import Message
from desktop_app.package.output import OutputFile, application_output, build_output
from desktop_app.profiles.model import BreakdownSource, Programme
from desktop_app.validation.identifier_types import LOONHEFFINGENNUMMER

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = "diversity-assistant/manifest"
MANIFEST_VERSION = 1


class PackageRefused(AppError):
    """Packaging is not allowed yet; ``problems`` lists every reason."""

    def __init__(self, problems: list[Message]) -> None:
        self.problems = list(problems)
        super().__init__("package.refused", problems="")

    def render(self, language: str = "nl") -> str:
        items = "".join(f"\n  - {p.render(language)}" for p in self.problems)
        return self.message.render(language).rstrip() + items


@dataclass(frozen=True)
class Package:
    files: Mapping[str, bytes]  # name -> content, manifest included
    manifest: Mapping[str, Any]
    output: OutputFile

    def zipped(self) -> bytes:
        return zip_files(self.files, dt.datetime.fromisoformat(self.manifest["created"]))


def checklist_problems(draft: Draft, programme: Programme) -> list[Message]:
    """The checklist items not yet confirmed with a name (empty: all confirmed)."""
    unconfirmed = [
        item.text
        for item in programme.checklist
        if not ((answer := draft.checklist.get(item.id)) and answer.confirmed and answer.by.strip())
    ]
    return [Message("package.checklist-open", {"items": unconfirmed})] if unconfirmed else []


def readiness_problems(draft: Draft, check: CheckResult) -> list[Message]:
    """Why this draft and file may not be packaged yet (empty: ready)."""
    problems: list[Message] = []
    if draft.programme_id != check.programme.id:
        problems.append(
            Message(
                "package.programme-differs",
                {"draft": draft.programme_id, "file": check.programme.id},
            )
        )
    problems += checklist_problems(draft, check.programme)
    errors = check.validation.counts()["error"]
    if errors:
        codes = sorted({str(f.code) for f in check.validation.findings if f.severity == "error"})
        problems.append(Message("package.validation-errors", {"count": errors, "codes": codes}))
    if not check.validation.included.any():
        problems.append(Message("package.nobody-included"))
    problems += subgroup_problems(draft, check)
    if not draft.organisation.name:
        problems.append(Message("package.organisation-missing"))
    return problems


def derived_problems(check: CheckResult, bands: Mapping[str, Any] | None = None) -> list[Message]:
    """Why the chosen derived breakdowns (age band, year-of-entry band) cannot be computed: the
    date they come from is not mapped, or the officer's band edges are not usable."""
    specs = {b.id: b for b in check.programme.breakdowns if b.derived_from}
    fields = {f.id: f for f in check.programme.employee_fields}
    missing: list[Any] = []
    problems: list[Message] = []
    for breakdown in check.mapping.breakdowns:
        if not breakdown.is_derived:
            continue
        spec = specs.get(breakdown.breakdown_id or "")
        if spec is None or not is_derivable(spec.id):
            problems.append(Message("package.derived-unknown", {"breakdown": breakdown.header}))
            continue
        source = str(spec.derived_from)
        if source not in check.validation.records.columns:
            label = fields[source].label if source in fields else source
            if label not in missing:
                missing.append(label)
        try:
            bands_for(spec.id, bands)
        except ValueError:
            problems.append(
                Message(
                    "package.bands-invalid",
                    {"breakdown": spec.label, "edges": str((bands or {}).get(spec.id))},
                )
            )
    if missing:
        problems.insert(0, Message("package.derived-field-missing", {"fields": missing}))
    return problems


def subgroup_problems(draft: Draft, check: CheckResult) -> list[Message]:
    """Subgroups below the programme's minimum (CBS ingezoomd: 250) after the officer's merges,
    including the group a breakdown leaves out (total minus the listed groups). A derived breakdown
    that cannot be computed is reported instead (see :func:`derived_problems`)."""
    derived = derived_problems(check, chosen_bands(draft))
    if derived:
        return derived
    minimum = check.programme.thresholds.min_subgroup_size
    if not minimum:
        return []
    included = np.asarray(check.validation.included, dtype=bool)
    problems = []
    for number, codes in breakdown_codes(
        check, chosen_merges(draft), bands=chosen_bands(draft)
    ).items():
        labels = codes[included].fillna(UNKNOWN).replace("", UNKNOWN)
        small = check_subgroup_sizes(labels, minimum, population_total=int(included.sum()))
        if small:
            breakdown = check.mapping.breakdowns[number - 1]
            header: Any = breakdown.header
            if breakdown.is_derived:  # "=age" means nothing to the officer: say "Age"
                header = next(
                    b.label for b in check.programme.breakdowns if b.id == breakdown.breakdown_id
                )
            listed = [f"{v.subgroup or '…'} ({v.size})" for v in small]
            problems.append(
                Message(
                    "package.subgroups-too-small",
                    {"breakdown": header, "minimum": minimum, "groups": listed},
                )
            )
    return problems


def chosen_merges(draft: Draft) -> dict[str, Any] | None:
    merges = draft.categories.to_json().get("merges")
    return merges or None


def chosen_bands(draft: Draft) -> dict[str, Any] | None:
    return draft.categories.bands_json() or None


def breakdown_codes(
    check: CheckResult,
    categories: Mapping[str, Mapping[str, str]] | None = None,
    *,
    bands: Mapping[str, Any] | None = None,
) -> dict[int, pd.Series]:
    """Each chosen breakdown's category per row (:func:`desktop_app.categories.labels.category_labels`,
    what the wizard and ``tables`` show too): the source label (missing: the unknown category),
    merged where the officer chose merges (``categories[header] = {label: merged label}``).

    A derived breakdown (header ``=age``, ``=entry_year``) gets the band label computed from its
    date field (age at the peildatum, year of entry) with the officer's edges
    (``bands[breakdown id]``) or the defaults; a missing date is the unknown category. Raises
    :class:`PackageRefused` when the date is not mapped or the edges are unusable."""
    problems = derived_problems(check, bands)
    if problems:
        raise PackageRefused(problems)
    records = check.validation.records
    return {
        number: category_labels(
            check.programme,
            records,
            breakdown.header,
            check.peildatum,
            bands=bands,
            merges=(categories or {}).get(breakdown.header),
        )
        for number, breakdown in enumerate(check.mapping.breakdowns, start=1)
    }


def build_package(
    draft: Draft,
    check: CheckResult,
    *,
    recipient_fingerprint: str | None,
    signer_fingerprint: str | None,
    delivery: Mapping[str, Any] | None = None,
    created: dt.datetime | None = None,
) -> Package:
    """The files to seal (``delivery``: the route and its fingerprints, for the manifest). Raises :class:`PackageRefused` listing every reason when not ready."""
    problems = readiness_problems(draft, check)
    if problems:
        raise PackageRefused(problems)
    organisation = draft.organisation.name
    merges = chosen_merges(draft)
    codes = breakdown_codes(check, merges, bands=chosen_bands(draft))
    output = build_output(
        check.programme,
        check.validation,
        check.peildatum,
        organisation,
        breakdowns=codes,
    )
    return _assemble(
        draft,
        check.programme,
        output,
        check=check,
        subgroups=subgroup_sizes_sent(check, codes),
        peildatum=check.peildatum,
        fingerprints=(recipient_fingerprint, signer_fingerprint),
        delivery=delivery,
        created=created,
    )


def application_counts(draft: Draft) -> tuple[list[tuple[str, int]], list[Message]]:
    """The algemene variant without a file: (loonheffingennummer, staff count) pairs from the
    draft's organisation details (``loonheffingennummers`` and ``staff_counts``, same order), and
    the problems that block them."""
    numbers = list(draft.organisation.loonheffingennummers)
    counts = list(draft.organisation.staff_counts)
    problems: list[Message] = []
    pairs: list[tuple[str, int]] = []
    if not numbers:
        problems.append(Message("package.application-no-numbers"))
    if len(counts) != len(numbers):
        problems.append(
            Message(
                "package.application-counts-missing",
                {"numbers": len(numbers), "counts": len(counts)},
            )
        )
        return pairs, problems
    for position, (number, count) in enumerate(zip(numbers, counts, strict=True), start=1):
        checked = LOONHEFFINGENNUMMER.check(number)
        if not checked.valid:
            problems.append(
                Message(
                    "package.application-bad-number",
                    {"position": position, "number": LOONHEFFINGENNUMMER.mask(number)},
                )
            )
            continue
        text = str(count).strip()
        if not text.isdigit() or int(text) <= 0:
            problems.append(
                Message("package.application-bad-count", {"position": position, "count": text})
            )
            continue
        assert checked.normalised is not None  # a valid number is normalised
        pairs.append((checked.normalised, int(text)))
    return pairs, problems


def build_application_package(
    draft: Draft,
    programme: Programme,
    *,
    recipient_fingerprint: str | None,
    signer_fingerprint: str | None,
    delivery: Mapping[str, Any] | None = None,
    created: dt.datetime | None = None,
) -> Package:
    """The algemene variant's application: validated loonheffingennummers with the staff count per
    number and the peilmoment. Refused while the checklist is open or a number or count is wrong."""
    pairs, problems = application_counts(draft)
    problems = checklist_problems(draft, programme) + problems
    if draft.peildatum is None:
        problems.append(Message("package.peildatum-missing"))
    if not draft.organisation.name:
        problems.append(Message("package.organisation-missing"))
    if problems:
        raise PackageRefused(problems)
    assert draft.peildatum is not None
    output = application_output(programme, pairs, draft.peildatum, draft.organisation.name)
    return _assemble(
        draft,
        programme,
        output,
        check=None,
        subgroups=[],
        peildatum=draft.peildatum,
        fingerprints=(recipient_fingerprint, signer_fingerprint),
        delivery=delivery,
        created=created,
    )


def _assemble(
    draft: Draft,
    programme: Programme,
    output: OutputFile,
    *,
    check: CheckResult | None,
    subgroups: list[dict[str, Any]],
    peildatum: dt.date,
    fingerprints: tuple[str | None, str | None],
    delivery: Mapping[str, Any] | None,
    created: dt.datetime | None,
) -> Package:
    created = (created or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    files = {output.name: output.content}
    manifest = _manifest(
        draft,
        programme,
        output,
        files,
        check=check,
        subgroups=subgroups,
        peildatum=peildatum,
        fingerprints=fingerprints,
        delivery=delivery,
        created=created,
    )
    files[MANIFEST_NAME] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode(
        "utf-8"
    )
    return Package(files=files, manifest=manifest, output=output)


def _manifest(
    draft: Draft,
    programme: Programme,
    output: OutputFile,
    files: Mapping[str, bytes],
    *,
    check: CheckResult | None,
    subgroups: list[dict[str, Any]],
    peildatum: dt.date,
    fingerprints: tuple[str | None, str | None],
    delivery: Mapping[str, Any] | None,
    created: dt.datetime,
) -> dict[str, Any]:
    counts = check.validation.counts() if check else {"error": 0, "warning": 0}
    return {
        "format": MANIFEST_FORMAT,
        "version": MANIFEST_VERSION,
        "app_version": __version__,
        "created": created.isoformat(),
        "programme": {
            "id": programme.id,
            "version": programme.version,
            "office": programme.office,
            "variant": programme.variant,
        },
        "organisation": draft.organisation.to_json(),
        "checklist": {item.id: draft.checklist[item.id].to_json() for item in programme.checklist},
        "peildatum": peildatum.isoformat(),
        "population": dict(draft.population),
        "identification_key": check.validation.identification_key if check else None,
        "mapping": mapping_to_json(check.mapping) if check else None,
        "categories": draft.categories.to_json(),
        "rows": {
            "read": check.table.n_rows if check else 0,
            "included": int(check.validation.included.sum()) if check else 0,
            "written": output.rows,
        },
        "subgroup_sizes": subgroups,
        "checks": {"errors": counts["error"], "warnings": counts["warning"]},
        "source": _source_entry(check),
        "files": [
            {
                "name": name,
                "sha256": hashlib.sha256(content).hexdigest(),
                "bytes": len(content),
                **(
                    {"rows": output.rows, "columns": list(output.columns)}
                    if name == output.name
                    else {}
                ),
            }
            for name, content in sorted(files.items())
        ],
        "recipient_certificate_sha256": fingerprints[0],
        "signer_certificate_sha256": fingerprints[1],
        **({"delivery": dict(delivery)} if delivery is not None else {}),
    }


def subgroup_sizes_sent(check: CheckResult, codes: Mapping[int, pd.Series]) -> list[dict[str, Any]]:
    """Per breakdown, the number of included persons per subgroup as the output file has them
    (after merges and bands; a missing cell is the unknown category): aggregates only, and only
    subgroups at or above the programme's minimum (``min_subgroup_size``, else its
    ``cell_threshold``; packaging refuses a smaller subgroup where a minimum applies). The
    results side narrows the office's group sizes with them (:mod:`desktop_app.results.sizes`).
    ``codes``: :func:`breakdown_codes` of the package."""
    programme = check.programme
    minimum = sent_subgroup_minimum(programme)
    columns = _breakdown_columns(programme)
    included = np.asarray(check.validation.included, dtype=bool)
    entries: list[dict[str, Any]] = []
    for number, breakdown in enumerate(check.mapping.breakdowns, start=1):
        if number not in codes:
            continue
        labels = codes[number][included].fillna(UNKNOWN).replace("", UNKNOWN)
        sizes = {label: size for label, size in subgroup_sizes(labels).items() if size >= minimum}
        entries.append(
            {
                "number": number,
                "header": breakdown.header,
                "breakdown": breakdown.breakdown_id,
                "column": columns.get(number),
                "sizes": sizes,
            }
        )
    return entries


def sent_subgroup_minimum(programme: Programme) -> int:
    """The smallest subgroup whose size the manifest records: the programme's subgroup minimum
    (CBS ingezoomd: 250), else its cell threshold (KSZ: 5)."""
    thresholds = programme.thresholds
    return thresholds.min_subgroup_size or thresholds.cell_threshold or 1


def _breakdown_columns(programme: Programme) -> dict[int, str]:
    """The output column that carries each breakdown (by number)."""
    if programme.output is None:
        return {}
    return {
        column.source.number: column.name
        for column in programme.output.columns
        if isinstance(column.source, BreakdownSource)
    }


def _source_entry(check: CheckResult | None) -> dict[str, Any] | None:
    """The source file as it was checked: SHA-256 and size of the bytes read (None: no file)."""
    fingerprint = check.fingerprint if check is not None else None
    if fingerprint is None:
        return None
    return {"sha256": fingerprint.sha256, "bytes": fingerprint.size}


def zip_files(files: Mapping[str, bytes], created: dt.datetime) -> bytes:
    """A zip of ``files`` in name order with fixed timestamps and permissions: deterministic."""
    stamp = created.timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def verify_manifest(files: Mapping[str, bytes]) -> list[Message]:
    """The office's check: every file the manifest lists is there with its hash, nothing else."""
    try:
        manifest = load_json_bounded(files[MANIFEST_NAME], MANIFEST_NAME, FileKind.MANIFEST)
        listed = {entry["name"]: entry["sha256"] for entry in manifest["files"]}
    except (KeyError, ValueError, TypeError, InputFileError):
        return [Message("package.manifest-unreadable")]
    problems = []
    for name, digest in sorted(listed.items()):
        if name not in files:
            problems.append(Message("package.file-missing", {"file": name}))
        elif hashlib.sha256(files[name]).hexdigest() != digest:
            problems.append(Message("package.file-hash-mismatch", {"file": name}))
    for name in sorted(set(files) - set(listed) - {MANIFEST_NAME}):
        problems.append(Message("package.file-unlisted", {"file": name}))
    return problems
