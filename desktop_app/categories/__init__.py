"""Safe categories: bands for numbers, merges for small subgroups, the subgroup size rule."""

from desktop_app.categories.bands import (
    AGE_BANDS,
    SALARY_SCALE_BANDS,
    UNKNOWN,
    Bands,
    age_at,
    scale_number,
    year_of,
)
from desktop_app.categories.derived import (
    DEFAULT_BANDS,
    ENTRY_YEAR_BANDS,
    bands_for,
    derived_labels,
    is_derivable,
    parse_edges,
)
from desktop_app.categories.subgroups import (
    REMAINDER,
    MergePlan,
    SubgroupViolation,
    check_subgroup_sizes,
    propose_merges,
    subgroup_sizes,
)

__all__ = [
    "AGE_BANDS",
    "DEFAULT_BANDS",
    "ENTRY_YEAR_BANDS",
    "REMAINDER",
    "SALARY_SCALE_BANDS",
    "UNKNOWN",
    "Bands",
    "MergePlan",
    "SubgroupViolation",
    "age_at",
    "bands_for",
    "check_subgroup_sizes",
    "derived_labels",
    "is_derivable",
    "parse_edges",
    "propose_merges",
    "scale_number",
    "subgroup_sizes",
    "year_of",
]
