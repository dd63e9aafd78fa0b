"""The package before encryption: the programme's output file and ``manifest.json``, zipped.

The manifest records what was sent and on what grounds: programme and profile version,
organisation, checklist answers (who confirmed what, when), peildatum, population choices, mapping
and category choices, row counts, the checks' outcome, the SHA-256 of every file, the certificates'
fingerprints, the app version and the creation time. It holds no employee values.

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

import pandas as pd

from desktop_app import __version__
from desktop_app.check import CheckResult
from desktop_app.draft import Draft
from desktop_app.errors import AppError
from desktop_app.mapping.store import mapping_to_json
from desktop_app.messages import Message
from desktop_app.package.output import OutputFile, build_output

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
    unconfirmed = [
        item.text
        for item in check.programme.checklist
        if not ((answer := draft.checklist.get(item.id)) and answer.confirmed and answer.by.strip())
    ]
    if unconfirmed:
        problems.append(Message("package.checklist-open", {"items": unconfirmed}))
    errors = check.validation.counts()["error"]
    if errors:
        codes = sorted({str(f.code) for f in check.validation.findings if f.severity == "error"})
        problems.append(Message("package.validation-errors", {"count": errors, "codes": codes}))
    if not check.validation.included.any():
        problems.append(Message("package.nobody-included"))
    if not str(draft.organisation.get("name", "")).strip():
        problems.append(Message("package.organisation-missing"))
    return problems


def breakdown_codes(
    check: CheckResult, categories: Mapping[str, Mapping[str, str]] | None = None
) -> dict[int, pd.Series]:
    """Each chosen breakdown's category per row: the source label, merged where the officer chose
    merges (``categories[header] = {label: merged label}``)."""
    codes: dict[int, pd.Series] = {}
    for number, breakdown in enumerate(check.mapping.breakdowns, start=1):
        labels = check.validation.records[f"breakdown:{breakdown.header}"]
        merges = (categories or {}).get(breakdown.header) or {}
        codes[number] = labels.map(lambda v, m=merges: m.get(v, v) if isinstance(v, str) else v)
    return codes


def build_package(
    draft: Draft,
    check: CheckResult,
    *,
    recipient_fingerprint: str | None,
    signer_fingerprint: str | None,
    created: dt.datetime | None = None,
) -> Package:
    """The files to seal. Raises :class:`PackageRefused` listing every reason when not ready."""
    problems = readiness_problems(draft, check)
    if problems:
        raise PackageRefused(problems)
    created = (created or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    organisation = str(draft.organisation.get("name", ""))
    merges = (
        draft.categories.get("merges") if isinstance(draft.categories.get("merges"), dict) else None
    )
    output = build_output(
        check.programme,
        check.validation,
        check.peildatum,
        organisation,
        breakdowns=breakdown_codes(check, merges),
    )
    files = {output.name: output.content}
    manifest = _manifest(
        draft,
        check,
        output,
        files,
        recipient_fingerprint=recipient_fingerprint,
        signer_fingerprint=signer_fingerprint,
        created=created,
    )
    files[MANIFEST_NAME] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode(
        "utf-8"
    )
    return Package(files=files, manifest=manifest, output=output)


def _manifest(
    draft: Draft,
    check: CheckResult,
    output: OutputFile,
    files: Mapping[str, bytes],
    *,
    recipient_fingerprint: str | None,
    signer_fingerprint: str | None,
    created: dt.datetime,
) -> dict[str, Any]:
    programme = check.programme
    validation = check.validation
    counts = validation.counts()
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
        "organisation": dict(draft.organisation),
        "checklist": {item.id: draft.checklist[item.id].to_json() for item in programme.checklist},
        "peildatum": check.peildatum.isoformat(),
        "population": dict(draft.population),
        "identification_key": validation.identification_key,
        "mapping": mapping_to_json(check.mapping),
        "categories": dict(draft.categories),
        "rows": {
            "read": check.table.n_rows,
            "included": int(validation.included.sum()),
            "written": output.rows,
        },
        "checks": {"errors": counts["error"], "warnings": counts["warning"]},
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
        "recipient_certificate_sha256": recipient_fingerprint,
        "signer_certificate_sha256": signer_fingerprint,
    }


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
        manifest = json.loads(files[MANIFEST_NAME].decode("utf-8"))
        listed = {entry["name"]: entry["sha256"] for entry in manifest["files"]}
    except (KeyError, ValueError, TypeError):
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
