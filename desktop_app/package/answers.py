"""The review step's "Check your answers": every choice in the draft and what will be sent, as
sections of label and value rows, and as HTML to print or save as a PDF.

No employee value appears, except the output file's first rows as the preview shows them
(identifiers masked). Qt-free; :mod:`desktop_app.render` renders the HTML to PDF.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, Protocol

from desktop_app.draft import EARLIER_PARTICIPATION, Draft
from desktop_app.mapping.model import BreakdownColumn
from desktop_app.messages import Message
from desktop_app.profiles.model import (
    BreakdownSource,
    ConstantSource,
    CountSource,
    FieldSource,
    Flow,
    OrganisationSource,
    PeildatumSource,
    Programme,
)
from desktop_app.text import grouped_hex

# The sections in the order they are shown and printed.
SECTIONS = (
    "programme",
    "organisation",
    "population",
    "source",
    "mapping",
    "breakdowns",
    "conditions",
    "output",
    "delivery",
)
FILE_SECTIONS = ("source", "mapping", "breakdowns")
DATE_FORMAT = "%d-%m-%Y"
DERIVED_PREFIX = "="  # a derived breakdown's header ("=age"), as desktop_app.mapping.model


class PreviewLike(Protocol):
    """What the overview reads from :class:`desktop_app.package.preview.Preview`."""

    file_name: str
    columns: tuple[str, ...]
    rows: int
    sample: tuple[tuple[str, ...], ...]
    masked_columns: tuple[str, ...]


@dataclass(frozen=True)
class RouteAnswer:
    """How the file reaches the office: the channel and protection chosen (their profile values,
    None while not chosen) and the office's certificate SHA-256 or OpenPGP fingerprint where the
    protection uses one."""

    channel: str | None = None
    protection: str | None = None
    fingerprint: str | None = None


@dataclass(frozen=True)
class AnswerRow:
    label: str
    value: str


@dataclass(frozen=True)
class AnswerSection:
    """One section of the overview: ``id`` one of :data:`SECTIONS`, its title and its rows."""

    id: str
    title: str
    rows: tuple[AnswerRow, ...]


def _m(key: str, language: str, **params: Any) -> str:
    return Message(key, params).render(language)


def uses_file(draft: Draft, programme: Programme) -> bool:
    """Whether the overview has the source file, mapping and breakdowns sections."""
    if draft.has_file is not None:
        return bool(draft.has_file)
    return programme.needs_employee_file or draft.mapping is not None


def answer_sections(
    draft: Draft,
    programme: Programme,
    language: str,
    *,
    preview: PreviewLike | None = None,
    route: RouteAnswer | None = None,
    categories: Mapping[str, Sequence[str]] | None = None,
) -> tuple[AnswerSection, ...]:
    """The overview's sections in ``language``. ``categories`` (breakdown header -> the categories
    as they will be sent, merges applied) adds each breakdown's categories where known."""
    builders = {
        "programme": lambda: _programme_rows(programme, language),
        "organisation": lambda: _organisation_rows(draft, programme, language),
        "population": lambda: _population_rows(draft, programme, language),
        "source": lambda: _source_rows(draft, language),
        "mapping": lambda: _mapping_rows(draft, programme, language, preview),
        "breakdowns": lambda: _breakdown_rows(draft, programme, language, categories or {}),
        "conditions": lambda: _condition_rows(draft, programme, language),
        "output": lambda: _output_rows(preview, language),
        "delivery": lambda: _delivery_rows(route or RouteAnswer(), language),
    }
    with_file = uses_file(draft, programme)
    return tuple(
        AnswerSection(
            section, _m(f"answers.section.{section}", language), tuple(builders[section]())
        )
        for section in SECTIONS
        if with_file or section not in FILE_SECTIONS
    )


def _none(language: str) -> str:
    return _m("answers.none", language)


def _programme_rows(programme: Programme, language: str) -> list[AnswerRow]:
    value = _m(
        "answers.programme-value",
        language,
        name=programme.name.get(language),
        id=programme.id,
        version=programme.version,
    )
    return [
        AnswerRow(_m("answers.programme", language), value),
        AnswerRow(_m("answers.office", language), programme.office),
    ]


def earlier_participation_text(draft: Draft, language: str) -> str | None:
    """The answer to "taken part before?" in words ("Ja, in 2022, 2024"); None: not answered."""
    value = draft.organisation.earlier_participation
    if value is None or value.participated is None:
        return None
    if not value.participated:
        return _m("answers.participation-no", language)
    if value.years:
        return _m("answers.participation-years", language, years=[str(y) for y in value.years])
    return _m("answers.participation-yes", language)


