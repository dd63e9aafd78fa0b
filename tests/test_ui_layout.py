"""No clipped text: on every page of the demo (Dutch route) and the Belgian route, in nl, en and fr,
at 100% and at 200%, no visible label without word wrap is wider than its room and no button's text
is wider than the button minus its style's margins; the categories' charts elide no label when
they have the width.

200% is tested by doubling the application font's point size in this process, not by
``QT_SCALE_FACTOR=2``: the scale factor multiplies device pixels only, so every logical size this
check measures (text advance, widget width) stays the same and the check would find exactly what
it finds at 100%; a doubled font is what changes the ratio of text to room (as a large-text
setting or a 200% screen with the window at its logical size does). The screenshots at 200%
(``test_screenshots_at_200_percent``) use ``QT_SCALE_FACTOR=2`` in a child process
(tests/layout_200_child.py), as the officer sees them, and run the same check there.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics, QImage, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QToolButton,
    QWidget,
)
from test_crypto_support import InMemoryKeyring
from ui_walk import walk_algemeen, walk_demo, walk_ksz, walk_messy
from wizard_helpers import shown_wizard

from desktop_app.demo_data import StaffOptions, write_demo_workbook
from desktop_app.draft import Draft
from desktop_app.ui.app import demo_draft
from desktop_app.ui.chart import SubgroupChart
from desktop_app.ui.widgets.elided_label import ElidedLabel
from desktop_app.ui.widgets.wrapping_check import WrappingCheckBox, WrappingRadioButton

TOLERANCE = 1  # px: rounding between the metrics and the layout


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    previous = keyring.get_keyring()
    keyring.set_keyring(InMemoryKeyring())
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    yield
    keyring.set_keyring(previous)


def plain_lines(label: QLabel) -> list[str]:
    text = label.text()
    if label.textFormat().name == "RichText" or (
        label.textFormat().name == "AutoText" and re.search(r"<[a-zA-Z/][^>]*>", text)
    ):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    elif label.buddy() is not None:
        text = without_mnemonic(text)
    return [line for line in text.split("\n") if line.strip()]


def without_mnemonic(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text)


def button_room(button: QAbstractButton) -> int:
    """The width the button's text may take: its width less what its style adds to no text."""
    style = button.style()
    option = QStyleOptionButton()
    option.initFrom(button)
    # a check box's spacing before its text is added only when there is a text; a push button's
    # minimum width too, so it is measured without one
    option.text = "" if isinstance(button, QPushButton) else "x"
    if isinstance(button, QCheckBox):
        extra = style.sizeFromContents(
            QStyle.ContentsType.CT_CheckBox, option, QSize(0, 0), button
        ).width()
    elif isinstance(button, QRadioButton):
        extra = style.sizeFromContents(
            QStyle.ContentsType.CT_RadioButton, option, QSize(0, 0), button
        ).width()
    elif isinstance(button, QPushButton):
        extra = style.sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, QSize(0, 0), button
        ).width()
    else:
        extra = 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
    if not button.icon().isNull():
        extra += button.iconSize().width() + 4
    return button.width() - extra


def widest(content) -> str:
    """The visible widget without children of its own that asks for the most width."""
    leaves = [
        w
        for w in content.findChildren(QWidget)
        if w.isVisible() and not w.findChildren(QWidget) and w.minimumSizeHint().width() > 0
    ]
    if not leaves:
        return "?"
    w = max(leaves, key=lambda w: w.minimumSizeHint().width())
    text = getattr(w, "text", lambda: "")()
    parent = w.parentWidget()
    return (
        f"{type(w).__name__} {w.objectName()!r} {text[:60]!r} in {type(parent).__name__} "
        f"({w.minimumSizeHint().width()} px)"
    )


def path_of(widget) -> str:
    """The widget's class and object name and its parents', to find it in the code."""
    names = []
    while widget is not None and len(names) < 4:
        names.append(
            type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")
        )
        widget = widget.parentWidget()
    return " < ".join(names)


def wrapped_label_problems(label: QLabel) -> list[str]:
    """A word-wrapped label is cut when a word (a file path has no spaces) is wider than it."""
    problems = []
    metrics = QFontMetrics(label.font())
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    # a zero-width space is a place to break too (paths are made breakable with one)
    words = [w for line in plain_lines(label) for w in line.replace("\u200b", " ").split()]
    if words and room > 0:
        longest = max(words, key=metrics.horizontalAdvance)
        if metrics.horizontalAdvance(longest) > room + TOLERANCE:
            problems.append(f"wrapped label: the word {longest!r} is wider than the label")
    return problems


