"""From a draft and the employee file to the file the office receives, and the officer's record.

One call for the wizard's "Encrypt" step and the ``package`` command: check the file with the
draft's choices (refused when it changed since it was checked: its fingerprint differs from the
draft's), refuse while anything is open or the route is one the office does not accept, build the
package, check the office's certificate or OpenPGP key, protect it as the route says
(:mod:`desktop_app.delivery.protect`), write the delivered file atomically and, beside it, the
officer's record and its summary PDF (:mod:`desktop_app.delivery.record`). Only with the
``none`` protection (a web portal whose TLS protects the file) is the office's file written as
is; no other plaintext copy of it lands anywhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.check import CheckOptions, CheckResult, run_check
from desktop_app.crypto.keys import SigningIdentity, load_or_create_identity
from desktop_app.crypto.recipient import check_recipient, load_certificate
from desktop_app.delivery.protect import (
    CmsProtector,
    NoProtection,
    OpenPgpProtector,
    PassphraseProtector,
    Protector,
    payload_files,
)
from desktop_app.delivery.record import (
    DeliveredFile,
    DeliveryRecord,
    record_html,
    record_path_for,
    summary_path_for,
    write_record,
)
from desktop_app.delivery.route import Route, check_route, default_route, delivered_path
from desktop_app.draft import Draft
from desktop_app.errors import UsageError
from desktop_app.package.build import (
    PackageRefused,
    build_application_package,
    build_package,
    readiness_problems,
)
from desktop_app.paths import data_dir
from desktop_app.profiles import load_programme_by_id
from desktop_app.profiles.model import Channel, Programme, Protection

if TYPE_CHECKING:
    from desktop_app.crypto.openpgp import OpenPgpKey

SummaryRenderer = Callable[[str, str], bytes]  # (html, title) -> PDF bytes


@dataclass(frozen=True)
class Submission:
    package_path: Path  # the delivered file (.p7m, .gpg, .7z, or the office's file as is)
    summary_path: Path | None  # written when a renderer was given (see write_summary)
    package_sha256: str
    rows: int
    recipient_fingerprint: str | None  # the office's certificate or OpenPGP key; None otherwise
    signer_fingerprint: str | None  # the organisation's certificate or OpenPGP key
    check: CheckResult | None  # None: the algemene variant's application without a staff file
    summary_html: str = ""
    route: Route = field(default_factory=lambda: Route(Channel.HAND_OVER, Protection.CMS))
    record_path: Path | None = None
    passphrase: str | None = field(default=None, repr=False)  # shown once; never stored

    @property
    def planned_summary_path(self) -> Path:
        return summary_path_for(self.package_path)

    @property
    def protection(self) -> Protection:
        return self.route.protection


def write_summary(submission: Submission, render_summary: SummaryRenderer) -> Submission:
    """Render the summary PDF beside the package (the wizard does this in the GUI thread)."""
    path = submission.planned_summary_path
    write_atomic(path, render_summary(submission.summary_html, submission.package_path.name))
    return replace(submission, summary_path=path)


def organisation_id(draft: Draft) -> str:
    """The organisation's stable id for its keys (folder ``keys/<id>`` in app data, keyring
    entries): :attr:`desktop_app.draft.Organisation.id` (``rsin-…`` from the loonheffingennummer,
    ``kbo-…`` from the KBO number), so a renamed organisation keeps its keys. Until a number is
    given, the name's slug, as releases before draft version 2 used (a key made then is adopted
    by the number's id once there is one, see :func:`adopt_earlier_keys`)."""
    org = draft.organisation_id or draft.organisation.name_slug
    if not org:
        raise UsageError("submission.organisation-missing")
    adopt_earlier_keys(draft, org)
    return org


