"""The Overview's first screen as static tables, which wrap their text where a data grid would cut it: the
projects needing a decision with their manager's comment, and the top risks; a tracker's text shows as typed,
never as a link or as formatting (issue 14, point 3)."""

from __future__ import annotations

from pages.ui.common import plain
from pmo_core import store
from tests.core.review_store import MAR, load, state
from tests.pages.conftest import no_exception, open_page

HOSTILE = "[Pay here](http://evil.example) **now**, or the plant stops"


def test_a_red_project_shows_its_comment_as_typed(db_path):
    con = store.connect(db_path)
    frames = state(MAR)
    frames["projects"].loc[0, ["status", "comment"]] = ["red", HOSTILE]
    load(con, frames, MAR)
    con.close()
    for lang, comment in (("en", "Manager's comment"), ("fr", "Commentaire du chef de projet")):
        at = open_page("pages/overview.py", lang=lang)
        no_exception(at)
        needed, top = (t.value for t in at.table)
        assert list(needed.columns)[1:] == [
            "Why a decision" if lang == "en" else "Pourquoi décider",
            comment,
        ]
        assert needed[comment].tolist() == [plain(HOSTILE)]  # escaped: the table writes it, never links it
        assert needed.iloc[0, 0] == "[P1](project?project=P1&lang=" + lang + ")"  # the code opens the project
        assert len(top) == 4 and top.iloc[0, 1] == "Risk 1 (Alpha)"  # four open risks, most severe first
