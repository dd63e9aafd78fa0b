"""Package + sign + encrypt the 200,000-employee submission, beside OpenSSL on the same bytes.

    .venv/bin/python benchmarks/package.py [--rows 200000] [--repeat 5]

Measured in one run on one machine: our build_package (output file + manifest + zip), seal (CMS
SignedData inside EnvelopedData) and the two together, against `openssl cms -sign` then
`openssl cms -encrypt -aes-256-cbc` of the same zip (process start and file I/O included, as an
officer's script would pay them). The check (read + validate) is not part of these figures: see
benchmarks/intake.py. Target: package + sign + encrypt under 2 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.intake import OUT, make_xlsx  # noqa: E402


def timed(function, repeat: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    from desktop_app.check import CheckOptions, run_check
    from desktop_app.crypto.envelope import seal
    from desktop_app.crypto.keys import create_identity, fingerprint_hex
    from desktop_app.crypto.recipient import check_recipient
    from desktop_app.draft import load_draft
    from desktop_app.package.build import build_package
    from desktop_app.resources import resource_path

    OUT.mkdir(exist_ok=True)
    workbook = OUT / f"staff-{args.rows}.xlsx"
    if not workbook.exists():
        print(f"generating {workbook.name} ...", flush=True)
        make_xlsx(workbook, args.rows)
    draft = load_draft(resource_path("samples", "demo-draft.json"))
    check = run_check(
        workbook,
        CheckOptions(draft.programme_id, breakdowns=("Afdeling",), peildatum=draft.peildatum),
    )
    work = Path(tempfile.mkdtemp(prefix="bench-package-"))
    signer = create_identity(work / "keys", "bench", "Benchmark BV", passphrase="bench")
    office_key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Benchmark office")])
    now = dt.datetime.now(dt.UTC)
    office_cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(office_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(office_key, hashes.SHA256())
    )
    recipient = check_recipient(office_cert, pin=fingerprint_hex(office_cert))

    def package():
        return build_package(
            draft,
            check,
            recipient_fingerprint=fingerprint_hex(office_cert),
            signer_fingerprint=signer.fingerprint,
        ).zipped()

    build_seconds, zipped = timed(package, args.repeat)
    seal_seconds, sealed = timed(lambda: seal(zipped, signer, recipient), args.repeat)
    both_seconds, _ = timed(lambda: seal(package(), signer, recipient), args.repeat)

    (work / "package.zip").write_bytes(zipped)
    (work / "office.pem").write_bytes(office_cert.public_bytes(serialization.Encoding.PEM))
    (work / "signer.pem").write_bytes(signer.certificate.public_bytes(serialization.Encoding.PEM))
    (work / "signer-key.pem").write_bytes(
        signer.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )

    def openssl(*command: str) -> None:
        subprocess.run(["openssl", *command], check=True, capture_output=True, cwd=work)

    encrypt_seconds, _ = timed(
        lambda: openssl(
            "cms",
            "-encrypt",
            "-aes-256-cbc",
            "-binary",
            "-outform",
            "DER",
            "-in",
            "package.zip",
            "-out",
            "enc.der",
            "office.pem",
        ),
        args.repeat,
    )
    sign_encrypt_seconds, _ = timed(
        lambda: (
            openssl(
                "cms",
                "-sign",
                "-binary",
                "-nodetach",
                "-outform",
                "DER",
                "-md",
                "sha256",
                "-in",
                "package.zip",
                "-signer",
                "signer.pem",
                "-inkey",
                "signer-key.pem",
                "-out",
                "signed.der",
            ),
            openssl(
                "cms",
                "-encrypt",
                "-aes-256-cbc",
                "-binary",
                "-inform",
                "DER",
                "-outform",
                "DER",
                "-in",
                "signed.der",
                "-out",
                "sealed.der",
                "office.pem",
            ),
        ),
        args.repeat,
    )

    print(
        f"{check.validation.included.sum()} employees, zip {len(zipped) / 1e6:.2f} MB, "
        f".p7m {len(sealed) / 1e6:.2f} MB, median of {args.repeat}"
    )
    print(f"  {'ours: build package (output + manifest + zip)':<52}{build_seconds:>8.3f} s")
    print(f"  {'ours: sign + encrypt (seal)':<52}{seal_seconds:>8.3f} s")
    print(f"  {'ours: package + sign + encrypt':<52}{both_seconds:>8.3f} s")
    print(f"  {'openssl cms -encrypt of the same zip':<52}{encrypt_seconds:>8.3f} s")
    print(
        f"  {'openssl cms -sign + cms -encrypt of the same zip':<52}{sign_encrypt_seconds:>8.3f} s"
    )
    print(f"  ratio ours seal / openssl sign+encrypt: {seal_seconds / sign_encrypt_seconds:.2f}x")


if __name__ == "__main__":
    main()
