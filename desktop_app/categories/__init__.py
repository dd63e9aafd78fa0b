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
    "REMAINDER",
    "SALARY_SCALE_BANDS",
    "UNKNOWN",
    "Bands",
    "MergePlan",
    "SubgroupViolation",
    "age_at",
    "check_subgroup_sizes",
    "propose_merges",
    "scale_number",
    "subgroup_sizes",
    "year_of",
]
