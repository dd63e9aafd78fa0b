"""KSZ step 2, motivation: purpose, legal basis, proportionality and the diversity-plan action the
request serves. The core's ``check_request`` judges each text as it is typed (empty, or only the
example sentence, is refused) and its problems are shown under the field; Next waits until all
four are the officer's own words. Kept in the KSZ choices (``motivation``, see desktop_app.ksz.choices)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from desktop_app.ksz.choices import read_choices, update_choices
from desktop_app.ksz.documents import build_request
from desktop_app.ksz.request import EXAMPLES, MOTIVATION_FIELDS, Motivation, check_request
from desktop_app.messages import Message
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import InlineMessage, ScrollArea, card, heading_label, hint_label, vbox


class MotivationField:
    def __init__(self, name: str, parent: QWidget) -> None:
        self.name = name
        self.frame = card(parent)
        layout = vbox(self.frame, margins=12, spacing=4)
        self.label = heading_label("", self.frame)
        self.hint = hint_label("", self.frame)
        self.edit = QPlainTextEdit(self.frame)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(76)
        self.label.setBuddy(self.edit)
        self.message = InlineMessage(self.frame)
        layout.addWidget(self.label)
        layout.addWidget(self.hint)
        layout.addWidget(self.edit)
        self.example_button: QPushButton | None = None
        if name in EXAMPLES:
            self.example_button = QPushButton(self.frame)
            row = QHBoxLayout()
            row.addWidget(self.example_button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(self.message)

    def text(self) -> str:
        return self.edit.toPlainText()


class KszMotivationPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self._loading = False
        self.problems: dict[str, Message] = {}
        self._checked = False
        content = QWidget()
        layout = vbox(content, spacing=10)
        self.intro = hint_label("", content)
        layout.addWidget(self.intro)
        self.fields: dict[str, MotivationField] = {}
        for name in MOTIVATION_FIELDS:
            field = MotivationField(name, content)
            field.edit.textChanged.connect(self._edited)
            if field.example_button is not None:
                field.example_button.clicked.connect(lambda _c=False, f=field: self._example(f))
            layout.addWidget(field.frame)
            self.fields[name] = field
        self.status = InlineMessage(content)
        layout.addWidget(self.status)
        self.note = QLabel(content)
        self.note.setWordWrap(True)
        self.note.setProperty("role", "hint")
        layout.addWidget(self.note)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    def load(self) -> None:
        self._loading = True
        motivation = read_choices(self.draft).full_motivation()
        for name, field in self.fields.items():
            value = getattr(motivation, name)
            if field.text() != value:
                field.edit.setPlainText(value)
        self._loading = False
        self._check()

    def _edited(self) -> None:
        if self.wizard() is None or self._loading:
            return
        texts = {name: field.text() for name, field in self.fields.items()}
        update_choices(self.draft, motivation=Motivation(**texts))
        self._check()

    def _example(self, field: MotivationField) -> None:
        """Put the KSZ's example in the field, to be completed in the officer's own words."""
        examples = EXAMPLES[field.name]
        example = examples[1] if self.language == "fr" and len(examples) > 1 else examples[0]
        field.edit.setPlainText(example + " ")
        field.edit.setFocus()

    def _check(self) -> None:
        """The core's verdict on each motivation field (the other problems belong elsewhere)."""
        if self.wizard() is None or not self.wiz().is_ksz():
            return
        request = build_request(self.draft, self.programme)
        self.problems = {}
        for problem in check_request(request, self.programme):
            field = problem.params.get("field")
            if isinstance(field, Message):
                name = field.key.removeprefix("ksz.request.field.")
                if name in self.fields and name not in self.problems:
                    self.problems[name] = problem
        self._checked = True
        self._show()
        self.changed()

    def _show(self) -> None:
        for name, field in self.fields.items():
            problem = self.problems.get(name)
            if problem is None:
                field.message.show_message("ok", self.tr("Motivated in your own words."))
            elif not field.text().strip():
                field.message.clear_message()  # not started: the status below says what is left
            else:
                field.message.show_message("error", problem.render(self.language))
        missing = len(self.problems)
        if missing:
            self.status.show_message(
                "warning",
                self.tr("%1 of the 4 parts still need your own motivation.").replace(
                    "%1", str(missing)
                ),
            )
        else:
            self.status.show_message("ok", self.tr("The motivation is complete."))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Motivation of the KSZ request"))
        self.setSubTitle(
            self.tr(
                "Justify the request, both its purpose and its proportionality. Diversity "
                "monitoring is needed to evaluate your diversity policy."
            )
        )
        self.intro.setText(
            self.tr(
                "The KSZ sends back requests that only repeat the example. Write what your "
                "organisation will do with the tables and why less data would not do."
            )
        )
        hints = {
            "purpose": self.tr(
                "Example: a baseline measurement of internal diversity, as the basis for "
                "positive actions."
            ),
            "legal_basis": self.tr(
                "The decree, law or regulation your diversity policy rests on (article)."
            ),
            "proportionality": self.tr(
                "Why these characteristics and categories, and why not fewer or finer ones; "
                "only tables in categories come back."
            ),
            "plan_action": self.tr(
                "Which action point of your diversity plan this measurement serves."
            ),
        }
        for name, field in self.fields.items():
            label = Message(f"ksz.request.field.{name}").render(self.language)
            field.label.setText(label + " *")
            field.edit.setAccessibleName(label)
            field.hint.setText(hints[name])
            if field.example_button is not None:
                field.example_button.setText(self.tr("Start from the KSZ example"))
                field.example_button.setAccessibleName(
                    self.tr("Start %1 from the KSZ example").replace("%1", label)
                )
        self.note.setText(
            self.tr(
                "Unia can help with the motivation; see its guide “Monitoring van diversiteit: "
                "doe het zelf!”."
            )
        )
        if self.wizard() is not None:
            self._show()

    def isComplete(self) -> bool:
        return self.wizard() is not None and self._checked and not self.problems
