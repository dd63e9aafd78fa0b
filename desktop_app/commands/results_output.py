"""What the ``results`` commands print about an import (shared by ``import`` and ``fetch``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.messages import Message

if TYPE_CHECKING:
    from desktop_app.profiles.model import Programme
    from desktop_app.results.history import StoredImport


def print_imported(
    stored: StoredImport,
    file: str,
    *,
    programme: Programme,
    organisation: str,
    year: int,
    language: str,
) -> None:
    """What ``results import`` and ``results fetch`` say once the import is kept."""
    result = stored.result
    classification = classification_label(programme.id, result.classification, language)
    print(
        Message(
            "results.imported",
            {
                "file": file,
                "organisation": organisation,
                "year": year,
                "programme": programme.name,
                "tables": len(result.tables),
                "classification": classification,
                "path": stored.path,
            },
        ).render(language)
    )
    if stored.replaced:
        print(Message("results.replaced").render(language))
    if result.submission:
        print(
            Message(
                "results.linked",
                {
                    "record": result.submission.get("record"),
                    "file": result.submission.get("delivered_file"),
                },
            ).render(language)
        )


def classification_label(programme_id: str, classification: str, language: str) -> str:
    from desktop_app.profiles import load_programme_by_id

    try:
        layout = load_programme_by_id(programme_id).results
    except Exception:  # a programme no longer shipped: its id is still a name
        return classification
    for candidate in layout.classifications if layout else ():
        if candidate.id == classification:
            return candidate.label.get(language)
    return classification
