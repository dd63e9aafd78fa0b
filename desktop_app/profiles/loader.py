"""Read one programme profile (``resources/programmes/<id>.toml``) into a :class:`Programme`.

A profile is data written by the product team; a broken one is refused when it is loaded, never
half-used. Every refusal is a :class:`ProfileError`: ``profiles.invalid`` naming the file, the key
path inside it and the problem (reader.py), or ``profiles.syntax`` with the line and column tomllib
reports. The work is split by job: reader.py reads any table into its dataclass of model.py (the
keys and their types are the dataclass fields, declared once); sections.py and ksz.py check what a
section says beyond its types; checks.py checks the sections against each other. Finding the
shipped profiles is catalogue.py's.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop_app.errors import ProfileError
from desktop_app.profiles import ksz, sections
from desktop_app.profiles.checks import check_programme
from desktop_app.profiles.model import (
    DeliveryOptions,
    EmployeeField,
    OutputColumn,
    OutputFormat,
    Portal,
    Programme,
    Thresholds,
)
from desktop_app.profiles.reader import Check, Context, Parser, Reader

_TOML_POSITION = re.compile(r"^(?P<detail>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")

# keys whose model type is not a plain TOML type
PARSERS: dict[tuple[type, str], Parser] = {
    (OutputColumn, "source"): sections.parse_source,
    (Programme, "recipient_certificate_sha256"): sections.parse_sha256,
}
# what each section must satisfy beyond its types, checked as it is read
CHECKS: dict[type, Check] = {
    EmployeeField: sections.check_employee_field,
    Thresholds: sections.check_thresholds,
    OutputFormat: sections.check_output,
    OutputColumn: sections.check_column,
    Portal: sections.check_portal,
    DeliveryOptions: sections.check_delivery,
    **ksz.CHECKS,
}


def load_programme(path: str | os.PathLike[str]) -> Programme:
    """Read and check one profile; a broken profile raises :class:`ProfileError`."""
    path = Path(path)
    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProfileError("profiles.unreadable", file=file, detail=exc.strerror or exc) from exc
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")  # a BOM from Notepad is harmless
    except UnicodeDecodeError as exc:
        raise ProfileError("profiles.not-utf8", file=file) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        match = _TOML_POSITION.match(detail)
        if match:
            raise ProfileError(
                "profiles.syntax",
                file=file,
                line=int(match["line"]),
                column=int(match["column"]),
                detail=match["detail"],
            ) from exc
        raise ProfileError("profiles.syntax-no-position", file=file, detail=detail) from exc
    return read_programme(path, data)


def read_programme(path: Path, data: dict[str, Any]) -> Programme:
    """The parsed TOML ``data`` of the profile file ``path``, read and checked."""
    ctx = Context(path)
    programme = Reader(ctx, parsers=PARSERS, checks=CHECKS).read(data, "", Programme)
    return check_programme(ctx, replace(programme, source_path=path))
