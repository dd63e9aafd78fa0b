"""No OS keyring, no problem: the organisation's keys with a passphrase the officer chose.

Core: a keyring that cannot be used is refused in plain words (never the library's text), a
typed passphrase protects both the X.509 signing identity and the OpenPGP key, the key folder
remembers the choice (a marker, never the passphrase) so the keyring is not tried again, and a key
made with the keyring still loads from it. Wizard: the passphrase dialog, and the Encrypt step and
the KSZ key creation asking for it when the keyring fails.
"""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from test_crypto_support import InMemoryKeyring

from desktop_app.crypto import openpgp
from desktop_app.crypto.errors import CryptoError
from desktop_app.crypto.keys import (
    KEY_FILE,
    TYPED_PASSPHRASE_MARKER,
    KeyringPassphraseStore,
    asks_passphrase,
    create_identity,
    load_identity,
    load_or_create_identity,
    passphrase_problem,
    uses_typed_passphrase,
)
from desktop_app.messages import catalogue

TYPED = "paarse olifant op de fiets"
LIBRARY_TEXT = ("keyrings.alt", "backend", "No recommended", "keyring.backends")


@pytest.fixture
def failing_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


# -- the refusal ------------------------------------------------------------------------------


def test_an_unusable_keyring_is_refused_without_the_library_text(failing_keyring) -> None:
    for call in (
        lambda: KeyringPassphraseStore().get("org"),
        lambda: KeyringPassphraseStore().set("org", "x"),
    ):
        with pytest.raises(CryptoError) as caught:
            call()
        error = caught.value
        assert error.key == "crypto.keyring-unavailable"
        assert asks_passphrase(error)
        assert not error.message.params
        for language in ("nl", "en", "fr"):
            text = error.render(language)
            assert text
            for library in LIBRARY_TEXT:
                assert library.lower() not in text.lower(), (language, text)
        assert all(library not in str(error) for library in LIBRARY_TEXT)


def test_the_keyring_message_offers_a_passphrase_in_every_language() -> None:
    texts = catalogue()["crypto.keyring-unavailable"]
    assert "{" not in "".join(texts.values())  # no {detail}: nothing from the library
    assert "wachtwoordzin" in texts["nl"]
    assert "passphrase" in texts["en"]
    assert "phrase secrète" in texts["fr"]
    for text in texts.values():
        assert "backend" not in text.lower()
        assert "keyrings" not in text.lower()


def test_no_crypto_or_openpgp_message_carries_a_library_placeholder() -> None:
    """Refusals about the organisation's key and passphrase never quote a library."""
    for key, texts in catalogue().items():
        if key.startswith(("crypto.keyring", "crypto.passphrase", "crypto.key-passphrase")) or (
            key.startswith("openpgp.passphrase")
        ):
            for text in texts.values():
                assert "{detail}" not in text, key


# -- the typed passphrase's rules -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "crypto.passphrase-empty"),
        ("kort", "crypto.passphrase-too-short"),
        ("elf tekens!", "crypto.passphrase-too-short"),
        ("aaaaaaaaaaaaaaaa", "crypto.passphrase-repeated"),
        ("x x x x x x x", "crypto.passphrase-repeated"),
        ("            ", "crypto.passphrase-repeated"),
        ("twaalftekens", None),
        ("rood dak gele deur", None),
        ("correct horse battery staple", None),
        ("Zeer-Lang-Wachtwoord-2026", None),
    ],
)
def test_passphrase_problem(text: str, problem: str | None) -> None:
    found = passphrase_problem(text)
    assert (found.key if found else None) == problem
    if found is not None:
        for language in ("nl", "en", "fr"):
            assert found.render(language)


def test_the_rule_message_names_the_limits() -> None:
    message = passphrase_problem("kort")
    assert message is not None
    assert "12" in message.render("en")
    assert "4" in message.render("en")
    assert "12" in message.render("nl")
    assert "12" in message.render("fr")


# -- the X.509 signing identity ---------------------------------------------------------------


