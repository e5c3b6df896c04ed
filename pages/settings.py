"""Settings page: the one declared table of settings, editable, with defaults and help."""

import streamlit as st

from pages import common
from pmo_core import settings

common.heading(common.tr("settings.title"))
st.caption(common.tr("settings.caption"))

con = common.cursor()
table = settings.settings_table(con, common.lang())
edited = st.data_editor(
    table,
    hide_index=True,
    width="stretch",
    disabled=["name", "default", "help"],
    column_config={
        "name": st.column_config.TextColumn(common.tr("settings.col.name")),
        "value": st.column_config.TextColumn(common.tr("settings.col.value")),
        "default": st.column_config.TextColumn(common.tr("settings.col.default")),
        "help": st.column_config.TextColumn(common.tr("settings.col.help"), width="large"),
    },
    key="settings_editor",
)
if st.button(common.tr("settings.save"), type="primary"):
    refused = settings.update_settings(con, dict(zip(edited["name"], edited["value"], strict=True)))
    if refused:
        for name, reason in refused.items():
            st.error(common.tr("settings.refused", name=name, reason=reason))
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
            risks.scale_label("probability", p, lang), options=list(BAND_ORDER), required=True,
            format_func=lambda b: f"{BAND_EMOJI[b]} {label('band', b, lang)}",
        )
        for p in risks.LEVELS
    }
    edited = st.data_editor(
        grid, hide_index=True, disabled=["impact_label"], column_order=["impact_label", *bands],
        column_config={"impact_label": st.column_config.TextColumn(common.tr("risks.settings.impact")), **bands},
        key=f"risk_band_editor.{lang}",
    )
    save_col, reset_col = st.columns(2)
    if save_col.button(common.tr("risks.settings.save"), type="primary", key="risk_band_save"):
        try:
            changed = risks.save_band_grid(con, edited.drop(columns="impact_label"))
            _after_risk_edit("success", common.tr("risks.settings.saved", n=changed))
        except ValueError as exc:
            st.error(common.tr("risks.settings.refused", reason=str(exc)))
    if reset_col.button(common.tr("risks.settings.reset"), key="risk_band_reset"):
        _after_risk_edit("success", common.tr("risks.settings.saved", n=risks.reset_bands(con)))
    odd = risks.band_warnings(con)
    if odd:
        cells = ", ".join(f"{p} x {i}" for p, i in odd)
        st.warning(common.tr("risks.settings.warning", cells=cells))
    risk_fractions_section(risks)


def risk_fractions_section(risks) -> None:
    """Edit the fraction each probability level stands for in the exposure."""
    st.markdown("**" + common.tr("risks.settings.fractions") + "**")
    st.caption(common.tr("risks.settings.fractions_caption"))
    current = risks.probability_fractions(con)
    columns = st.columns(5)
    values = [
        column.number_input(
            risks.scale_label("probability", level, common.lang()), min_value=0.0, max_value=1.0, step=0.05,
            value=float(current[level - 1]), format="%.2f", key=f"risk_fraction_{level}",
        )
        for level, column in zip(risks.LEVELS, columns, strict=True)
    ]
    if st.button(common.tr("risks.settings.fractions_save"), key="risk_fractions_save"):
        try:
            risks.save_probability_fractions(con, values)
            _after_risk_edit("success", common.tr("risks.settings.fractions_saved"))
        except ValueError as exc:
            st.error(common.tr("settings.refused", name="probability_fractions", reason=str(exc)))


def _after_risk_edit(kind: str, text: str) -> None:
    """Show the message after a fresh run, so the editors start again from what the store now holds."""
    st.session_state["_risk_settings_messages"] = [(kind, text)]
    for key in [k for k in st.session_state if str(k).startswith(("risk_band_editor", "risk_fraction_"))]:
        del st.session_state[key]
    st.rerun()


risk_scoring_section()
