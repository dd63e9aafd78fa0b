"""Signing identity, office certificate checks and the CMS package envelope.

* :mod:`.keys`: the organisation's signing key and self-signed certificate (first use, keyring).
* :mod:`.recipient`: the office's certificate, checked before use (dates, RSA >= 3072, pin).
* :mod:`.envelope`: ``seal`` (SignedData inside EnvelopedData, DER) and ``open_envelope``.
* :mod:`.office`: the office's ``open`` command (verify, check the manifest, write all or nothing).
* :mod:`.der`: the small DER reader that signature verification needs.
* :mod:`.errors`: :class:`CryptoError`, one ``crypto.*`` message key per problem.
"""
