"""The officer's record of a delivery, kept beside the delivered file in every route.

``<stem>.record.json`` holds what was sent and on what grounds (the package manifest, without any
employee value), how (channel and protection), to whom (the office's certificate or OpenPGP key
fingerprint, "passphrase", or the channel's own protection), the delivered file's SHA-256, and
what happened since: the upload's receipt (SFTP/tus), the officer's confirmation that the file
was uploaded or handed over (web portal, hand-over), the plaintext file's deletion. The summary
PDF (``<stem>.summary.pdf``) is rendered from it again after each event. The generated passphrase
of an archive is never part of it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import FileKind, file_sha256, load_json_bounded, read_bounded
from desktop_app.delivery.route import record_stem
from desktop_app.errors import UsageError
from desktop_app.package.summary import summary_html
from desktop_app.profiles import load_programme_by_id
from desktop_app.profiles.model import Channel, Protection

RECORD_FORMAT = "diversity-assistant/delivery-record"
RECORD_VERSION = 1
RECORD_SUFFIX = ".record.json"
SUMMARY_SUFFIX = ".summary.pdf"

SummaryRenderer = Callable[[str, str], bytes]  # (html, title) -> PDF bytes

# to whom the file is readable
RECIPIENT_KINDS = ("certificate", "openpgp-key", "passphrase", "channel")


@dataclass(frozen=True)
class DeliveredFile:
    name: str
    sha256: str
    bytes: int


@dataclass(frozen=True)
class DeliveryRecord:
    manifest: Mapping[str, Any]
    file: DeliveredFile
    channel: Channel
    protection: Protection
    recipient_kind: str  # one of RECIPIENT_KINDS
    recipient_fingerprint: str | None  # certificate SHA-256 (hex) or OpenPGP fingerprint
    signer_fingerprint: str | None
    language: str = "nl"
    source_name: str | None = None
    events: tuple[Mapping[str, Any], ...] = field(default_factory=tuple)

    def to_json(self) -> str:
        data = {
            "format": RECORD_FORMAT,
            "version": RECORD_VERSION,
            "file": asdict(self.file),
            "channel": str(self.channel),
            "protection": str(self.protection),
            "recipient": {"kind": self.recipient_kind, "fingerprint": self.recipient_fingerprint},
            "signer_fingerprint": self.signer_fingerprint,
            "language": self.language,
            "source_name": self.source_name,
            "events": [dict(event) for event in self.events],
            "manifest": dict(self.manifest),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, data: Any) -> DeliveryRecord:
        if not isinstance(data, dict) or data.get("format") != RECORD_FORMAT:
            raise ValueError("not a delivery record")
        recipient = data["recipient"]
        kind = recipient["kind"]
        if kind not in RECIPIENT_KINDS:
            raise ValueError("unknown recipient kind")
        return cls(
            manifest=dict(data["manifest"]),
            file=_delivered_file(data["file"]),
            channel=Channel(data["channel"]),
            protection=Protection(data["protection"]),
            recipient_kind=kind,
            recipient_fingerprint=recipient.get("fingerprint"),
            signer_fingerprint=data.get("signer_fingerprint"),
            language=str(data.get("language") or "nl"),
            source_name=data.get("source_name"),
            events=tuple(dict(event) for event in data.get("events", ())),
        )

    def with_event(
        self, event: str, at: dt.datetime | None = None, **details: Any
    ) -> DeliveryRecord:
        moment = (at or dt.datetime.now(dt.UTC)).replace(microsecond=0)
        entry = {"event": event, "at": moment.isoformat(), **details}
        return replace(self, events=(*self.events, entry))

    def happened(self, event: str) -> bool:
        return any(entry.get("event") == event for entry in self.events)


def record_path_for(delivered: Path) -> Path:
    stem = record_stem(delivered)
    return stem.with_name(stem.name + RECORD_SUFFIX)


def summary_path_for(delivered: Path) -> Path:
    stem = record_stem(delivered)
    return stem.with_name(stem.name + SUMMARY_SUFFIX)


def delivered_path_of(record_path: Path, record: DeliveryRecord) -> Path:
    return Path(record_path).with_name(record.file.name)


def write_record(path: Path, record: DeliveryRecord) -> None:
    write_atomic(Path(path), record.to_json().encode("utf-8"))


def _delivered_file(data: Any) -> DeliveredFile:
    """The record's delivered file, checked: a plain file name beside the record (no folder,
    not ``..``: the record names the file ``delivered --delete-file`` overwrites), a SHA-256 and
    a size; anything else is a damaged record (``ValueError``/``TypeError``)."""
    if not isinstance(data, dict):
        raise TypeError("file")
    name, sha256, size = data["name"], data["sha256"], data["bytes"]
    if not isinstance(name, str) or name in ("", ".", "..") or re.search(r"[\\/\x00]", name):
        raise ValueError("file name")
    if not isinstance(sha256, str) or not re.fullmatch(r"[0-9a-f]{64}", sha256):
        raise ValueError("sha256")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ValueError("bytes")
    return DeliveredFile(name, sha256, size)


def read_record(path: Path) -> DeliveryRecord:
    """The record at ``path``; anything else is refused with ``delivery.record-unreadable``."""
    raw = read_bounded(path, FileKind.MANIFEST)  # a pipe, a folder, /dev/zero: its own sentence
    try:
        return DeliveryRecord.from_json(load_json_bounded(raw, str(path), FileKind.MANIFEST))
    except (ValueError, KeyError, TypeError):
        raise UsageError("delivery.record-unreadable", file=str(path)) from None


def record_html(record: DeliveryRecord) -> str:
    """The summary's HTML from the record alone (the programme named in its manifest)."""
    programme = load_programme_by_id(str(record.manifest["programme"]["id"]))
    return summary_html(
        record.manifest,
        programme,
        record.language,
        record.file.name,
        record.file.sha256,
        source_name=record.source_name,
        delivery=record_delivery_view(record),
    )


