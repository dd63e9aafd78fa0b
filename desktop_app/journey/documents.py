"""The documents the officer sends along the way, drafted from the draft.

- CBS step 1 (``sign-up``): the sign-up e-mail to :data:`CBS_SIGNUP_ADDRESS`, in Dutch, with the
  chosen variant and the organisation's details (name, loonheffingennummers, contact; for the
  ingezoomde variant the subgroups chosen): :func:`signup_email` gives the subject and text,
  :func:`mailto_url` the ``mailto:`` link.
- CBS step 3 (``application-form``): the organisation's own answers for CBS's application form
  (:func:`application_html`, :func:`application_odt`). CBS's form is not public: the sheet says
  it is not CBS's form, only the answers to copy into it.
- KSZ: the request documents of :mod:`desktop_app.ksz.documents` (:func:`ksz_documents`).

Everything is built in memory as text, HTML or ODT bytes; a PDF is made by the renderer the caller
passes (``html -> pdf``; the command line passes :func:`desktop_app.render.html_to_pdf`), so this
module stays Qt-free. Nothing of an employee is read: only the draft's organisation details and
choices.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.draft import Draft
from desktop_app.messages import LocalizedText, Message, catalogue
from desktop_app.odt import odt_document
from desktop_app.package.answers import breakdown_title, earlier_participation_text
from desktop_app.package.build import application_counts
from desktop_app.profiles.model import Programme

CBS_SIGNUP_ADDRESS = "barometer.culturele.diversiteit@cbs.nl"
MAILTO_LIMIT = 2000
"""Windows hands a ``mailto:`` link of more than about 2 KB to the mail program cut short (or not
at all), so a longer link is not offered: the e-mail's text is offered for copying instead."""

PdfRenderer = Callable[[str, str], bytes]  # (html, title) -> PDF bytes
Item = str | tuple[str, str]
Section = tuple[str, Sequence[Item]]


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    body: str

    def text(self) -> str:
        """The e-mail as one text to copy: address, subject, body."""
        return f"Aan: {self.to}\nOnderwerp: {self.subject}\n\n{self.body}"


def _t(key: str, language: str, **params: object) -> str:
    return Message(f"journey.doc.{key}", dict(params)).render(language)


def _field(draft: Draft, name: str) -> str:
    value = draft.organisation.get(name, "")
    return "; ".join(value) if isinstance(value, (list, tuple)) else str(value).strip()


def _label(programme: Programme, field_id: str, language: str) -> str:
    for candidate in programme.organisation_fields:
        if candidate.id == field_id:
            return candidate.label.get(language)
    return field_id


def chosen_breakdowns(draft: Draft, programme: Programme, language: str = "nl") -> list[str]:
    """The subgroups the officer chose, as the officer's column with the programme's name for
    it (``Afdeling (Organisatieonderdeel)``); a derived one (age) by the programme's name."""
    columns = draft.mapping.breakdowns if draft.mapping else ()
    return [breakdown_title(programme, column, language) for column in columns]


def identification_key(draft: Draft, programme: Programme) -> LocalizedText | None:
    """The programme's identification key the mapping fills (the first fully mapped one)."""
    mapped = set(draft.mapping.fields) if draft.mapping else set()
    for key in programme.identification_keys:
        if set(key.fields) <= mapped:
            return key.label
    return None


def _date_text(day: dt.date | None, language: str) -> str:
    return day.strftime("%d-%m-%Y") if day else _t("not-given", language)


def variant_name(programme: Programme, language: str = "nl") -> str:
    """ "de ingezoomde variant" / "de algemene variant"; another programme by its name."""
    key = f"journey.doc.variant-{programme.variant}"
    if key in catalogue():
        return Message(key).render(language)
    return programme.name.get(language)


# -- CBS step 1: the sign-up e-mail -----------------------------------------------------------------


