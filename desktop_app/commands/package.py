"""``diversity-assistant package``: check, package, sign and encrypt a submission for the office."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.bounded_read import FileKind, read_bounded
from desktop_app.commands.common import EXIT_OK, key_passphrase
from desktop_app.errors import AppError, UsageError
from desktop_app.messages import Message
from desktop_app.profiles.model import Channel, Protection

# the refusals that ask for the passphrase of the organisation's own keys
ORGANISATION_KEY_PASSPHRASE = frozenset(
    {
        "crypto.keyring-unavailable",
        "crypto.key-passphrase-needed",
        "openpgp.passphrase-needed",
    }
)
# the passphrase the officer chose for the organisation's own keys where the OS keyring cannot be
# used (the wizard asks it in a dialog); never an argument, so it stays out of shell histories
ORGANISATION_PASSPHRASE_ENV = "DIVERSITY_ASSISTANT_ORGANISATION_PASSPHRASE"  # noqa: S105 - a name

if TYPE_CHECKING:
    from desktop_app.crypto.keys import SigningIdentity, SigningKey
    from desktop_app.draft import Draft
    from desktop_app.submission import Submission


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    package = commands.add_parser(
        "package", help="check, package, sign and encrypt a submission for the office"
    )
    package.add_argument(
        "file", type=Path, nargs="?", help="the employee file (default: the draft's)"
    )
    package.add_argument("--draft", type=Path, required=True, metavar="DRAFT.json")
    package.add_argument(
        "--protection",
        choices=[str(p) for p in Protection],
        help="how the file is protected: cms (the office's certificate), openpgp (its OpenPGP "
        "key), passphrase (an AES-256 7-Zip archive; the passphrase is shown once), none (the "
        "office's file as is, for its web portal); default: what --recipient-cert or "
        "--recipient-key implies, else the programme's default",
    )
    package.add_argument(
        "--channel",
        choices=[str(c) for c in Channel],
        help="how the file reaches the office (recorded; default: the programme's)",
    )
    package.add_argument(
        "--recipient-cert",
        type=Path,
        metavar="CERT.pem",
        help="the office's X.509 certificate (PEM or DER), for --protection cms",
    )
    package.add_argument(
        "--recipient-sha256",
        metavar="FP",
        help="the certificate's SHA-256 fingerprint as confirmed with the office "
        "(needed when the programme profile pins none)",
    )
    package.add_argument(
        "--recipient-key",
        type=Path,
        metavar="KEY.asc",
        help="the office's OpenPGP public key (armoured or binary), for --protection openpgp",
    )
    package.add_argument(
        "--recipient-fingerprint",
        metavar="FPR",
        help="the OpenPGP key's fingerprint as confirmed with the office (needed when the "
        "programme profile pins none)",
    )
    package.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE",
        help="the file written (.p7m, .gpg, .7z, or the office's file with --protection none); "
        "the record (.record.json) and summary (.summary.pdf) go beside it",
    )
    package.add_argument(
        "--signing-key",
        type=Path,
        metavar="KEY.pem",
        help="sign with this key instead of the organisation's own key; its "
        "passphrase, if any, from DIVERSITY_ASSISTANT_KEY_PASSPHRASE",
    )
    package.add_argument("--signing-cert", type=Path, metavar="CERT.pem")
    package.add_argument("--no-summary", action="store_true", help="do not write the PDF summary")


def run(args: argparse.Namespace, language: str) -> int:
    from desktop_app.crypto.keys import SigningIdentity, keys_match
    from desktop_app.crypto.recipient import load_certificate
    from desktop_app.draft import load_draft
    from desktop_app.submission import organisation_id

    draft = load_draft(args.draft)
    if draft.categories.ksz:  # KSZ: the linkage file counts on the reference year's 31 December
        from desktop_app.ksz.choices import align_reference

        align_reference(draft)
    signer = None
    if bool(args.signing_key) != bool(args.signing_cert):
        raise UsageError("submission.signing-pair")
    if args.signing_key:
        key = _load_signing_key(args.signing_key)
        certificate = load_certificate(
            read_bounded(args.signing_cert, FileKind.CERTIFICATE), str(args.signing_cert)
        )
        if not keys_match(key, certificate):
            raise UsageError("crypto.key-certificate-mismatch", file=str(args.signing_cert))
        signer = SigningIdentity(organisation_id(draft), key, certificate)
    render = None
    if not args.no_summary:
        from desktop_app.render import html_to_pdf

        render = html_to_pdf
    if args.recipient_sha256 and args.recipient_fingerprint:
        raise UsageError("submission.two-fingerprints")
    try:
        result = _make(args, draft, signer, render, language)
    except AppError as error:
        if error.message.key in ORGANISATION_KEY_PASSPHRASE:  # how to give it here
            raise UsageError(
                "submission.organisation-passphrase-how",
                problem=error.message,
                env=ORGANISATION_PASSPHRASE_ENV,
            ) from error
        raise
    done = {
        "package": result.package_path,
        "rows": result.rows,
        "sha256": result.package_sha256,
        "protection": str(result.protection),
        "recipient": result.recipient_fingerprint or "-",
        "signer": result.signer_fingerprint or "-",
    }
    print(Message("submission.done", done).render(language))
    if result.record_path:
        print(Message("submission.record-written", {"record": result.record_path}).render(language))
    if result.summary_path:
        print(
            Message("submission.summary-written", {"summary": result.summary_path}).render(language)
        )
    if result.passphrase:
        print(Message("submission.passphrase-advice").render(language))
        print(f"Passphrase: {result.passphrase}")
    return EXIT_OK


def _load_signing_key(path: Path) -> SigningKey:
    """An EC or RSA private key; any other kind is refused as the wizard's loader refuses it."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    from desktop_app.crypto.errors import CryptoError

    try:
        key = serialization.load_pem_private_key(read_bounded(path, FileKind.KEY), key_passphrase())
    except (ValueError, TypeError) as error:
        raise CryptoError("crypto.key-unreadable", file=str(path)) from error
    if not isinstance(key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
        raise CryptoError("crypto.key-unreadable", file=str(path))
    return key


def _make(  # the make_submission call with the command's arguments
    args: argparse.Namespace,
    draft: Draft,
    signer: SigningIdentity | None,
    render: Any,
    language: str,
) -> Submission:
    from desktop_app.submission import make_submission

    return make_submission(
        draft,
        args.recipient_cert,
        args.out,
        file=args.file,
        signer=signer,
        confirmed_fingerprint=args.recipient_sha256 or args.recipient_fingerprint,
        render_summary=render,
        language=language,
        protection=Protection(args.protection) if args.protection else None,
        channel=Channel(args.channel) if args.channel else None,
        recipient_key=args.recipient_key,
        organisation_passphrase=os.environ.get(ORGANISATION_PASSPHRASE_ENV) or None,
    )