def record_delivery_view(record: DeliveryRecord) -> dict[str, Any]:
    """What the summary shows of the route: channel, protection, to whom, the events."""
    return {
        "channel": str(record.channel),
        "protection": str(record.protection),
        "recipient_kind": record.recipient_kind,
        "recipient_fingerprint": record.recipient_fingerprint,
        "signer_fingerprint": record.signer_fingerprint,
        "events": [dict(event) for event in record.events],
    }


def render_summary(record_path: Path, record: DeliveryRecord, render_pdf: SummaryRenderer) -> Path:
    """Write the summary PDF beside the record (again, after each event)."""
    stem = Path(record_path).name[: -len(RECORD_SUFFIX)]
    path = Path(record_path).with_name(stem + SUMMARY_SUFFIX)
    write_atomic(path, render_pdf(record_html(record), record.file.name))
    return path


def confirm_delivered(
    record_path: Path,
    *,
    at: dt.datetime | None = None,
    render_pdf: SummaryRenderer | None = None,
) -> DeliveryRecord:
    """The officer confirms the file reached the office (uploaded in the web portal, handed
    over): the date, time and the file's SHA-256 are added to the record. While the delivered
    file is still there it must be the one the record names (else ``delivery.file-changed``)."""
    record = read_record(record_path)
    delivered = delivered_path_of(record_path, record)
    if delivered.exists() and file_sha256(delivered) != record.file.sha256:
        raise UsageError("delivery.file-changed", file=str(delivered))
    record = record.with_event(
        "delivered", at, sha256=record.file.sha256, channel=str(record.channel)
    )
    write_record(record_path, record)
    if render_pdf is not None:
        render_summary(record_path, record, render_pdf)
    return record


def add_receipt(
    record_path: Path,
    receipt: Mapping[str, Any],
    *,
    render_pdf: SummaryRenderer | None = None,
) -> DeliveryRecord:
    """An upload's receipt (what the server holds, verified by reading it back) joins the record."""
    record = read_record(record_path)
    uploaded = dt.datetime.fromisoformat(str(receipt["uploaded_at"]))
    details = {
        k: receipt[k] for k in ("destination", "sha256", "server_identity", "size") if k in receipt
    }
    record = record.with_event("uploaded", uploaded, **details)
    write_record(record_path, record)
    if render_pdf is not None:
        render_summary(record_path, record, render_pdf)
    return record


def note_deleted(record_path: Path, *, render_pdf: SummaryRenderer | None = None) -> DeliveryRecord:
    record = read_record(record_path).with_event("plaintext-deleted")
    write_record(record_path, record)
    if render_pdf is not None:
        render_summary(record_path, record, render_pdf)
    return record
