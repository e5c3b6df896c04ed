"""Budget page: are we spending as planned, and where will we land? Earned value on a status date, the
S-curve and the monthly picture, variances, roll-ups, allocation and the alerts a PMO acts on."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from pages.ui import common, origin
from pmo_core import budget, committee, evm, formatting
from pmo_core.charts import budget as charts
from pmo_core.filters import Filters
from pmo_core.palette import STATUS_EMOJI

TABLE_ROWS = 300  # rows a table shows on screen; the Excel download holds them all
ALLOCATIONS = ("portfolio", "programme", "cost_type", "year")
RANKED = 15  # bars in the variance ranking: readable from the back of the room


# --- Cached queries: one per picture's data, refreshed when the store's content changes -----------------


@st.cache_data(show_spinner=False, max_entries=64)
def _earned_value(version: tuple, f: Filters, status_date: date, method: str) -> pd.DataFrame:
    return evm.earned_value(common.cursor(), f, status_date, method)


@st.cache_data(show_spinner=False, max_entries=64)
def _monthly(version: tuple, f: Filters, status_date: date) -> pd.DataFrame:
    return budget.monthly(common.cursor(), f, status_date)


@st.cache_data(show_spinner=False, max_entries=64)
def _history(version: tuple, f: Filters, status_date: date) -> pd.DataFrame:
    return budget.earned_history(common.cursor(), f, status_date)


@st.cache_data(show_spinner=False, max_entries=32)
def _yearly(version: tuple, f: Filters, status_date: date, measure: str) -> budget.YearlyPhasing:
    return budget.yearly_phasing(common.cursor(), f, status_date, measure, TABLE_ROWS)


@st.cache_data(show_spinner=False, max_entries=32)
def _plan(version: tuple, f: Filters, status_date: date, method: str) -> budget.Phasing:
    """Return the time-phased plan, computed once per data version and shared by every session."""
    frame = _earned_value(version, f, status_date, method)
    return budget.phasing(_monthly(version, f, status_date), frame, status_date, method)


@st.cache_data(show_spinner=False, max_entries=32)
def _s_curve(version: tuple, f: Filters, status_date: date, method: str) -> budget.SCurve:
    frame = _earned_value(version, f, status_date, method)
    return budget.s_curve(_plan(version, f, status_date, method), frame, _history(version, f, status_date))


@st.cache_data(show_spinner=False, max_entries=32)
def _dates(version: tuple, f: Filters) -> budget.StatusDates:
    return budget.status_dates(common.cursor(), f)


# --- Formatting helpers --------------------------------------------------------------------------------


def index_chip(value: float) -> str:
    """Write a CPI or SPI with its status colour and shape, or "n/a" when it is undefined."""
    status = evm.index_status(value, SETTINGS["cpi_spi_green"], SETTINGS["cpi_spi_red"])
    return f"{STATUS_EMOJI[status or 'grey']} {common.index_text(value)}"


def index_status_word(value: float) -> str:
    status = evm.index_status(value, SETTINGS["cpi_spi_green"], SETTINGS["cpi_spi_red"])
    return common.tr("budget.index.na") if status is None else common.status_chip(status)


def money(value: float | None, short: bool = False) -> str:
    """Write an amount in the store's currency; the currency is read once per run, not once per cell."""
    return formatting.money(value, LANG, CURRENCY, short=short)


def money_column(key: str) -> st.column_config.NumberColumn:
    title = common.tr("budget.col.with_unit", label=common.tr(f"budget.col.{key}"), unit=SYMBOL)
    return st.column_config.NumberColumn(title, format="localized", step=1)


# --- Controls and headline figures ---------------------------------------------------------------------


def choice_key(name: str) -> str:
    """Return a widget key per language: Streamlit keeps a keyed widget's labels, so each language needs its own."""
    return f"{name}.{LANG}"


