"""What the commands share: exit codes, argument types, the key passphrase from the environment."""

from __future__ import annotations

import datetime as dt
import os

from desktop_app.commands.arguments import refusal

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports Ctrl+C
POPULATION_OPTIONS = ("externals", "interns", "leavers")
KEY_PASSPHRASE_ENV = "DIVERSITY_ASSISTANT_KEY_PASSPHRASE"  # noqa: S105 - a variable name


def date_argument(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise refusal("arguments.not-a-date", value=repr(text)) from None


def year_argument(text: str) -> int:
    """A year as every command takes it (``--year``): a whole number in the range of the years a
    submission may have (``desktop_app.draft``), refused in the officer's language otherwise."""
    from desktop_app.draft import MAX_YEAR, MIN_YEAR

    try:
        year = int(text.strip())
    except ValueError:
        year = None
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        raise refusal("arguments.not-a-year", value=repr(text[:40]), low=MIN_YEAR, high=MAX_YEAR)
    return year


def columns_argument(text: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in text.split(",") if c.strip())


def population_argument(text: str) -> list[str]:
    chosen = [p.strip() for p in text.split(",") if p.strip()]
    unknown = [p for p in chosen if p not in POPULATION_OPTIONS]
    if unknown:
        raise refusal(
            "arguments.unknown-population",
            unknown=", ".join(unknown),
            choices=", ".join(POPULATION_OPTIONS),
        )
    return chosen


def key_passphrase() -> bytes | None:
    value = os.environ.get(KEY_PASSPHRASE_ENV)
    return value.encode("utf-8") if value else None