def _organisation_rows(draft: Draft, programme: Programme, language: str) -> list[AnswerRow]:
    rows = []
    for item in programme.organisation_fields:
        value = draft.organisation.get(item.id)
        if item.id == EARLIER_PARTICIPATION:
            rows.append(
                AnswerRow(
                    item.label.get(language),
                    earlier_participation_text(draft, language) or _none(language),
                )
            )
            continue
        text = ", ".join(value) if isinstance(value, (list, tuple)) else str(value or "").strip()
        if item.id == "openpgp_fingerprint":  # in groups of four, as Kleopatra shows it
            text = grouped_hex(text, 4)
        rows.append(AnswerRow(item.label.get(language), text or _none(language)))
    return rows


def _population_rows(draft: Draft, programme: Programme, language: str) -> list[AnswerRow]:
    day = draft.peildatum.strftime(DATE_FORMAT) if draft.peildatum else _none(language)
    rows = [AnswerRow(_m("answers.peildatum", language), day)]
    if programme.flow is Flow.KSZ and draft.peildatum:  # the KSZ asks a year; the day follows it
        value = _m(
            "answers.reference-year-value", language, year=str(draft.peildatum.year), date=day
        )
        rows = [AnswerRow(_m("answers.reference-year", language), value)]
    for option in programme.population_options:
        chosen = draft.population.get(option.id, option.default)
        rows.append(
            AnswerRow(
                option.label.get(language), _m(f"answers.{'yes' if chosen else 'no'}", language)
            )
        )
    return rows


def _source_rows(draft: Draft, language: str) -> list[AnswerRow]:
    source, none = draft.source, _none(language)
    fingerprint = source.fingerprint
    rows = [
        AnswerRow(_m("answers.file-name", language), source.path.name if source.path else none),
        AnswerRow(_m("answers.sheet", language), source.sheet or none),
        AnswerRow(
            _m("answers.header-row", language),
            str(source.header_row) if source.header_row is not None else none,
        ),
        AnswerRow(
            _m("answers.fingerprint", language),
            grouped_hex(fingerprint.sha256) if fingerprint else none,
        ),
    ]
    if fingerprint is not None:
        size = _m("answers.size-value", language, bytes=number_text(fingerprint.size, language))
        rows.append(AnswerRow(_m("answers.size", language), size))
    return rows


def breakdown_title(programme: Programme, column: BreakdownColumn, language: str) -> str:
    """A chosen breakdown as the officer reads it: their column with the programme's name for it
    (``Afdeling (Organisatieonderdeel)``); a derived one (age) by the programme's name."""
    label = ""
    if column.breakdown_id:
        try:
            label = programme.breakdown(column.breakdown_id).label.get(language)
        except KeyError:
            label = column.breakdown_id
    if column.header.startswith(DERIVED_PREFIX):
        return label or column.header[1:]
    return f"{column.header} ({label})" if label else column.header


def _breakdown_name(draft: Draft, programme: Programme, number: int, language: str) -> str:
    mapping = draft.mapping
    if mapping is None or number > len(mapping.breakdowns):
        return _none(language)
    return breakdown_title(programme, mapping.breakdowns[number - 1], language)


def identification_key(draft: Draft, programme: Programme, language: str) -> str | None:
    """The label of the programme's identification key the mapping fills (the first fully
    mapped one), None when none is."""
    mapped = set(draft.mapping.fields) if draft.mapping else set()
    for key in programme.identification_keys:
        if set(key.fields) <= mapped:
            return key.label.get(language)
    return None


def _chosen(draft: Draft, source: object) -> bool:
    """Whether an optional column's source is mapped (a field) or chosen (a breakdown)."""
    mapping = draft.mapping
    if isinstance(source, FieldSource):
        return mapping is not None and source.field in mapping.fields
    if isinstance(source, BreakdownSource):
        return mapping is not None and source.number <= len(mapping.breakdowns)
    return True


