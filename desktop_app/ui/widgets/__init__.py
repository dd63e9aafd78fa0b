"""Small shared widgets and the application's look: inline messages, hints, cards, busy bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError

HEADING_SCALE = 11 / 9
"""A heading's size beside the body text's (11 pt beside Qt's usual 9 pt): relative, so that a
larger text size (Windows' "Make text bigger", 200%) makes the headings larger too."""

STYLE = """
QWizard, QWizardPage { background: #f6f7f9; }
QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }
QLabel[role="hint"] { color: #4a5563; }
QLabel[role="heading"] { font-weight: 600; font-size: {heading}pt; }
QLabel[role="step"] { color: #4a5563; padding: 3px 6px; }
QLabel[role="step"][current="true"] { color: #0b4f8a; font-weight: 600; background: #e3eefa;
    border-left: 3px solid #0b4f8a; }
QLabel[role="step"][skipped="true"] { color: #9aa3ad; }
QLabel[kind="error"] { color: #8e1b21; background: #fde7e9; border-left: 3px solid #c4262e;
 }
QLabel[kind="warning"] { color: #6b4500; background: #fff4ce; border-left: 3px solid #c78a00;
 }
QLabel[kind="ok"] { color: #0e5c0e; background: #dff6dd; border-left: 3px solid #107c10;
 }
QLabel[kind="info"] { color: #0b3d66; background: #e5f1fb; border-left: 3px solid #0b6ab8;
 }
QFrame[card="true"] { background: #ffffff; border: 1px solid #d5dbe1; border-radius: 6px; }
QFrame[card="true"][done="true"] { border: 1px solid #8cc68c; }
QFrame[dropzone="true"] { background: #ffffff; border: 2px dashed #8a99a8; border-radius: 8px; }
QFrame[dropzone="true"][hover="true"] { border-color: #0b6ab8; background: #eef5fc; }
QWidget#steps { background: #e9edf1; border-right: 1px solid #d5dbe1; }
QTableView { background: #ffffff; alternate-background-color: #f3f5f7; }
"""


def failure_text(error: BaseException, language: str) -> str:
    """A job's failure in one line for the page: our refusal in the officer's language, an OS
    error's reason and file (a report that cannot be written, say), else only the error's kind
    (its words may hold a value; the log has the rest)."""
    if isinstance(error, AppError):
        return error.render(language)
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        return f"{reason}: {error.filename}" if error.filename else reason
    return type(error).__name__


def style_sheet(body_points: float) -> str:
    """The application's style sheet for body text of ``body_points`` (headings in proportion)."""
    return STYLE.replace("{heading}", f"{body_points * HEADING_SCALE:.1f}")


def repolish(widget: QWidget) -> None:
    """Apply a changed dynamic property to the style sheet."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class InlineMessage(QLabel):
    """A coloured, word-wrapped message next to what it is about; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setContentsMargins(10, 6, 8, 6)  # room for the coloured bar on the left
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hide()

    def show_message(self, kind: str, text: str) -> None:
        """``kind``: error, warning, ok or info."""
        self.setProperty("kind", kind)
        self.setText(text)
        self.setAccessibleName(text)
        repolish(self)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    @property
    def kind(self) -> str | None:
        return self.property("kind") if self.isVisible() else None


def hint_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setProperty("role", "hint")
    return label


def heading_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setProperty("role", "heading")
    return label


def card(parent: QWidget | None = None) -> QFrame:
    frame = QFrame(parent)
    frame.setProperty("card", "true")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    return frame


def titled_card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout, QLabel]:
    """A card with its own layout and, first in it, an (empty) heading the page fills in later."""
    frame = card(parent)
    layout = vbox(frame, margins=12, spacing=6)
    heading = heading_label("", frame)
    layout.addWidget(heading)
    return frame, layout, heading


class ScrollArea(QScrollArea):
    """A frameless, resizable scroll area that keeps the focused widget in view (keyboard use)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)


class BusyBar(QWidget):
    """Progress bar with the current step and a Cancel button, shown while a worker runs."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(12)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.cancel_button.setText(QCoreApplication.translate("BusyBar", "Cancel"))
        self.bar.setAccessibleName(QCoreApplication.translate("BusyBar", "Progress"))

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.show()

    def set_progress(self, percent: int, text: str = "") -> None:
        if percent < 0:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, 100)
            self.bar.setValue(percent)
        if text:
            self.label.setText(text)

    def stop(self) -> None:
        self.hide()


def vbox(widget: QWidget, margins: int = 0, spacing: int = 8) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(margins, margins, margins, margins)
    layout.setSpacing(spacing)
    return layout