def test_identity_with_a_typed_passphrase_needs_no_keyring(tmp_path: Path, failing_keyring) -> None:
    made = create_identity(tmp_path, "org", "Org", passphrase=TYPED)
    assert uses_typed_passphrase(tmp_path)
    marker = (tmp_path / TYPED_PASSPHRASE_MARKER).read_text()
    assert TYPED not in marker
    assert "passphrase" in marker
    loaded = load_identity(tmp_path, "org", passphrase=TYPED)
    assert loaded.fingerprint == made.fingerprint
    again = load_or_create_identity(tmp_path, "org", "Org", passphrase=TYPED)
    assert again.fingerprint == made.fingerprint


def test_a_typed_identity_is_asked_for_not_looked_up(tmp_path: Path, memory_keyring) -> None:
    create_identity(tmp_path, "org", "Org", passphrase=TYPED)
    assert memory_keyring.passwords == {}
    with pytest.raises(CryptoError) as needed:
        load_or_create_identity(tmp_path, "org", "Org")
    assert needed.value.key == "crypto.key-passphrase-needed"
    assert asks_passphrase(needed.value)
    with pytest.raises(CryptoError) as wrong:
        load_identity(tmp_path, "org", passphrase="een andere wachtwoordzin")
    assert wrong.value.key == "crypto.key-unreadable"
    # the key gone, the choice stays: making it again asks too, and never tries the keyring
    (tmp_path / KEY_FILE).unlink()
    with pytest.raises(CryptoError) as remade:
        load_or_create_identity(tmp_path, "org", "Org")
    assert remade.value.key == "crypto.key-passphrase-needed"
    assert memory_keyring.passwords == {}


def test_a_keyring_identity_still_loads_from_the_keyring(tmp_path: Path, memory_keyring) -> None:
    made = load_or_create_identity(tmp_path, "org", "Org")
    assert not uses_typed_passphrase(tmp_path)
    assert load_or_create_identity(tmp_path, "org", "Org").fingerprint == made.fingerprint


def test_a_failing_keyring_makes_no_identity_and_asks(tmp_path: Path, failing_keyring) -> None:
    with pytest.raises(CryptoError) as caught:
        load_or_create_identity(tmp_path / "keys", "org", "Org")
    assert asks_passphrase(caught.value)
    assert not (tmp_path / "keys").exists()
    made = load_or_create_identity(tmp_path / "keys", "org", "Org", passphrase=TYPED)
    loaded = load_or_create_identity(tmp_path / "keys", "org", "Org", passphrase=TYPED)
    assert loaded.fingerprint == made.fingerprint


def test_a_key_the_keyring_locked_is_not_asked_for_when_the_keyring_fails(tmp_path: Path) -> None:
    """Its passphrase was random: typing one cannot help, so the officer is told to unlock."""
    previous = keyring.get_keyring()
    keyring.set_keyring(InMemoryKeyring())
    try:
        load_or_create_identity(tmp_path / "x509", "org", "Org")
        openpgp.create_key(tmp_path / "pgp", "org", "Org", "hr@example.be", algorithm="cv25519")
        keyring.set_keyring(FailKeyring())
        with pytest.raises(CryptoError) as x509_locked:
            load_or_create_identity(tmp_path / "x509", "org", "Org")
        with pytest.raises(CryptoError) as pgp_locked:
            openpgp.load_key(tmp_path / "pgp", "org")
    finally:
        keyring.set_keyring(previous)
    assert x509_locked.value.key == "crypto.keyring-locked-key"
    assert pgp_locked.value.key == "openpgp.keyring-locked-key"
    for error in (x509_locked.value, pgp_locked.value):
        assert not asks_passphrase(error)
        for language in ("nl", "en", "fr"):
            assert all(library not in error.render(language) for library in LIBRARY_TEXT)


# -- the OpenPGP key --------------------------------------------------------------------------


def test_openpgp_key_with_a_typed_passphrase(tmp_path: Path, failing_keyring) -> None:
    folder = tmp_path / "openpgp"
    with pytest.raises(CryptoError) as caught:
        openpgp.create_key(folder, "org", "Org", "hr@example.be", algorithm="cv25519")
    assert caught.value.key == "crypto.keyring-unavailable"
    assert asks_passphrase(caught.value)
    assert not openpgp.key_exists(folder)
    made = openpgp.create_key(
        folder, "org", "Org", "hr@example.be", passphrase=TYPED, algorithm="cv25519"
    )
    assert uses_typed_passphrase(folder)
    assert TYPED not in (folder / TYPED_PASSPHRASE_MARKER).read_text()
    assert openpgp.load_key(folder, "org", passphrase=TYPED).fingerprint == made.fingerprint
    with pytest.raises(CryptoError) as needed:
        openpgp.load_key(folder, "org")
    assert needed.value.key == "openpgp.passphrase-needed"
    assert asks_passphrase(needed.value)
    with pytest.raises(CryptoError) as wrong:
        openpgp.load_key(folder, "org", passphrase="een andere wachtwoordzin")
    assert wrong.value.key == "openpgp.passphrase-wrong"


