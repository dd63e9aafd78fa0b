"""The encrypted package: CMS (RFC 5652) SignedData inside EnvelopedData, DER, as a ``.p7m``.

Sealing (organisation side) uses cryptography's builders:

1. ``PKCS7SignatureBuilder``: SignedData over the zipped package with SHA-256, the ``Binary``
   option (bytes signed as they are, no MIME canonicalisation), the content encapsulated and the
   signer's certificate included; signed attributes contentType, signingTime, messageDigest and
   S/MIME capabilities. ECDSA P-256 keys sign with ecdsa-with-SHA256, RSA keys with PKCS#1 v1.5.
2. ``PKCS7EnvelopeBuilder``: EnvelopedData with AES-256-CBC content encryption and RSA key
   transport to the office's certificate. Key transport is RSAES-PKCS#1 v1.5 (``rsaEncryption``):
   it is the only one cryptography's builder offers (no OAEP option in 50.x), it is what
   ``openssl cms -encrypt`` writes by default, and both ``openssl cms -decrypt`` and
   ``pkcs7_decrypt_der`` read it. Decryption with cryptography >= 50 does not reveal whether the
   RSA padding was valid (the Bleichenbacher/Marvin oracle fixed there), hence ``cryptography>=50``.

Opening (office side) decrypts with ``pkcs7_decrypt_der`` and then *verifies* the SignedData, which
cryptography cannot do: :func:`verify_signed_data` walks the DER with :mod:`desktop_app.crypto.der`,
requires exactly one signer using SHA-256 with signed attributes, checks that the contentType
attribute equals the encapsulated type (id-data) and the messageDigest attribute equals SHA-256 of
the content (constant-time), and verifies the signature over the signed attributes re-tagged as
``SET OF`` (RFC 5652 §5.4) with the signer certificate's public key. When an expected sender is
given the signer certificate must be exactly that certificate.

Note: EnvelopedData is not authenticated encryption. The signature inside is what detects changes;
an attacker who can submit many forged files to an automated opener can still use the AES-CBC
padding as an oracle. The office opens packages one at a time by hand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import warnings
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.utils import CryptographyDeprecationWarning

from desktop_app.atomic import write_atomic
from desktop_app.crypto import der
from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.keys import SigningIdentity, fingerprint_sha256, keys_match
from desktop_app.crypto.recipient import CheckedRecipient

OID_DATA = "1.2.840.113549.1.7.1"
OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_ENVELOPED_DATA = "1.2.840.113549.1.7.3"
OID_CONTENT_TYPE = "1.2.840.113549.1.9.3"
OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
OID_SIGNING_TIME = "1.2.840.113549.1.9.5"
OID_SHA256 = "2.16.840.1.101.3.4.2.1"
OID_AES256_CBC = "2.16.840.1.101.3.4.1.42"
OID_RSA_ENCRYPTION = "1.2.840.113549.1.1.1"
OID_SHA256_WITH_RSA = "1.2.840.113549.1.1.11"
OID_ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2"

PACKAGE_SUFFIX = ".p7m"
_SIGNED_DATA_OID_DER = bytes.fromhex("06092a864886f70d010702")


@dataclass(frozen=True)
class OpenedPackage:
    """What an opened, verified package holds: the payload and who signed it."""

    payload: bytes
    signer_certificate: x509.Certificate
    signer_fingerprint: str
    signing_time: dt.datetime | None


# -- sealing ---------------------------------------------------------------------------------------


def seal(
    payload: bytes,
    signer: SigningIdentity,
    recipient: CheckedRecipient,
    *,
    at: dt.datetime | None = None,
) -> bytes:
    """DER CMS EnvelopedData (AES-256-CBC, RSA key transport) to ``recipient`` around a DER
    SignedData (SHA-256, Binary, signer certificate included) of ``payload`` by ``signer``."""
    at = at or dt.datetime.now(dt.UTC)
    certificate = signer.certificate
    if not certificate.not_valid_before_utc <= at <= certificate.not_valid_after_utc:
        raise CryptoError(
            "crypto.own-certificate-expired",
            date=certificate.not_valid_after_utc.date().isoformat(),
        )
    rsa_padding = padding.PKCS1v15() if isinstance(signer.private_key, rsa.RSAPrivateKey) else None
    signed = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(bytes(payload))
        .add_signer(certificate, signer.private_key, hashes.SHA256(), rsa_padding=rsa_padding)
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    return (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(signed)
        .add_recipient(recipient.certificate)
        .set_content_encryption_algorithm(algorithms.AES256)
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )


def seal_to_file(
    path: Path,
    payload: bytes,
    signer: SigningIdentity,
    recipient: CheckedRecipient,
) -> Path:
    """Seal ``payload`` and write it atomically to ``path`` (``.p7m`` added if missing)."""
    path = Path(path)
    if path.suffix.lower() != PACKAGE_SUFFIX:
        path = path.with_name(path.name + PACKAGE_SUFFIX)
    write_atomic(path, seal(payload, signer, recipient))
    return path


# -- opening ---------------------------------------------------------------------------------------


def open_envelope(
    data: bytes,
    recipient_key: rsa.RSAPrivateKey,
    recipient_certificate: x509.Certificate,
    expected_sender: x509.Certificate | None = None,
    *,
    at: dt.datetime | None = None,
) -> OpenedPackage:
    """Decrypt a sealed package and verify its signature; refuse with its own message otherwise.

    The certificate that verified the signature (the expected sender's, or the one in the
    package) must be valid at ``at`` (default: now) and at the signing time the package states
    (:func:`check_signer_dates`)."""
    if not isinstance(recipient_key, rsa.RSAPrivateKey):
        raise CryptoError("crypto.open-key-not-rsa")
    if not keys_match(recipient_key, recipient_certificate):
        raise CryptoError(
            "crypto.open-key-mismatch", fingerprint=fingerprint_sha256(recipient_certificate)
        )
    _check_enveloped(bytes(data), recipient_certificate)
    try:
        inner = pkcs7.pkcs7_decrypt_der(bytes(data), recipient_certificate, recipient_key, [])
    except (ValueError, UnsupportedAlgorithm) as error:
        raise CryptoError("crypto.envelope-undecryptable") from error
    opened = verify_signed_data(inner, expected_sender)
    check_signer_dates(opened.signer_certificate, opened.signing_time, at)
    return opened


def check_signer_dates(
    certificate: x509.Certificate,
    signing_time: dt.datetime | None,
    at: dt.datetime | None = None,
) -> None:
    """Refuse a signer certificate that is not valid now (``at``) or was not at the signing time.

    Why now and not only at the signing time: the signingTime attribute is written by the signer.
    It is covered by the signature, but whoever holds the key of an expired certificate (a key its
    owner may since have thrown away less carefully, or that leaked) can write any date into it;
    nothing in the package (no RFC 3161 time-stamp) ties it to a clock we trust. So the office's
    own clock decides: a package whose sender certificate has expired is refused even if it says
    it was signed in time, and the sender signs again with the new key they registered (packages
    are opened days after sending; certificates last years). The stated signing time is checked
    as well, for consistency: a package that says it was signed outside its certificate's dates
    was made with a wrong clock or a certificate that does not belong to it.
    """
    at = at or dt.datetime.now(dt.UTC)
    start, end = certificate.not_valid_before_utc, certificate.not_valid_after_utc
    if at > end:
        raise CryptoError("crypto.sender-expired", date=end.date().isoformat())
    if at < start:
        raise CryptoError("crypto.sender-not-yet-valid", date=start.date().isoformat())
    if signing_time is not None and not start <= signing_time <= end:
        raise CryptoError(
            "crypto.sender-signed-outside-validity",
            signed=signing_time.date().isoformat(),
            start=start.date().isoformat(),
            end=end.date().isoformat(),
        )


def _check_enveloped(data: bytes, certificate: x509.Certificate) -> None:
    """Refuse what is not an EnvelopedData to ``certificate`` with AES-256-CBC, before decrypting."""
    try:
        content_type, content = _content_info(data)
    except der.DerError as error:
        raise CryptoError("crypto.envelope-damaged", detail=str(error)) from error
    if content_type != OID_ENVELOPED_DATA:
        raise CryptoError("crypto.envelope-not-enveloped")
    if not der.parse(data).definite:  # cryptography decrypts DER only, not streamed BER
        raise CryptoError("crypto.envelope-not-der")
    try:
        fields = content.expect(der.SEQUENCE).children()
        index = 1
        if fields[index].tag == der.CONTEXT | der.CONSTRUCTED:  # [0] originatorInfo
            index += 1
        recipient_infos = fields[index].expect(der.SET).children()
        encrypted_content = fields[index + 1].expect(der.SEQUENCE).children()
        encrypted_type = encrypted_content[0].as_oid()
        cipher = encrypted_content[1].expect(der.SEQUENCE).children()[0].as_oid()
        ours = [info for info in recipient_infos if _recipient_matches(info, certificate)]
        transports = [info.children()[2].children()[0].as_oid() for info in ours]
    except (der.DerError, IndexError) as error:
        raise CryptoError("crypto.envelope-damaged", detail=str(error) or "-") from error
    if not ours:
        raise CryptoError("crypto.envelope-not-for-us", fingerprint=fingerprint_sha256(certificate))
    if cipher != OID_AES256_CBC:
        raise CryptoError("crypto.envelope-unsupported", algorithm=cipher)
    if OID_RSA_ENCRYPTION not in transports:
        raise CryptoError("crypto.envelope-unsupported", algorithm=", ".join(transports))
    if encrypted_type != OID_DATA:
        raise CryptoError("crypto.envelope-unsupported", algorithm=encrypted_type)


def _recipient_matches(info: der.Node, certificate: x509.Certificate) -> bool:
    """Whether a KeyTransRecipientInfo names ``certificate`` (issuer and serial, or key id)."""
    if info.tag != der.SEQUENCE:  # other RecipientInfo kinds are tagged [1]..[4]
        return False
    rid = info.children()[1]
    if rid.tag == der.SEQUENCE:
        return _issuer_serial_matches(rid, certificate)
    if rid.tag == der.CONTEXT:  # [0] IMPLICIT SubjectKeyIdentifier
        return _key_identifier(certificate) == rid.content
    return False


def _issuer_serial_matches(node: der.Node, certificate: x509.Certificate) -> bool:
    issuer, serial = node.children()[:2]
    return serial.as_int() == certificate.serial_number and hmac.compare_digest(
        issuer.encoded, _raw_issuer(certificate)
    )


def _raw_issuer(certificate: x509.Certificate) -> bytes:
    """The issuer Name exactly as encoded in the certificate (compared byte for byte)."""
    fields = der.parse(certificate.tbs_certificate_bytes).children()
    offset = 1 if fields[0].tag == der.CONTEXT | der.CONSTRUCTED else 0  # [0] version
    return fields[offset + 2].expect(der.SEQUENCE).encoded


def _key_identifier(certificate: x509.Certificate) -> bytes | None:
    try:
        return certificate.extensions.get_extension_for_class(
            x509.SubjectKeyIdentifier
        ).value.digest
    except x509.ExtensionNotFound:
        return None


def _content_info(data: bytes) -> tuple[str, der.Node]:
    """(contentType, the [0] EXPLICIT content) of a CMS ContentInfo."""
    fields = der.parse(data).expect(der.SEQUENCE).children()
    if len(fields) != 2:
        raise der.DerError("ContentInfo must have a type and a content")
    explicit = fields[1].expect(der.CONTEXT | der.CONSTRUCTED).children()
    if len(explicit) != 1:
        raise der.DerError("ContentInfo content must be one value")
    return fields[0].as_oid(), explicit[0]


# -- verification ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _SignerInfo:
    sid: der.Node
    digest_algorithm: str
    signed_attributes: der.Node | None
    signature_algorithm: str
    signature: bytes


def verify_signed_data(
    data: bytes, expected_sender: x509.Certificate | None = None
) -> OpenedPackage:
    """Verify a DER CMS SignedData with encapsulated content; return the content and the signer."""
    try:
        content_type, signed_data = _content_info(data)
    except der.DerError as error:
        if _SIGNED_DATA_OID_DER not in data[:16]:
            raise CryptoError("crypto.signature-missing") from error
        raise CryptoError("crypto.signature-malformed", detail=str(error)) from error
    if content_type != OID_SIGNED_DATA:
        raise CryptoError("crypto.signature-missing")
    try:
        payload, certificates, signers = _signed_data_parts(signed_data)
    except (der.DerError, IndexError, ValueError) as error:
        raise CryptoError("crypto.signature-malformed", detail=str(error) or "-") from error
    if len(signers) != 1:
        raise CryptoError("crypto.signature-signer-count", count=len(signers))
    signer = signers[0]
    if signer.digest_algorithm != OID_SHA256:
        raise CryptoError("crypto.signature-unsupported", algorithm=signer.digest_algorithm)
    if signer.signed_attributes is None:
        raise CryptoError("crypto.signature-unsupported", algorithm="no signed attributes")
    try:
        attributes = _attributes(signer.signed_attributes)
        signed_bytes = der.retag(signer.signed_attributes, der.SET)
        content_types = attributes.get(OID_CONTENT_TYPE, [])
        digests = attributes.get(OID_MESSAGE_DIGEST, [])
        if len(content_types) != 1 or len(digests) != 1:
            raise der.DerError("contentType and messageDigest must each appear once")
        declared_type = content_types[0].as_oid()
        declared_digest = digests[0].expect(der.OCTET_STRING).content
        signing_time = _signing_time(attributes.get(OID_SIGNING_TIME, []))
    except (der.DerError, IndexError, ValueError) as error:
        raise CryptoError("crypto.signature-malformed", detail=str(error) or "-") from error
    if declared_type != OID_DATA:
        raise CryptoError("crypto.signature-malformed", detail="contentType is not id-data")
    if not hmac.compare_digest(declared_digest, hashlib.sha256(payload).digest()):
        raise CryptoError("crypto.signature-digest-mismatch")
    certificate = _signer_certificate(signer.sid, certificates, expected_sender)
    _verify(certificate, signer, signed_bytes)
    if expected_sender is not None and certificate.public_bytes(
        serialization.Encoding.DER
    ) != expected_sender.public_bytes(serialization.Encoding.DER):
        raise CryptoError(
            "crypto.signature-unexpected-sender",
            fingerprint=fingerprint_sha256(certificate),
            expected=fingerprint_sha256(expected_sender),
        )
    return OpenedPackage(payload, certificate, fingerprint_sha256(certificate), signing_time)


def _signed_data_parts(
    signed_data: der.Node,
) -> tuple[bytes, list[x509.Certificate], list[_SignerInfo]]:
    fields = signed_data.expect(der.SEQUENCE).children()
    fields[0].as_int()  # version
    fields[1].expect(der.SET)  # digestAlgorithms
    encapsulated = fields[2].expect(der.SEQUENCE).children()
    if encapsulated[0].as_oid() != OID_DATA:
        raise der.DerError("the signed content is not of type id-data")
    if len(encapsulated) != 2:
        raise der.DerError("the signed content is missing (detached signature)")
    wrapped = encapsulated[1].expect(der.CONTEXT | der.CONSTRUCTED).children()
    if len(wrapped) != 1:
        raise der.DerError("the signed content must be one OCTET STRING")
    payload = wrapped[0].octets()
    certificates: list[x509.Certificate] = []
    for node in fields[3:-1]:
        if node.tag == der.CONTEXT | der.CONSTRUCTED:  # [0] IMPLICIT CertificateSet
            certificates += [
                _load_certificate(child) for child in node.children() if child.tag == der.SEQUENCE
            ]
        elif node.tag != der.CONTEXT | der.CONSTRUCTED | 1:  # [1] crls are ignored
            raise der.DerError(f"unexpected field 0x{node.tag:02x} in SignedData")
    signers = [_signer_info(node) for node in fields[-1].expect(der.SET).children()]
    return payload, certificates, signers


def _load_certificate(node: der.Node) -> x509.Certificate:
    """A certificate carried in the SignedData; a damaged one is a malformed signature."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", CryptographyDeprecationWarning)
            certificate = x509.load_der_x509_certificate(node.encoded)
            certificate.serial_number  # noqa: B018 - parsed lazily; fail here, not later
    except (ValueError, x509.InvalidVersion) as error:
        raise der.DerError(f"unreadable certificate: {error}") from error
    if caught:  # e.g. a serial number that is not positive (RFC 5280 forbids it)
        raise der.DerError(f"certificate refused: {caught[0].message}")
    return certificate


