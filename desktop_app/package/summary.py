"""The officer's record of a submission, as HTML: what was sent, the checks, the fingerprints.

Qt-free; :mod:`desktop_app.render` renders it to PDF with Qt's own QTextDocument/QPdfWriter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape
from typing import Any

from desktop_app.messages import Message
from desktop_app.package.build import sent_subgroup_minimum
from desktop_app.profiles.model import Programme
from desktop_app.text import grouped_hex


def _t(key: str, language: str, **params: Any) -> str:
    return escape(Message(key, params).render(language))


def summary_html(
    manifest: Mapping[str, Any],
    programme: Programme,
    language: str,
    package_name: str,
    package_sha256: str,
    *,
    source_name: str | None = None,
    delivery: Mapping[str, Any] | None = None,
) -> str:
    """A one-page summary for the officer's records, in ``language``. ``source_name`` is the
    checked source file's name, shown beside its fingerprint from the manifest; ``delivery``
    (see :func:`desktop_app.delivery.record.record_delivery_view`) adds how the file went, to
    whom, and what happened since (receipt, the officer's confirmation, deletion)."""
    organisation = manifest.get("organisation", {})
    created = dt.datetime.fromisoformat(manifest["created"]).strftime("%d-%m-%Y %H:%M %Z").strip()
    rows = manifest["rows"]
    checklist = {item.id: item for item in programme.checklist}
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10pt'>",
        f"<h2>{_t('summary.title', language)}</h2>",
        f"<p>{_t('summary.intro', language, organisation=organisation.get('name', ''), programme=programme.name.get(language), created=created)}</p>",
        "<table cellspacing='0' cellpadding='3' border='1' width='100%'>",
    ]

    def row(label_key: str, value: str) -> None:
        parts.append(
            f"<tr><th align='left' width='35%'>{_t(label_key, language)}</th><td>{escape(value)}</td></tr>"
        )

    row("summary.programme", f"{programme.name.get(language)} ({programme.id} {programme.version})")
    row("summary.peildatum", manifest["peildatum"])
    file_label = "summary.package" if delivery is None else "summary.office-file"
    row(file_label, f"{package_name}  SHA-256 {grouped_hex(package_sha256)}")
    source = manifest.get("source")
    if source:
        value = {
            "file": source_name or "-",
            "size": source["bytes"],
            "sha256": grouped_hex(source["sha256"]),
        }
        row("summary.source", Message("summary.source-value", value).render(language))
    row("summary.rows", Message("summary.rows-value", rows).render(language))
    row("summary.key", str(manifest.get("identification_key") or "-"))
    row("summary.checks", Message("summary.checks-value", manifest["checks"]).render(language))
    if delivery is None:
        for key, label in (
            ("recipient_certificate_sha256", "summary.recipient"),
            ("signer_certificate_sha256", "summary.signer"),
        ):
            digest = manifest.get(key)
            row(label, grouped_hex(str(digest)) if digest else "-")  # wraps between groups
    else:
        _delivery_rows(delivery, language, row)
    parts.append("</table>")
    if delivery is not None and delivery.get("events"):
        parts.append(f"<h3>{_t('summary.events', language)}</h3><ul>")
        for event in delivery["events"]:
            parts.append(f"<li>{escape(_event_text(event, language))}</li>")
        parts.append("</ul>")
    _subgroup_part(manifest, programme, language, parts)
    parts.append(f"<h3>{_t('summary.files', language)}</h3><ul>")
    for entry in manifest["files"]:
        columns = ", ".join(entry.get("columns", []))
        detail = f" — {columns}" if columns else ""
        parts.append(
            f"<li><b>{escape(entry['name'])}</b> ({entry['bytes']} B){escape(detail)}<br/>SHA-256 {grouped_hex(entry['sha256'])}</li>"
        )
    parts.append("</ul>")
    parts.append(f"<h3>{_t('summary.checklist', language)}</h3><ul>")
    for item_id, answer in manifest["checklist"].items():
        text = checklist[item_id].text.get(language) if item_id in checklist else item_id
        parts.append(
            f"<li>{escape(text)} — {_t('summary.confirmed-by', language, by=answer.get('by', ''), date=answer.get('date') or '-')}</li>"
        )
    parts.append("</ul></body></html>")
    return "\n".join(parts)


def _subgroup_part(
    manifest: Mapping[str, Any], programme: Programme, language: str, parts: list[str]
) -> None:
    """Per breakdown one line: its subgroups and the persons sent in each (the manifest's
    ``subgroup_sizes``; an older manifest without them: nothing)."""
    entries = [e for e in manifest.get("subgroup_sizes") or () if e.get("sizes")]
    if not entries:
        return
    labels = {b.id: b.label.get(language) for b in programme.breakdowns}
    parts.append(f"<h3>{_t('summary.subgroups', language)}</h3><ul>")
    for entry in entries:
        header = str(entry.get("header", ""))
        if header.startswith("=") and entry.get("breakdown") in labels:
            header = str(labels[entry["breakdown"]])  # "=age" means nothing to the officer
        sizes = ", ".join(f"{label} {size}" for label, size in entry["sizes"].items())
        parts.append(f"<li><b>{escape(header)}</b>: {escape(sizes)}</li>")
    minimum = sent_subgroup_minimum(programme)
    parts.append(
        f"</ul><p><small>{_t('summary.subgroups-note', language, minimum=minimum)}</small></p>"
    )


def _delivery_rows(delivery: Mapping[str, Any], language: str, row: Any) -> None:
    channel = Message(f"summary.channel.{delivery['channel']}").render(language)
    protection = Message(f"summary.protection.{delivery['protection']}").render(language)
    row("summary.route", f"{channel}; {protection}")
    kind = str(delivery["recipient_kind"])
    to_whom = Message(f"summary.to-whom.{kind}").render(language)
    if delivery.get("recipient_fingerprint"):
        to_whom += f" {grouped_hex(str(delivery['recipient_fingerprint']), 4)}"
    row("summary.recipient-of", to_whom)
    if delivery.get("signer_fingerprint"):  # a route that signs: cms, openpgp
        row("summary.signed-with", grouped_hex(str(delivery["signer_fingerprint"]), 4))


def _event_text(event: Mapping[str, Any], language: str) -> str:
    """One line per event: when, what, and the file's or the server's SHA-256 where known."""
    name = str(event.get("event", ""))
    try:
        when = dt.datetime.fromisoformat(str(event["at"]))
        moment = when.strftime("%d-%m-%Y %H:%M %Z").strip()
    except (KeyError, ValueError):
        moment = "-"
    params = {
        "at": moment,
        "sha256": grouped_hex(str(event.get("sha256", "-"))),
        "destination": str(event.get("destination", "-")),
    }
    key = f"summary.event.{name}"
    if name not in ("made", "uploaded", "delivered", "plaintext-deleted"):
        key = "summary.event.other"
        params["event"] = name
    return Message(key, params).render(language)
