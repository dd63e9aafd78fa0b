"""The KSZ/BCSS data request document (the "Basisschema voor gegevensaanvragen" content).

A :class:`KszRequest` carries the officer's decisions (characteristics, reference year,
definitions), the motivation (purpose, legal basis, proportionality, the diversity-plan action),
the categories chosen (schemes and age bands from the profile, own categories), the organisation
(name, address, KBO numbers, contact, signatory) and the OpenPGP fingerprint the KSZ encrypts to.

:func:`check_request` refuses what the KSZ would send back: empty motivations, motivations that are
only the example text or too little own text (fewer than :data:`MIN_OWN_CHARACTERS` letters after
removing the example sentences), invalid KBO numbers, a missing fingerprint. The document is rendered
as HTML in Dutch or French (:func:`render_html`; PDF through ``desktop_app.render.html_to_pdf``, a
Qt call the UI makes) and as an editable ODT (:func:`render_odt`, odfpy). The Basisschema's exact
layout is not public: the sections follow the KSZ's four steps.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from desktop_app.categories import Bands
from desktop_app.errors import AppError
from desktop_app.ksz.crossing import age_band_shares
from desktop_app.messages import Message
from desktop_app.odt import odt_document
from desktop_app.profiles.model import Programme
from desktop_app.validation.identifiers import check_kbo

MIN_OWN_CHARACTERS = 40
DOCUMENT_LANGUAGES = ("nl", "fr")
MOTIVATION_FIELDS = ("purpose", "legal_basis", "proportionality", "plan_action")

# The example text the wizard shows (from the KSZ page); an answer that is only this is refused.
EXAMPLES = {
    "purpose": (
        "Een nulmeting van de interne diversiteit doen om op basis daarvan positieve acties op "
        "te zetten.",
        "Réaliser une mesure zéro de la diversité interne afin de mettre en place des actions "
        "positives sur cette base.",
    ),
    "plan_action": ("Dit is een actiepunt uit ons diversiteitsplan.",),
}

_WORD = re.compile(r"[^\W\d_]", re.UNICODE)


class RequestError(AppError):
    """The request cannot be made as it is (what is missing, and which field)."""


@dataclass(frozen=True)
class Organisation:
    name: str
    address: str
    kbo_numbers: tuple[str, ...]
    contact_name: str
    contact_email: str
    contact_phone: str
    signatory_name: str
    signatory_function: str


@dataclass(frozen=True)
class Motivation:
    purpose: str
    legal_basis: str
    proportionality: str
    plan_action: str


@dataclass(frozen=True)
class KszRequest:
    organisation: Organisation
    reference_year: int
    characteristics: tuple[str, ...]  # scheme ids from the profile ("origin-ksz", "sex", ...)
    motivation: Motivation
    openpgp_fingerprint: str
    age_bands: Bands | None = None
    own_categories: dict[str, tuple[str, ...]] = field(default_factory=dict)  # column -> labels
    definitions: dict[str, str] = field(default_factory=dict)  # officer's extra definitions


def own_text_length(text: str, examples: tuple[str, ...] = ()) -> int:
    """Letters in ``text`` that are not part of an example sentence."""
    remaining = " ".join(text.split())
    for example in examples:
        remaining = remaining.replace(" ".join(example.split()), " ")
    return len(_WORD.findall(remaining))


def check_request(request: KszRequest, programme: Programme) -> list[Message]:
    """Every problem, as messages naming the field; an empty list means the request can go."""
    problems: list[Message] = []
    for name in MOTIVATION_FIELDS:
        text = getattr(request.motivation, name).strip()
        label = Message(f"ksz.request.field.{name}")
        if not text:
            problems.append(Message("ksz.request.empty", {"field": label}))
        elif own_text_length(text, EXAMPLES.get(name, ())) < MIN_OWN_CHARACTERS:
            problems.append(
                Message("ksz.request.boilerplate", {"field": label, "minimum": MIN_OWN_CHARACTERS})
            )
    org = request.organisation
    if not org.kbo_numbers:
        problems.append(Message("ksz.request.no-kbo"))
    for number in org.kbo_numbers:
        if not check_kbo(number).valid:
            problems.append(Message("ksz.request.bad-kbo", {"value": number}))
    for name in ("name", "address", "contact_name", "contact_email", "signatory_name"):
        if not getattr(org, name).strip():
            problems.append(
                Message("ksz.request.empty", {"field": Message(f"ksz.request.field.{name}")})
            )
    if not re.fullmatch(
        r"[0-9A-F]{40}|[0-9A-F]{64}", re.sub(r"\s", "", request.openpgp_fingerprint).upper()
    ):
        problems.append(Message("ksz.request.bad-fingerprint"))
    if not request.characteristics and request.age_bands is None:
        problems.append(Message("ksz.request.no-characteristics"))
    assert programme.crossing is not None
    known = {s.id for s in programme.crossing.schemes}
    for scheme_id in request.characteristics:
        if scheme_id not in known:
            problems.append(
                Message(
                    "ksz.unknown-scheme",
                    {"scheme": scheme_id, "available": ", ".join(sorted(known))},
                )
            )
    return problems


def _require_valid(request: KszRequest, programme: Programme) -> None:
    problems = check_request(request, programme)
    if problems:
        raise RequestError("ksz.request.refused", problems=problems)


# --------------------------------------------------------------------------------------------------
# rendering


def _sections(
    request: KszRequest, programme: Programme, language: str
) -> list[tuple[str, list[Any]]]:
    """The document as (heading, items); an item is a paragraph or (label, value)."""
    assert programme.crossing is not None

    def t(key: str, **p: Any) -> str:
        return Message(f"ksz.doc.{key}", p).render(language)

    org = request.organisation
    kbo = [check_kbo(n).normalised or n for n in org.kbo_numbers]
    decisions: list[Any] = [
        (t("reference-year"), str(request.reference_year)),
        (
            t("characteristics"),
            ", ".join(
                programme.crossing.scheme(s).label.get(language) for s in request.characteristics
            )
            + (f", {t('age')}" if request.age_bands is not None else ""),
        ),
    ]
    categories: list[Any] = []
    for scheme_id in request.characteristics:
        scheme = programme.crossing.scheme(scheme_id)
        groups = "; ".join(g.label.get(language) for g in scheme.groups)
        categories.append(
            (
                scheme.label.get(language),
                f"{scheme.definition.get(language)} {t('groups')}: {groups}.",
            )
        )
    if request.age_bands is not None:
        age = programme.crossing.age
        bands = ", ".join(age_band_shares(request.age_bands, programme.crossing))
        definition = age.definition.get(language) if age else ""
        categories.append((t("age"), f"{definition} {t('groups')}: {bands}."))
    for column, labels in sorted(request.own_categories.items()):
        categories.append((t("own-category", column=column), ", ".join(labels)))
    definitions = [(k, v) for k, v in sorted(request.definitions.items())]
    motivation = [
        (Message(f"ksz.request.field.{name}").render(language), getattr(request.motivation, name))
        for name in MOTIVATION_FIELDS
    ]
    organisation = [
        (t("org-name"), org.name),
        (t("org-address"), org.address),
        (t("org-kbo"), ", ".join(kbo)),
        (t("org-contact"), f"{org.contact_name}, {org.contact_email}, {org.contact_phone}"),
        (t("org-signatory"), f"{org.signatory_name}, {org.signatory_function}"),
        (t("org-openpgp"), request.openpgp_fingerprint),
    ]
    return [
        (t("h-organisation"), organisation),
        (t("h-decisions"), decisions + definitions),
        (t("h-motivation"), motivation),
        (
            t("h-categories"),
            [*categories, t("independence-note", threshold=programme.thresholds.cell_threshold)],
        ),
        (t("h-signature"), [t("signature-line", name=org.signatory_name)]),
    ]


def render_html(request: KszRequest, programme: Programme, language: str = "nl") -> str:
    """The request as a self-contained HTML document in ``language`` (nl or fr)."""
    if language not in DOCUMENT_LANGUAGES:
        raise ValueError(f"the request document exists in nl and fr, not {language!r}")
    _require_valid(request, programme)
    esc = html.escape
    title = Message("ksz.doc.title").render(language)
    out = [
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title></head><body>",
        f"<h1>{esc(title)}</h1>",
    ]
    for heading, items in _sections(request, programme, language):
        out.append(f"<h2>{esc(heading)}</h2>")
        rows = [i for i in items if isinstance(i, tuple)]
        if rows:
            out.append("<table>")
            out.extend(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
            out.append("</table>")
        out.extend(f"<p>{esc(i)}</p>" for i in items if isinstance(i, str))
    out.append("</body></html>")
    return "\n".join(out)


def render_odt(request: KszRequest, programme: Programme, language: str = "nl") -> bytes:
    """The same document as an editable OpenDocument text file: the same bytes for the same
    request, whatever was written before it in this process (see :func:`desktop_app.odt.fixed_namespaces`)."""
    if language not in DOCUMENT_LANGUAGES:
        raise ValueError(f"the request document exists in nl and fr, not {language!r}")
    _require_valid(request, programme)
    return odt_document(
        Message("ksz.doc.title").render(language), _sections(request, programme, language)
    )
