"""Mapping source columns to programme fields."""

from desktop_app.mapping.model import BreakdownColumn, ColumnSuggestion, Mapping

__all__ = ["BreakdownColumn", "ColumnSuggestion", "Mapping"]