def _signer_info(node: der.Node) -> _SignerInfo:
    fields = node.expect(der.SEQUENCE).children()
    fields[0].as_int()  # version 1 (issuerAndSerialNumber) or 3 (subjectKeyIdentifier)
    sid = fields[1]
    digest_algorithm = _algorithm(fields[2])
    index = 3
    signed_attributes = None
    if fields[index].tag == der.CONTEXT | der.CONSTRUCTED:  # [0] IMPLICIT SignedAttributes
        signed_attributes = fields[index]
        index += 1
    signature_algorithm = _algorithm(fields[index])
    signature = fields[index + 1].expect(der.OCTET_STRING).content
    return _SignerInfo(sid, digest_algorithm, signed_attributes, signature_algorithm, signature)


def _algorithm(node: der.Node) -> str:
    """The OID of an AlgorithmIdentifier whose parameters are absent or NULL."""
    parts = node.expect(der.SEQUENCE).children()
    if len(parts) > 2 or (len(parts) == 2 and parts[1].encoded != b"\x05\x00"):
        oid = parts[0].as_oid()
        raise CryptoError("crypto.signature-unsupported", algorithm=f"{oid} (with parameters)")
    return parts[0].as_oid()


def _attributes(node: der.Node) -> dict[str, list[der.Node]]:
    """Signed attributes by OID; an attribute type may appear only once (RFC 5652 §5.3)."""
    out: dict[str, list[der.Node]] = {}
    for attribute in node.children():
        parts = attribute.expect(der.SEQUENCE).children()
        if len(parts) != 2:
            raise der.DerError("malformed attribute")
        oid = parts[0].as_oid()
        if oid in out:
            raise der.DerError(f"attribute {oid} appears twice")
        out[oid] = parts[1].expect(der.SET).children()
    return out


