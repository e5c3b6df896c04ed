"""A widget change inside a fragment, made the way the browser makes it, for AppTest (tests and benchmarks).

AppTest's own `run()` always reruns the whole script, as a browser did before a part of the page became a
fragment. The browser tells the server which fragment a changed widget belongs to, and the server then runs
that fragment's function alone; `rerun_fragment` asks the same of AppTest's script runner. The handle then
holds what the browser receives from such a run: the fragment's elements alone (the rest of the page stays
as the last whole run drew it), or the whole page when the fragment asked for a whole rerun (`st.rerun()`).
"""

from __future__ import annotations

import functools
from unittest import mock

from streamlit.runtime.scriptrunner import RerunData
from streamlit.testing.v1 import AppTest, local_script_runner


def rerun_fragment(at: AppTest, key: str, timeout: float | None = None) -> AppTest:
    """Run the fragment drawn under `key` (st.fragment(key=...)) with the widget values set on `at`."""
    ids = at._fragment_storage.resolve_target(key)  # noqa: SLF001 - AppTest keeps the fragments it ran
    rerun = functools.partial(RerunData, fragment_id_queue=list(ids))
    with mock.patch.object(local_script_runner, "RerunData", rerun):
        return at.run(timeout=timeout)