def kept(name: str, default: object, options: tuple | list) -> object:
    """Return the value a choice had before, in either language, if it is still offered; else the default."""
    value = st.session_state.get(f"_kept.{name}", default)
    if isinstance(value, list):
        return [v for v in value if v in options] or default
    return value if value in options else default


def keep(name: str, value: object) -> object:
    st.session_state[f"_kept.{name}"] = value
    return value


def controls(dates: budget.StatusDates) -> tuple[date, str]:
    """Offer the status date (month ends) and the EAC method, defaulting to the settings."""
    date_col, method_col, _ = st.columns([1, 1.6, 1.4])
    status_date = date_col.selectbox(
        common.tr("budget.status_date"),
        dates.options,
        index=dates.options.index(kept(f"status_date_{dates.default}", dates.default, dates.options)),
        format_func=lambda d: formatting.day(d, LANG),
        key=choice_key(f"budget_status_date_{dates.default}"),
        help=common.tr("budget.status_date.help"),
    )
    method = method_col.selectbox(
        common.tr("budget.method"),
        evm.METHODS,
        index=evm.METHODS.index(kept("method", SETTINGS["eac_method"], evm.METHODS)),
        format_func=lambda m: common.tr(f"budget.method.{m}"),
        key=choice_key("budget_method"),
        help=common.tr("budget.method.help"),
    )
    return keep(f"status_date_{dates.default}", status_date), keep("method", method)


def headline(
    now: budget.Totals, before: budget.Totals | None, scope: committee.Scope, status_before: date | None
) -> None:
    """Show the portfolio's earned value as two rows of cards, each with its change since the snapshot the last
    committee reviewed (else the previous one), taken at that snapshot's own status date."""
    since = ""
    if before is not None:
        since = common.tr(
            "since.budget.help",
            since=committee.since_text(scope, LANG),
            status=formatting.day(status_before, LANG),
        )
    amounts, outlook = st.columns(4), st.columns(4)
    for column, field in zip(amounts, ("bac", "pv", "ev", "ac"), strict=True):
        column.metric(
            common.tr(f"budget.metric.{field}"),
            money(getattr(now, field), short=True),
            **_money_delta(
                now, before, field, "off"
            ),  # a budget or a spend that grows is neither good nor bad
            border=True,
            help=f"{common.tr(f'budget.metric.{field}.help')} {since}".strip(),
        )
    thresholds = {
        "green": formatting.ratio(SETTINGS["cpi_spi_green"], LANG),
        "red": formatting.ratio(SETTINGS["cpi_spi_red"], LANG),
    }
    for column, field in zip(outlook[:2], ("cpi", "spi"), strict=True):
        value = getattr(now, field)
        column.metric(
            f"{common.tr(f'budget.metric.{field}')} · {index_status_word(value)}",
            common.index_text(value),
            **_ratio_delta(now, before, field),
            border=True,
            help=f"{common.tr(f'budget.metric.{field}.help', **thresholds)} {since}".strip(),
        )
    outlook[2].metric(
        common.tr("budget.metric.eac"),
        money(now.eac, short=True),
        **_money_delta(now, before, "eac", "inverse"),
        border=True,
        help=common.tr("budget.metric.eac.help", method=common.tr(f"budget.method.{METHOD}")),
    )
    outlook[3].metric(
        common.tr("budget.metric.vac"),
        money(now.vac, short=True),
        **_money_delta(now, before, "vac"),
        border=True,
        help=common.tr("budget.metric.vac.help"),
    )
    notes = [
        common.tr(f"budget.note.{name}", n=formatting.number(getattr(now, f"n_{name}"), LANG))
        for name in ("bac_from_lines", "pv_from_schedule", "ac_from_field", "no_progress")
        if getattr(now, f"n_{name}")
    ]
    st.caption(" · ".join([common.tr("budget.note.status", date=formatting.day(STATUS_DATE, LANG)), *notes]))


