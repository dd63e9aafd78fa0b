"""Helpers for the intake tests: read or refuse a file and prove the file was left untouched."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from desktop_app.errors import IntakeError
from desktop_app.intake import RawTable, list_sheets, read_table


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def untouched(path: Path) -> Iterator[None]:
    """Assert the file's bytes and modification time are the same after the block."""
    exists = path.is_file()
    before = (sha256(path), os.stat(path).st_mtime_ns) if exists else None
    siblings = sorted(p.name for p in path.parent.iterdir()) if path.parent.is_dir() else []
    yield
    if exists:
        assert (sha256(path), os.stat(path).st_mtime_ns) == before, f"{path.name} was changed"
    if path.parent.is_dir():  # no temp copies or lock files left beside the source
        assert sorted(p.name for p in path.parent.iterdir()) == siblings


def read(path: Path, **kwargs: Any) -> RawTable:
    """read_table, asserting the source is unchanged."""
    with untouched(path):
        return read_table(path, **kwargs)


def sheets(path: Path) -> tuple:
    with untouched(path):
        return list_sheets(path)


def refused(path: Path, key: str, **kwargs: Any) -> IntakeError:
    """read_table must refuse with ``key``; the nl and en texts must name the file."""
    with untouched(path), pytest.raises(IntakeError) as caught:
        read_table(path, **kwargs)
    error = caught.value
    assert error.message.key == key, error.render("en")
    for language in ("nl", "en", "fr"):
        text = error.render(language)
        assert path.name in text, (language, text)
        assert "{" not in text, (language, text)
    return error


def column(table: RawTable, header: str) -> list[str]:
    return table.column(header).tolist()