def clipped(root) -> list[str]:
    """Every visible label or button under root whose text does not fit, as 'kind: text'."""
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if isinstance(label, ElidedLabel):  # a path elided to its room, whole in the tooltip
            shown = label.shown_text()
            if QFontMetrics(label.font()).horizontalAdvance(shown) > label.contentsRect().width():
                problems.append(f"elided label wider than its room: {shown!r}")
            if shown != label.text() and label.toolTip() != label.text():
                problems.append(f"elided label without its whole text in the tooltip: {shown!r}")
            continue
        if label.wordWrap():
            problems.extend(f"{p} [{path_of(label)}]" for p in wrapped_label_problems(label))
            needed = label.heightForWidth(label.width())
            if needed > label.height() + TOLERANCE:  # squeezed: its last lines are cut off
                problems.append(
                    f"wrapped label cut off below ({label.height()} of {needed} px): "
                    f"{plain_lines(label)[0][:60]!r} [{path_of(label)}]"
                )
            continue
        metrics = QFontMetrics(label.font())
        room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
        for line in plain_lines(label):
            if metrics.horizontalAdvance(line) > room + TOLERANCE:
                problems.append(f"label {label.objectName() or ''}: {line!r}")
    for button in root.findChildren(QAbstractButton):
        if not button.isVisible() or not button.text():
            continue
        if isinstance(button, WrappingCheckBox | WrappingRadioButton):
            if button.height() + TOLERANCE < button.heightForWidth(button.width()):
                problems.append(f"{type(button).__name__} cut off below: {button.text()!r}")
            continue
        if (
            isinstance(button, QToolButton)
            and button.toolButtonStyle().name == "ToolButtonIconOnly"
        ):
            continue
        metrics = QFontMetrics(button.font())
        text = without_mnemonic(button.text())
        for line in text.split("\n"):
            if metrics.horizontalAdvance(line) > button_room(button) + TOLERANCE:
                problems.append(f"{type(button).__name__}: {line!r}")
    for area in root.findChildren(QScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and bar.maximum() > 0:
            problems.append(
                f"{type(area).__name__}: wider than the window by {bar.maximum()} px, "
                f"widest: {widest(area.widget())}"
            )
    for chart in root.findChildren(SubgroupChart):
        if not chart.isVisible():
            continue
        for label, shown in chart.shown_labels().items():
            if shown != label and chart.label_room() >= chart.natural_label_width():
                problems.append(f"chart label elided with room: {shown!r} for {label!r}")
    return problems


# Known problems left to fix: (page or "*", text in the problem). None is left: the Dutch mapping
# grid at 200% (field names such as "Huisnummertoevoeging" beside four columns) was the last; its
# recognition and examples now share one column. A problem found and not fixed at once goes here,
# and the walks where it shows are marked pytest.mark.xfail(strict=True) (so the mark fails once
# the problem is fixed and must go with it).
KNOWN: tuple[tuple[str, str], ...] = ()

_walks: dict[tuple[str, str, int], list[str]] = {}


def walk_and_check(qtbot, tmp_path, language: str, route: str, scale: int) -> list[str]:
    """Every problem on the route, each as 'language scale page: problem' (one walk per case)."""
    key = (language, route, scale)
    if key in _walks:
        return _walks[key]
    app = QApplication.instance()
    font = app.font()
    if scale != 1:
        bigger = app.font()
        bigger.setPointSizeF(font.pointSizeF() * scale)
        app.setFont(bigger)
    found: list[str] = []
    try:
        draft = demo_draft() if route in ("demo", "messy") else Draft()
        if route == "messy":  # errors first, as an officer's first export may have
            source = tmp_path / "personeel.xlsx"
            write_demo_workbook(source, StaffOptions(n=300, messy=True))
            draft.source = replace(draft.source, path=source)
        wizard = shown_wizard(qtbot, draft, tmp_path / "autosave.json", language)

        def visit(name: str) -> None:
            qtbot.wait(30)
            problems = clipped(wizard)
            if any("cut off below" in p for p in problems):
                # word-wrapped labels get their height in a few layout passes: look again
                # once the page has settled before calling a label cut off
                qtbot.wait(300)
                problems = clipped(wizard)
            for problem in problems:
                found.append(f"{language} {scale * 100}% {name}: {problem}")

        walks = {
            "demo": lambda: walk_demo(qtbot, wizard, tmp_path / "out", visit),
            "ksz": lambda: walk_ksz(qtbot, wizard, tmp_path, visit),
            "algemeen": lambda: walk_algemeen(qtbot, wizard, visit),
            "messy": lambda: walk_messy(qtbot, wizard, visit),
        }
        walks[route]()
        wizard.close()
    finally:
        app.setFont(font)
    _walks[key] = found
    return found


def is_known(problem: str) -> bool:
    return any((page == "*" or f" {page}: " in problem) and text in problem for page, text in KNOWN)


CASES = [
    (language, route, scale)
    for language in ("nl", "en", "fr")
    for route in ("demo", "ksz", "algemeen", "messy")
    for scale in (1, 2)
]


@pytest.mark.parametrize(("language", "route", "scale"), CASES)
def test_no_text_is_clipped(qtbot, tmp_path, isolated, language, route, scale):
    found = walk_and_check(qtbot, tmp_path, language, route, scale)
    unknown = [p for p in found if not is_known(p)]
    assert not unknown, "\n".join(unknown)


def test_screenshots_at_200_percent(tmp_path):
    """The French demo with QT_SCALE_FACTOR=2 in a child process: two pages shot (to
    $DIVERSITY_ASSISTANT_SCREENSHOTS when set) at twice the pixels, and nothing clipped."""
    folder = Path(os.environ.get("DIVERSITY_ASSISTANT_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "LAYOUT_SHOTS": str(folder)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    child = Path(__file__).with_name("layout_200_child.py")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(child)],
        cwd=Path(__file__).parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    for name in ("programme", "categories"):
        image = QImage(str(folder / f"fr-200-{name}.png"))
        assert image.width() == 2 * 1100, name  # twice the pixels of the 1100 px wizard


def test_chart_labels_are_whole_when_the_chart_has_the_width(qtbot):
    chart = SubgroupChart()
    qtbot.addWidget(chart)
    sizes = {"Openbare Ruimte": 40, "Burgerzaken en Publiekszaken": 25, "ICT": 4}
    chart.set_data(sizes, 10, "minimum 10")
    chart.resize(700, chart.sizeHint().height())
    chart.show()
    assert chart.label_room() >= chart.natural_label_width()
    assert chart.shown_labels() == {label: label for label in sizes}
    assert chart.grab().width() == 700  # paints with the same labels
    chart.resize(160, chart.sizeHint().height())  # really too narrow: elided, whole in tooltip
    shown = chart.shown_labels()
    assert "…" in shown["Burgerzaken en Publiekszaken"]
    assert "Burgerzaken en Publiekszaken: 25" in chart.toolTip()
    font = chart.font()  # at 200% (a doubled font) each row is as tall as the label's line
    font.setPointSizeF(font.pointSizeF() * 2)
    chart.setFont(font)
    assert chart.row_height() >= QFontMetrics(font).height()
    assert chart.sizeHint().height() >= len(sizes) * QFontMetrics(font).height()


def test_headings_keep_their_proportion_to_a_larger_text(qtbot) -> None:
    """A heading stays larger than the body text when the text size grows (Windows' "Make
    text bigger", 200%): before, headings were a fixed 11 pt and became smaller than the text."""
    from PySide6.QtGui import QFontInfo

    from desktop_app.ui.app import application
    from desktop_app.ui.widgets import HEADING_SCALE, heading_label, hint_label

    app = application()
    font = app.font()
    heading, body = heading_label("Kop"), hint_label("Tekst")
    for label in (heading, body):
        qtbot.addWidget(label)
        label.show()
    try:
        sizes = []
        for scale in (1, 2):
            bigger = app.font()
            bigger.setPointSizeF(font.pointSizeF() * scale)
            app.setFont(bigger)
            qtbot.wait(10)
            sizes.append((QFontInfo(heading.font()).pointSizeF(), QFontInfo(body.font()).pointSizeF()))
    finally:
        app.setFont(font)
    (head1, body1), (head2, body2) = sizes
    assert body2 == pytest.approx(2 * body1, rel=0.05)
    assert head2 == pytest.approx(2 * head1, rel=0.05)
    assert head2 / body2 == pytest.approx(HEADING_SCALE, rel=0.05)