def test_openpgp_key_with_the_keyring_still_loads_from_it(tmp_path: Path, memory_keyring) -> None:
    folder = tmp_path / "openpgp"
    made = openpgp.create_key(folder, "org", "Org", "hr@example.be", algorithm="cv25519")
    assert not uses_typed_passphrase(folder)
    assert openpgp.load_key(folder, "org").fingerprint == made.fingerprint


def test_the_draft_helpers_take_the_typed_passphrase(
    tmp_path: Path, monkeypatch, failing_keyring
) -> None:
    from desktop_app.draft import Draft
    from desktop_app.submission import default_identity, default_openpgp_identity

    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    draft = Draft()
    draft.organisation = draft.organisation.with_value("name", "Gemeente Voorbeeld")
    draft.organisation = draft.organisation.with_value("contact_email", "hr@example.be")
    with pytest.raises(CryptoError) as caught:
        default_identity(draft)
    assert asks_passphrase(caught.value)
    made = default_identity(draft, passphrase=TYPED)
    assert default_identity(draft, passphrase=TYPED).fingerprint == made.fingerprint
    with pytest.raises(CryptoError) as needed:
        default_identity(draft)
    assert needed.value.key == "crypto.key-passphrase-needed"
    with pytest.raises(CryptoError):
        default_openpgp_identity(draft)
    key = default_openpgp_identity(draft, passphrase=TYPED)
    assert default_openpgp_identity(draft, passphrase=TYPED).fingerprint == key.fingerprint


# -- the wizard: the passphrase dialog --------------------------------------------------------


def test_the_dialog_asks_twice_shows_the_rules_live_and_forgets(qtbot) -> None:
    from PySide6.QtWidgets import QLineEdit

    from desktop_app.ui.widgets.passphrase_dialog import PassphraseDialog

    dialog = PassphraseDialog("create", reason="Geen kluis.", language="nl")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.second.isVisibleTo(dialog)
    assert not dialog.ok_button.isEnabled()
    assert not dialog.feedback.isVisibleTo(dialog)  # nothing typed, nothing to blame
    assert "Geen kluis." in dialog.reason.text()
    assert dialog.first.echoMode() == QLineEdit.EchoMode.Password
    dialog.first.setText("kort")
    assert dialog.feedback.kind == "warning"
    assert "12" in dialog.feedback.text()
    dialog.first.setText("aaaaaaaaaaaaaaa")
    assert dialog.feedback.text() == catalogue()["crypto.passphrase-repeated"]["nl"]
    dialog.first.setText(TYPED)
    assert dialog.feedback.kind == "info"  # now type it again
    assert not dialog.ok_button.isEnabled()
    dialog.second.setText(TYPED + "!")
    assert dialog.feedback.kind == "warning"
    assert dialog.feedback.text() == catalogue()["crypto.passphrase-mismatch"]["nl"]
    dialog.second.setText(TYPED)
    assert dialog.feedback.kind == "ok"
    assert dialog.ok_button.isEnabled()
    assert dialog.passphrase() == TYPED
    dialog.show_text.setChecked(True)
    assert dialog.first.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.second.echoMode() == QLineEdit.EchoMode.Normal
    dialog.show_text.setChecked(False)
    assert dialog.first.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.warning.text()
    for label in (dialog.first_label, dialog.second_label):
        assert label.buddy() is not None
    dialog.reject()
    assert dialog.first.text() == ""
    assert dialog.second.text() == ""


