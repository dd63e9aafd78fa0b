"""The choices on the KSZ categories page: the age bands (a preset or own edges), the origin
grouping (the profile's schemes) and the own categories from the staff file or the head count.

The page reacts to the officer's changes (it connects the handlers it is given); this shows the
draft's choices. Strings keep the page's translation context ("KszCategoriesPage")."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.categories import Bands, subgroup_sizes
from desktop_app.ksz import steps
from desktop_app.ksz.choices import origin_schemes
from desktop_app.profiles import Programme
from desktop_app.ui.widgets import InlineMessage, hint_label, titled_card

MAX_STAFF = 1_000_000
# Choices of age bands offered besides the profile's default; all use the reference edges.
AGE_PRESETS = ((25, 35, 45, 55), (30, 40, 50, 60), (35, 55), (45,))


class KszChoices:
    """The age, origin and own-categories cards, added to ``layout`` in that order."""

    def __init__(
        self,
        parent: QWidget,
        layout: QVBoxLayout,
        *,
        preset_chosen: Callable[[int], None],
        edges_edited: Callable[[str], None],
        origin_chosen: Callable[[int], None],
        count_changed: Callable[[int], None],
    ) -> None:
        self.age_card, age, self.age_heading = titled_card(parent)
        form = QFormLayout()
        self.age_choice_label = QLabel(self.age_card)
        self.age_choice = QComboBox(self.age_card)
        self.age_choice.setMaximumWidth(420)
        self.age_choice.activated.connect(preset_chosen)
        self.age_choice_label.setBuddy(self.age_choice)
        self.edges_label = QLabel(self.age_card)
        self.edges = QLineEdit(self.age_card)
        self.edges.setMaximumWidth(260)
        self.edges.textEdited.connect(edges_edited)
        self.edges_label.setBuddy(self.edges)
        form.addRow(self.age_choice_label, self.age_choice)
        form.addRow(self.edges_label, self.edges)
        self.edges_hint = hint_label("", self.age_card)
        self.edges_message = InlineMessage(self.age_card)
        age.addLayout(form)
        age.addWidget(self.edges_hint)
        age.addWidget(self.edges_message)
        layout.addWidget(self.age_card)

        self.origin_card, origin, self.origin_heading = titled_card(parent)
        origin_row = QFormLayout()
        self.origin_label = QLabel(self.origin_card)
        self.origin = QComboBox(self.origin_card)
        self.origin.setMaximumWidth(560)
        self.origin.activated.connect(origin_chosen)
        self.origin_label.setBuddy(self.origin)
        origin_row.addRow(self.origin_label, self.origin)
        self.origin_groups = hint_label("", self.origin_card)
        origin.addLayout(origin_row)
        origin.addWidget(self.origin_groups)
        layout.addWidget(self.origin_card)

        self.own_card, own, self.own_heading = titled_card(parent)
        self.own_text = hint_label("", self.own_card)
        count_row = QFormLayout()
        self.count_label = QLabel(self.own_card)
        self.count = QSpinBox(self.own_card)
        self.count.setRange(0, MAX_STAFF)
        self.count.setGroupSeparatorShown(True)
        self.count.setSpecialValueText("–")
        self.count.setMaximumWidth(160)
        self.count.valueChanged.connect(count_changed)
        self.count_label.setBuddy(self.count)
        count_row.addRow(self.count_label, self.count)
        self.count_widget = QWidget(self.own_card)
        self.count_widget.setLayout(count_row)
        own.addWidget(self.own_text)
        own.addWidget(self.count_widget)
        layout.addWidget(self.own_card)

    def show_presets(self, programme: Programme, edges: list[int]) -> None:
        presets = steps.age_presets(programme, AGE_PRESETS)
        self.age_choice.blockSignals(True)
        self.age_choice.clear()
        for preset in presets:
            self.age_choice.addItem(", ".join(Bands(preset).labels()[:-1]), list(preset))
        self.age_choice.addItem(
            QCoreApplication.translate("KszCategoriesPage", "Own edges (type them below)"), None
        )
        current = presets.index(edges) if edges in presets else len(presets)
        self.age_choice.setCurrentIndex(current)
        self.age_choice.blockSignals(False)

    def show_origin(self, programme: Programme, scheme_id: str, language: str) -> None:
        settings = programme.crossing
        self.origin.blockSignals(True)
        self.origin.clear()
        for candidate in origin_schemes(programme):
            self.origin.addItem(settings.scheme(candidate).label.get(language), candidate)
        self.origin.setCurrentIndex(max(self.origin.findData(scheme_id), 0))
        self.origin.blockSignals(False)
        scheme = settings.scheme(scheme_id)
        groups = "; ".join(g.label.get(language) for g in scheme.groups)
        self.origin_groups.setText(
            scheme.definition.get(language)
            + "\n"
            + QCoreApplication.translate("KszCategoriesPage", "Groups: %1.").replace("%1", groups)
        )

    def show_own(self, has_file: bool, checked: bool, staff: pd.DataFrame | None) -> None:
        """The own categories of the staff file (``staff``, when ``checked``), or the head count."""
        if not has_file:
            self.own_text.setText(
                QCoreApplication.translate(
                    "KszCategoriesPage",
                    "You send no own data, so the tables cover the whole organisation. How many "
                    "people does it employ? The check needs the number to predict the cells.",
                )
            )
        elif not checked or staff is None:
            self.own_text.setText(
                QCoreApplication.translate(
                    "KszCategoriesPage",
                    "The staff file has not been checked yet: go back to the checks.",
                )
            )
        elif not len(staff.columns):
            self.own_text.setText(
                QCoreApplication.translate(
                    "KszCategoriesPage",
                    "No own categories chosen: on the Columns page, tick the department "
                    "and function level columns as breakdowns. The tables then cover the "
                    "whole organisation (%1 people).",
                ).replace("%1", QLocale().toString(len(staff)))
            )
        else:
            lines = []
            for column in staff.columns:
                sizes = subgroup_sizes(staff[column])
                listed = ", ".join(
                    f"{label} ({QLocale().toString(n)})" for label, n in sizes.items()
                )
                lines.append(
                    QCoreApplication.translate("KszCategoriesPage", "%1: %2 groups: %3")
                    .replace("%1", str(column))
                    .replace("%2", str(len(sizes)))
                    .replace("%3", listed)
                )
            self.own_text.setText("\n".join(lines))

    def retranslate(self, programme: Programme | None) -> None:
        self.age_heading.setText(QCoreApplication.translate("KszCategoriesPage", "Age bands"))
        self.age_choice_label.setText(QCoreApplication.translate("KszCategoriesPage", "B&ands"))
        self.edges_label.setText(
            QCoreApplication.translate("KszCategoriesPage", "&Lower ages of the bands")
        )
        self.edges.setAccessibleName(
            QCoreApplication.translate("KszCategoriesPage", "Lower ages of the bands")
        )
        self.origin_heading.setText(
            QCoreApplication.translate("KszCategoriesPage", "Origin groups")
        )
        self.origin_label.setText(QCoreApplication.translate("KszCategoriesPage", "&Grouping"))
        self.own_heading.setText(QCoreApplication.translate("KszCategoriesPage", "Own categories"))
        self.count_label.setText(
            QCoreApplication.translate("KszCategoriesPage", "Number of &staff")
        )
        self.count.setAccessibleName(
            QCoreApplication.translate("KszCategoriesPage", "Number of staff")
        )
        settings = programme.crossing if programme is not None else None
        if settings and settings.age:
            self.edges_hint.setText(
                QCoreApplication.translate(
                    "KszCategoriesPage",
                    "Each number starts a band; the first band holds everyone younger. The "
                    "reference figures allow: %1.",
                ).replace("%1", ", ".join(str(e) for e in settings.age.edges))
            )
