"""Walk the wizard through its pages for whole-screen checks (layout, plain text): the bundled
demo on the Dutch (CBS) route and the Belgian (KSZ) route with the institution's own file; at each
page ``visit(name)`` is called with the page fully loaded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard

from desktop_app.ui.routes import PageId
from desktop_app.ui.widgets import ScrollArea

WAIT = 20_000
Visit = Callable[[str], None]


def _next(wizard, expected: PageId) -> None:
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled(), wizard.currentId()
    wizard.next()
    assert wizard.currentId() == expected, (wizard.currentId(), expected)


def walk_demo(qtbot, wizard, out: Path, visit: Visit) -> None:
    """The demo from programme to the ending: every page on the route, the categories with
    their charts, the review with the preview, the file made, its upload through the portal
    confirmed and the ending."""
    for name, expected in (
        ("programme", PageId.CHECKLIST),
        ("checklist", PageId.ORGANISATION),
        ("organisation", PageId.FILE),
    ):
        visit(name)
        _next(wizard, expected)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=WAIT)
    visit("file")
    _next(wizard, PageId.MAPPING)
    visit("mapping")
    _next(wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    page.acknowledge.click()
    visit("validation")
    _next(wizard, PageId.CATEGORIES)
    page = wizard.currentPage()
    visit("categories-too-small")
    page.sections[0].apply_button.click()
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    visit("categories")
    _next(wizard, PageId.REVIEW)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=WAIT)
    visit("review")
    _next(wizard, PageId.ENCRYPT)
    page = wizard.currentPage()
    visit("encrypt")
    page.target.setText(str(out / Path(page.target.text()).name))
    qtbot.mouseClick(page.encrypt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.session.submission is not None, page.problem.text()
    visit("encrypt-done")
    _next(wizard, PageId.SEND)
    visit("send")
    panel = wizard.currentPage().delivered_card
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)  # uploaded by hand
    assert panel.message.kind is None, panel.message.text()
    visit("send-confirmed")
    _next(wizard, PageId.DONE)
    visit("done")


def walk_ksz(qtbot, wizard, folder: Path, visit: Visit) -> None:
    """The Belgian route with the institution's own staff file: decisions, motivation, file,
    mapping, checks, the categories (too small, then fixed) and the request, made and saved."""
    from ksz_helpers import MOTIVATION, staff_file
    from test_ui_ksz import walk_to_decisions

    source = staff_file(folder)
    walk_to_decisions(qtbot, wizard)
    page = wizard.currentPage()
    page.year.setValue(2025)
    page.own_data.click()
    visit("ksz-decisions")
    _next(wizard, PageId.KSZ_MOTIVATION)
    page = wizard.currentPage()
    for name, text in MOTIVATION.items():
        page.fields[name].edit.setPlainText(text)
    visit("ksz-motivation")
    _next(wizard, PageId.FILE)
    page = wizard.currentPage()
    page.open_file(source)
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=WAIT)
    _next(wizard, PageId.MAPPING)
    page = wizard.currentPage()
    for i in range(page.breakdowns.count()):
        item = page.breakdowns.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in ("Afdeling", "Niveau"):
            item.setCheckState(Qt.CheckState.Checked)
    visit("ksz-mapping")
    _next(wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    if page.acknowledge.isVisible():
        page.acknowledge.click()
    _next(wizard, PageId.KSZ_CATEGORIES)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: not page.running and page.outcome is not None, timeout=WAIT)
    visit("ksz-categories-too-small")
    while failing := [v for v in page.views if not v.result.passes]:
        failing[0].proposal_rows[0][1].click()
        qtbot.waitUntil(lambda: not page.running and page.outcome is not None, timeout=WAIT)
    visit("ksz-categories")
    _next(wizard, PageId.KSZ_REQUEST)
    page = wizard.currentPage()
    visit("ksz-request")
    page.create_button.click()
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    documents = folder / "aanvraag"
    original = QFileDialog.getExistingDirectory
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: str(documents))
    try:
        page.save_button.click()
    finally:
        QFileDialog.getExistingDirectory = original
    visit("ksz-request-done")


def walk_algemeen(qtbot, wizard, visit: Visit) -> None:
    """The general CBS variant without a staff file: the organisation page with the typed
    counts, the review."""
    from test_ui_submission import walk_algemeen_to_review

    walk_algemeen_to_review(qtbot, wizard, lambda _page: visit("algemeen-organisation"))
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.preview is not None and not page.running, timeout=WAIT)
    visit("algemeen-review")


def walk_messy(qtbot, wizard, visit: Visit) -> None:
    """The demo draft with a messy export (errors first): the checks page with its findings."""
    for expected in (PageId.CHECKLIST, PageId.ORGANISATION, PageId.FILE):
        _next(wizard, expected)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.table is not None and not page.running, timeout=WAIT)
    _next(wizard, PageId.MAPPING)
    _next(wizard, PageId.VALIDATION)
    page = wizard.currentPage()
    qtbot.waitUntil(lambda: page.session.validation is not None and not page.running, timeout=WAIT)
    visit("validation-errors")


def scroll_to_bottom(page) -> None:
    area = page.findChild(ScrollArea)
    if area is not None:
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
