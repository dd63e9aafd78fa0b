"""The draft's migration chain: every draft an earlier release wrote still opens.

One function per step, ``migrate_<n>_to_<n+1>``, each taking the JSON of version ``n`` and
returning that of ``n + 1`` (a new dict; the input is not changed). :func:`migrate` runs the steps
from the draft's version up to the current one. A version newer than the current one is refused
(``draft.wrong-version``: update the assistant); a version that is not a whole number from 1 is
refused as damaged (``draft.bad-version``). This module knows JSON only, not the typed draft, so
each step stays what it was when it was written.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

Json = dict[str, Any]


class DraftVersionError(Exception):
    """The draft's version cannot be read by this release (``key`` is the message key)."""

    def __init__(self, key: str, version: Any) -> None:
        super().__init__(f"{key}: {version!r}")
        self.key = key
        self.version = version


def migrate_1_to_2(data: Json) -> Json:
    """Version 1 -> 2: the ``portal`` section becomes ``delivery`` (same ``upload`` and
    ``recipient_certificate`` entries). An SSH host key earlier releases kept in the upload
    settings (``host_key_sha256`` with ``host_key_for``) moves into the app-data host-key store
    (:func:`desktop_app.transfer.hostkey_policy.migrate_draft_host_key`; a key the store holds
    for that server wins); version 2 keeps no host keys. Everything else reads unchanged:
    organisation, checklist, source (with or without a fingerprint), mapping and categories
    (bands, merges, cell_threshold, ksz) have the same shape."""
    out = copy.deepcopy(data)
    portal = out.pop("portal", None)
    delivery = dict(portal) if isinstance(portal, dict) else {}
    upload = delivery.get("upload")
    if isinstance(upload, dict) and ("host_key_sha256" in upload or "host_key_for" in upload):
        from desktop_app.transfer.hostkey_policy import migrate_draft_host_key

        delivery["upload"] = migrate_draft_host_key(upload)
    out["delivery"] = delivery
    out["version"] = 2
    return out


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_NO = {
    "nee",
    "neen",
    "nooit",
    "eerste",
    "no",
    "never",
    "first",
    "non",
    "jamais",
    "première",
    "premiere",
    "n",
}
_YES = {"ja", "yes", "oui", "j", "y"}


def years_in(text: str) -> list[int]:
    """The four-digit years (1900-2099) in ``text``, in order, each once."""
    return list(dict.fromkeys(int(y) for y in _YEAR.findall(text)))


def earlier_participation_from_text(text: str) -> Json | None:
    """The typed answer (version 3) for the free text "Eerder deelgenomen" held before: no
    (``nee``, ``no``, ``non``, …), yes with the years named, yes (``ja``, ``oui``, …) or, when
    the text says neither, not answered (``participated`` null). The text is kept as ``note``."""
    text = text.strip()
    if not text:
        return None
    words = re.findall(r"[^\W\d_]+", text.lower())
    years = years_in(text)
    participated: bool | None = None
    said_no = bool(words) and words[0] in _NO
    if said_no and not years:
        participated = False
    elif not said_no and (years or (words and words[0] in _YES)):
        participated = True  # "nee, wel in 2020 …" stays unanswered: the officer chooses
    return {"participated": participated, "years": years, "note": text}


def migrate_2_to_3(data: Json) -> Json:
    """Version 2 -> 3: ``organisation.earlier_participation``, free text before, becomes a choice
    ``{"participated": false}`` or ``{"participated": true, "years": [2022, 2024]}``, read from the
    text (:func:`earlier_participation_from_text`; the text is kept as ``note``). Nothing else
    changes."""
    out = copy.deepcopy(data)
    organisation = out.get("organisation")
    if isinstance(organisation, dict) and "earlier_participation" in organisation:
        text = organisation.pop("earlier_participation")
        answer = earlier_participation_from_text(text) if isinstance(text, str) else None
        if answer is not None:
            organisation["earlier_participation"] = answer
    out["version"] = 3
    return out


MIGRATIONS: dict[int, Callable[[Json], Json]] = {1: migrate_1_to_2, 2: migrate_2_to_3}


def migrate(data: Json, current: int) -> Json:
    """``data`` brought to version ``current`` through each step in turn."""
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DraftVersionError("draft.bad-version", version)
    if version > current:
        raise DraftVersionError("draft.wrong-version", version)
    while version < current:
        data = MIGRATIONS[version](data)
        version += 1
        if data.get("version") != version:  # a step that forgot to say what it made
            raise ValueError(f"draft migration to version {version} did not set the version")
    return data
