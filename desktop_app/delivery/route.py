"""The route a submission takes: a channel and a protection, both from what the profile accepts.

The profile's ``[delivery]`` lists what the office accepts (:class:`DeliveryOptions`); this module
only applies that list and one rule no profile can lift: a file that holds personal data is never
handed over unprotected (``hand-over`` with ``none``). A file of counts only (the CBS algemene
variant's staff per loonheffingennummer) may be.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.errors import UsageError
from desktop_app.messages import Message
from desktop_app.profiles.model import Channel, CountSource, Programme, Protection

# the suffix of the file each protection writes; ``none`` writes the office's file as named
PROTECTION_SUFFIXES = {
    Protection.CMS: ".p7m",
    Protection.OPENPGP: ".gpg",
    Protection.PASSPHRASE: ".7z",
}
# channels that protect the file on the way themselves (TLS or SSH)
PROTECTED_CHANNELS = frozenset({Channel.WEB_PORTAL, Channel.SFTP, Channel.TUS})
# channels the assistant uploads over itself (desktop_app/transfer)
UPLOAD_CHANNELS = frozenset({Channel.SFTP, Channel.TUS})


@dataclass(frozen=True)
class Route:
    channel: Channel
    protection: Protection


def default_route(programme: Programme) -> Route:
    delivery = programme.delivery
    return Route(delivery.default_channel, delivery.default_protection)


def holds_personal_data(programme: Programme) -> bool:
    """Whether the office's file has a row per person (not a table of counts)."""
    output = programme.output
    return output is None or not any(isinstance(c.source, CountSource) for c in output.columns)


def route_problems(programme: Programme, route: Route) -> list[Message]:
    """Why ``route`` may not be taken for ``programme`` (empty: it may)."""
    delivery = programme.delivery
    problems: list[Message] = []
    if route.channel not in delivery.channels:
        problems.append(
            Message(
                "delivery.channel-not-accepted",
                {
                    "channel": str(route.channel),
                    "programme": programme.id,
                    "accepted": ", ".join(map(str, delivery.channels)),
                },
            )
        )
    if route.protection not in delivery.protections:
        problems.append(
            Message(
                "delivery.protection-not-accepted",
                {
                    "protection": str(route.protection),
                    "programme": programme.id,
                    "accepted": ", ".join(map(str, delivery.protections)),
                },
            )
        )
    if (
        route.protection is Protection.NONE
        and route.channel not in PROTECTED_CHANNELS
        and holds_personal_data(programme)
    ):
        problems.append(Message("delivery.unprotected-hand-over", {"channel": str(route.channel)}))
    return problems


def check_route(programme: Programme, route: Route) -> None:
    """Raise :class:`UsageError` with the first reason ``route`` may not be taken."""
    problems = route_problems(programme, route)
    if problems:
        raise UsageError(problems[0].key, **problems[0].params)


def accepted_routes(programme: Programme) -> list[Route]:
    """Every channel and protection pair the office accepts, the default first."""
    first = default_route(programme)
    routes = [first]
    for channel in programme.delivery.channels:
        for protection in programme.delivery.protections:
            route = Route(channel, protection)
            if route != first and not route_problems(programme, route):
                routes.append(route)
    return routes


def delivered_path(out: Path, protection: Protection, office_file_name: str) -> Path:
    """``out`` with the protection's suffix (``.p7m``, ``.gpg``, ``.7z``) added when it lacks it;
    with ``none``, ``out`` keeps the office file's suffix (``.csv``), added when missing."""
    out = Path(out)
    suffix = PROTECTION_SUFFIXES.get(protection) or Path(office_file_name).suffix
    if suffix and out.suffix.lower() != suffix.lower():
        out = out.with_name(out.name + suffix)
    return out


_KNOWN_SUFFIXES = (".p7m", ".gpg", ".pgp", ".7z", ".zip", ".csv", ".xlsx")


def record_stem(path: Path) -> Path:
    """The path without its protection and file-type suffixes: ``x.csv.gpg`` -> ``x``; the
    record (``x.record.json``) and the summary (``x.summary.pdf``) are named after it."""
    path = Path(path)
    name = path.name
    stripped = True
    while stripped:
        stripped = False
        for suffix in _KNOWN_SUFFIXES:
            if name.lower().endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
                stripped = True
    return path.with_name(name)