def adopt_earlier_keys(draft: Draft, org: str) -> None:
    """Keys an earlier release made under the organisation's name (``keys/<name slug>``) are
    copied to ``keys/<org>`` with their keyring entries, once, when ``keys/<org>`` does not exist
    yet; the earlier folder and entries are left as they were. Nothing happens when the keyring
    cannot give the passphrases (the earlier keys stay where they are, found by the name)."""
    legacy = draft.organisation.name_slug
    keys = data_dir() / "keys"
    target, earlier = keys / org, keys / legacy
    if not legacy or legacy == org or target.exists() or not earlier.is_dir():
        return
    from desktop_app.crypto.errors import CryptoError
    from desktop_app.crypto.keys import KeyringPassphraseStore
    from desktop_app.crypto.openpgp import STORE_SUFFIX

    store = KeyringPassphraseStore()
    try:
        entries = {
            suffix: secret
            for suffix in ("", STORE_SUFFIX)
            if (secret := store.get(legacy + suffix)) is not None
        }
        for suffix, secret in entries.items():
            store.set(org + suffix, secret)
    except CryptoError:
        return
    staging = keys / f".{org}.adopting"
    try:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(earlier, staging)
        staging.replace(target)
    except OSError:  # the earlier keys stay where they are; nothing half copied is used
        shutil.rmtree(staging, ignore_errors=True)


def check_draft_file(draft: Draft, file: Path | None = None) -> CheckResult:
    """Check ``file`` (default: the draft's source file) with every choice the draft holds.

    The draft's own file must still be the one last checked: a fingerprint that differs from the
    bytes read now is refused (:class:`~desktop_app.intake.fingerprint.SourceChanged`), asking
    for a new check. A draft without a fingerprint (saved before there were any, or never
    checked) is not refused: it gets the fingerprint of the bytes checked now. Another ``file``
    than the draft's is the caller's explicit choice: it is checked and nothing is compared.
    """
    path = Path(file) if file else draft.source.path
    if path is None or draft.programme_id is None:
        raise UsageError("submission.draft-incomplete")
    own_file = draft.source.path is not None and _same_path(path, draft.source.path)
    check = run_check(
        path,
        CheckOptions(
            programme_id=draft.programme_id,
            sheet=draft.source.sheet,
            header_row=draft.source.header_row,
            mapping=draft.mapping,
            breakdowns=draft.breakdowns,
            peildatum=draft.peildatum,
            population=dict(draft.population),
            expected_fingerprint=draft.source.fingerprint if own_file else None,
        ),
    )
    if own_file and draft.source.fingerprint is None:
        draft.source = replace(draft.source, fingerprint=check.fingerprint)
    return check


def _same_path(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, RuntimeError):  # a symlink loop: compare as given
        return Path(a) == Path(b)


def default_identity(draft: Draft, passphrase: str | None = None) -> SigningIdentity:
    """The organisation's own key in the app-data folder, made on first use. Its passphrase is in
    the OS keyring, or, given as ``passphrase``, one the officer typed (where the keyring cannot be
    used; the folder then remembers that and never tries the keyring, see
    :func:`desktop_app.crypto.keys.uses_typed_passphrase`)."""
    org = organisation_id(draft)
    return load_or_create_identity(
        data_dir() / "keys" / org, org, draft.organisation.name, passphrase=passphrase
    )


def openpgp_key_folder(organisation: str) -> Path:
    """Where the organisation's OpenPGP key pair is kept (beside its CMS signing key)."""
    return data_dir() / "keys" / organisation / "openpgp"


def default_openpgp_identity(draft: Draft, passphrase: str | None = None) -> OpenPgpKey:
    """The organisation's OpenPGP key (the one the KSZ request gives for the tables), made on
    first use with the contact's e-mail address; its passphrase is in the OS keyring, or is the
    typed ``passphrase`` (as for :func:`default_identity`)."""
    from desktop_app.crypto import openpgp

    org = organisation_id(draft)
    folder = openpgp_key_folder(org)
    if openpgp.key_exists(folder):
        return openpgp.load_key(folder, org, passphrase=passphrase)
    email = str(draft.organisation.get("contact_email", "")).strip()
    return openpgp.create_key(folder, org, draft.organisation.name, email, passphrase=passphrase)


