"""Signing identity, office certificate checks and the CMS package envelope.

* :mod:`.keys`: the organisation's signing key and self-signed certificate (first use, keyring).
* :mod:`.recipient`: the office's certificate, checked before use (dates, RSA >= 3072, pin).
* :mod:`.envelope`: ``seal`` (SignedData inside EnvelopedData, DER) and ``open_envelope``.
* :mod:`.der`: the small DER reader that signature verification needs.
* :mod:`.errors`: :class:`CryptoError`, one ``crypto.*`` message key per problem.

The office's side of a package (open, verify, check the manifest) is
:mod:`desktop_app.package.open`, beside the builder whose manifest it checks.
"""
