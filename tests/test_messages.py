"""Every message in resources/messages/*.toml exists in nl, en and fr with the same fields."""

from __future__ import annotations

import pytest

from desktop_app.messages import LANGUAGES, catalogue, template_fields


def test_the_catalogue_is_not_empty() -> None:
    assert len(catalogue()) > 10


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_message_has_every_language_and_the_same_fields(key: str) -> None:
    texts = catalogue()[key]
    assert set(texts) == set(LANGUAGES), f"{key}: languages {sorted(texts)}"
    for language in LANGUAGES:
        assert texts[language].strip(), f"{key}.{language} is empty"
    fields = {language: template_fields(texts[language]) for language in LANGUAGES}
    assert fields["en"] == fields["nl"] == fields["fr"], f"{key}: fields differ: {fields}"


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_message_renders_with_its_fields(key: str) -> None:
    texts = catalogue()[key]
    params = {name: f"<{name}>" for name in template_fields(texts["nl"])}
    for language in LANGUAGES:
        rendered = texts[language].format(**params)
        for value in params.values():
            assert value in rendered