def _change_of(now: budget.Totals, before: budget.Totals | None, field: str) -> float | None:
    if before is None or pd.isna(getattr(now, field)) or pd.isna(getattr(before, field)):
        return None
    return getattr(now, field) - getattr(before, field)


def _money_delta(
    now: budget.Totals, before: budget.Totals | None, field: str, colour: str = "normal"
) -> dict:
    delta = _change_of(now, before, field)
    text = money(delta, short=True) if delta is not None else ""
    if delta is not None and text.lstrip("-") == money(0, short=True):
        delta = 0  # a change too small to show in k€ or M€ is shown as no change, not "+€0"
    return common.change(delta, text, colour)


def _ratio_delta(now: budget.Totals, before: budget.Totals | None, field: str) -> dict:
    delta = _change_of(now, before, field)
    delta = None if delta is None else formatting.half_away(delta, 2)  # the sign shown, not that of 0.004
    return common.change(delta, formatting.number(delta, LANG, 2) if delta is not None else "")


# --- S-curve -------------------------------------------------------------------------------------------


def s_curve_section(curve: budget.SCurve) -> None:
    """Draw the cumulative PV, EV, AC and forecast, with the status date and the budget marked."""
    if curve.points.empty:
        st.info(common.tr("budget.scurve.empty"))
        return
    common.chart(charts.s_curve_chart, curve, LANG, CURRENCY, width="stretch", key="budget_scurve")
    notes = [common.tr("budget.scurve.caption")]
    if curve.spread:
        notes.append(common.tr("budget.scurve.spread"))
    st.caption(" ".join(notes))


# --- Monthly picture -----------------------------------------------------------------------------------


def monthly_section(lines: pd.DataFrame) -> None:
    """Draw spend per month split CAPEX/OPEX (actual, then forecast) against the planned line."""
    window = budget.monthly_window(lines, STATUS_DATE)
    if window.empty:
        st.info(common.tr("budget.monthly.empty"))
        return
    common.chart(
        charts.monthly_chart,
        window,
        budget.monthly_finding(lines, STATUS_DATE),
        STATUS_DATE,
        LANG,
        CURRENCY,
        width="stretch",
        key="budget_monthly",
    )
    st.caption(common.tr("budget.monthly.caption"))


# --- Variances -----------------------------------------------------------------------------------------


@common.fragment(key="budget_variances")  # the ranking chosen and a cell opened rerun this tab alone
def variance_section(table: pd.DataFrame, alerts: pd.DataFrame) -> None:
    """Rank the projects by cost variance or forecast overrun, then list them all with the exhaustion month."""
    if table.empty:
        st.info(common.tr("empty.selection"))
        return
    by = st.segmented_control(
        common.tr("budget.rank.by"),
        budget.RANKINGS,
        default=kept("rank_by", "cv", budget.RANKINGS),
        required=True,
        format_func=lambda r: common.tr(f"budget.rank.{r}"),
        key=choice_key("budget_rank_by"),
    )
    keep("rank_by", by)
    ranked = budget.worst(table, by or "cv", RANKED)
    if ranked.empty:
        st.success(common.tr(f"budget.rank.none_{by or 'cv'}"))
    else:
        count = int((table["cv"] < 0).sum()) if by == "cv" else int((table["overrun"] > 0).sum())
        thresholds = (SETTINGS["cpi_spi_green"], SETTINGS["cpi_spi_red"])
        inputs = (ranked, by or "cv", count, LANG, CURRENCY, thresholds)
        common.chart(charts.ranking_chart, *inputs, width="stretch", key="budget_ranking")
    listed = table.head(TABLE_ROWS)
    event = common.table(
        variance_rows(listed),
        hide_index=True,
        width="stretch",
        height=460,
        column_config=variance_columns(),
        formats=INDEX_FORMATS,
        key="budget_variance_table",
        **origin.CELL_SELECTION,
    )
    as_of = common.filters().as_of
    origin.from_cell(
        event, listed, VARIANCE_FIGURES, lambda row, _: (row["code"], ""), as_of, "budget_variance"
    )
    notes = [common.tr("budget.variance.caption", months=evm.BURN_MONTHS)]
    if len(table) > TABLE_ROWS:
        notes.insert(
            0,
            common.tr(
                "budget.capped",
                shown=formatting.number(TABLE_ROWS, LANG),
                total=formatting.number(len(table), LANG),
            ),
        )
    st.caption(" ".join(notes))
    download("budget_download_variances")


