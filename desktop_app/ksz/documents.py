"""KSZ step 4 as plain calls: the request built from the draft, what is still missing (located in
the draft), and the request documents (Dutch and French, PDF and ODT, with the public key beside
them) rendered in memory and then written, each file atomically.

The PDF is made by a renderer the caller passes (``html -> pdf bytes``; today
``desktop_app.render.html_to_pdf``, which the wizard and the ``package`` command use too), so this
module stays Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.crypto.openpgp import PUBLIC_KEY_FILE
from desktop_app.draft import Draft
from desktop_app.ksz.choices import read_choices
from desktop_app.ksz.request import (
    DOCUMENT_LANGUAGES,
    KszRequest,
    Organisation,
    check_request,
    render_html,
    render_odt,
)
from desktop_app.messages import Message
from desktop_app.profiles import Programme

FINGERPRINT = "openpgp_fingerprint"  # in draft.organisation
DOCUMENT_STEMS = {"nl": "ksz-aanvraag", "fr": "bcss-demande"}
SUFFIXES = ("pdf", "odt")
PdfRenderer = Callable[[str, str], bytes]  # (html, title) -> PDF bytes

# Where in the draft the officer fixes a request problem (its JSON path), by message key.
_ORGANISATION_FIELDS = ("name", "address", "contact_name", "contact_email", "signatory_name")
_LOCATION = {
    "ksz.request.no-kbo": "organisation.kbo_numbers",
    "ksz.request.bad-kbo": "organisation.kbo_numbers",
    "ksz.request.bad-fingerprint": f"organisation.{FINGERPRINT}",
    "ksz.request.no-characteristics": "categories.ksz.characteristics",
    "ksz.unknown-scheme": "categories.ksz.origin_scheme",
}


def _text(draft: Draft, name: str) -> str:
    value = draft.organisation.get(name, "")
    return "; ".join(value) if isinstance(value, (list, tuple)) else str(value)


def build_request(
    draft: Draft, programme: Programme, staff: pd.DataFrame | None = None
) -> KszRequest:
    """The request as the draft holds it now (``staff``: the own categories, see
    :func:`desktop_app.ksz.steps.staff_table`); check it with :func:`check_request`."""
    choices = read_choices(draft)
    numbers = list(draft.organisation.kbo_numbers)
    own: dict[str, tuple[str, ...]] = {}
    if staff is not None:
        for column in staff.columns:
            own[str(column)] = tuple(sorted({str(v) for v in staff[column]}))
    return KszRequest(
        organisation=Organisation(
            name=_text(draft, "name"),
            address=_text(draft, "address"),
            kbo_numbers=tuple(numbers),
            contact_name=_text(draft, "contact_name"),
            contact_email=_text(draft, "contact_email"),
            contact_phone=_text(draft, "contact_phone"),
            signatory_name=_text(draft, "signatory_name"),
            signatory_function=_text(draft, "signatory_function"),
        ),
        reference_year=choices.year(),
        characteristics=choices.schemes(programme),
        motivation=choices.full_motivation(),
        openpgp_fingerprint=_text(draft, FINGERPRINT),
        age_bands=choices.age_bands(programme),
        own_categories=own,
        definitions=dict(choices.definitions),
    )


def problem_location(problem: Message) -> str:
    """The draft's JSON path where ``problem`` (from :func:`check_request`) is fixed."""
    if problem.key in _LOCATION:
        return _LOCATION[problem.key]
    field = problem.params.get("field")
    if isinstance(field, Message):
        name = field.key.removeprefix("ksz.request.field.")
        if name in _ORGANISATION_FIELDS:
            return f"organisation.{name}"
        return f"categories.ksz.motivation.{name}"
    return "categories.ksz"


# -- the organisation's OpenPGP public key ----------------------------------------------------------


def key_folder(organisation: str) -> Path:
    """Where the organisation's OpenPGP key pair is kept (beside its CMS signing key): the key
    the tables come back to also signs what the institution sends."""
    from desktop_app.submission import openpgp_key_folder

    return openpgp_key_folder(organisation)


def public_key_path(draft: Draft, organisation: str | None) -> Path | None:
    """The public key the request goes with: one imported (Kleopatra), else the key pair made
    here; None when there is none yet."""
    imported = read_choices(draft).public_key_file
    if imported and Path(imported).exists():
        return Path(imported)
    if organisation:
        path = key_folder(organisation) / PUBLIC_KEY_FILE
        if path.exists():
            return path
    return None


def public_key_name(organisation: str) -> str:
    return f"openpgp-public-key-{organisation}.asc"


# -- the documents ----------------------------------------------------------------------------------


def document_names(
    organisation: str, year: int, languages: Sequence[str] = DOCUMENT_LANGUAGES
) -> list[str]:
    return [
        f"{DOCUMENT_STEMS[language]}-{organisation}-{year}-{language}.{suffix}"
        for language in languages
        for suffix in SUFFIXES
    ]


def render_documents(
    request: KszRequest,
    programme: Programme,
    organisation: str,
    render_pdf: PdfRenderer,
    languages: Sequence[str] = DOCUMENT_LANGUAGES,
) -> dict[str, bytes]:
    """File name -> bytes of every document, in memory (nothing written). Raises
    :class:`~desktop_app.ksz.request.RequestError` when the request is incomplete."""
    out: dict[str, bytes] = {}
    for name in document_names(organisation, request.reference_year, languages):
        language = name.rsplit(".", 1)[0].rsplit("-", 1)[1]
        if name.endswith(".pdf"):
            title = Message("ksz.doc.title").render(language)
            out[name] = render_pdf(render_html(request, programme, language), title)
        else:
            out[name] = render_odt(request, programme, language)
    return out


def write_documents(
    folder: Path,
    documents: dict[str, bytes],
    public_key: Path | None = None,
    organisation: str = "organisation",
) -> list[Path]:
    """Write ``documents`` into ``folder`` (made if needed), each atomically, and a copy of
    ``public_key`` beside them; the paths written, in order."""
    key = read_bounded(public_key, FileKind.KEY) if public_key is not None else None
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in documents.items():
        write_atomic(folder / name, data)
        written.append(folder / name)
    if public_key is not None and key is not None:
        target = folder / public_key_name(organisation)
        if public_key.resolve() != target.resolve():
            write_atomic(target, key)
        written.append(target)
    return written


def make_documents(
    request: KszRequest,
    programme: Programme,
    folder: Path,
    organisation: str,
    render_pdf: PdfRenderer,
    *,
    public_key: Path | None = None,
    languages: Sequence[str] = DOCUMENT_LANGUAGES,
) -> list[Path]:
    """The request step in one call: render every document, then write them all. An incomplete
    request (:func:`check_request`) raises before anything is written."""
    documents = render_documents(request, programme, organisation, render_pdf, languages)
    return write_documents(folder, documents, public_key, organisation)


__all__ = [
    "DOCUMENT_STEMS",
    "FINGERPRINT",
    "build_request",
    "check_request",
    "document_names",
    "key_folder",
    "make_documents",
    "problem_location",
    "public_key_path",
    "render_documents",
    "write_documents",
]