def column_titles(draft: Draft, programme: Programme, language: str) -> dict[str, str]:
    """Each output column as the officer reads it: a breakdown column with the breakdown it
    carries ("subgroep_1 (Afdeling)"), the others by the office's name as they are."""
    titles: dict[str, str] = {}
    for column in programme.output.columns if programme.output else ():
        titles[column.name] = column.name
        number = column.source.number if isinstance(column.source, BreakdownSource) else 0
        mapping = draft.mapping
        if number and mapping is not None and number <= len(mapping.breakdowns):
            chosen = mapping.breakdowns[number - 1]
            name = chosen.header
            if chosen.header.startswith(DERIVED_PREFIX):  # "=age": the breakdown's own name
                try:
                    name = programme.breakdown(chosen.breakdown_id or "").label.get(language)
                except KeyError:
                    name = chosen.header[1:]
            titles[column.name] = f"{column.name} ({name})"
    return titles


def _mapping_rows(
    draft: Draft, programme: Programme, language: str, preview: PreviewLike | None
) -> list[AnswerRow]:
    rows = []
    fields = draft.mapping.fields if draft.mapping else {}
    written = set(preview.columns) if preview is not None else None
    columns = programme.output.columns if programme.output else ()
    titles = column_titles(draft, programme, language)
    for column in columns:
        if written is not None and column.name not in written:
            continue  # an optional column the file will not have
        source = column.source
        if written is None and not column.required and not _chosen(draft, source):
            continue  # optional and not mapped or chosen: the file will not have it
        if isinstance(source, FieldSource):
            header = fields.get(source.field)
            value = (
                _m("answers.from-column", language, header=header)
                if header
                else _m("answers.not-mapped", language)
            )
        elif isinstance(source, OrganisationSource):
            try:
                label = next(
                    f.label.get(language)
                    for f in programme.organisation_fields
                    if f.id == source.field
                )
            except StopIteration:
                label = source.field
            value = _m("answers.from-organisation", language, field=label)
        elif isinstance(source, PeildatumSource):
            day = draft.peildatum.strftime(DATE_FORMAT) if draft.peildatum else _none(language)
            value = _m("answers.from-peildatum", language, date=day)
        elif isinstance(source, BreakdownSource):
            name = _breakdown_name(draft, programme, source.number, language)
            value = _m("answers.from-breakdown", language, number=source.number, breakdown=name)
        elif isinstance(source, ConstantSource):
            value = _m("answers.from-constant", language, value=source.value)
        elif isinstance(source, CountSource):
            value = _m("answers.from-count", language)
        else:  # pragma: no cover - every source kind is named above
            value = str(source)
        rows.append(AnswerRow(titles.get(column.name, column.name), value))
    key = identification_key(draft, programme, language)
    rows.append(AnswerRow(_m("answers.identification-key", language), key or _none(language)))
    sent = {
        column.source.field
        for column in columns
        if isinstance(column.source, FieldSource) and (written is None or column.name in written)
    }
    checked = sorted({header for field_id, header in fields.items() if field_id not in sent})
    if checked:
        rows.append(AnswerRow(_m("answers.read-not-sent", language), ", ".join(checked)))
    return rows


def _breakdown_rows(
    draft: Draft,
    programme: Programme,
    language: str,
    categories: Mapping[str, Sequence[str]],
) -> list[AnswerRow]:
    from desktop_app.categories.derived import bands_for

    mapping = draft.mapping
    if mapping is None or not mapping.breakdowns:
        return [AnswerRow(_m("answers.no-breakdowns", language), _none(language))]
    rows = []
    for number, column in enumerate(mapping.breakdowns, start=1):
        name = _breakdown_name(draft, programme, number, language)
        label = _m("answers.breakdown", language, number=number, breakdown=name)
        parts = []
        if column.header.startswith(DERIVED_PREFIX) and column.breakdown_id:
            try:
                bands = bands_for(column.breakdown_id, draft.categories.bands_json())
            except ValueError:
                parts.append(_none(language))
            else:
                parts.append(
                    _m(
                        "answers.derived-bands",
                        language,
                        edges=", ".join(str(e) for e in bands.edges),
                        labels=" · ".join(bands.labels()),
                    )
                )
        else:
            merges = draft.categories.merges.get(column.header, {})
            grouped: dict[str, list[str]] = {}
            for original, merged in merges.items():
                grouped.setdefault(merged, []).append(original)
            if grouped:
                parts.extend(
                    _merge_text(merged, originals, language)
                    for merged, originals in sorted(grouped.items())
                )
            else:
                parts.append(_m("answers.no-merges", language))
            sent = categories.get(column.header)
            if sent:
                parts.append(_m("answers.categories", language, labels=" · ".join(sent)))
        rows.append(AnswerRow(label, "\n".join(parts)))
    return rows


