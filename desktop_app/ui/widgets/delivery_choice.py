"""The review page's card "How the file reaches the office": the channel (only the profile's), what
the office gave (only the protections the profile accepts with that channel, each in one plain
sentence) and, for the protection chosen, what it needs: the office's certificate
(:class:`CertificateCard`) or its OpenPGP public key (:class:`OpenPgpKeyCard`). A passphrase
archive or the portal's own protection need nothing. The choices are kept in the draft
(``draft.delivery.channel``, ``protection``, ``recipient``, ``openpgp_key``); the core
(:func:`desktop_app.delivery.route.route_problems`) decides what may be combined.

Strings keep the page's translation context ("ReviewPage")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QRadioButton,
    QWidget,
)

from desktop_app.delivery.route import (
    PROTECTED_CHANNELS,
    Route,
    default_route,
    holds_personal_data,
    route_problems,
)
from desktop_app.draft import OpenPgpKeyChoice
from desktop_app.profiles.model import Channel, Programme, Protection
from desktop_app.ui.pages.base import WizardPage
from desktop_app.ui.widgets import InlineMessage, card, hint_label, titled_card, vbox
from desktop_app.ui.widgets.office_file_card import OfficeFileCard
from desktop_app.ui.widgets.review_cards import CertificateCard
from desktop_app.ui.widgets.wrapping_check import WrappingRadioButton


class OpenPgpKeyCard(OfficeFileCard):
    """The office's OpenPGP public key: the file chosen (kept in the draft), its name, e-mail and
    expiry, its fingerprint in groups of four, and the officer's confirmation of it by phone when
    the profile pins none."""

    unconfirmed_key = "delivery.openpgp-fingerprint-unconfirmed"

    def __init__(self, page: WizardPage, parent: QWidget) -> None:
        box = card(parent)
        super().__init__(page, box, vbox(box, margins=12, spacing=6))
        mono = self.fingerprint.font()
        mono.setPointSizeF(mono.pointSizeF() * 1.15)  # read aloud over the phone
        self.fingerprint.setFont(mono)

    @property
    def pin(self) -> str | None:
        programme = self.page.programme
        return programme.delivery.recipient_openpgp_fingerprint if programme else None

    def read(self, path: Path) -> Any:
        from desktop_app.crypto.openpgp_send import load_recipient_key

        return load_recipient_key(path)

    def fingerprint_of(self, item: Any) -> str:
        return str(item.fingerprint)

    def stored(self) -> tuple[Path, str | None] | None:
        stored = self.page.draft.delivery.openpgp_key
        return (stored.path, stored.confirmed_fingerprint) if stored is not None else None

    def keep(self, path: Path, confirmed: str | None) -> None:
        draft = self.page.draft
        draft.delivery = replace(draft.delivery, openpgp_key=OpenPgpKeyChoice(path, confirmed))
        self.page.wiz().autosave()

    def check(self, item: Any, confirmed: str | None) -> None:
        from desktop_app.submission import check_openpgp_fingerprint

        check_openpgp_fingerprint(item.fingerprint, pin=self.pin, confirmed=confirmed)

    def dialog(self) -> tuple[str, str]:
        return (
            QCoreApplication.translate("ReviewPage", "The office's OpenPGP public key"),
            QCoreApplication.translate(
                "ReviewPage", "OpenPGP public keys (*.asc *.gpg *.pgp *.key);;All files (*)"
            ),
        )

    def describe(self, item: Any) -> tuple[str, str]:
        until = (
            item.expires.strftime("%d-%m-%Y")
            if item.expires is not None
            else QCoreApplication.translate("ReviewPage", "does not expire")
        )
        details = (
            QCoreApplication.translate("ReviewPage", "Key of: %1\nValid until: %2")
            .replace("%1", "\n".join(item.user_ids) or "-")
            .replace("%2", until)
        )
        fingerprint = (
            QCoreApplication.translate("ReviewPage", "Fingerprint:")
            + "\n"
            + item.fingerprint_display
        )
        return details, fingerprint

    def missing_text(self) -> str:
        return QCoreApplication.translate(
            "ReviewPage", "Choose the OpenPGP public key the office gave you."
        )

    def unconfirmed_text(self) -> str:
        return QCoreApplication.translate(
            "ReviewPage",
            "Read this fingerprint to the office by phone; when it is the same as theirs, "
            "tick the box.",
        )

    def confirmed_text(self) -> str:
        return QCoreApplication.translate(
            "ReviewPage", "You checked this fingerprint with the office."
        )

    # the names the review page and the tests use
    @property
    def key(self) -> Any:
        return self.item

    @property
    def key_file(self) -> Path | None:
        return self.file

    def set_key(self, path: Path, keep_confirmation: bool = False) -> None:
        """Read the office's public key at ``path`` and show its fingerprint."""
        self.set_file(path, keep_confirmation)

    def choose_key(self) -> None:
        self.choose_file()

    def show_key(self) -> None:
        self.show()

    def retranslate(self) -> None:
        self.label.setText(QCoreApplication.translate("ReviewPage", "OpenPGP &key"))
        self.path.setAccessibleName(
            QCoreApplication.translate("ReviewPage", "The office's OpenPGP public key file")
        )
        self.choose_button.setText(QCoreApplication.translate("ReviewPage", "Ch&oose…"))
        self.choose_button.setAccessibleName(
            QCoreApplication.translate("ReviewPage", "Choose the office's OpenPGP public key")
        )
        self.confirm.setText(
            QCoreApplication.translate(
                "ReviewPage", "I checked this fingerprint with the office by &phone"
            )
        )


