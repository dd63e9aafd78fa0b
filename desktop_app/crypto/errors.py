"""The crypto module's refusals: one message key per problem, so every refusal says what to do."""

from __future__ import annotations

from desktop_app.errors import AppError


class CryptoError(AppError):
    """A key, certificate or package cannot be used (expired, weak, not ours, damaged, forged...).

    ``key`` is always one of the ``crypto.*`` keys of ``resources/messages/crypto.toml``; callers
    and tests tell problems apart by ``error.message.key``.
    """

    @property
    def key(self) -> str:
        """The message key (``crypto.…``) that names the problem."""
        return self.message.key
