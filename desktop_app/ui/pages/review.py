"""Page 8: review, "Check your answers, then confirm": one printable overview of every answer (the
programme, the organisation, population and peildatum, the source file with its fingerprint, the
columns by the office's names and where they come from, the breakdowns with merges and bands),
each with a Change button back to its step, then exactly what will leave the machine (the output file's columns, its row count and
five rows with identifiers masked), the conditions as confirmed (who, when), how the file reaches
the office (channel and protection, only those the profile accepts; the office's certificate or
OpenPGP key with its fingerprint where the protection needs one) and anything that still blocks
the package."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from desktop_app.atomic import write_atomic
from desktop_app.categories.labels import category_labels, included_rows
from desktop_app.crypto.keys import fingerprint_sha256
from desktop_app.errors import AppError
from desktop_app.messages import Message
from desktop_app.package.answers import (
    RouteAnswer,
    answer_sections,
    answers_html,
    column_titles,
)
from desktop_app.package.build import application_counts, checklist_problems
from desktop_app.package.output import application_output
from desktop_app.profiles.model import Channel, Protection
from desktop_app.render import html_to_pdf
from desktop_app.ui.demo import demo_banner_text, is_demo
from desktop_app.ui.jobs import Preview, first_rows, preview_job, session_check
from desktop_app.ui.pages.base import WorkerPage
from desktop_app.ui.routes import PageId
from desktop_app.ui.widgets import (
    BusyBar,
    InlineMessage,
    ScrollArea,
    hint_label,
    vbox,
)
from desktop_app.ui.widgets.answers_card import AnswersCards
from desktop_app.ui.widgets.delivery_choice import DeliveryChoice
from desktop_app.ui.widgets.review_cards import ChecklistCard, OutputCard
from desktop_app.ui.workers import Worker

# The overview's sections shown as cards from the core, and the step where each is answered.
ANSWER_SECTIONS = ("programme", "organisation", "population", "source", "mapping", "breakdowns")
# (the first of them on the way here: the KSZ route describes its categories on its own page)
CHANGE_PAGES: dict[str, tuple[PageId, ...]] = {
    "programme": (PageId.PROGRAMME,),
    "organisation": (PageId.ORGANISATION,),
    "population": (PageId.KSZ_DECISIONS, PageId.ORGANISATION),  # KSZ: the reference year
    "source": (PageId.FILE,),
    "mapping": (PageId.MAPPING,),
    "breakdowns": (PageId.CATEGORIES, PageId.KSZ_CATEGORIES),
    "conditions": (PageId.CHECKLIST,),
}


class ReviewPage(WorkerPage):
    def __init__(self) -> None:
        super().__init__()
        self._worker: Worker | None = None
        self.preview: Preview | None = None
        self.application = False  # the algemene variant without a file: typed staff counts
        self._preview_error: Exception | None = None
        self._categories: dict[str, list[str]] | None = None

        content = QWidget()
        layout = vbox(content, spacing=12)
        self.busy = BusyBar(content)
        self.busy.cancel_requested.connect(self.cancel)
        self.problems = InlineMessage(content)
        self.demo_banner = InlineMessage(content)  # demo mode: the office is inside the assistant

        # "Check your answers": a line on what follows, Save as PDF, then a card per section
        self.answers_intro = hint_label("", content)
        self.print_button = QPushButton(content)
        self.print_button.clicked.connect(self.print_answers)
        self.saved = InlineMessage(content)
        self.answers = AnswersCards(ANSWER_SECTIONS, content)
        self.answers.change_requested.connect(self.change)

        self.output = OutputCard(content)
        self.output_card, self.output_summary, self.sample = (
            self.output.card,
            self.output.summary,
            self.output.sample,
        )
        self.checklist = ChecklistCard(content)
        self.checklist_card, self.checklist_table = self.checklist.card, self.checklist.table
        self.checklist.change.clicked.connect(lambda: self.change("conditions"))
        self.delivery = DeliveryChoice(self, content)
        self.delivery_card = self.delivery.card
        self.office_certificate = card = self.delivery.certificate
        self.certificate_card, self.confirm = card.card, card.confirm
        self.fingerprint, self.certificate_message = card.fingerprint, card.message
        self.office_key = self.delivery.openpgp
        self.confirm_key, self.key_fingerprint = (
            self.office_key.confirm,
            self.office_key.fingerprint,
        )
        self.key_message = self.office_key.message

        layout.addWidget(self.demo_banner)
        layout.addWidget(self.busy)
        layout.addWidget(self.problems)
        header = QHBoxLayout()
        header.addWidget(self.answers_intro, 1)
        header.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        layout.addWidget(self.saved)
        for section in self.answers.sections.values():
            layout.addWidget(section.card)
        layout.addWidget(self.checklist_card)
        layout.addWidget(self.output_card)
        layout.addWidget(self.delivery_card)
        layout.addStretch(1)
        vbox(self).addWidget(ScrollArea(content, self))

    # -- the preview -------------------------------------------------------------------------

    def load(self) -> None:
        self._show_demo()
        self.preview = None
        self._preview_error = None
        self.application = not self.wiz().uses_file()
        self.saved.clear_message()
        self._categories = None
        if self.application:
            self._application_preview()
        else:
            self._run_preview()
        self.delivery.load()
        self.show_answers()

    def _application_preview(self) -> None:
        """The algemene variant without a file: the application's rows (payroll tax number, the
        typed staff count, the reference date), built as the package will build them."""
        self.cancel()
        draft, programme = self.draft, self.programme
        pairs, problems = application_counts(draft)
        problems = checklist_problems(draft, programme) + problems
        if draft.peildatum is None:
            problems.append(Message("package.peildatum-missing"))
        name = draft.organisation.name
        if not name:
            problems.append(Message("package.organisation-missing"))
        try:
            output = application_output(
                programme, pairs, draft.peildatum or dt.date.today(), name or "-"
            )
        except AppError as error:
            self._preview_error = error
            self._show_preview()
            return
        rows = first_rows(output, programme, max(len(pairs), 1)) if pairs else []
        self.preview = Preview(
            file_name=output.name,
            columns=output.columns,
            rows=output.rows,
            sample=tuple(tuple(row) for row in rows),
            masked_columns=(),
            problems=tuple(problems),
        )
        self._show_preview()

    def _run_preview(self) -> None:
        self.cancel()
        session = self.session
        if session.table is None or session.validation is None or self.programme is None:
            return
        check = session_check(self.draft, self.programme, session.table, session.validation)
        worker = Worker(preview_job, self.draft, check)
        self.start_job(
            worker, self.tr("Preparing the preview…"), self._preview_done, self._preview_failed
        )
        self.changed()

    def _preview_done(self, preview: Preview) -> None:
        self.preview = preview
        self._show_preview()

    def _preview_failed(self, error: Exception) -> None:
        self._preview_error = error
        self._show_preview()

    def _show_preview(self) -> None:
        preview = self.preview
        if self._preview_error is not None:
            error = self._preview_error
            text = error.render(self.language) if isinstance(error, AppError) else str(error)
            self.problems.show_message("error", text)
            self.output_card.hide()
            self.changed()
            return
        if preview is None:
            self.output_card.hide()
            return
        self.output_card.show()
        titles = column_titles(self.draft, self.programme, self.language) if self.programme else {}
        self.output.show_preview(preview, self.application, titles)
        if preview.problems:
            self.problems.show_message(
                "error",
                self.tr("The package cannot be made yet:")
                + "\n"
                + "\n".join("• " + p.render(self.language) for p in preview.problems),
            )
        else:
            self.problems.clear_message()
        self.show_answers()
        self.changed()

    # -- check your answers -------------------------------------------------------------------

    def categories(self) -> dict[str, list[str]]:
        """Each chosen (not derived) breakdown's categories as they will be sent: the included
        employees' labels after the officer's merges (names of departments, not of people)."""
        if self._categories is not None:
            return self._categories
        found: dict[str, list[str]] = {}
        result, programme, draft = self.session.validation, self.programme, self.draft
        if result is not None and programme is not None and draft.mapping is not None:
            records = included_rows(result.records, result.included)
            for column in draft.mapping.breakdowns:
                if column.is_derived:
                    continue
                try:
                    labels = category_labels(
                        programme,
                        records,
                        column.header,
                        draft.peildatum or dt.date.today(),
                        bands=draft.categories.bands_json() or None,
                        merges=draft.categories.merges.get(column.header),
                    )
                except (AppError, KeyError, ValueError):
                    continue
                found[column.header] = sorted({str(v) for v in labels.dropna()})
        self._categories = found
        return found

    def route_answer(self) -> RouteAnswer:
        """The route as the overview prints it, with the office's fingerprint where one is used."""
        route = self.delivery.route
        if route is None:
            return RouteAnswer()
        fingerprint = None
        if route.protection is Protection.CMS and self.certificate is not None:
            fingerprint = fingerprint_sha256(self.certificate)
        elif route.protection is Protection.OPENPGP and self.office_key.item is not None:
            fingerprint = self.office_key.fingerprint_of(self.office_key.item)
        return RouteAnswer(route.channel.value, route.protection.value, fingerprint)

    def show_answers(self) -> None:
        if self.wizard() is None or self.programme is None:
            return
        sections = answer_sections(
            self.draft,
            self.programme,
            self.language,
            preview=self.preview,
            categories=self.categories(),
        )
        self.answers.show_sections(sections)
        for section_id, card in self.answers.sections.items():
            if card.change is not None:
                card.change.setVisible(self.change_target(section_id) is not None)
        self.checklist.change.setVisible(self.change_target("conditions") is not None)

    def answers_html(self) -> str:
        """The overview as printable HTML (the core builds it; no employee values except the
        masked first rows)."""
        assert self.programme is not None
        return answers_html(
            self.draft,
            self.programme,
            self.language,
            preview=self.preview,
            route=self.route_answer(),
            categories=self.categories(),
        )

    def default_pdf_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("Check your answers")
        organisation = self.draft.organisation.name
        if organisation:
            name = f"{organisation} - {name}"
        name = "".join("_" if ch in '<>:"/\\|?*' else ch for ch in name)
        return Path(folder or Path.home()) / f"{name}.pdf"

    def print_answers(self) -> None:
        """Ask where (in Documents) and save the overview as a PDF."""
        if self.programme is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            str(self.default_pdf_path()),
            self.tr("PDF documents (*.pdf)"),
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, target: Path) -> Path | None:
        """Write the overview as a PDF at ``target`` (``.pdf`` added when missing)."""
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = html_to_pdf(self.answers_html(), self.tr("Check your answers"))
            write_atomic(target, data)
        except OSError as error:
            self.saved.show_message(
                "error",
                self.tr("The overview could not be saved to %1: %2")
                .replace("%1", str(target))
                .replace("%2", error.strerror or str(error)),
            )
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.saved.show_message("ok", self.tr("Saved as %1").replace("%1", str(target)))
        return target

    def change_target(self, section: str) -> PageId | None:
        """The step where ``section`` is answered, if it is on the way back from here."""
        wizard = self.wizard()
        visited = set(wizard.visitedIds()) if wizard is not None else set()
        return next((p for p in CHANGE_PAGES.get(section, ()) if p in visited), None)

    def change(self, section: str) -> None:
        """The Change button of ``section``: back to the step where it is answered."""
        page_id = self.change_target(section)
        if page_id is not None:
            self.go_to(page_id)

    def go_to(self, page_id: PageId) -> bool:
        """Back, step by step as the Back button goes, to ``page_id`` (a page visited on the way
        here); the officer comes back with Next. False when the page is not on the way back."""
        wizard = self.wizard()
        if wizard is None or int(page_id) not in wizard.visitedIds():
            return False
        while wizard.currentId() != page_id:
            before = wizard.currentId()
            wizard.back()
            if wizard.currentId() == before:
                return False
        return True

    # -- the route and what the office gave (the delivery card keeps them) ----------------------

    @property
    def route(self):
        """The chosen :class:`desktop_app.delivery.route.Route` (None before the page loaded)."""
        return self.delivery.route

    def choose_route(self, channel: Channel, protection: Protection) -> None:
        self.delivery.choose_route(channel, protection)

    def set_openpgp_key(self, path: Path, keep_confirmation: bool = False) -> None:
        """Read the office's OpenPGP public key at ``path`` (choosing the openpgp protection)."""
        self._prefer(Protection.OPENPGP)
        self.office_key.set_key(Path(path), keep_confirmation)

    @property
    def openpgp_key_file(self) -> Path | None:
        return self.office_key.key_file

    @property
    def confirmed_key_fingerprint(self) -> str | None:
        return self.office_key.confirmed_fingerprint

    def _prefer(self, protection: Protection) -> None:
        """A certificate or key given means its protection, as the core reads it, when the
        office accepts it on the chosen channel."""
        from desktop_app.delivery.route import Route, route_problems

        route, programme = self.delivery.route, self.programme
        if route is None and programme is not None:
            self.delivery.load()
            route = self.delivery.route
        if route is None or programme is None or route.protection is protection:
            return
        if not route_problems(programme, Route(route.channel, protection)):
            self.delivery.choose_route(route.channel, protection)

    # -- the certificate (the card keeps it) ----------------------------------------------------

    @property
    def certificate(self) -> x509.Certificate | None:
        return self.office_certificate.certificate

    def set_certificate(self, path: Path, keep_confirmation: bool = False) -> None:
        """Read the office's certificate at ``path`` and show its fingerprint (choosing the cms
        protection)."""
        self._prefer(Protection.CMS)
        self.office_certificate.set_certificate(Path(path), keep_confirmation)

    @property
    def confirmed_fingerprint(self) -> str | None:
        return self.office_certificate.confirmed_fingerprint

    @property
    def certificate_file(self) -> Path | None:
        return self.office_certificate.certificate_file

    def certificate_problem(self) -> str | None:
        return self.office_certificate.problem()

    # -- the page ----------------------------------------------------------------------------

    def isComplete(self) -> bool:
        if self.wizard() is None or self.running or self.preview is None:
            return False
        if self._preview_error is not None or self.preview.problems:
            return False
        return self.delivery.problem() is None

    def _show_demo(self) -> None:
        if is_demo(self):
            self.demo_banner.show_message("warning", demo_banner_text())
        else:
            self.demo_banner.clear_message()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check your answers, then confirm"))
        self.setSubTitle(
            self.tr("Exactly what will leave this computer, and how it reaches the office.")
        )
        self.answers_intro.setText(
            self.tr(
                "Every answer you gave, as it will be used. Change one with its Change button; "
                "Next brings you back here."
            )
        )
        self.print_button.setText(self.tr("&Save as PDF…"))
        self.print_button.setAccessibleName(self.tr("Save the overview as PDF"))
        self.output.retranslate()
        self.checklist.retranslate()
        self.delivery.retranslate()
        self.busy.retranslate()
        if self.wizard() is None:
            return
        self._show_demo()
        self.checklist.show_checklist(self.programme, self.draft, self.language)
        self._show_preview()
        self.office_certificate.show_certificate()
        self.office_key.show_key()
        self.delivery.show_route()
        self.show_answers()