# The stored figures behind the variance table's columns; the others are computed from the cost lines (the
# project page opens each month's line).
VARIANCE_FIGURES = {
    "name": ("projects", ("name",)),
    "portfolio": ("projects", ("portfolio",)),
    "bac": ("projects", ("budget",)),
    "percent_complete": ("projects", ("percent_complete",)),
    "ev": ("projects", ("budget", "percent_complete")),
    "project_link": ("projects", ("code",)),
}


def variance_rows(table: pd.DataFrame) -> pd.DataFrame:
    """Turn the variance table into what a reader scans: words for the months, a mark for a budget that
    runs out early; the indices stay numbers, written as chips by INDEX_FORMATS, so they sort as numbers."""
    shown = table.assign(percent_complete=table["percent_complete"] * 100)
    shown["exhaustion"] = [
        common.tr("budget.exhausted") if spent else (formatting.month(month, LANG) if pd.notna(month) else "")
        for spent, month in zip(shown["exhausted"], shown["exhaustion_month"], strict=True)
    ]
    shown["warning"] = shown["runs_out_before_end"].map(lambda late: "⚠" if late else "")
    shown["project_link"] = common.project_links(shown["code"])
    columns = [
        "name",
        "portfolio",
        "cpi",
        "spi",
        "cv",
        "sv",
        "overrun",
        "overrun_pct",
        "warning",
        "exhaustion",
        "bac",
        "pv",
        "ev",
        "ac",
        "eac",
        "etc",
        "vac",
        "burn_rate",
        "percent_complete",
        "tcpi",
        "project_link",
    ]
    return shown[columns]


# How the index columns of the tables are written: CPI and SPI as chips, TCPI and the overrun as figures.
INDEX_FORMATS = {
    "cpi": index_chip,
    "spi": index_chip,
    "tcpi": lambda v: formatting.ratio(v, LANG),
    "overrun_pct": lambda v: formatting.percent(v, LANG, 1),
}


def variance_columns() -> dict:
    return {
        "name": st.column_config.TextColumn(common.tr("budget.col.name"), width="medium"),
        "portfolio": st.column_config.TextColumn(common.tr("budget.col.portfolio")),
        "cpi": st.column_config.NumberColumn(
            common.tr("budget.col.cpi"), help=common.tr("budget.col.cpi.help")
        ),
        "spi": st.column_config.NumberColumn(
            common.tr("budget.col.spi"), help=common.tr("budget.col.spi.help")
        ),
        "tcpi": st.column_config.NumberColumn(
            common.tr("budget.col.tcpi"), help=common.tr("budget.col.tcpi.help")
        ),
        "overrun_pct": st.column_config.NumberColumn(common.tr("budget.col.overrun_pct")),
        "warning": st.column_config.TextColumn("⚠", width="small", help=common.tr("budget.col.warning.help")),
        "exhaustion": st.column_config.TextColumn(
            common.tr("budget.col.exhaustion_month"), help=common.tr("budget.col.exhaustion_month.help")
        ),
        "percent_complete": st.column_config.ProgressColumn(  # a whole percent: no decimal mark to localise
            common.tr("budget.col.percent_complete"),
            format="%d\u00a0%%" if LANG == "fr" else "%d%%",
            min_value=0,
            max_value=100,
        ),
        "project_link": st.column_config.LinkColumn(
            common.tr("budget.col.project_link"), display_text=common.PROJECT_LINK_TEXT
        ),
        **{
            key: money_column(key)
            for key in ("cv", "sv", "bac", "eac", "overrun", "vac", "burn_rate", "pv", "ev", "ac", "etc")
        },
    }