def submission_clock() -> dt.datetime:
    """The moment a submission is made (UTC, whole seconds), read once per
    :func:`make_submission`: the manifest's ``created``, the zip's timestamps, the certificate
    check and the signing time all use this one instant. The one clock both faces reach (the
    parity tests fix it here)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass(frozen=True)
class RecipientChoice:
    """What the office gave, as the officer chose it: a certificate (``cms``), an OpenPGP public
    key (``openpgp``), or nothing (``passphrase``, ``none``). ``confirmed_fingerprint`` is the
    certificate's SHA-256 or the key's fingerprint as confirmed with the office, needed when the
    profile pins none."""

    certificate_file: Path | None = None
    openpgp_key_file: Path | None = None
    confirmed_fingerprint: str | None = None
    allow_test_certificate: bool = False


def chosen_route(
    programme: Programme,
    protection: Protection | None,
    channel: Channel | None,
    recipient: RecipientChoice,
    draft: Draft | None = None,
) -> Route:
    """The route asked for, completed in this order: what is named; what the officer brought
    (a certificate given means ``cms``, an OpenPGP key ``openpgp``); the draft's choice (the
    wizard's review step); the profile's default. Refused when the office does not accept it."""
    default = default_route(programme)
    chosen = draft.delivery if draft is not None else None
    if protection is None:
        if recipient.certificate_file is not None:
            protection = Protection.CMS
        elif recipient.openpgp_key_file is not None:
            protection = Protection.OPENPGP
        elif chosen is not None and chosen.protection in set(Protection):
            protection = Protection(chosen.protection)
        else:
            protection = default.protection
    if channel is None and chosen is not None and chosen.channel in set(Channel):
        channel = Channel(chosen.channel)
    route = Route(channel or default.channel, protection)
    check_route(programme, route)
    return route


def recipient_from_draft(
    draft: Draft, given: RecipientChoice, protection: Protection
) -> RecipientChoice:
    """What the office gave, as given, else as the draft keeps it (the wizard's review step):
    the certificate and OpenPGP key files, and the fingerprint confirmed for the one
    ``protection`` uses (a certificate confirmed earlier says nothing about an OpenPGP key)."""
    delivery = draft.delivery
    certificate = given.certificate_file
    if certificate is None and delivery.recipient is not None:
        certificate = delivery.recipient.path
    key = given.openpgp_key_file
    if key is None and delivery.openpgp_key is not None:
        key = delivery.openpgp_key.path
    confirmed = given.confirmed_fingerprint
    # the draft's file (none given here) comes with the confirmation the draft keeps for it
    if confirmed is None and protection is Protection.CMS and given.certificate_file is None:
        confirmed = delivery.recipient.confirmed_sha256 if delivery.recipient else None
    if confirmed is None and protection is Protection.OPENPGP and given.openpgp_key_file is None:
        confirmed = delivery.openpgp_key.confirmed_fingerprint if delivery.openpgp_key else None
    return RecipientChoice(certificate, key, confirmed, given.allow_test_certificate)


def _protector(
    draft: Draft,
    programme: Programme,
    route: Route,
    recipient: RecipientChoice,
    *,
    now: dt.datetime,
    signer: SigningIdentity | None,
    openpgp_signer: OpenPgpKey | None,
    passphrase: str | None,
    organisation_passphrase: str | None = None,
) -> Protector:
    """Check what the office gave for ``route`` and get the organisation's signing key."""
    protection = route.protection
    if protection is Protection.NONE:
        return NoProtection()
    if protection is Protection.PASSPHRASE:
        from desktop_app.crypto.passphrase import generate_passphrase

        return PassphraseProtector(passphrase or generate_passphrase())
    if protection is Protection.CMS:
        if recipient.certificate_file is None:
            raise UsageError("delivery.certificate-needed")
        path = recipient.certificate_file
        checked = check_recipient(
            load_certificate(read_bounded(path, FileKind.CERTIFICATE), str(path)),
            pin=programme.recipient_certificate_sha256,
            confirmed_fingerprint=recipient.confirmed_fingerprint,
            at=now,
            allow_test_certificate=recipient.allow_test_certificate,
        )
        return CmsProtector(checked, signer or default_identity(draft, organisation_passphrase))
    if recipient.openpgp_key_file is None:
        raise UsageError("delivery.openpgp-key-needed")
    from desktop_app.crypto.openpgp_send import load_recipient_key

    key = load_recipient_key(recipient.openpgp_key_file, at=now)
    check_openpgp_fingerprint(
        key.fingerprint,
        pin=programme.delivery.recipient_openpgp_fingerprint,
        confirmed=recipient.confirmed_fingerprint,
    )
    return OpenPgpProtector(
        key, openpgp_signer or default_openpgp_identity(draft, organisation_passphrase)
    )


def normalise_openpgp_fingerprint(text: str) -> str:
    return "".join(text.split()).replace(":", "").upper()


def check_openpgp_fingerprint(actual: str, *, pin: str | None, confirmed: str | None) -> None:
    """The office's key must be the pinned one, or the one the officer confirmed with the office
    (by phone, as Kleopatra asks): a key from an e-mail alone is not trusted."""
    expected = pin or (normalise_openpgp_fingerprint(confirmed) if confirmed else None)
    if expected is None:
        raise UsageError("delivery.openpgp-fingerprint-unconfirmed", fingerprint=actual)
    if expected != actual:
        raise UsageError(
            "delivery.openpgp-fingerprint-mismatch", expected=expected, fingerprint=actual
        )


def make_submission(
    draft: Draft,
    recipient_certificate: Path | None,
    out: Path,
    *,
    file: Path | None = None,
    signer: SigningIdentity | None = None,
    confirmed_fingerprint: str | None = None,
    allow_test_certificate: bool = False,
    render_summary: SummaryRenderer | None = None,
    language: str = "nl",
    now: dt.datetime | None = None,
    protection: Protection | None = None,
    channel: Channel | None = None,
    recipient_key: Path | None = None,
    openpgp_signer: OpenPgpKey | None = None,
    passphrase: str | None = None,
    organisation_passphrase: str | None = None,
) -> Submission:
    """Check, package, protect, write the delivered file and the officer's record. Every
    refusal is an AppError saying what to do; nothing is written before the last check passed.

    ``now`` (default :func:`submission_clock`) is the one instant the package is made at.
    ``organisation_passphrase`` is the passphrase the officer chose for the organisation's own
    keys where the OS keyring cannot be used (see :func:`default_identity`)."""
    now = now if now is not None else submission_clock()
    if draft.programme_id is None:
        raise UsageError("submission.draft-incomplete")
    programme = load_programme_by_id(draft.programme_id)
    recipient = RecipientChoice(
        recipient_certificate, recipient_key, confirmed_fingerprint, allow_test_certificate
    )
    route = chosen_route(programme, protection, channel, recipient, draft)
    recipient = recipient_from_draft(draft, recipient, route.protection)
    # The algemene variant may go without a staff file: its application holds typed counts.
    application = not programme.needs_employee_file and file is None and draft.has_file is False
    check = None if application else check_draft_file(draft, file)
    if check is not None:
        problems = readiness_problems(draft, check)
        if problems:  # refuse before a signing key is made or unlocked
            raise PackageRefused(problems)
    protector = _protector(
        draft,
        programme,
        route,
        recipient,
        now=now,
        signer=signer,
        openpgp_signer=openpgp_signer,
        passphrase=passphrase,
        organisation_passphrase=organisation_passphrase,
    )
    cms = route.protection is Protection.CMS  # the certificate fields of the manifest
    fingerprints = {
        "recipient_fingerprint": protector.recipient_fingerprint if cms else None,
        "signer_fingerprint": protector.signer_fingerprint if cms else None,
    }
    delivery = {
        "channel": str(route.channel),
        "protection": str(route.protection),
        "recipient_fingerprint": protector.recipient_fingerprint,
        "signer_fingerprint": protector.signer_fingerprint,
    }
    if check is None:
        package = build_application_package(
            draft, programme, **fingerprints, delivery=delivery, created=now
        )
    else:
        package = build_package(draft, check, **fingerprints, delivery=delivery, created=now)
    sealed = protector.seal(payload_files(package, programme, route.protection), now)
    out = delivered_path(Path(out), route.protection, package.output.name)
    digest = hashlib.sha256(sealed.content).hexdigest()
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, sealed.content)
    record = DeliveryRecord(
        manifest=package.manifest,
        file=DeliveredFile(out.name, digest, len(sealed.content)),
        channel=route.channel,
        protection=route.protection,
        recipient_kind=sealed.recipient_kind,
        recipient_fingerprint=sealed.recipient_fingerprint,
        signer_fingerprint=sealed.signer_fingerprint,
        language=language,
        source_name=check.source.name if check is not None else None,
    ).with_event("made", now)
    record_path = record_path_for(out)
    write_record(record_path, record)
    submission = Submission(
        package_path=out,
        summary_path=None,
        package_sha256=digest,
        rows=package.output.rows,
        recipient_fingerprint=sealed.recipient_fingerprint,
        signer_fingerprint=sealed.signer_fingerprint,
        check=check,
        summary_html=record_html(record),
        route=route,
        record_path=record_path,
        passphrase=sealed.passphrase,
    )
    return write_summary(submission, render_summary) if render_summary else submission
