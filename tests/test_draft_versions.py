"""The typed, versioned draft: every draft an earlier release wrote opens, migrates and saves as the
current version with nothing lost; a newer draft is refused; the organisation's stable id."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import keyring
import pytest
from test_crypto_support import InMemoryKeyring

from desktop_app.crypto.keys import KeyringPassphraseStore, create_identity
from desktop_app.draft import (
    VERSION,
    CategoryChoices,
    Draft,
    DraftError,
    Organisation,
    load_draft,
    save_draft,
)
from desktop_app.draft_migrations import MIGRATIONS, migrate, migrate_1_to_2
from desktop_app.ksz.choices import read_choices
from desktop_app.resources import resource_path
from desktop_app.submission import organisation_id
from desktop_app.transfer.hostkeys import remember_host_key, remembered_host_key

FIXTURES = Path(__file__).parent / "fixtures" / "drafts"
V1 = sorted(FIXTURES.glob("v1-*.json"))
V2 = sorted(FIXTURES.glob("v2-*.json"))  # tested in tests/test_draft_participation.py
HOST_KEY = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"


@pytest.fixture
def app_data(tmp_path, monkeypatch):
    """App data and the keyring of this test only (a migrated host key must not reach the real
    store)."""
    folder = tmp_path / "appdata"
    monkeypatch.setenv("DIVERSITY_ASSISTANT_DATA_DIR", str(folder))
    previous = keyring.get_keyring()
    keyring.set_keyring(InMemoryKeyring())
    yield folder
    keyring.set_keyring(previous)


def _copy(fixture: Path, folder: Path) -> Path:
    target = folder / fixture.name
    shutil.copyfile(fixture, target)
    return target


def test_the_fixtures_hold_every_earlier_version():
    assert len(V1) == 3  # the demo, a KSZ draft, a CBS draft with portal settings
    assert {json.loads(p.read_text(encoding="utf-8"))["version"] for p in V1} == {1}
    assert {json.loads(p.read_text(encoding="utf-8"))["version"] for p in V2} == {2}
    assert sorted(MIGRATIONS) == list(range(1, VERSION))  # one step per earlier version


@pytest.mark.parametrize("fixture", V1, ids=lambda p: p.stem)
def test_a_version_1_draft_opens_migrates_and_saves_as_the_current_version_with_nothing_lost(
    fixture, tmp_path, app_data
):
    before = json.loads(fixture.read_text(encoding="utf-8"))
    path = _copy(fixture, tmp_path)
    draft = load_draft(path)
    save_draft(draft, path)
    after = json.loads(path.read_text(encoding="utf-8"))

    assert after["version"] == VERSION
    for key in ("programme", "checklist", "organisation", "peildatum", "population", "has_file"):
        if key == "organisation" and "earlier_participation" in before[key]:
            # version 3: the free text "Nee" became the choice, the text kept as its note
            text = before[key].pop("earlier_participation")
            organisation = dict(after[key])
            assert organisation.pop("earlier_participation") == {
                "participated": False,
                "years": [],
                "note": text,
            }
            assert organisation == before[key]
            continue
        assert after[key] == before[key], key
    assert after["mapping"] == before["mapping"]
    assert after["categories"] == before["categories"]
    source = dict(after["source"])
    assert Path(source.pop("path")) == (tmp_path / before["source"]["path"]).resolve()
    assert source == {k: v for k, v in before["source"].items() if k != "path"}
    portal = before["portal"]
    if "upload" in portal:
        portal["upload"] = {
            k: v for k, v in portal["upload"].items() if not k.startswith("host_key")
        }
    assert after["delivery"] == portal
    assert "portal" not in after
    assert load_draft(path).to_json() | {"saved_at": None} == after | {"saved_at": None}


def test_a_version_1_host_key_moves_to_the_app_data_store(tmp_path, app_data):
    draft = load_draft(_copy(FIXTURES / "v1-cbs-portal.json", tmp_path))
    assert remembered_host_key("upload.cbs.example", 2222) == HOST_KEY
    assert draft.delivery.upload.url == "sftp://upload.cbs.example:2222/inbox"
    assert draft.delivery.upload.user == "gemeente-voorbeeld"
    assert draft.delivery.recipient.path == Path("/home/hr/cbs-ontvanger.pem")
    assert draft.categories.cell_threshold == 7
    assert draft.categories.bands["entry_year"] == (2010, 2020)
    assert draft.organisation.staff_counts == ("412",)


def test_the_store_wins_over_a_version_1_host_key(tmp_path, app_data):
    other = "SHA256:" + "A" * 43
    remember_host_key("upload.cbs.example", 2222, other)
    load_draft(_copy(FIXTURES / "v1-cbs-portal.json", tmp_path))
    assert remembered_host_key("upload.cbs.example", 2222) == other


def test_a_version_1_ksz_draft_keeps_every_choice(tmp_path, app_data):
    draft = load_draft(_copy(FIXTURES / "v1-ksz.json", tmp_path))
    choices = read_choices(draft)
    assert choices.requested() == ("origin", "sex", "age")
    assert choices.age_edges == (35, 55)
    assert choices.reference_year == 2025
    assert choices.full_motivation().legal_basis == "Decreet gelijke kansen"
    assert choices.other == {"later_key": {"kept": True}}  # a later release's key, kept
    assert draft.organisation.get("openpgp_fingerprint").startswith("0123")
    assert draft.categories.merges_of("Afdeling")["ICT"] == "Onthaal en ICT"


def test_migrate_leaves_its_input_alone_and_is_a_no_op_at_the_current_version():
    data = json.loads((FIXTURES / "v1-cbs-portal.json").read_text(encoding="utf-8"))
    data["portal"]["upload"] = {"url": "sftp://x", "user": "u"}  # no host key: no store touched
    copy = json.loads(json.dumps(data))
    migrated = migrate_1_to_2(data)
    assert data == copy
    assert migrated["delivery"] == copy["portal"]
    assert migrated["version"] == 2
    current = migrate(migrated, VERSION)
    assert migrate(current, VERSION) == current


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        (VERSION + 1, "nieuwere versie van de assistent"),
        (0, "geen geldig versienummer"),
        ("2", "geen geldig versienummer"),
        (None, "geen geldig versienummer"),
    ],
)
def test_a_newer_or_unreadable_version_is_refused(tmp_path, version, expected):
    path = tmp_path / "concept.json"
    path.write_text(
        json.dumps({"format": "diversity-assistant/draft", "version": version}), encoding="utf-8"
    )
    with pytest.raises(DraftError) as caught:
        load_draft(path)
    assert expected in caught.value.render("nl")
    if version == VERSION + 1:
        assert "Update the assistant" in caught.value.render("en")
        assert "Mettez l'assistant à jour" in caught.value.render("fr")


def test_the_bundled_demo_is_saved_in_the_current_version():
    data = json.loads(resource_path("samples", "demo-draft.json").read_text(encoding="utf-8"))
    assert data["version"] == VERSION


def test_sections_are_frozen_and_replaced_on_change():
    draft = Draft(categories=CategoryChoices(bands={"age": [35, 50]}))
    before = draft.categories
    with pytest.raises(AttributeError):
        before.cell_threshold = 5  # type: ignore[misc]
    draft.categories = before.with_cell_threshold(5).with_merges("Afdeling", {"A": "A en B"})
    assert before.cell_threshold is None
    assert before.merges == {}
    assert draft.categories.to_json() == {
        "bands": {"age": [35, 50]},
        "merges": {"Afdeling": {"A": "A en B"}},
        "cell_threshold": 5,
    }
    assert draft.categories.with_merges("Afdeling", {}).merges == {}


def test_the_organisation_id_is_its_rsin_or_kbo_number_not_its_name():
    dutch = Organisation({"name": "Gemeente Voorbeeld"}, ("802634540L02", "111222333L01"))
    assert dutch.id == "rsin-111222333"  # the lowest RSIN, whatever the order typed
    renamed = dutch.with_value("name", "Gemeente Nieuw-Voorbeeld")
    assert renamed.id == dutch.id
    belgian = Organisation({"name": "Stad"}, kbo_numbers=("0207.451.227",))
    assert belgian.id == "kbo-0207451227"
    assert Organisation({"name": "Zonder nummer"}).id is None
    assert Draft(organisation=dutch).organisation_id == "rsin-111222333"
    assert organisation_id(Draft(organisation=Organisation({"name": "Zonder nummer"}))) == (
        "zonder-nummer"  # until a number is given: the name, as before
    )


def test_a_submissions_year_is_its_peildatums_year():
    assert Draft(peildatum=dt.date(2026, 1, 1)).year == 2026
    assert Draft().year is None


def test_keys_made_under_the_name_are_adopted_by_the_stable_id(app_data):
    organisation = Organisation({"name": "Gemeente Voorbeeld"}, ("802634540L01",))
    store = KeyringPassphraseStore()
    earlier = app_data / "keys" / "gemeente-voorbeeld"
    made = create_identity(
        earlier, "gemeente-voorbeeld", "Gemeente Voorbeeld", passphrase_store=store
    )
    store.set("gemeente-voorbeeld/openpgp", "openpgp secret")

    org = organisation_id(Draft(organisation=organisation))
    assert org == "rsin-802634540"
    adopted = app_data / "keys" / org
    assert sorted(p.name for p in adopted.iterdir()) == sorted(p.name for p in earlier.iterdir())
    assert store.get(org) == store.get("gemeente-voorbeeld")
    assert store.get(org + "/openpgp") == "openpgp secret"
    assert earlier.is_dir()  # the earlier keys are left where they were
    from desktop_app.submission import default_identity

    identity = default_identity(Draft(organisation=organisation.with_value("name", "Hernoemd")))
    assert identity.certificate == made.certificate  # renamed: still the same key