def signup_email(draft: Draft, programme: Programme, language: str = "nl") -> Email:
    """The sign-up e-mail for CBS (Dutch by default): variant, organisation, loonheffingennummers,
    contact, for the ingezoomde variant the subgroups; the peildatum when chosen."""
    name = draft.organisation.name or _t("not-given", language)
    lines = [
        _t("mail.greeting", language),
        "",
        _t("mail.intro", language, organisation=name, variant=variant_name(programme, language)),
        "",
        _t("mail.details", language),
        f"- {_label(programme, 'name', language)}: {name}",
    ]
    numbers = ", ".join(draft.organisation.loonheffingennummers) or _t("not-given", language)
    lines.append(f"- {_label(programme, 'loonheffingennummers', language)}: {numbers}")
    for field_id in ("contact_name", "contact_email", "contact_phone"):
        value = _field(draft, field_id)
        if value:
            lines.append(f"- {_label(programme, field_id, language)}: {value}")
    if draft.peildatum:
        lines.append(f"- {_t('peildatum', language)}: {_date_text(draft.peildatum, language)}")
    if programme.breakdowns:
        chosen = chosen_breakdowns(draft, programme, language)
        lines += ["", _t("mail.subgroups", language)]
        lines += [f"- {item}" for item in chosen] or [f"- {_t('not-given', language)}"]
    lines += [
        "",
        _t("mail.request-form", language),
        "",
        _t("mail.closing", language),
        _field(draft, "contact_name") or name,
        name,
    ]
    subject = _t("mail.subject", language, organisation=name)
    return Email(CBS_SIGNUP_ADDRESS, subject, "\n".join(lines) + "\n")


def mailto_url(email: Email, limit: int = MAILTO_LIMIT) -> str | None:
    """The ``mailto:`` link of ``email`` (RFC 6068: every reserved character percent-encoded,
    line breaks as ``%0D%0A``), or None when it would be longer than ``limit``: Windows cuts a
    ``mailto:`` link of about 2 KB, so the text (:meth:`Email.text`) is offered for copying."""
    body = email.body.replace("\r\n", "\n").replace("\n", "\r\n")
    url = (
        f"mailto:{quote(email.to, safe='@')}"
        f"?subject={quote(email.subject, safe='')}&body={quote(body, safe='')}"
    )
    return url if len(url) <= limit else None


# -- CBS step 3: the answers for the application form -----------------------------------------------


def application_problems(draft: Draft, programme: Programme) -> list[Message]:
    """What the answers sheet still misses (located by the message's field)."""
    problems: list[Message] = []
    if not draft.organisation.name:
        problems.append(Message("journey.doc.problem-missing", {"field": "organisation.name"}))
    if not _field(draft, "signatory_name"):
        problems.append(
            Message("journey.doc.problem-missing", {"field": "organisation.signatory_name"})
        )
    if not programme.needs_employee_file or draft.organisation.staff_counts:
        problems.extend(application_counts(draft)[1])
    elif not draft.organisation.loonheffingennummers:
        problems.append(Message("package.application-no-numbers"))
    return problems


def application_sections(
    draft: Draft,
    programme: Programme,
    language: str = "nl",
    delivery_date: dt.date | None = None,
) -> list[Section]:
    """The answers sheet's sections: (heading, lines or (label, value) pairs)."""
    not_given = _t("not-given", language)

    def row(field_id: str) -> tuple[str, str]:
        return (_label(programme, field_id, language), _field(draft, field_id) or not_given)

    organisation: list[Item] = [
        row("name"),
        (
            _label(programme, "earlier_participation", language),
            earlier_participation_text(draft, language) or not_given,
        ),
    ]
    pairs, _problems = application_counts(draft)
    counts: list[Item] = []
    if pairs:
        counts = [(number, str(count)) for number, count in pairs]
    else:
        counts = [(number, not_given) for number in draft.organisation.loonheffingennummers] or [
            (_label(programme, "loonheffingennummers", language), not_given)
        ]
    if pairs:
        counts.append((_t("total", language), str(sum(count for _, count in pairs))))
    unit = _t(f"unit-{programme.counting_unit}", language)
    counts.append(_t("counts-note", language, unit=unit))
    request: list[Item] = [
        (_t("variant", language), programme.name.get(language)),
        (_t("peildatum", language), _date_text(draft.peildatum, language)),
        (_t("counting-unit", language), unit),
    ]
    if programme.needs_employee_file:
        key = identification_key(draft, programme)
        request.append((_t("key", language), key.get(language) if key else not_given))
        chosen = chosen_breakdowns(draft, programme, language)
        request.append((_t("breakdowns", language), "; ".join(chosen) or not_given))
    for option in programme.population_options:
        included = draft.population.get(option.id, option.default)
        request.append((option.label.get(language), _t("yes" if included else "no", language)))
    planning: list[Item] = [(_t("delivery-date", language), _date_text(delivery_date, language))]
    contact: list[Item] = [row("contact_name"), row("contact_email"), row("contact_phone")]
    signatory: list[Item] = [
        row("signatory_name"),
        row("signatory_function"),
        _t("signature-line", language),
    ]
    return [
        (
            _t("h-about", language),
            [_t("not-cbs-form", language, organisation=draft.organisation.name or not_given)],
        ),
        (_t("h-organisation", language), organisation),
        (_t("h-counts", language), counts),
        (_t("h-request", language), request),
        (_t("h-planning", language), planning),
        (_t("h-contact", language), contact),
        (_t("h-signatory", language), signatory),
    ]


