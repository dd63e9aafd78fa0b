"""Qt Linguist translations: install the wizard's and Qt's own catalogue for nl, en or fr.

The source strings in the code are English; ``resources/translations/diversity_assistant_<lang>.qm``
is compiled from the ``.ts`` files by ``resources/translations/update.py``. Installing a translator
makes Qt send every widget a LanguageChange event: pages then call their ``retranslate()``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.messages import LANGUAGES
from desktop_app.resources import resource_path

CATALOGUE = "diversity_assistant"

# Shown in the language menu in the language itself, so anyone can find their own.
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "fr": "Français"}


def catalogue_path(language: str):
    return resource_path("translations", f"{CATALOGUE}_{language}.qm")


class Translations:
    """Holds the installed translators so that switching replaces them."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "nl"

    def install(self, language: str) -> bool:
        """Switch the application to ``language``; False when our catalogue could not be loaded."""
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        ours = QTranslator()
        loaded = ours.load(str(catalogue_path(language)))
        if loaded:
            self._installed.append(ours)
        qt = QTranslator()  # Qt's own texts (file dialog, context menus); absent in some builds
        if qt.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            self._installed.append(qt)
        for translator in self._installed:
            app.installTranslator(translator)
        QLocale.setDefault(QLocale({"nl": "nl_NL", "en": "en_GB", "fr": "fr_BE"}[language]))
        self.language = language
        return loaded
