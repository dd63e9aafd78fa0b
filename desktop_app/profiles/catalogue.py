"""The shipped programme profiles: where they are, which there are, each loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from desktop_app.errors import ProfileError
from desktop_app.profiles.loader import load_programme
from desktop_app.profiles.model import Programme
from desktop_app.resources import resource_path

PROGRAMMES_FOLDER = "programmes"
PROFILE_SUFFIX = ".toml"


def programmes_folder() -> Path:
    """The folder of the shipped profiles."""
    return resource_path(PROGRAMMES_FOLDER)


def available_programme_ids() -> tuple[str, ...]:
    """The ids of the shipped profiles (file stems), sorted; the files are not read."""
    folder = programmes_folder()
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.stem for p in folder.glob(f"*{PROFILE_SUFFIX}") if p.is_file()))


@cache
def load_programme_by_id(programme_id: str) -> Programme:
    """The shipped profile ``programme_id``; an unknown id raises :class:`ProfileError`."""
    available = available_programme_ids()
    if programme_id not in available:  # also refuses "../x" and other paths
        raise ProfileError(
            "profiles.unknown-programme",
            programme=programme_id,
            available=", ".join(available) or "-",
        )
    return load_programme(programmes_folder() / f"{programme_id}{PROFILE_SUFFIX}")


@cache
def available_programmes() -> tuple[Programme, ...]:
    """All shipped profiles, sorted by id; any broken profile raises :class:`ProfileError`."""
    ids = available_programme_ids()
    if not ids:
        raise ProfileError("profiles.no-programmes", folder=str(programmes_folder()))
    return tuple(load_programme_by_id(programme_id) for programme_id in ids)


def clear_cache() -> None:
    """Forget loaded profiles (tests, or after the resource folder changed)."""
    load_programme_by_id.cache_clear()
    available_programmes.cache_clear()