# the channels in the order the officer reads them
CHANNEL_ORDER = (Channel.WEB_PORTAL, Channel.SFTP, Channel.TUS, Channel.HAND_OVER)
PROTECTION_ORDER = (Protection.NONE, Protection.CMS, Protection.OPENPGP, Protection.PASSPHRASE)


class DeliveryChoice:
    """The card "How the file reaches the office" of the review page."""

    def __init__(self, page: WizardPage, parent: QWidget) -> None:
        self.page = page
        self.card, layout, self.heading = titled_card(parent)
        self.note = hint_label("", self.card)
        self.channel_label = QLabel(self.card)
        self.channel_label.setProperty("role", "subheading")
        self.channel_box = QWidget(self.card)
        channels = vbox(self.channel_box, spacing=4)
        self.channel_group = QButtonGroup(self.card)
        self.channel_radios: dict[Channel, QRadioButton] = {}
        for channel in CHANNEL_ORDER:
            radio = WrappingRadioButton(self.channel_box)
            self.channel_group.addButton(radio)
            radio.toggled.connect(lambda on, c=channel: on and self._channel_chosen(c))
            channels.addWidget(radio)
            self.channel_radios[channel] = radio
        self.protection_label = QLabel(self.card)
        self.protection_box = QWidget(self.card)
        protections = vbox(self.protection_box, spacing=4)
        self.protection_group = QButtonGroup(self.card)
        self.protection_radios: dict[Protection, QRadioButton] = {}
        self.protection_reasons: dict[Protection, QLabel] = {}
        for protection in PROTECTION_ORDER:
            radio = WrappingRadioButton(self.protection_box)
            self.protection_group.addButton(radio)
            radio.toggled.connect(lambda on, p=protection: on and self._protection_chosen(p))
            reason = hint_label("", self.protection_box)
            reason.setContentsMargins(24, 0, 0, 0)
            protections.addWidget(radio)
            protections.addWidget(reason)
            self.protection_radios[protection] = radio
            self.protection_reasons[protection] = reason
        self.certificate = CertificateCard(page, self.card)
        self.openpgp = OpenPgpKeyCard(page, self.card)
        self.message = InlineMessage(self.card)
        layout.addWidget(self.note)
        layout.addWidget(self.channel_label)
        layout.addWidget(self.channel_box)
        layout.addWidget(self.protection_label)
        layout.addWidget(self.protection_box)
        layout.addWidget(self.certificate.card)
        layout.addWidget(self.openpgp.card)
        layout.addWidget(self.message)
        self.route: Route | None = None

    # -- the route ------------------------------------------------------------------------------

    @property
    def programme(self) -> Programme | None:
        return self.page.programme

    def _stored_route(self, programme: Programme) -> Route:
        """The draft's choice where the office accepts it, else the profile's default."""
        default = default_route(programme)
        delivery = self.page.draft.delivery
        channel, protection = default.channel, default.protection
        if delivery.channel in set(Channel) and Channel(delivery.channel) in (
            programme.delivery.channels
        ):
            channel = Channel(delivery.channel)
        if delivery.protection in set(Protection):
            protection = Protection(delivery.protection)
        return self._fitted(programme, Route(channel, protection))

    @staticmethod
    def _fitted(programme: Programme, route: Route) -> Route:
        """``route``, or with the first protection allowed on its channel when it is not."""
        if not route_problems(programme, route):
            return route
        for protection in (programme.delivery.default_protection, *PROTECTION_ORDER):
            candidate = Route(route.channel, protection)
            if not route_problems(programme, candidate):
                return candidate
        return route

    def load(self) -> None:
        programme = self.programme
        if programme is None:
            return
        self.route = self._stored_route(programme)
        self._keep_route()
        self.certificate.load()
        self.openpgp.load()
        self.show_route()

    def current_route(self) -> Route | None:
        """The route chosen, read from the draft when the page was not shown yet."""
        if self.route is None and self.programme is not None:
            self.load()
        return self.route

    def choose_route(self, channel: Channel, protection: Protection) -> None:
        """Choose ``channel`` and ``protection`` as the officer would (refused ones stay as
        they were shown: the page is then not complete)."""
        self.route = Route(Channel(channel), Protection(protection))
        self._keep_route()
        self.show_route()

    def _channel_chosen(self, channel: Channel) -> None:
        programme = self.programme
        if programme is None or self.route is None or self.route.channel == channel:
            return
        self.route = self._fitted(programme, Route(channel, self.route.protection))
        self._keep_route()
        self.show_route()

    def _protection_chosen(self, protection: Protection) -> None:
        if self.route is None or self.route.protection == protection:
            return
        self.route = Route(self.route.channel, protection)
        self._keep_route()
        self.show_route()

    def _keep_route(self) -> None:
        if self.route is None:
            return
        draft = self.page.draft
        delivery = draft.delivery
        channel, protection = str(self.route.channel), str(self.route.protection)
        if (delivery.channel, delivery.protection) != (channel, protection):
            draft.delivery = replace(delivery, channel=channel, protection=protection)
            self.page.wiz().autosave()

    # -- what is missing -------------------------------------------------------------------------

    def problem(self) -> str | None:
        """Why the package cannot be made with this route yet (None: it can)."""
        programme = self.programme
        if programme is None or self.route is None:
            return None
        problems = route_problems(programme, self.route)
        if problems:
            return problems[0].render(self.page.language)
        if self.route.protection is Protection.CMS:
            return self.certificate.problem()
        if self.route.protection is Protection.OPENPGP:
            return self.openpgp.problem()
        return None

    # -- showing ---------------------------------------------------------------------------------

    def _protection_text(self, protection: Protection, channel: Channel) -> str:
        if protection is Protection.NONE:
            if channel in PROTECTED_CHANNELS:
                return QCoreApplication.translate(
                    "ReviewPage", "Nothing: the portal's secure connection protects the file"
                )
            if self.programme is not None and holds_personal_data(self.programme):
                return QCoreApplication.translate(
                    "ReviewPage", "Nothing: the file goes as it is, unprotected"
                )
            return QCoreApplication.translate(
                "ReviewPage", "Nothing: the file holds counts only, no data about people"
            )
        return {
            Protection.CMS: QCoreApplication.translate(
                "ReviewPage", "A certificate file (.pem, .cer, .crt)"
            ),
            Protection.OPENPGP: QCoreApplication.translate(
                "ReviewPage", "An OpenPGP public key (.asc)"
            ),
            Protection.PASSPHRASE: QCoreApplication.translate(
                "ReviewPage",
                "Nothing: make an archive locked with a passphrase (7-Zip); you give the "
                "passphrase by phone",
            ),
        }[protection]

    def show_route(self) -> None:
        programme = self.programme
        route = self.route
        if programme is None or route is None:
            return
        language = self.page.language
        note = programme.delivery.note
        self.note.setText(note.get(language) if note is not None else "")
        self.note.setVisible(note is not None)
        accepted = programme.delivery
        for channel, radio in self.channel_radios.items():
            radio.setVisible(channel in accepted.channels)
            radio.blockSignals(True)
            radio.setChecked(channel == route.channel)
            radio.blockSignals(False)
        for protection, radio in self.protection_radios.items():
            reason = self.protection_reasons[protection]
            offered = protection in accepted.protections
            problems = route_problems(programme, Route(route.channel, protection))
            radio.setVisible(offered)
            radio.setEnabled(not problems)
            radio.setText(self._protection_text(protection, route.channel))
            radio.blockSignals(True)
            radio.setChecked(protection == route.protection)
            radio.blockSignals(False)
            reason.setText(problems[0].render(language) if problems else "")
            reason.setVisible(offered and bool(problems))
        checked = self.channel_radios[route.channel]
        self.channel_label.setBuddy(checked)
        self.protection_label.setBuddy(self.protection_radios[route.protection])
        # one choice only: nothing to choose, the sentence still says what happens
        self.channel_box.setEnabled(len(accepted.channels) > 1)
        self.certificate.card.setVisible(route.protection is Protection.CMS)
        self.openpgp.card.setVisible(route.protection is Protection.OPENPGP)
        problems = route_problems(programme, route)
        if problems and not self.protection_reasons[route.protection].isVisibleTo(self.card):
            self.message.show_message("error", problems[0].render(language))
        elif problems:  # the reason already stands under the choice
            self.message.clear_message()
        elif route.protection is Protection.PASSPHRASE:
            self.message.show_message(
                "info",
                QCoreApplication.translate(
                    "ReviewPage",
                    "On the next page the assistant makes the archive and shows its passphrase "
                    "once. Give it to the office by phone, never in the same e-mail.",
                ),
            )
        else:
            self.message.clear_message()
        self.page.changed()

    def retranslate(self) -> None:
        self.heading.setText(
            QCoreApplication.translate("ReviewPage", "How the file reaches the office")
        )
        self.channel_label.setText(
            QCoreApplication.translate("ReviewPage", "Ho&w does the file reach the office?")
        )
        self.protection_label.setText(
            QCoreApplication.translate("ReviewPage", "What did the office &give you?")
        )
        texts = {
            Channel.WEB_PORTAL: QCoreApplication.translate(
                "ReviewPage", "I upload it myself in the office's web portal"
            ),
            Channel.SFTP: QCoreApplication.translate(
                "ReviewPage", "The assistant uploads it (SFTP)"
            ),
            Channel.TUS: QCoreApplication.translate(
                "ReviewPage", "The assistant uploads it (HTTPS)"
            ),
            Channel.HAND_OVER: QCoreApplication.translate(
                "ReviewPage", "I deliver it myself the way agreed with the office"
            ),
        }
        for channel, radio in self.channel_radios.items():
            radio.setText(texts[channel])
        self.certificate.retranslate()
        self.openpgp.retranslate()
        if self.page.wizard() is not None:
            self.show_route()