def test_the_dialog_asks_once_to_open_a_key(qtbot) -> None:
    from desktop_app.ui.widgets.passphrase_dialog import PassphraseDialog

    dialog = PassphraseDialog("open", kind="openpgp", language="fr")
    qtbot.addWidget(dialog)
    assert not dialog.second.isVisibleTo(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.first.setText("x")  # opening: whatever was chosen then
    assert dialog.ok_button.isEnabled()
    assert dialog.passphrase() == "x"


class Answers:
    """Stands in for the officer at the passphrase dialog: fills it in and presses OK."""

    def __init__(self, monkeypatch, passphrase: str = TYPED) -> None:
        from PySide6.QtWidgets import QDialog

        from desktop_app.ui.widgets.passphrase_dialog import PassphraseDialog

        self.asked: list[tuple[str, str, str]] = []
        self.next: list[str] = []  # answers to give first, then ``passphrase``
        answers = self

        def exec_(dialog) -> int:
            answers.asked.append((dialog.mode, dialog.kind, dialog.reason.text()))
            text = answers.next.pop(0) if answers.next else passphrase
            dialog.first.setText(text)
            dialog.second.setText(text)
            assert dialog.ok_button.isEnabled()
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(PassphraseDialog, "exec", exec_)


@pytest.fixture
def app_data(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(tmp_path / "appdata"))
    return tmp_path / "appdata"


def test_the_encrypt_step_asks_the_passphrase_when_the_keyring_fails(
    qtbot, tmp_path: Path, app_data: Path, failing_keyring, monkeypatch
) -> None:
    from package_helpers import demo_staff
    from test_ui_submission import office_certificate
    from wizard_helpers import WAIT

    from desktop_app.draft import Delivery, RecipientChoice, load_draft
    from desktop_app.ui.app import create_wizard
    from desktop_app.ui.wizard import PageId

    answers = Answers(monkeypatch)
    certificate_path, _certificate = office_certificate(tmp_path)
    _, draft_path = demo_staff(tmp_path, 40)
    draft = load_draft(draft_path)
    draft.delivery = Delivery(
        recipient=RecipientChoice(Path(certificate_path)), channel="web-portal", protection="cms"
    )
    wizard = create_wizard(draft, None, "nl")
    qtbot.addWidget(wizard)
    review = wizard.page(PageId.REVIEW)
    review.set_certificate(certificate_path)
    review.confirm.setChecked(True)
    page = wizard.page(PageId.ENCRYPT)

    def encrypt(name: str) -> Path:
        page.target.setText(str(tmp_path / "out" / name))
        page.start()
        qtbot.waitUntil(lambda: not page.running and not wizard.workers.busy, timeout=WAIT)
        qtbot.waitUntil(lambda: page.session.submission is not None, timeout=WAIT)
        assert not page.problem.text(), page.problem.text()
        return page.session.submission.package_path

    package = encrypt("eerste.p7m")
    assert package.exists()
    assert package.suffix == ".p7m"
    mode, kind, reason = answers.asked[0]
    assert (mode, kind) == ("create", "signing")
    assert reason == catalogue()["crypto.keyring-unavailable"]["nl"]
    keys = next((app_data / "keys").iterdir())
    assert uses_typed_passphrase(keys)
    signer = page.session.submission.signer_fingerprint
    assert signer == load_identity(keys, keys.name, passphrase=TYPED).fingerprint
    # the next time: the key is there and marked, so the dialog asks once, to open it
    page.session.submission = None
    again = encrypt("tweede.p7m")
    assert again.exists()
    assert [a[:2] for a in answers.asked] == [("create", "signing"), ("open", "signing")]
    assert page.session.submission.signer_fingerprint == signer
    # a wrong passphrase: asked again, saying so
    page.session.submission = None
    answers.next = ["niet de goede wachtwoordzin"]
    encrypt("derde.p7m")
    assert [a[:2] for a in answers.asked[2:]] == [("open", "signing"), ("open", "signing")]
    assert answers.asked[3][2].startswith("De ondertekeningssleutel")  # crypto.key-unreadable
    assert page.session.submission.signer_fingerprint == signer
    for path in app_data.rglob("*"):  # the passphrase is nowhere on disk
        if path.is_file():
            assert TYPED.encode() not in path.read_bytes(), path


def test_a_cancelled_passphrase_shows_the_plain_refusal(
    qtbot, tmp_path: Path, app_data: Path, failing_keyring, monkeypatch
) -> None:
    from package_helpers import demo_staff
    from PySide6.QtWidgets import QDialog
    from test_ui_submission import office_certificate
    from wizard_helpers import WAIT

    from desktop_app.draft import Delivery, RecipientChoice, load_draft
    from desktop_app.ui.app import create_wizard
    from desktop_app.ui.widgets.passphrase_dialog import PassphraseDialog
    from desktop_app.ui.wizard import PageId

    asked = []
    monkeypatch.setattr(
        PassphraseDialog, "exec", lambda d: asked.append(d.mode) or QDialog.DialogCode.Rejected
    )
    certificate_path, _certificate = office_certificate(tmp_path)
    _, draft_path = demo_staff(tmp_path, 40)
    draft = load_draft(draft_path)
    draft.delivery = Delivery(
        recipient=RecipientChoice(Path(certificate_path)), channel="web-portal", protection="cms"
    )
    wizard = create_wizard(draft, None, "fr")
    qtbot.addWidget(wizard)
    review = wizard.page(PageId.REVIEW)
    review.set_certificate(certificate_path)
    review.confirm.setChecked(True)
    page = wizard.page(PageId.ENCRYPT)
    page.target.setText(str(tmp_path / "out" / "x.p7m"))
    page.start()
    qtbot.waitUntil(lambda: bool(asked) and not page.running, timeout=WAIT)
    qtbot.waitUntil(lambda: bool(page.problem.text()), timeout=WAIT)
    assert page.problem.property("kind") == "error"
    assert catalogue()["crypto.keyring-unavailable"]["fr"] in page.problem.text()
    assert not (tmp_path / "out" / "x.p7m").exists()
    for library in LIBRARY_TEXT:
        assert library not in page.problem.text()


def test_the_factories_get_the_typed_passphrase(tmp_path: Path, app_data, failing_keyring) -> None:
    from desktop_app.draft import Draft
    from desktop_app.submission import default_identity, default_openpgp_identity
    from desktop_app.ui.widgets.passphrase_dialog import key_mode, with_passphrase

    draft = Draft()
    draft.organisation = draft.organisation.with_value("name", "Gemeente Voorbeeld")
    draft.organisation = draft.organisation.with_value("contact_email", "hr@example.be")
    assert with_passphrase(default_identity, None) is default_identity
    assert key_mode(draft, "signing") == "create"
    assert key_mode(draft, "openpgp") == "create"
    made = with_passphrase(default_openpgp_identity, TYPED)(draft)
    assert key_mode(draft, "openpgp") == "open"
    assert key_mode(draft, "signing") == "create"
    assert with_passphrase(default_openpgp_identity, TYPED)(draft).fingerprint == made.fingerprint
    with_passphrase(default_identity, TYPED)(draft)
    assert key_mode(draft, "signing") == "open"


def test_the_ksz_key_is_made_with_a_typed_passphrase_when_the_keyring_fails(
    qtbot, app_data: Path, failing_keyring, monkeypatch
) -> None:
    from wizard_helpers import WAIT

    from desktop_app.draft import Draft
    from desktop_app.ksz.documents import key_folder
    from desktop_app.ui.app import create_wizard
    from desktop_app.ui.wizard import PageId

    answers = Answers(monkeypatch)
    draft = Draft()
    draft.programme_id = "ksz-diversiteit"
    organisation = draft.organisation.with_value("name", "Stad Voorbeeld")
    draft.organisation = organisation.with_value("contact_email", "hr@voorbeeld.example")
    wizard = create_wizard(draft, None, "nl")
    qtbot.addWidget(wizard)
    page = wizard.page(PageId.KSZ_REQUEST)
    page.create_key()
    qtbot.waitUntil(lambda: bool(answers.asked), timeout=WAIT)
    qtbot.waitUntil(lambda: page.key_info is not None and not page.running, timeout=WAIT)
    assert page.key_error is None
    assert [a[:2] for a in answers.asked] == [("create", "openpgp")]
    folder = key_folder(page.organisation())
    assert uses_typed_passphrase(folder)
    key = openpgp.load_key(folder, page.organisation(), passphrase=TYPED)
    assert key.fingerprint == page.key_info.fingerprint
    assert wizard.draft.organisation.get("openpgp_fingerprint") == key.fingerprint
