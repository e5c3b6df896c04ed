"""The committee pack's dialog on the Committee page, with AppTest: it names the meeting and the filters,
and offers the PowerPoint, the PDF and the current state in the template, in both languages (the files
themselves are downloaded in Chromium by tests/e2e/test_pack.py)."""

from __future__ import annotations

import pytest

from tests.pages.conftest import no_exception, open_page
from tests.pages.test_committee import with_committees  # noqa: F401 - the fixture, shared

LABELS = {
    "en": ("Committee pack", ["PowerPoint (.pptx)", "PDF", "Current state in Excel (template)"]),
    "fr": ("Dossier du comité", ["PowerPoint (.pptx)", "PDF", "Situation actuelle en Excel (modèle)"]),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_pack_dialog_offers_both_files_and_the_template(with_committees, lang):  # noqa: F811
    at = open_page("pages/committee.py", lang=lang)
    no_exception(at)
    button, downloads = LABELS[lang]
    assert not [d for d in at.get("download_button") if d.proto.label in downloads]  # closed until asked
    next(b for b in at.button if b.label == button).click().run()
    no_exception(at)
    offered = [d.proto.label for d in at.get("download_button")]
    assert offered[-3:] == downloads
    assert any(c.value.startswith("COPIL October") for c in at.caption)  # the latest meeting by default
