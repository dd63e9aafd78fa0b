"""What a section of a profile must satisfy beyond its keys' types, checked as it is read.

Each ``check_*`` sees one typed value with its table (so a refusal names the key inside it) and
returns it, normalised where that is their job; each ``parse_*`` reads one key whose model type is
not a plain TOML type. References between sections are checks.py's; the KSZ section is ksz.py's.
"""

from __future__ import annotations

import codecs
import re
import string
from dataclasses import replace

from desktop_app.profiles.model import (
    Channel,
    DeliveryOptions,
    EmployeeField,
    FieldType,
    OutputColumn,
    OutputFormat,
    OutputSource,
    Portal,
    Protection,
    Thresholds,
    parse_output_source,
)
from desktop_app.profiles.reader import Table, at, quote

LINE_TERMINATORS = ("\r\n", "\n")
FILE_NAME_FIELDS = ("organisation", "peildatum", "programme")
PORTAL_SCHEMES = {"sftp": "sftp://", "tus": "https://"}  # tus only over TLS

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_OPENPGP_FINGERPRINT = re.compile(r"^[0-9A-F]{40}$")


def _text(table: Table, key: str) -> str:
    value = table.data[key]
    if not isinstance(value, str):
        table.wrong(key, value, "string")
    return value


def parse_source(table: Table, key: str) -> OutputSource:
    """``source = "field:bsn"`` and its kin, read once into a typed source."""
    text = _text(table, key)
    if not text.strip():
        table.fail(key, "empty")
    source = parse_output_source(text)
    if source is None:
        table.fail(key, "bad-source", value=quote(text))
    return source


def parse_sha256(table: Table, key: str) -> str | None:
    """A SHA-256 fingerprint, as hex with or without colons and spaces; empty means none."""
    value = _text(table, key)
    if not value:
        return None
    normalised = re.sub(r"[\s:]", "", value).lower()
    if not _SHA256.match(normalised):
        table.fail(key, "sha256", value=quote(value))
    return normalised


def check_employee_field(table: Table, field: EmployeeField) -> EmployeeField:
    """A CODE field has codes, no other field has; every spelling of a value means one code."""
    if field.type is FieldType.CODE and not field.codes:
        table.fail("codes", "codes-missing")
    if field.type is not FieldType.CODE and field.codes:
        table.fail("codes", "codes-not-allowed", type=str(field.type))
    _check_code_spellings(table, field)
    return field


def _check_code_spellings(table: Table, field: EmployeeField) -> None:
    """Every spelling of a value (the code itself and its synonyms, compared the way the mapping
    compares values) means one code only; a synonym may not repeat within its code."""
    from desktop_app.text import normalise_value

    codes = table.at("codes")
    owner: dict[str, str] = {}
    for index, code in enumerate(field.codes):
        first = owner.setdefault(normalise_value(code.code), code.code)
        if first != code.code:
            table.ctx.fail(
                at(at(codes, index), "code"),
                "duplicate-spelling",
                value=quote(code.code),
                first=quote(first),
                second=quote(code.code),
            )
    for code_index, code in enumerate(field.codes):
        synonyms = at(at(codes, code_index), "synonyms")
        seen_here: dict[str, int] = {}
        for index, synonym in enumerate(code.synonyms):
            key = normalise_value(synonym)
            where = at(synonyms, index)
            if key in seen_here:
                table.ctx.fail(
                    where, "duplicate", value=quote(synonym), other=at(synonyms, seen_here[key])
                )
            seen_here[key] = index
            first = owner.setdefault(key, code.code)
            if first != code.code:
                table.ctx.fail(
                    where,
                    "duplicate-spelling",
                    value=quote(synonym),
                    first=quote(first),
                    second=quote(code.code),
                )


def check_thresholds(table: Table, thresholds: Thresholds) -> Thresholds:
    if thresholds.min_age >= thresholds.max_age:
        table.fail("min_age", "age-order", min_age=thresholds.min_age, max_age=thresholds.max_age)
    return thresholds