def _merge_text(merged: str, originals: list[str], language: str) -> str:
    """One merge: "A + B" when the merged category is named after its parts, else
    "A, B → merged"."""
    if sorted(merged.split(" + ")) == sorted(originals):
        return _m("answers.merged-named", language, merged=merged)
    return _m("answers.merged", language, labels=", ".join(sorted(originals)), merged=merged)


def number_text(number: int, language: str) -> str:
    """A whole number with the language's thousands separator (1.999, 1,999, 1 999)."""
    separator = {"nl": ".", "en": ",", "fr": "\u202f"}.get(language, ".")
    return f"{number:,}".replace(",", separator)


def _condition_rows(draft: Draft, programme: Programme, language: str) -> list[AnswerRow]:
    rows = []
    for item in programme.checklist:
        answer = draft.checklist.get(item.id)
        if answer is not None and answer.confirmed and answer.by.strip():
            date = answer.date.strftime(DATE_FORMAT) if answer.date else _none(language)
            value = _m("answers.confirmed-by", language, by=answer.by.strip(), date=date)
        else:
            value = _m("answers.not-confirmed", language)
        rows.append(AnswerRow(item.text.get(language), value))
    return rows


def _output_rows(preview: PreviewLike | None, language: str) -> list[AnswerRow]:
    none = _none(language)
    if preview is None:
        return [AnswerRow(_m("answers.file-name", language), none)]
    return [
        AnswerRow(_m("answers.file-name", language), preview.file_name),
        AnswerRow(_m("answers.rows", language), number_text(preview.rows, language)),
        AnswerRow(_m("answers.columns", language), ", ".join(preview.columns)),
    ]


def _delivery_rows(route: RouteAnswer, language: str) -> list[AnswerRow]:
    not_chosen = _m("answers.not-chosen", language)
    channel = (
        Message(f"summary.channel.{route.channel}").render(language) if route.channel else None
    )
    protection = (
        _m(f"answers.protection.{route.protection}", language) if route.protection else None
    )
    rows = [
        AnswerRow(_m("answers.channel-label", language), channel or not_chosen),
        AnswerRow(_m("answers.protection-label", language), protection or not_chosen),
    ]
    if route.protection in ("cms", "openpgp"):
        key = "answers.office-certificate" if route.protection == "cms" else "answers.office-key"
        shown = grouped_hex(route.fingerprint, 4) if route.fingerprint else not_chosen
        rows.append(AnswerRow(_m(key, language), shown))
    return rows


TABLE = (
    "<table width='100%' cellspacing='0' cellpadding='4' "
    "style='border-collapse: collapse; border: 1px solid #999999'>"
)
CELL = "valign='top' style='border: 1px solid #999999'"


def answers_html(
    draft: Draft,
    programme: Programme,
    language: str,
    *,
    preview: PreviewLike | None = None,
    route: RouteAnswer | None = None,
    categories: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """The overview as one printable HTML page in ``language``: every section as a table of
    label and value, and the output file's first rows (identifiers masked as the preview has
    them)."""
    sections = answer_sections(
        draft, programme, language, preview=preview, route=route, categories=categories
    )
    organisation = draft.organisation.name or _none(language)
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10pt'>",
        f"<h2>{escape(_m('answers.title', language))}</h2>",
        "<p>"
        + escape(
            _m(
                "answers.intro",
                language,
                organisation=organisation,
                programme=programme.name.get(language),
            )
        )
        + "</p>",
    ]
    for section in sections:
        parts.append(f"<h3>{escape(section.title)}</h3>")
        parts.append(TABLE)
        width = "60%" if section.id == "conditions" else "38%"  # conditions are sentences
        for row in section.rows:
            value = escape(row.value).replace("\n", "<br/>")
            parts.append(
                f"<tr><td {CELL} width='{width}'><b>{escape(row.label)}</b></td>"
                f"<td {CELL}>{value}</td></tr>"
            )
        parts.append("</table>")
        if section.id == "output" and preview is not None and preview.sample:
            parts.append(
                "<p><i>"
                + escape(_m("answers.sample", language, count=len(preview.sample)))
                + "</i></p>"
            )
            parts.append(TABLE)
            parts.append(
                "<tr>"
                + "".join(f"<td {CELL}><b>{escape(c)}</b></td>" for c in preview.columns)
                + "</tr>"
            )
            for sample_row in preview.sample:
                parts.append(
                    "<tr>" + "".join(f"<td {CELL}>{escape(v)}</td>" for v in sample_row) + "</tr>"
                )
            parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)