def application_title(language: str = "nl") -> str:
    return _t("application-title", language)


def application_html(
    draft: Draft,
    programme: Programme,
    language: str = "nl",
    delivery_date: dt.date | None = None,
) -> str:
    """The answers sheet as a self-contained HTML document (for the PDF)."""
    return sections_html(
        application_title(language),
        application_sections(draft, programme, language, delivery_date),
        language,
    )


def application_odt(
    draft: Draft,
    programme: Programme,
    language: str = "nl",
    delivery_date: dt.date | None = None,
) -> bytes:
    """The answers sheet as an editable OpenDocument text, written as the KSZ request is (the
    same bytes for the same draft)."""
    sections = application_sections(draft, programme, language, delivery_date)
    return odt_document(application_title(language), sections)


def sections_html(title: str, sections: Sequence[Section], language: str = "nl") -> str:
    esc = html.escape
    out = [
        f'<!DOCTYPE html><html lang="{esc(language)}"><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title></head><body>",
        f"<h1>{esc(title)}</h1>",
    ]
    for heading, items in sections:
        out.append(f"<h2>{esc(heading)}</h2>")
        rows = [item for item in items if isinstance(item, tuple)]
        if rows:
            out.append("<table>")
            out.extend(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
            out.append("</table>")
        out.extend(f"<p>{esc(item)}</p>" for item in items if isinstance(item, str))
    out.append("</body></html>")
    return "\n".join(out)


# -- every document for a draft ---------------------------------------------------------------------


def document_stem(draft: Draft) -> str:
    organisation = draft.organisation_id or draft.organisation.name_slug or "organisatie"
    year = draft.year or dt.date.today().year
    return f"{organisation}-{year}"


def cbs_documents(
    draft: Draft,
    programme: Programme,
    render_pdf: PdfRenderer,
    *,
    language: str = "nl",
    delivery_date: dt.date | None = None,
) -> dict[str, bytes]:
    """File name -> bytes: the sign-up e-mail (text, and the ``mailto:`` link when it fits)
    and the answers sheet (PDF, ODT). Nothing is written."""
    stem = document_stem(draft)
    email = signup_email(draft, programme, language)
    out = {f"cbs-aanmelding-{stem}.txt": email.text().encode("utf-8")}
    url = mailto_url(email)
    if url is not None:
        out[f"cbs-aanmelding-{stem}.url"] = f"[InternetShortcut]\r\nURL={url}\r\n".encode()
    title = application_title(language)
    out[f"cbs-aanvraag-antwoorden-{stem}.pdf"] = render_pdf(
        application_html(draft, programme, language, delivery_date), title
    )
    out[f"cbs-aanvraag-antwoorden-{stem}.odt"] = application_odt(
        draft, programme, language, delivery_date
    )
    return out


def ksz_documents(
    draft: Draft, programme: Programme, render_pdf: PdfRenderer
) -> tuple[dict[str, bytes], list[Message]]:
    """The KSZ request documents (nl, fr; PDF, ODT) as ``ksz request`` writes them, and the
    problems that block them (then no documents). A draft with a staff file has it checked
    again (the own categories come from it)."""
    from desktop_app.ksz import steps
    from desktop_app.ksz.documents import (
        build_request,
        public_key_name,
        public_key_path,
        render_documents,
    )
    from desktop_app.ksz.request import check_request
    from desktop_app.submission import check_draft_file

    staff = None
    if draft.has_file:
        staff = steps.staff_table(draft, check_draft_file(draft).validation)
    request = build_request(draft, programme, staff)
    problems = check_request(request, programme)
    if problems:
        return {}, problems
    name = draft.organisation.name_slug or draft.organisation_id or "organisation"
    documents = render_documents(request, programme, name, render_pdf)
    public_key = public_key_path(draft, draft.organisation_id)
    if public_key is not None:  # the key the tables come back to goes with the request
        documents[public_key_name(name)] = read_bounded(public_key, FileKind.KEY)
    return documents, []