def download(key: str) -> None:
    """Offer the variance table and the alerts as one Excel file, built only when asked for.

    The click reads them anew on the run's cursor (which hides what the session may not see): a download
    waiting for its click holds no table, and Streamlit keeps a closed session two minutes.
    """
    lang, currency, settings, parent = LANG, CURRENCY, SETTINGS, common.cursor()
    f, status_date, method = F, STATUS_DATE, METHOD

    def workbook() -> bytes:
        con = parent.cursor()  # its own cursor: a download may run beside a rerun of the session
        try:
            frame = evm.earned_value(con, f, status_date, method)
        finally:
            con.close()
        table = budget.variances(frame, status_date)
        return budget.export_workbook(table, budget.find_alerts(frame, status_date, settings), lang, currency)

    st.download_button(
        common.tr("budget.download"),
        icon=":material/download:",
        on_click="ignore",
        key=key,
        data=workbook,
        file_name=f"{common.tr('budget.file', date=STATUS_DATE.isoformat())}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


# --- Alerts --------------------------------------------------------------------------------------------


@common.fragment(key="budget_alerts")  # the kinds shown rerun the alerts alone
def alerts_section(alerts: pd.DataFrame, table: pd.DataFrame) -> None:
    """List the alerts, the most serious first, each as a sentence with its project."""
    if alerts.empty:
        st.success(common.tr("budget.alerts.none"))
        return
    counts = alerts["kind"].value_counts()
    st.markdown(
        " · ".join(
            f"**{common.tr(f'budget.alert_kind.{k}')}** {int(counts[k])}"
            for k in budget.ALERT_ORDER
            if k in counts
        )
    )
    present = [k for k in budget.ALERT_ORDER if k in counts]
    kinds = st.pills(
        common.tr("budget.alerts.show"),
        present,
        selection_mode="multi",
        default=kept("alert_kinds", present, present),
        format_func=lambda k: common.tr(f"budget.alert_kind.{k}"),
        key=choice_key("budget_alert_kinds"),
    )
    keep("alert_kinds", kinds)
    chosen = alerts.loc[alerts["kind"].isin(kinds or present)]
    listed = chosen.head(TABLE_ROWS)
    shown = listed.assign(
        severity_chip=listed["severity"].map(
            lambda s: f"{STATUS_EMOJI[s]} {common.tr(f'budget.severity.{s}')}"
        ),
        kind_label=listed["kind"].map(lambda k: common.tr(f"budget.alert_kind.{k}")),
        detail=budget.alert_sentences(listed, LANG, CURRENCY).to_numpy(),
        project_link=common.project_links(listed["code"]),
    )[["severity_chip", "kind_label", "name", "detail", "portfolio", "manager", "project_link"]]
    common.table(
        shown,
        hide_index=True,
        width="stretch",
        height=560,
        key="budget_alerts",
        column_config={
            "severity_chip": st.column_config.TextColumn(common.tr("budget.col.severity")),
            "kind_label": st.column_config.TextColumn(common.tr("budget.col.kind")),
            "name": st.column_config.TextColumn(common.tr("budget.col.name")),
            "detail": st.column_config.TextColumn(common.tr("budget.col.detail"), width="large"),
            "portfolio": st.column_config.TextColumn(common.tr("budget.col.portfolio")),
            "manager": st.column_config.TextColumn(common.tr("budget.col.manager")),
            "project_link": st.column_config.LinkColumn(
                common.tr("budget.col.project_link"), display_text=common.PROJECT_LINK_TEXT
            ),
        },
    )
    if len(chosen) > TABLE_ROWS:
        st.caption(
            common.tr(
                "budget.capped",
                shown=formatting.number(TABLE_ROWS, LANG),
                total=formatting.number(len(chosen), LANG),
            )
        )
    st.caption(
        common.tr(
            "budget.alerts.caption",
            overrun=formatting.number(SETTINGS["overrun_alert_pct"], LANG),
            red=formatting.ratio(SETTINGS["cpi_spi_red"], LANG),
            days=formatting.number(SETTINGS["reporting_period_days"], LANG),
        )
    )
    download("budget_download_alerts")


# --- Roll-up by portfolio and programme ----------------------------------------------------------------


@common.fragment(key="budget_rollup")  # the level chosen reruns the roll-up alone
def rollup_section(frame: pd.DataFrame) -> None:
    """Show earned value by portfolio or programme, ratios recomputed from the sums."""
    level = st.segmented_control(
        common.tr("budget.rollup.level"),
        budget.LEVELS,
        default=kept("rollup_level", "portfolio", budget.LEVELS),
        required=True,
        format_func=lambda v: common.tr(f"budget.level.{v}"),
        key=choice_key("budget_rollup_level"),
    )
    keep("rollup_level", level)
    rolled = budget.earned_value_by(frame, level or "portfolio", METHOD)
    shown = rolled.assign(
        portfolio=rolled["portfolio"].replace("", common.tr("budget.none")),
    )
    keys = ["portfolio"]
    if level == "programme":
        shown["programme"] = shown["programme"].replace("", common.tr("budget.no_programme"))
        keys.append("programme")
    columns = [
        *keys,
        "n_projects",
        "cpi",
        "spi",
        "bac",
        "pv",
        "ev",
        "ac",
        "cv",
        "sv",
        "eac",
        "etc",
        "vac",
        "tcpi",
    ]
    common.table(
        shown[columns],
        hide_index=True,
        width="stretch",
        key="budget_rollup",
        formats=INDEX_FORMATS,
        column_config={
            **variance_columns(),
            "programme": st.column_config.TextColumn(common.tr("budget.col.programme")),
            "n_projects": st.column_config.NumberColumn(common.tr("budget.col.n_projects"), format="%d"),
        },
    )
    st.caption(common.tr("budget.rollup.caption"))


# --- Allocation ----------------------------------------------------------------------------------------


@common.fragment(key="budget_allocation")  # the split and the phasing rerun the allocation alone
def allocation_section(frame: pd.DataFrame, lines: pd.DataFrame, plan: budget.Phasing) -> None:
    """Show budget, actual and forecast by portfolio, programme, cost type or year."""
    by = st.segmented_control(
        common.tr("budget.allocation.by"),
        ALLOCATIONS,
        default=kept("allocation_by", "portfolio", ALLOCATIONS),
        required=True,
        key=choice_key("budget_allocation_by"),
        format_func=lambda v: common.tr(f"budget.level.{v}"),
    )
    keep("allocation_by", by)
    by = by or "portfolio"
    if by in budget.LEVELS:
        data = budget.allocation(frame, by, METHOD)
    elif by == "cost_type":
        data = budget.allocation_by_cost_type(lines, plan)
    else:
        data = budget.allocation_by_year(plan)
    if data.empty:
        st.info(common.tr("empty.selection"))
        return
    common.chart(charts.allocation_chart, data, by, LANG, CURRENCY, width="stretch", key="budget_allocation")
    st.caption(common.tr(f"budget.allocation.caption_{'lines' if by in ('cost_type', 'year') else 'evm'}"))
    if st.toggle(common.tr("budget.phasing.show"), key="budget_phasing_toggle"):
        phasing_section()


def phasing_section() -> None:
    """List the multi-year projects by calendar year, planned or forecast."""
    measure = st.segmented_control(
        common.tr("budget.phasing.measure"),
        budget.PHASING_MEASURES,
        default=kept("phasing_measure", "planned", budget.PHASING_MEASURES),
        required=True,
        key=choice_key("budget_phasing_measure"),
        format_func=lambda m: common.tr(f"budget.phasing.{m}"),
    )
    keep("phasing_measure", measure)
    found = _yearly(VERSION, F, STATUS_DATE, measure or "planned")
    table = budget.phasing_table(found.rows, measure or "planned")
    if table.empty:
        st.info(common.tr("budget.phasing.empty"))
        return
    years = [c for c in table.columns if c.isdigit()]
    config = {
        "code": st.column_config.TextColumn(common.tr("budget.col.code")),
        "name": st.column_config.TextColumn(common.tr("budget.col.name"), width="medium"),
        "portfolio": st.column_config.TextColumn(common.tr("budget.col.portfolio")),
        "total": st.column_config.NumberColumn(
            common.tr("budget.col.total", unit=SYMBOL), format="localized"
        ),
        **{y: st.column_config.NumberColumn(f"{y} ({SYMBOL})", format="localized") for y in years},
    }
    common.table(
        table, hide_index=True, width="stretch", height=420, column_config=config, key="budget_phasing"
    )
    notes = [common.tr("budget.phasing.caption")]
    if found.n_projects > len(table):
        notes.insert(
            0,
            common.tr(
                "budget.phasing.capped",
                shown=formatting.number(len(table), LANG),
                total=formatting.number(found.n_projects, LANG),
            ),
        )
    st.caption(" ".join(notes))


# --- The page ------------------------------------------------------------------------------------------

LANG = common.lang()
F = common.filters()
VERSION = common.data_version()
SETTINGS = common.current_settings()
CURRENCY = SETTINGS["currency"]
SYMBOL = formatting.currency_symbol(CURRENCY)
METHOD = SETTINGS["eac_method"]

if common.empty_store_notice():
    common.heading(common.tr("nav.budget"))
else:
    DATES = _dates(VERSION, F)
    CHOSEN = st.session_state.get(choice_key(f"budget_status_date_{DATES.default}")) or kept(
        f"status_date_{DATES.default}", DATES.default, DATES.options
    )
    common.heading(common.tr("budget.title", date=formatting.long_day(CHOSEN, LANG)))
    STATUS_DATE, METHOD = controls(DATES)
    FRAME = _earned_value(VERSION, F, STATUS_DATE, METHOD)
    if FRAME.empty:
        st.info(common.tr("empty.selection"))
    else:
        SCOPE = common.committee_scope(common.changes_version(), F)
        BEFORE = budget.state_before(F, SCOPE.since)
        PREVIOUS = budget.totals(_earned_value(VERSION, *BEFORE, METHOD), METHOD) if BEFORE else None
        headline(budget.totals(FRAME, METHOD), PREVIOUS, SCOPE, BEFORE[1] if BEFORE else None)
        LINES = _monthly(VERSION, F, STATUS_DATE)
        PLAN = _plan(VERSION, F, STATUS_DATE, METHOD)
        s_curve_section(_s_curve(VERSION, F, STATUS_DATE, METHOD))
        monthly_section(LINES)
        TABLE = budget.variances(FRAME, STATUS_DATE)
        ALERTS = budget.find_alerts(FRAME, STATUS_DATE, SETTINGS)
        # Only the open tab is drawn: a tab nobody opened costs nothing (choosing one reruns the page).
        variances, alerts, rollup, allocation = st.tabs(
            [
                common.tr("budget.tab.variances"),
                common.tr("budget.tab.alerts", n=formatting.number(len(ALERTS), LANG)),
                common.tr("budget.tab.rollup"),
                common.tr("budget.tab.allocation"),
            ],
            key=f"budget_tab_{LANG}",
            on_change="rerun",
        )
        if variances.open:
            with variances:
                variance_section(TABLE, ALERTS)
        if alerts.open:
            with alerts:
                alerts_section(ALERTS, TABLE)
        if rollup.open:
            with rollup:
                rollup_section(FRAME)
        if allocation.open:
            with allocation:
                allocation_section(FRAME, LINES, PLAN)
