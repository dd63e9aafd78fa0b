"""Saving a mapping to a small JSON file and checking that a saved one still fits a file.

Format (version 1)::

    {
      "format": "diversity-assistant/mapping",
      "version": 1,
      "programme": "cbs-barometer-ingezoomd",
      "sheet": "Personeel",            # or null
      "header_row": 3,                 # or null: detect again
      "fields": {"bsn": "BSN", "birth_date": "Geboortedatum"},
      "value_maps": {"sex": {"Vrouw": "V"}},
      "breakdowns": [{"header": "Afdeling", "breakdown": "organisational_unit"}]
    }

It holds header names and code translations only, never employee values beyond those codes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import FileKind, read_json_bounded
from desktop_app.errors import MappingError
from desktop_app.mapping.model import (
    DERIVED_PREFIX,
    BreakdownColumn,
    Mapping,
    derived_header,
    is_derived_header,
)
from desktop_app.profiles.model import Programme

FORMAT = "diversity-assistant/mapping"
VERSION = 1


def mapping_to_json(mapping: Mapping) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "saved_with": __version__,
        "programme": mapping.programme_id,
        "sheet": mapping.sheet,
        "header_row": mapping.header_row,
        "fields": dict(mapping.fields),
        "value_maps": {k: dict(v) for k, v in mapping.value_maps.items()},
        "breakdowns": [
            {"header": b.header, "breakdown": b.breakdown_id} for b in mapping.breakdowns
        ],
    }


def save_mapping(mapping: Mapping, path: Path) -> None:
    text = json.dumps(mapping_to_json(mapping), ensure_ascii=False, indent=2) + "\n"
    write_atomic(Path(path), text.encode("utf-8"))


def load_mapping(path: Path) -> Mapping:
    path = Path(path)
    try:
        data = read_json_bounded(path, FileKind.MAPPING)
    except FileNotFoundError:
        raise MappingError("mapping.not-found", file=path.name) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MappingError("mapping.not-json", file=path.name, detail=str(error)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise MappingError("mapping.wrong-format", file=path.name)
    if data.get("version") != VERSION:
        raise MappingError(
            "mapping.wrong-version", file=path.name, version=data.get("version"), supported=VERSION
        )
    try:
        return mapping_from_json(data)
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise MappingError(
            "mapping.wrong-format-detail", file=path.name, detail=repr(error)
        ) from None


def mapping_from_json(data: dict[str, Any]) -> Mapping:
    """The mapping in the shape :func:`mapping_to_json` writes (also embedded in drafts).

    Raises KeyError, TypeError or AttributeError on a damaged shape; callers say which file.
    """
    return Mapping(
        programme_id=_text(data["programme"]),
        fields={_text(k): _text(v) for k, v in data.get("fields", {}).items()},
        value_maps={
            _text(f): {_text(k): _text(v) for k, v in m.items()}
            for f, m in data.get("value_maps", {}).items()
        },
        breakdowns=tuple(
            _breakdown_column(_text(b["header"]), b.get("breakdown"))
            for b in data.get("breakdowns", [])
        ),
        sheet=data.get("sheet"),
        header_row=data.get("header_row"),
    )


def _breakdown_column(header: str, breakdown_id: Any) -> BreakdownColumn:
    if breakdown_id is not None:
        breakdown_id = _text(breakdown_id)
    if is_derived_header(header):
        breakdown_id = header[len(DERIVED_PREFIX) :]  # "=age" is the age breakdown, always
    return BreakdownColumn(header, breakdown_id)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {value!r}")
    return value


def check_mapping_fits(
    mapping: Mapping,
    headers: Sequence[str],
    programme: Programme,
    *,
    no_header: tuple[str, int] | None = None,
) -> None:
    """Refuse a saved mapping that no longer fits: other programme, unknown fields, or columns
    that went missing from the file (all named at once).

    ``no_header`` (file name, first data row) says the file has no header row: the missing
    columns are then explained by that, and ``headers`` (column letters) are not offered.
    """
    if mapping.programme_id != programme.id:
        raise MappingError(
            "mapping.other-programme", saved=mapping.programme_id, chosen=programme.id
        )
    known_fields = {f.id for f in programme.employee_fields}
    unknown_fields = sorted(set(mapping.fields) - known_fields)
    if unknown_fields:
        raise MappingError("mapping.unknown-fields", fields=unknown_fields, programme=programme.id)
    known_breakdowns = {b.id for b in programme.breakdowns}
    unknown_breakdowns = sorted(
        {b.breakdown_id for b in mapping.breakdowns if b.breakdown_id} - known_breakdowns
    )
    derivable = {derived_header(b.id) for b in programme.breakdowns if b.derived_from}
    unknown_breakdowns += sorted(
        {b.header for b in mapping.breakdowns if b.is_derived and b.header not in derivable}
    )
    if unknown_breakdowns:
        raise MappingError(
            "mapping.unknown-breakdowns", breakdowns=unknown_breakdowns, programme=programme.id
        )
    present = set(headers)
    missing = [
        h
        for h in [
            *mapping.fields.values(),
            *(b.header for b in mapping.breakdowns if not b.is_derived),
        ]
        if h not in present
    ]
    if missing and no_header is not None:
        raise MappingError(
            "mapping.columns-missing-no-header",
            missing=[f"“{h}”" for h in dict.fromkeys(missing)],
            file=no_header[0],
            row=no_header[1],
        )
    if missing:
        raise MappingError(
            "mapping.columns-missing",
            missing=[f"“{h}”" for h in dict.fromkeys(missing)],
            available=[f"“{h}”" for h in headers],
        )
