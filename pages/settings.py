"""Settings page: the one declared table of settings, editable, with defaults and help."""

import streamlit as st

from pages.ui import common
from pages.ui import governance as governance_ui
from pmo_core import settings
from pmo_core.access import AccessDenied

common.heading(common.tr("settings.title"))
st.caption(common.tr("settings.caption"))
ALLOWED = common.actor().can("settings")  # others read the settings; pmo_core refuses their changes anyway
if not ALLOWED:
    st.info(common.tr("access.settings.read_only"))

con = common.cursor()
table = settings.settings_table(con, common.lang())
edited = st.data_editor(
    table,
    hide_index=True,
    width="stretch",
    disabled=True if not ALLOWED else ["name", "label", "default", "help"],
    column_config={
        "name": None,  # the internal name stays out of sight; the label says it in the user's words
        "label": st.column_config.TextColumn(common.tr("settings.col.name")),
        # Wide enough for a choice written out ("AC + (BAC − EV) / CPI: current cost efficiency").
        "value": st.column_config.TextColumn(common.tr("settings.col.value"), width="large"),
        "default": st.column_config.TextColumn(common.tr("settings.col.default"), width="medium"),
        "help": st.column_config.TextColumn(common.tr("settings.col.help"), width="large"),
    },
    key="settings_editor",
)
if st.button(common.tr("settings.save"), type="primary", disabled=not ALLOWED):
    values = dict(zip(edited["name"], edited["value"], strict=True))
    refused = settings.update_settings(con, values, common.actor(), common.lang())
    if refused:
        for name, reason in refused.items():
            st.error(common.tr("settings.refused", name=common.tr(f"setting.label.{name}"), reason=reason))
    else:
        st.success(common.tr("settings.saved"))


def risk_scoring_section() -> None:
    """Edit the 5x5 band table and the probability fractions that every risk score and exposure uses (issue 5)."""
    from pmo_core import risks
    from pmo_core.palette import BAND_EMOJI, BAND_ORDER
    from pmo_core.vocabulary import label

    lang = common.lang()
    st.divider()
    st.subheader(common.tr("risks.settings.title"))
    st.caption(common.tr("risks.settings.caption"))
    for kind, text in st.session_state.pop("_risk_settings_messages", []):
        getattr(st, kind)(text)
    grid = risks.band_grid(con)
    grid.insert(0, "impact_label", grid["impact"].map(lambda v: risks.scale_label("impact", v, lang)))
    bands = {
        str(p): st.column_config.SelectboxColumn(
            risks.scale_label("probability", p, lang),
            options=list(BAND_ORDER),
            required=True,
            format_func=lambda b: f"{BAND_EMOJI[b]} {label('band', b, lang)}",
        )
        for p in risks.LEVELS
    }
    st.data_editor(
        grid,
        hide_index=True,
        disabled=True if not ALLOWED else ["impact_label"],
        column_order=["impact_label", *bands],
        column_config={
            "impact_label": st.column_config.TextColumn(common.tr("risks.settings.impact")),
            **bands,
        },
        key=_band_editor_key(),
    )
    save_col, reset_col = st.columns(2)
    save_col.button(
        common.tr("risks.settings.save"),
        type="primary",
        key="risk_band_save",
        on_click=_save_bands,
        disabled=not ALLOWED,
    )
    reset_col.button(
        common.tr("risks.settings.reset"), key="risk_band_reset", on_click=_reset_bands, disabled=not ALLOWED
    )
    odd = risks.band_warnings(con)
    if odd:
        cells = ", ".join(f"{p} x {i}" for p, i in odd)
        st.warning(common.tr("risks.settings.warning", cells=cells))
    risk_fractions_section(risks)


def _band_editor_key() -> str:
    """Name the band editor; a new name after each save or reset starts it again from the store."""
    return f"risk_band_editor.{common.lang()}.{st.session_state.get('_risk_band_generation', 0)}"


def _save_bands() -> None:
    """Apply the editor's changes to the stored grid and save it (a callback, so this run shows the result)."""
    from pmo_core import risks

    cursor = common.cursor()
    grid = risks.band_grid(cursor)
    for row, changes in st.session_state.get(_band_editor_key(), {}).get("edited_rows", {}).items():
        for column, band in changes.items():
            grid.loc[int(row), column] = band
    try:
        changed = risks.save_band_grid(cursor, grid, common.actor())
    except AccessDenied as exc:
        _risk_message("error", exc.message(common.lang()))
        return
    except ValueError as exc:
        _risk_message("error", common.tr("risks.settings.refused", reason=str(exc)))
        return
    _risk_message("success", common.tr("risks.settings.saved", n=changed), restart=True)


def _reset_bands() -> None:
    from pmo_core import risks

    try:
        changed = risks.reset_bands(common.cursor(), common.actor())
    except AccessDenied as exc:
        _risk_message("error", exc.message(common.lang()))
        return
    _risk_message("success", common.tr("risks.settings.saved", n=changed), restart=True)


def risk_fractions_section(risks) -> None:
    """Edit the fraction each probability level stands for in the exposure."""
    st.markdown("**" + common.tr("risks.settings.fractions") + "**")
    st.caption(common.tr("risks.settings.fractions_caption"))
    current = risks.probability_fractions(con)
    for level, column in zip(risks.LEVELS, st.columns(5), strict=True):
        column.number_input(
            risks.scale_label("probability", level, common.lang()),
            min_value=0.0,
            max_value=1.0,
            step=0.05,
            value=float(current[level - 1]),
            format="%.2f",
            key=f"risk_fraction_{level}",
            disabled=not ALLOWED,
        )
    st.button(
        common.tr("risks.settings.fractions_save"),
        key="risk_fractions_save",
        on_click=_save_fractions,
        disabled=not ALLOWED,
    )


def _save_fractions() -> None:
    from pmo_core import risks

    values = [st.session_state[f"risk_fraction_{level}"] for level in risks.LEVELS]
    try:
        risks.save_probability_fractions(common.cursor(), values, common.actor())
    except AccessDenied as exc:
        _risk_message("error", exc.message(common.lang()))
        return
    except ValueError as exc:
        _risk_message("error", common.tr("settings.refused", name="probability_fractions", reason=str(exc)))
        return
    _risk_message("success", common.tr("risks.settings.fractions_saved"))


def _risk_message(kind: str, text: str, restart: bool = False) -> None:
    """Keep a message for the run that follows the click; `restart` gives the band editor a fresh start."""
    st.session_state["_risk_settings_messages"] = [(kind, text)]
    if restart:
        st.session_state["_risk_band_generation"] = st.session_state.get("_risk_band_generation", 0) + 1


risk_scoring_section()
governance_ui.settings_sections(ALLOWED)
