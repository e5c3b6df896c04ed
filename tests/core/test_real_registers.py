"""The real public registers of ../shared/real import with no edit of the file: the World Bank export by
itself, the Canadian and UK registers with a profile saved once on the mapping screen (which dollar and
its rate; two colour_rating columns as one status, amounts in £m at a rate, unreadable values as empty).

The profiles are made here as the screen makes them, through the same review functions. The figures are
read by eye in the files (cells quoted in each comment). Each test runs on the registers' twins built in
code (tests/samples.py, the same cells) and on ../shared/real when it is beside the clone; test_shapes.py
proves the same behaviours on smaller workbooks.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from pmo_core import profiles, review, snapshots
from pmo_core.importer import ReadOptions, build_plan, read_files
from pmo_core.mapping import profile_from_mapping
from tests.actors import PMO


def first_read(folder, name):
    return read_files([(folder / name, name)])[0].tables[0]


def with_profile(con, folder, name):
    reads = read_files([(folder / name, name)], ReadOptions(profiles=tuple(profiles.load_profiles(con))))
    plan = build_plan(con, reads, scope="full")
    assert not plan.has_errors, [issue.message() for issue in plan.errors[:5]]
    snapshots.apply_plan(con, plan, PMO)
    return plan


def column(mapping, header, nth=0):
    return [c for c in mapping.columns if c.header == header][nth].col_index


def test_the_world_bank_export_imports_by_itself(con, source):
    reads = read_files([(source / "real" / "worldbank_projects_fy2021.xlsx", "wb.xlsx")])
    plan = build_plan(con, reads, scope="full")
    assert not plan.has_errors
    table = reads[0].tables[0]
    assert table.header_row == 2  # under the merged title "World Bank Projects, data as of 09/22/2022"
    projects = plan.frames["projects"].set_index("code")
    assert len(projects) == 500
    first = projects.loc["P176026"]  # data!A3:AA3
    assert first["name"].startswith("Burkina Faso Electronic Government Procurement")
    assert first["lifecycle"] == "in_progress"  # "Active"
    assert first["budget"] == 500_000  # "Current Project Cost"
    assert first["forecast_end"] == pd.Timestamp("2023-06-30")  # "6/30/2023 12:00:00 AM"
    assert reads[0].as_of_hint.isoformat() == "2022-09-22"
    unstored = {u.header for u in table.unstored}
    assert {"Region", "Country", "Environmental and Social Risk", "Grant Amount"} <= unstored


def test_the_canadian_register_imports_with_a_profile_saying_which_dollar_and_its_rate(con, source):
    table = first_read(source / "real", "canada_gc_it_projects.csv")
    mapping = table.mapping
    for header in ("originalBudget", "latestBudget"):
        mapping = review.with_column(mapping, column(mapping, header), currency="CAD")
    mapping = replace(mapping, rates=(("CAD", 0.68),))
    profiles.save_profile(con, profile_from_mapping("Canada IT over $1M", mapping), PMO)
    plan = with_profile(con, source / "real", "canada_gc_it_projects.csv")
    assert plan.rates == {"CAD": 0.68}
    projects = plan.frames["projects"].set_index("code")
    assert len(projects) == 1126
    first = projects.loc["aafc-agriclient-crm"]  # row 2
    assert first["budget"] == pytest.approx(2_812_101 * 0.68)  # "$2,812,101"
    assert first["forecast_end"] == pd.Timestamp("2022-07-31")  # "July 31, 2022"
    assert first["lifecycle"] == "not_started"  # "new"
    assert (
        projects["lifecycle"].value_counts()["completed"] == 508 + 53 + 4
    )  # completed, with or without a detail
    assert projects["lifecycle"].value_counts()["delayed"] == 112  # "behind schedule"


def test_the_uk_register_imports_with_a_profile_for_its_two_ratings_its_pounds_and_its_gaps(con, source):
    table = first_read(source / "real", "uk_gmpp_2023.csv")
    mapping = table.mapping
    first, second = column(mapping, "colour_rating"), column(mapping, "colour_rating", 1)
    mapping = review.with_field(review.with_field(mapping, first, "status"), second, "status")
    mapping = review.with_order(mapping, [first, second])  # the delivery confidence, else the SRO's rating
    for header in ("total_baseline", "forecast_incl_NGC"):
        mapping = review.with_column(mapping, column(mapping, header), scale=1e6, currency="GBP")
    mapping = replace(mapping, rates=(("GBP", 1.15),), lenient=True)
    profiles.save_profile(con, profile_from_mapping("UK GMPP", mapping), PMO)
    plan = with_profile(con, source / "real", "uk_gmpp_2023.csv")
    projects = plan.frames["projects"].set_index("code")
    assert len(projects) == 244
    assert (
        projects.at["CO_0024_2021-Q2", "status"] == "amber"
    )  # first colour_rating empty, the second "Amber"
    assert projects.at["CO_0028_2021-Q4", "status"] == "red"  # the first one, "Red"
    assert projects.at["CO_0033_2122-Q1", "budget"] == pytest.approx(114e6 * 1.15)  # "114" £m
    assert pd.isna(projects.at["CO_0024_2021-Q2", "budget"])  # "07. Sep": a date where £m were, said
    assert projects.at["CO_0024_2021-Q2", "start_date"] == pd.Timestamp("2020-05-20")  # "20.05.2020"
    said = {issue.code for issue in plan.warnings}
    assert {"number_turned_into_date", "currency_converted", "not_a_number"} <= said
