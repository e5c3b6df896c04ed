"""A column of a few values typed one way each keeps one spelling per value: the most common text of each value
(the first in order on a tie), where that spares most of the exceptions; counted on codes, it must give what
counting every (value, text) pair gives."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from pmo_core import origins

VALUES = ["green", "amber", "red", "capex", "opex", "k1", "k2"]
TEXTS = ["Green", "GREEN", "green", "Amber", "red", "Red ", "CAPEX", "Opex", "é", "e\u0301", "B", "b"]


def counted(keys: list[str], texts: list[str], present: np.ndarray, differs: np.ndarray) -> tuple:
    """The rule, pair by pair."""
    pairs = Counter((k, t) for k, t, p in zip(keys, texts, present, strict=True) if p)
    if len({k for k, _ in pairs}) > origins.TYPED_LIMIT:
        return ()
    best = {}
    for (key, text), count in pairs.items():
        if key not in best or (-count, text) < (-best[key][1], best[key][0]):
            best[key] = (text, count)
    chosen = [(k, t, c) for k, (t, c) in sorted(best.items()) if k != t]
    if not chosen or sum(c for _, _, c in chosen) < origins.SPELLINGS_SHARE * int(differs.sum()):
        return ()
    return tuple((k, t) for k, t, _ in chosen)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(VALUES), st.sampled_from(TEXTS), st.booleans()), min_size=1, max_size=60
    )
)
def test_spellings_counted_on_codes_as_pair_by_pair(cells):
    keys = [key for key, _, _ in cells]
    texts = [text for _, text, _ in cells]
    present = np.array([filled for _, _, filled in cells])
    canonical, typed = pa.array(keys, pa.string()), pa.array(texts, pa.string())
    differs = present & ~pc.fill_null(pc.equal(typed, canonical), False).to_numpy(zero_copy_only=False)
    assert origins._spellings(canonical, typed, present, differs) == counted(keys, texts, present, differs)


def test_many_values_keep_no_spelling():
    keys = [f"v{i}" for i in range(origins.TYPED_LIMIT + 1)]
    present = np.ones(len(keys), dtype=bool)
    found = origins._spellings(pa.array(keys), pa.array([k.upper() for k in keys]), present, present)
    assert found == ()


def test_status_words_keep_their_capital():
    keys = ["green"] * 5 + ["red"] * 3
    texts = ["Green"] * 4 + ["GREEN"] + ["Red"] * 3
    present = np.ones(len(keys), dtype=bool)
    found = origins._spellings(pa.array(keys), pa.array(texts), present, present)
    assert found == (("green", "Green"), ("red", "Red"))
