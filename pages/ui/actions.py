"""The committee's actions as a table shows them, worded in the session's language: one builder for the
Committee page's register and the Overview's open actions."""

from __future__ import annotations

import pandas as pd

from pages.ui import common


def action_rows(found: pd.DataFrame) -> pd.DataFrame:
    """Return the actions found (meetings.action_list) with their status, lateness and project in words."""
    return pd.DataFrame(
        {
            "action_id": found["action_id"],
            "overdue": found["overdue"].map(lambda o: common.tr("committee.overdue") if o is True else ""),
            "title": found["title"],
            "owner": found["owner"],
            "due_date": pd.to_datetime(found["due_date"]),
            "status": found["status"].map(lambda s: common.tr(f"committee.status.{s}")),
            "project_code": found["project_code"].fillna(common.tr("committee.portfolio_wide")),
            "decision": found["decision"],
            "note": found["note"],
        }
    )
