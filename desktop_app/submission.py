"""From a draft and the employee file to a signed, encrypted ``.p7m`` and the officer's summary.

One call for the wizard's "Encrypt" step and the ``package`` command: check the file with the
draft's choices (refused when it changed since it was checked: its fingerprint differs from the
draft's), refuse while anything is open, build the package, check the office's certificate,
seal it, write the ``.p7m`` atomically and, beside it, the summary for the officer's records.
Nothing else is written: no plaintext copy of the output file lands anywhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from desktop_app.atomic import write_atomic
from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.check import CheckOptions, CheckResult, run_check
from desktop_app.crypto.envelope import PACKAGE_SUFFIX, seal
from desktop_app.crypto.keys import SigningIdentity, fingerprint_hex, load_or_create_identity
from desktop_app.crypto.recipient import CheckedRecipient, check_recipient, load_certificate
from desktop_app.draft import Draft
from desktop_app.errors import UsageError
from desktop_app.package.build import (
    PackageRefused,
    build_application_package,
    build_package,
    readiness_problems,
)
from desktop_app.package.summary import summary_html
from desktop_app.paths import data_dir
from desktop_app.profiles import load_programme_by_id

SummaryRenderer = Callable[[str, str], bytes]  # (html, title) -> PDF bytes
SUMMARY_SUFFIX = ".summary.pdf"


@dataclass(frozen=True)
class Submission:
    package_path: Path
    summary_path: Path | None  # written when a renderer was given (see write_summary)
    package_sha256: str
    rows: int
    recipient_fingerprint: str
    signer_fingerprint: str
    check: CheckResult | None  # None: the algemene variant's application without a staff file
    summary_html: str = ""

    @property
    def planned_summary_path(self) -> Path:
        return self.package_path.with_name(
            self.package_path.name[: -len(PACKAGE_SUFFIX)] + SUMMARY_SUFFIX
        )


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


def default_identity(draft: Draft) -> SigningIdentity:
    """The organisation's own key in the app-data folder, made on first use (keyring passphrase)."""
    org = organisation_id(draft)
    return load_or_create_identity(data_dir() / "keys" / org, org, draft.organisation.name)


def submission_clock() -> dt.datetime:
    """The moment a submission is made (UTC, whole seconds), read once per
    :func:`make_submission`: the manifest's ``created``, the zip's timestamps, the certificate
    check and the signing time all use this one instant. The one clock both faces reach (the
    parity tests fix it here)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def make_submission(
    draft: Draft,
    recipient_certificate: Path,
    out: Path,
    *,
    file: Path | None = None,
    signer: SigningIdentity | None = None,
    confirmed_fingerprint: str | None = None,
    allow_test_certificate: bool = False,
    render_summary: SummaryRenderer | None = None,
    language: str = "nl",
    now: dt.datetime | None = None,
) -> Submission:
    """Check, package, seal and write. Every refusal is an AppError saying what to do.

    ``now`` (default :func:`submission_clock`) is the one instant the package is made at."""
    now = now if now is not None else submission_clock()
    if draft.programme_id is None:
        raise UsageError("submission.draft-incomplete")
    programme = load_programme_by_id(draft.programme_id)
    # The algemene variant may go without a staff file: its application holds typed counts.
    application = not programme.needs_employee_file and file is None and draft.has_file is False
    check = None if application else check_draft_file(draft, file)
    recipient: CheckedRecipient = check_recipient(
        load_certificate(
            read_bounded(recipient_certificate, FileKind.CERTIFICATE), str(recipient_certificate)
        ),
        pin=programme.recipient_certificate_sha256,
        confirmed_fingerprint=confirmed_fingerprint,
        at=now,
        allow_test_certificate=allow_test_certificate,
    )
    if check is not None:
        problems = readiness_problems(draft, check)
        if problems:  # refuse before a signing key is made or unlocked
            raise PackageRefused(problems)
    fingerprints = {"recipient_fingerprint": fingerprint_hex(recipient.certificate)}
    signer = signer or default_identity(draft)
    fingerprints["signer_fingerprint"] = fingerprint_hex(signer.certificate)
    if check is None:
        package = build_application_package(draft, programme, **fingerprints, created=now)
    else:
        package = build_package(draft, check, **fingerprints, created=now)
    sealed = seal(package.zipped(), signer, recipient, at=now)
    out = Path(out)
    if out.suffix.lower() != PACKAGE_SUFFIX:
        out = out.with_name(out.name + PACKAGE_SUFFIX)
    digest = hashlib.sha256(sealed).hexdigest()
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, sealed)
    html = summary_html(
        package.manifest,
        programme,
        language,
        out.name,
        digest,
        source_name=check.source.name if check is not None else None,
    )
    submission = Submission(
        package_path=out,
        summary_path=None,
        package_sha256=digest,
        rows=package.output.rows,
        recipient_fingerprint=recipient.fingerprint,
        signer_fingerprint=signer.fingerprint,
        check=check,
        summary_html=html,
    )
    return write_summary(submission, render_summary) if render_summary else submission