def check_output(table: Table, output: OutputFormat) -> OutputFormat:
    """The file name's placeholders, the encoding, delimiter, decimal sign, line ends, dates."""
    _check_file_name(table, output.file_name)
    try:
        codecs.lookup(output.encoding)
    except LookupError:
        table.fail("encoding", "encoding", value=quote(output.encoding))
    for key, value in (("delimiter", output.delimiter), ("decimal", output.decimal)):
        if len(value) != 1:
            table.fail(key, "delimiter", value=quote(value))
    if output.decimal == output.delimiter:
        table.fail("decimal", "duplicate", value=quote(output.decimal), other=table.at("delimiter"))
    if output.line_terminator not in LINE_TERMINATORS:
        table.fail(
            "line_terminator",
            "not-one-of",
            value=quote(output.line_terminator),
            allowed=", ".join(quote(t) for t in LINE_TERMINATORS),
        )
    if "%" not in output.date_format:
        table.fail("date_format", "date-format", value=quote(output.date_format))
    return output


def _check_file_name(table: Table, file_name: str) -> None:
    try:
        parsed = list(string.Formatter().parse(file_name))
    except ValueError:
        table.fail("file_name", "bad-form", value=quote(file_name), example="{programme}.csv")
    for _, name, _, _ in parsed:
        if name is not None and name not in FILE_NAME_FIELDS:
            table.fail(
                "file_name",
                "unknown-placeholder",
                value="{" + name + "}",
                allowed=", ".join("{" + f + "}" for f in FILE_NAME_FIELDS),
            )


def check_column(table: Table, column: OutputColumn) -> OutputColumn:
    """``part`` or ``format``, not both; a format is a strftime pattern. (Whether the source is a
    date, and whether it names something, is a cross-check: checks.py.)"""
    if column.part is not None and column.format is not None:
        table.fail("format", "part-and-format")
    if column.format is not None and "%" not in column.format:
        table.fail("format", "date-format", value=quote(column.format))
    return column


def check_portal(table: Table, portal: Portal) -> Portal:
    scheme = PORTAL_SCHEMES[portal.protocol]
    if portal.url is not None and not portal.url.lower().startswith(scheme):
        table.fail("url", "url-scheme", value=quote(portal.url), scheme=scheme)
    return portal


def check_delivery(table: Table, delivery: DeliveryOptions) -> DeliveryOptions:
    """Each default is one of its list; no repeats; the manifest only inside a protection that
    carries a package; a portal address only for the web-portal channel, over HTTPS; the
    OpenPGP pin (40 hex digits, spaces allowed) only when OpenPGP is accepted. Returns the pin
    normalised (upper case, no spaces)."""
    for name, values in (("channels", delivery.channels), ("protections", delivery.protections)):
        repeated = sorted({str(v) for v in values if values.count(v) > 1})
        if repeated:
            table.fail(name, "repeated", value=quote(repeated[0]))
    if delivery.default_channel not in delivery.channels:
        table.fail(
            "default_channel",
            "default-not-listed",
            value=quote(delivery.default_channel),
            listed="channels",
        )
    if delivery.default_protection not in delivery.protections:
        table.fail(
            "default_protection",
            "default-not-listed",
            value=quote(delivery.default_protection),
            listed="protections",
        )
    for protection in delivery.manifest_in:
        if protection is Protection.NONE or protection not in delivery.protections:
            table.fail("manifest_in", "manifest-protection", value=quote(protection))
    url = delivery.web_portal_url
    if url is not None:
        if Channel.WEB_PORTAL not in delivery.channels:
            table.fail("web_portal_url", "needs-channel", channel=str(Channel.WEB_PORTAL))
        if not url.lower().startswith("https://"):
            table.fail("web_portal_url", "url-scheme", value=quote(url), scheme="https://")
    pin = delivery.recipient_openpgp_fingerprint
    if pin is not None:
        if Protection.OPENPGP not in delivery.protections:
            table.fail(
                "recipient_openpgp_fingerprint",
                "needs-protection",
                protection=str(Protection.OPENPGP),
            )
        normalised = re.sub(r"\s", "", pin).upper()
        if not _OPENPGP_FINGERPRINT.match(normalised):
            table.fail("recipient_openpgp_fingerprint", "openpgp-fingerprint", value=quote(pin))
        delivery = replace(delivery, recipient_openpgp_fingerprint=normalised)
    return delivery
