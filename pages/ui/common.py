"""What every page shares: the store connection, the language, the sidebar filters, headings and chips.

Pages only render: they read the filters from here, call one pmo_core function per picture, and draw it.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import hashlib
import inspect
import json
import os
import pickle
import threading
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

import duckdb
import pandas as pd
import streamlit as st
from streamlit.elements.vega_charts import _altair_globals_lock as _altair_globals
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec as _altair_to_vega_lite
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from pmo_core import access, backup, committee, formatting, meetings, settings, snapshots, store
from pmo_core.access import Actor
from pmo_core.charts import style as chart_style
from pmo_core.charts.locale import localised
from pmo_core.filters import Filters, filter_options
from pmo_core.i18n import LANGUAGES, t
from pmo_core.palette import STATUS_EMOJI

LANG_KEY = "lang"  # the session's language: a plain key, which a page switch leaves alone
LANG_CONTROL_KEY = "lang_control"  # the sidebar's FR/EN control, whose own state a page switch may drop
CURRENT = "current"  # the snapshot choice meaning the current state
SNAPSHOT_KEY = "snapshot_choice"


@st.cache_resource(show_spinner=False)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    """Open the store once per server process, and start the process's backup thread beside it (it alone can
    copy a store this process holds); sessions each work on their own cursor."""
    con = store.connect(path)
    backup.start_service(con, path)
    return con


# Cursors per script-run thread, not per session: with fast reruns a click starts a new run while the last
# one finishes its query, and two threads on one cursor would read each other's results.
_runs = threading.local()


def cursor() -> duckdb.DuckDBPyConnection:
    """Return this run's cursor on the process's one connection, its cost figures blanked if they are hidden."""
    path = str(store.db_path())
    held = _runs.__dict__.setdefault("cursors", {})
    if path not in held:
        try:
            held[path] = [_connection(path).cursor(), False]
        except store.StoreBusy:
            st.error(tr("store.busy", path=path))
            st.stop()
    if held[path][1] != costs_hidden():
        access.hide_costs(held[path][0], costs_hidden())
        held[path][1] = costs_hidden()
    return held[path][0]


def detached_cursor(hidden: bool) -> duckdb.DuckDBPyConnection:
    """Return a cursor of its own for work done outside a script run (a file built when its download is
    clicked), its cost figures blanked as the session's are: such work cannot read the session's state."""
    held = _connection(str(store.db_path())).cursor()
    access.hide_costs(held, hidden)
    return held


def lang() -> str:
    """Return the session's language; outside a script run (AppTest reading widget labels), the last one used.

    A session opened from a link (a project's page in a new tab) starts in the language the link names.
    """
    if get_script_run_ctx() is None:
        return _last_language[0]
    state = st.session_state  # read once: a page asks for its language hundreds of times a run
    chosen = state.get(LANG_KEY)
    if chosen is None:
        linked = st.query_params.get(LANG_KEY)
        chosen = linked if linked in LANGUAGES else os.environ.get("PMO_LANG", "en")
        if linked in LANGUAGES:
            state[LANG_KEY] = linked
    _last_language[0] = chosen
    return chosen


PROJECT_LINK_TEXT = r"project=([^&]*)"  # what a LinkColumn of project_links shows: the code


def project_links(codes: pd.Series) -> pd.Series:
    """Return the address of each project's page, in the language in force: a link opens a new session."""
    language = lang()
    return codes.map(lambda code: f"project?project={quote(str(code))}&{LANG_KEY}={language}")


def project_columns(code_label: str, name_label: str) -> dict:
    """Return the column_config of a table's first two columns: the project's code, pinned, linking to its
    page (`link`, from project_links), then its name (`name`)."""
    return {
        "link": st.column_config.LinkColumn(code_label, display_text=PROJECT_LINK_TEXT, pinned=True),
        "name": st.column_config.TextColumn(name_label, width="medium"),
    }


_last_language = [os.environ.get("PMO_LANG", "en")]


def tr(key: str, /, **params: object) -> str:
    """Translate a key into the session's language."""
    return t(key, lang(), **params)


def data_version() -> tuple:
    """Identify the store's content as this session sees it, so cached results refresh after an import or a
    rollback, and a session whose cost figures are hidden never shares results with one that sees them."""
    return (*snapshots.data_version(cursor()), costs_hidden())


def changes_version() -> tuple:
    """Identify the store's content and the committees' log: a committee recorded moves where changes start."""
    return (*data_version(), meetings.log_version(cursor()))


@st.cache_data(show_spinner=False, max_entries=32)
def committee_scope(version: tuple, f: Filters) -> committee.Scope:
    """Return the state viewed and the snapshot its changes are measured from: the one the last committee
    reviewed, else the previous one. The Overview, the Risks, Budget and Project pages and the pack agree."""
    return committee.scope(cursor(), filters=f, today=date.today())


# What the frame reads on every run of every session, computed once per data version and shared by all
# sessions; a few versions are kept (a session may still show the state before an import), for an hour at most.
_FRAME_READS = {
    "settings": settings.get_all,
    "snapshots": snapshots.list_snapshots,
    "filter_options": filter_options,
}


@st.cache_data(show_spinner=False, max_entries=32, ttl=3600)
def shared_read(version: tuple, name: str, *args: object):
    """Return one of the frame's reads (settings, snapshots, filter values) for a data version."""
    return _FRAME_READS[name](cursor(), *args)


COSTS_HIDDEN_KEY = "_costs_hidden"


def costs_hidden() -> bool:
    return st.session_state.get(COSTS_HIDDEN_KEY, False)


def show_costs_to(person: Actor) -> tuple:
    """Hide the session's cost figures when the setting hides them from the person's role (cursor() blanks them);
    return the data version the session now sees, so the frame reads it once a run."""
    content = snapshots.data_version(cursor())
    hidden = shared_read((*content, costs_hidden()), "settings")["hide_costs_from_viewers"]
    st.session_state[COSTS_HIDDEN_KEY] = not access.sees_costs(person, hidden)
    return (*content, costs_hidden())


def current_settings() -> dict:
    """Return the settings, read once per run by the sidebar (money is formatted hundreds of times a run)."""
    if "_settings" not in st.session_state:
        st.session_state["_settings"] = shared_read(data_version(), "settings")
    return st.session_state["_settings"]


def currency() -> str:
    return current_settings()["currency"]


def _language_chosen() -> None:
    st.session_state[LANG_KEY] = st.session_state[LANG_CONTROL_KEY]


def change(delta: float | None, text: str, colour: str = "normal") -> dict:
    """Return st.metric's delta options for a change since the snapshot compared with: the change signed, so the
    arrow points the right way; no change, a grey "±0" with no arrow (a text not starting with "-" would
    otherwise draw a rise); no earlier figure, nothing."""
    if delta is None or pd.isna(delta):
        return {"delta": None}
    if delta == 0:
        return note("±0")
    return {"delta": text if text.startswith("-") else f"+{text}", "delta_color": colour}


def note(text: str | None) -> dict:
    """Return st.metric's delta options for a grey note under a card's figure (what it is a share of, where it
    peaks): no arrow and no colour, since it is no change."""
    return {"delta": text, "delta_color": "off", "delta_arrow": "off"}


@dataclass(frozen=True)
class Card:
    """A headline figure: its label, its value, a grey note under it and the help of its (?) mark."""

    label: str
    value: str
    note: str | None = None
    help: str | None = None


def cards(row: list[Card], widths: list[float] | None = None) -> None:
    """Draw a row of bordered headline cards, each note grey with no arrow."""
    for column, card in zip(st.columns(widths or len(row)), row, strict=True):
        column.metric(card.label, card.value, **note(card.note), help=card.help, border=True)


def money(value: float | None, short: bool = False) -> str:
    return formatting.money(value, lang(), currency(), short=short)


def actor() -> Actor:
    """Return the person using this session, as the frame found them on this run."""
    return st.session_state[ACTOR_KEY]


ACTOR_KEY = "_acting"


def language_switch() -> None:
    """Draw the FR/EN switch (the sidebar's, and the sign-in page's before anyone is signed in)."""
    st.sidebar.segmented_control(
        tr("sidebar.language"),
        options=["en", "fr"],
        format_func=lambda code: {"en": "English", "fr": "Français"}[code],
        key=LANG_CONTROL_KEY,
        default=lang(),
        on_change=_language_chosen,
        selection_mode="single",
        required=True,  # a click on the language in force keeps it instead of clearing the choice
    )


def sidebar(version: tuple | None = None) -> Filters:
    """Draw the shared sidebar (language, snapshot, filters) and return the filters in force; `version` is the
    data version the frame read on this run."""
    version = version or data_version()
    st.session_state["_settings"] = shared_read(version, "settings")
    language_switch()
    with st.sidebar:
        st.subheader(tr("sidebar.filters"))
        dates = [s.as_of for s in shared_read(version, "snapshots")]
        options: list[date | str] = [CURRENT, *dates]  # not None: a selectbox shows None as "no choice"
        # One widget per language: a selectbox keeps showing its old label when only the wording changes.
        remembered = st.session_state.get(SNAPSHOT_KEY, CURRENT)
        current, language = tr("sidebar.snapshot_current"), lang()  # fixed now: labels are formatted later
        choice = st.selectbox(
            tr("sidebar.snapshot"),
            options,
            key=f"filter_snapshot_{language}",
            index=options.index(remembered) if remembered in options else 0,
            format_func=lambda d: current if d == CURRENT else formatting.day(d, language),
        )
        st.session_state[SNAPSHOT_KEY] = choice
        as_of = None if choice == CURRENT else choice
        choices = shared_read(version, "filter_options", as_of)
        portfolios = _multiselect("sidebar.portfolio", choices.portfolios, "filter_portfolios")
        narrowed = shared_read(version, "filter_options", as_of, tuple(portfolios))
        programmes = _multiselect("sidebar.programme", narrowed.programmes, "filter_programmes")
        managers = _multiselect("sidebar.manager", choices.managers, "filter_managers")
    filters = Filters(tuple(portfolios), tuple(programmes), tuple(managers), as_of)
    st.session_state["_filters"] = filters
    return filters


def _keep_valid(key: str, options: list, single: bool = False) -> None:
    """Forget a remembered choice that the data no longer offers (after a rollback or another filter)."""
    if key not in st.session_state:
        return
    if single:
        if st.session_state[key] not in options:
            del st.session_state[key]
    else:
        st.session_state[key] = [value for value in st.session_state[key] if value in options]


def _multiselect(label_key: str, options: tuple[str, ...], key: str) -> list[str]:
    _keep_valid(key, list(options))
    return st.multiselect(tr(label_key), options, key=key, placeholder=tr("sidebar.all"))


def filters() -> Filters:
    """Return the filters the sidebar set on this run."""
    return st.session_state.get("_filters", Filters())


def snapshot_date(f: Filters) -> date | None:
    """Return the reporting date a page speaks of: the chosen snapshot, else the latest one."""
    if f.as_of:
        return f.as_of
    dates = shared_read(data_version(), "snapshots")
    return dates[0].as_of if dates else None


def heading(title: str, since: str | None = None, definitions: str | None = None) -> None:
    """Write the page heading and, under it, the snapshot and filters in force; on the same line, where the page
    shows changes, since when (and the figures' definitions on its help mark), so it takes no row of its own."""
    st.title(title)
    f = filters()
    snapshot = tr("sidebar.snapshot_current") if f.as_of is None else formatting.day(f.as_of, lang())
    parts = [*f.portfolios, *f.programmes, *f.managers]
    scope = tr(
        "filters.caption", snapshot=snapshot, filters=", ".join(parts) if parts else tr("filters.none")
    )
    st.caption(" · ".join(filter(None, [scope, since])), help=definitions)


def status_chip(code: str | None) -> str:
    """Return a status as an emoji and its word, so it reads without colour too."""
    code = code or "grey"
    return f"{STATUS_EMOJI.get(code, '⚪')} {tr('status.grey') if code == 'grey' else tr('status.' + code)}"


def empty_store_notice() -> bool:
    """Say so when the store holds nothing yet; return True when the page should stop there."""
    if snapshots.is_empty(cursor()):
        st.info(tr("empty.store"))
        return True
    return False


def chart(figure, *inputs, inputs_key: tuple | None = None, **kwargs):
    """Draw a chart with its numbers and dates written the way the page's language writes them.

    Give the chart function of pmo_core.charts and its inputs, `common.chart(charts.trend_chart, trend, LANG,
    width="stretch")`, and a run that finds the chart's finished specification (another session drew the same
    chart on the same figures) does not build it at all; a chart already built (a slide's) is found by its
    content. Keyword arguments st.vega_lite_chart takes (width, key, on_select...) are its; others are the
    chart function's (a title). A page that knows what the inputs are made from (the data version and the
    filters of its cached reads) says so in `inputs_key`, which then stands for them: their frames are not
    hashed again on every run.
    """
    drawing = {name: value for name, value in kwargs.items() if name in _DRAWING_OPTIONS}
    options = {name: value for name, value in kwargs.items() if name not in _DRAWING_OPTIONS}
    if hasattr(figure, "to_dict"):
        spec = chart_spec(localised(figure, lang()))
    else:
        spec = built_chart_spec(figure, *inputs, inputs_key=inputs_key, **options)
    return st.vega_lite_chart(_handed_out(spec), **drawing)


_DRAWING_OPTIONS = frozenset(inspect.signature(st.vega_lite_chart).parameters) - {"data", "spec"}


CHART_SPECS = 128  # finished specifications kept, a few hundred kB at most each (charts send few rows)
_chart_specs: collections.OrderedDict[str, dict] = collections.OrderedDict()
_chart_specs_lock = threading.Lock()


def _kept_spec(key: str, make) -> dict:
    """Return the specification kept under a key, made by `make` (outside the lock) on a miss; the last
    CHART_SPECS are kept, whichever sessions drew them."""
    with _chart_specs_lock:
        found = _chart_specs.get(key)
        if found is not None:
            _chart_specs.move_to_end(key)
            return found
    found = make()
    with _chart_specs_lock:
        _chart_specs[key] = found
        while len(_chart_specs) > CHART_SPECS:
            _chart_specs.popitem(last=False)
    return found


def chart_spec(figure) -> dict:
    """Return a built chart's finished Vega-Lite specification (its data as Arrow), made once for all sessions.

    Streamlit validates a whole specification against Vega-Lite's schema every time it draws an Altair chart,
    the largest single cost of a page's run; twenty people opening the same page draw the same charts. The
    specification is found by its content (written without validation, which is cheap), so a chart of other
    data or another language is another entry; a new one is validated and converted once, the way
    st.altair_chart does it.
    """
    with _altair_globals:  # Altair's data transformer is global: Streamlit swaps it under this lock
        written = figure.to_dict(validate=False)
    key = hashlib.sha256(json.dumps(written, sort_keys=True, default=str).encode()).hexdigest()
    return _kept_spec(key, lambda: _altair_to_vega_lite(figure))


def built_chart_spec(build, *inputs, inputs_key: tuple | None = None, **options) -> dict:
    """Return the finished specification of the chart `build(*inputs)` draws in the session's language,
    building it only when no session has drawn it on these inputs: the key is the function and a digest of
    its inputs (hashing a frame costs a small share of building and writing a chart from it)."""
    language = lang()
    key = _inputs_key(build, (inputs, options) if inputs_key is None else (inputs_key, options), language)

    def make() -> dict:
        return _altair_to_vega_lite(localised(build(*inputs, **options), language))

    if key is None:  # an input this digest cannot read: found by content, as a built chart is
        return chart_spec(localised(build(*inputs, **options), language))
    return _kept_spec(key, make)


def _inputs_key(build, inputs: tuple, language: str) -> str | None:
    digest = hashlib.sha256(f"{build.__module__}.{build.__qualname__}|{language}".encode())
    try:
        _digest(inputs, digest)
    except (TypeError, ValueError, pickle.PicklingError, AttributeError):
        return None
    return "built:" + digest.hexdigest()


def _digest(value, into) -> None:
    """Feed a chart function's input into a hash: frames by their values (pandas' row hashes), dataclasses
    and containers field by field, anything else by its pickle; equal inputs give equal digests."""
    if isinstance(value, pd.DataFrame):
        header = (list(value.columns), [repr(kind) for kind in value.dtypes], value.shape, value.index.names)
        into.update(b"frame" + pickle.dumps(header))
        into.update(pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes())
    elif isinstance(value, pd.Series):
        into.update(b"series" + pickle.dumps((value.name, repr(value.dtype), len(value), value.index.names)))
        into.update(pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        into.update(b"dataclass" + type(value).__qualname__.encode())
        for field in dataclasses.fields(value):
            into.update(field.name.encode())
            _digest(getattr(value, field.name), into)
    elif isinstance(value, (list, tuple)):
        into.update(f"{type(value).__name__}{len(value)}".encode())
        for item in value:
            _digest(item, into)
    elif isinstance(value, dict):
        into.update(f"dict{len(value)}".encode())
        for name, item in value.items():
            _digest(name, into)
            _digest(item, into)
    else:
        into.update(pickle.dumps(value))


def _handed_out(spec: dict) -> dict:
    """Return a kept specification as st.vega_lite_chart may take it: Streamlit copies the top level before it
    takes the data out, and writes only a null colour legend title below it, so that part alone is copied."""
    spec = dict(spec)
    encoding = spec.get("encoding")
    if isinstance(encoding, dict) and isinstance(encoding.get("color"), dict):
        colour = dict(encoding["color"])
        if isinstance(colour.get("legend"), dict):
            colour["legend"] = dict(colour["legend"])
        spec["encoding"] = {**encoding, "color": colour}
    return spec


TABLE_HEADER_PX, TABLE_ROW_PX = 38, 35  # st.dataframe's header and default row heights, borders included


def table(data, *, formats: dict | None = None, **kwargs):
    """Draw a table with st.dataframe: numbers written in the page's language, an empty cell a dash.

    The browser would write a number column in its own locale (52,925 on a French page). Each number
    column whose column_config gives a format is written here instead, as the frame's display values
    over its numbers, so it still sorts as numbers; `formats` names a writer for other columns (a CPI
    with its thresholds). A height asked for is a most: four rows are not drawn over ten empty ones.
    """
    frame = getattr(data, "data", data)  # a Styler holds its frame in .data
    if isinstance(kwargs.get("height"), int):
        kwargs["height"] = min(
            kwargs["height"], TABLE_HEADER_PX + len(frame) * kwargs.get("row_height", TABLE_ROW_PX) + 3
        )
    config, writers = _written_numbers(kwargs.pop("column_config", None) or {}, frame)
    own = {column: (getattr(w, "__code__", w), w) for column, w in (formats or {}).items() if column in frame}
    writers |= own
    if writers and isinstance(frame, pd.DataFrame):
        if data is frame:
            data = _written(frame, writers)
        else:  # a Styler of the page's own (none today): its styles are computed as pandas does
            data = data.format({c: w for c, (_, w) in writers.items()}, subset=list(writers), na_rep="—")
    return st.dataframe(data, placeholder="—", column_config=config or None, **kwargs)


PAGE_ROWS = 250  # rows a long table draws at once: a screen shows a dozen, and every row drawn costs each run


def paged(frame: pd.DataFrame, key: str, rows: int | None = None) -> pd.DataFrame:
    """Return the page of a long table the reader is on (PAGE_ROWS rows a page), and draw the pager to turn
    it (one page: nothing). Call it below a container the table is then drawn in, so the pager sits under it.
    """
    rows = rows or PAGE_ROWS
    pages = -(-len(frame) // rows)
    if pages <= 1:
        return frame
    if st.session_state.get(key, 1) > pages:  # a narrower search left fewer pages than the one shown
        del st.session_state[key]
    pager, words = st.columns([2, 3], vertical_alignment="center")
    with pager:
        page = st.pagination(pages, key=key, width="stretch")
    first = (page - 1) * rows
    shown = frame.iloc[first : first + rows]
    language = lang()
    words.caption(
        tr(
            "table.rows",
            first=formatting.number(first + 1, language),
            last=formatting.number(first + len(shown), language),
            total=formatting.number(len(frame), language),
        )
    )
    return shown


TABLE_WRITINGS = 64  # tables whose written cells are kept, a few thousand short strings each
_writings: collections.OrderedDict[tuple, dict] = collections.OrderedDict()
_writings_lock = threading.Lock()


def _written(frame: pd.DataFrame, writers: dict[str, tuple]):
    """Return the frame as a Styler whose number cells read as `writers` write them, written once for all
    sessions.

    Streamlit reads a Styler through Styler._translate, a pass in Python over every cell of the table that
    runs on every draw (the largest cost of a long table). The cells' words depend on their values, the
    writer, the language and the settings alone: they are written once, found again by the columns'
    content, and handed to Streamlit as what the Styler translated (its one use of it: the display value
    of each cell named row<r>_col<c>); a Styler with no style of its own has nothing else to compute.
    """
    positions = {column: frame.columns.get_loc(column) for column in writers}
    key = (
        lang(),
        json.dumps(current_settings(), sort_keys=True, default=str),  # a writer may read a threshold
        len(frame),
        tuple((positions[c], writers[c][0], _content(frame[c])) for c in writers),
    )
    with _writings_lock:
        translated = _writings.get(key)
        if translated is not None:
            _writings.move_to_end(key)
    if translated is None:
        body: list[list[dict]] = [[] for _ in range(len(frame))]
        for column, (_, write) in writers.items():
            cell = f"_col{positions[column]}"
            for row, value in enumerate(frame[column].tolist()):
                text = "—" if pd.isna(value) else write(value)
                body[row].append({"id": f"row{row}{cell}", "display_value": text})
        translated = {"body": body}
        with _writings_lock:
            _writings[key] = translated
            while len(_writings) > TABLE_WRITINGS:
                _writings.popitem(last=False)
    styler = frame.style
    styler._compute = lambda: styler  # noqa: SLF001 - no style to compute: the cells are written above
    styler._translate = lambda *_args, **_kwargs: translated  # noqa: SLF001
    return styler


def _content(column: pd.Series) -> str:
    """Identify a column's values in their order (pandas hashes them in C)."""
    hashed = pd.util.hash_pandas_object(column, index=False).to_numpy()
    return hashlib.blake2b(hashed.tobytes(), digest_size=16).hexdigest()


def _written_numbers(config: dict, frame: pd.DataFrame) -> tuple[dict, dict]:
    """Split the number formats out of a column_config: the config without them, and for each number column
    (a column the config leaves unformatted too, which would otherwise read 0.510000) the writer and what
    names it among writers (its format and step)."""
    language, config, writers = lang(), dict(config), {}
    for column in getattr(frame, "columns", ()):
        spec = config.get(column)
        options = spec.get("type_config", {}) if isinstance(spec, dict) else {}
        kind = frame[column].dtype
        numbers = pd.api.types.is_numeric_dtype(kind) and not pd.api.types.is_bool_dtype(kind)
        if options.get("type", "number") != "number" or not numbers:
            continue  # text, dates, links, yes/no, progress bars (which write their own figure)
        write = formatting.writer(options.get("format"), language, options.get("step"))
        if write:
            writers[column] = ((options.get("format"), options.get("step")), write)
            if options.get("format"):  # (a config that is a label alone has no format to remove)
                config[column] = {**spec, "type_config": {**options, "format": None}}
    return config, writers


def coming_next(area: str) -> None:
    """Describe what a page will show once its issue lands, instead of an error."""
    st.info(tr(f"coming.{area}"))


def status_label(code: str | None) -> str:
    """Return a status's word in the page's language, as the charts word it; no status is "Not reported"."""
    return chart_style.status_label(code, lang())


def index_text(value: float | None) -> str:
    """Write a CPI or SPI rounded, with a decimal more where two would carry it across a colour threshold."""
    thresholds = current_settings()["cpi_spi_green"], current_settings()["cpi_spi_red"]
    return formatting.ratio(value, lang(), thresholds)


def day(value: object) -> str:
    return formatting.day(value, lang())


def day_format() -> str:
    """Return the date format of table columns in the page's language."""
    return "DD/MM/YYYY" if lang() == "fr" else "D MMM YYYY"


def plain(text: object) -> str:
    """Keep a tracker's text from being read as Markdown (a name, a typed cell, a file name)."""
    return "".join("\\" + c if c in "\\`*_{}[]<>()#+-.!|~$" else c for c in str(text))


def fragment(key: str):
    """Make a part of a page rerun alone (st.fragment), with a write the role refuses shown as the frame shows
    it: an exception raised in a fragment stops there, short of app.py's handler, and would show a traceback."""

    def wrap(body):
        @functools.wraps(body)
        def guarded(*args, **kwargs):
            try:
                return body(*args, **kwargs)
            except access.AccessDenied as refused:
                st.error(refused.message(lang()))
                return None

        return st.fragment(guarded, key=key)

    return wrap