def _signing_time(values: list[der.Node]) -> dt.datetime | None:
    if len(values) != 1:
        return None
    text = values[0].content.decode("ascii", errors="replace")
    formats = {der.UTC_TIME: "%y%m%d%H%M%SZ", der.GENERALIZED_TIME: "%Y%m%d%H%M%SZ"}
    pattern = formats.get(values[0].tag)
    if pattern is None:
        return None
    try:
        return dt.datetime.strptime(text, pattern).replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def _signer_certificate(
    sid: der.Node,
    certificates: list[x509.Certificate],
    expected_sender: x509.Certificate | None,
) -> x509.Certificate:
    """The certificate the SignerInfo names: an included one, else the expected sender's."""
    candidates = [*certificates, *([expected_sender] if expected_sender is not None else [])]
    try:
        for certificate in candidates:
            if sid.tag == der.SEQUENCE and _issuer_serial_matches(sid, certificate):
                return certificate
            if sid.tag == der.CONTEXT and sid.content == _key_identifier(certificate):
                return certificate
    except (der.DerError, IndexError, ValueError) as error:
        raise CryptoError("crypto.signature-malformed", detail=str(error) or "-") from error
    raise CryptoError("crypto.signature-signer-unknown")


def _verify(certificate: x509.Certificate, signer: _SignerInfo, signed_bytes: bytes) -> None:
    try:
        public_key = certificate.public_key()
    except (ValueError, UnsupportedAlgorithm) as error:  # a damaged certificate in the package
        raise CryptoError("crypto.signature-malformed", detail=str(error) or "-") from error
    algorithm = signer.signature_algorithm
    try:
        if algorithm == OID_ECDSA_WITH_SHA256 and isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signer.signature, signed_bytes, ec.ECDSA(hashes.SHA256()))
        elif algorithm in (OID_RSA_ENCRYPTION, OID_SHA256_WITH_RSA) and isinstance(
            public_key, rsa.RSAPublicKey
        ):
            public_key.verify(signer.signature, signed_bytes, padding.PKCS1v15(), hashes.SHA256())
        else:
            raise CryptoError("crypto.signature-unsupported", algorithm=algorithm)
    except InvalidSignature as error:
        raise CryptoError(
            "crypto.signature-invalid", fingerprint=fingerprint_sha256(certificate)
        ) from error
