"""Streamlit's navigation, made to hold from a server's very first request.

Streamlit decides at the first session of a process whether the pages/ folder beside app.py means its old
automatic pages. If it does, that first request runs before app.py can say otherwise: the sidebar lists every
file of pages/ by name, a deep link runs its page without the frame, and an address no file has (/app,
/common) answers "Page not found". The two helpers below keep app.py's own navigation in charge of every
request; they use the two PagesManager attributes Streamlit itself reads for this (tests/pages/test_shell.py
checks they are still there).
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx


@asynccontextmanager
async def serving(_app: object) -> AsyncIterator[None]:
    """Settle, at server start and before any session, that app.py's st.navigation lists the pages, and keep
    the garbage collector off what app.py's imports made."""
    PagesManager.uses_pages_directory = False
    # Streamlit collects every generation after each script run (runner.postScriptGC). Over the ~165,000
    # objects of the modules imported (pandas, Altair's schema, DuckDB) that scan cost about 70 ms of every
    # visit, a third of the Overview's; they live as long as the process, so they are frozen out of it.
    gc.freeze()
    yield


def forget_unknown_address(pages: Iterable[st.Page]) -> None:
    """Open the default page, without Streamlit's "Page not found", at an address no page has.

    Such addresses are the ones older versions showed (/app, /common, /overview: the overview lives at the
    root) or a mistyped one; the browser's address then changes to the page shown.
    """
    context = get_script_run_ctx()
    manager = context.pages_manager if context else None
    if manager is None or manager.intended_page_script_hash or not manager.intended_page_name:
        return
    if manager.intended_page_name not in {page.url_path for page in pages}:
        manager.set_script_intent("", "")
