"""The disclosure module's refusals."""

from __future__ import annotations

from desktop_app.errors import AppError


class DisclosureError(AppError):
    """Tables cannot be built or protected as asked (unknown variable, too many combinations...)."""
