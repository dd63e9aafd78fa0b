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


def qt_translations_folder() -> str:
    """Where PySide6 keeps Qt's own catalogues (``qtbase_nl.qm``, ``qtbase_fr.qm``); the frozen
    build keeps them there too (installer/diversity_assistant.spec keeps nl, en and fr)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def qt_catalogue(language: str) -> str:
    return f"qtbase_{language}"


class MnemonicFallback(QTranslator):
    """Qt's texts that gained a shortcut letter after their translation was made.

    The file dialog asks for "&Look in:" and "Files of &type:" while ``qtbase_nl.qm`` has only
    "Look in:" and "Files of type:", so a Dutch dialog said "Look in". This translator answers such
    a text with the translation of the text without its ``&``, and nothing else."""

    def __init__(self, qt: QTranslator) -> None:
        super().__init__()
        self._qt = qt

    def translate(  # type: ignore[override]  # PySide6's stub names the arguments differently
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        if not source_text or "&" not in source_text or not context.startswith("Q"):
            return None  # a null text: "no translation here" (an empty one would be used)
        plain = source_text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")
        return self._qt.translate(context, plain, disambiguation, n) or None

    def isEmpty(self) -> bool:
        return False


class Translations:
    """Holds the installed translators so that switching replaces them.

    The application has one language at a time: the translators are the application's, shared by
    every instance (a second wizard, or one left open, must not keep the first one's language
    answering for texts the new catalogue has no entry for)."""

    _installed: list[QTranslator] = []  # noqa: RUF012 - shared on purpose, see above

    def __init__(self) -> None:
        self.language = "nl"

    def install(self, language: str) -> bool:
        """Switch the application to ``language``; False when our catalogue could not be loaded."""
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        app = QCoreApplication.instance()
        for translator in Translations._installed:
            app.removeTranslator(translator)
        Translations._installed = []
        ours = QTranslator()
        loaded = ours.load(str(catalogue_path(language)))
        if loaded:
            Translations._installed.append(ours)
        qt = QTranslator()  # Qt's own texts (file dialog, context menus); absent in some builds
        if qt.load(qt_catalogue(language), qt_translations_folder()):
            # Installed first, so consulted last: only for what neither catalogue has.
            Translations._installed.append(MnemonicFallback(qt))
            Translations._installed.append(qt)
        for translator in Translations._installed:
            app.installTranslator(translator)
        QLocale.setDefault(QLocale({"nl": "nl_NL", "en": "en_GB", "fr": "fr_BE"}[language]))
        self.language = language
        return loaded
