"""The command line of the committee log: meetings, decisions and actions, as the Committee page records them.

    python -m pmo_core committee create "COPIL November" --date 2026-11-06 --snapshot 2026-10-31
    python -m pmo_core decision add "ERP budget" "Overrun funded up to 250 k€" --committee 3
    python -m pmo_core action update 12 --status done
    python -m pmo_core committee export log.xlsx

Lines are tab-separated, for scripts; refusals exit with status 2 (pmo_core.cli).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pandas as pd

from pmo_core import access, formatting, meetings, store
from pmo_core.i18n import t


def add_commands(commands) -> None:
    """Add the committee, decision and action commands to the parser of pmo_core.cli."""
    verbs = commands.add_parser(
        "committee", help="steering committees: list, create, export the log"
    ).add_subparsers(dest="verb", required=True)
    verbs.add_parser("list", help="list the meetings, the latest first").set_defaults(handler=_committee_list)
    create = verbs.add_parser("create", help="record a meeting and the snapshot it reviews")
    create.add_argument("name")
    create.add_argument(
        "--date", type=date.fromisoformat, default=date.today(), help="meeting day (default: today)"
    )
    create.add_argument("--snapshot", type=date.fromisoformat, required=True, help="the snapshot it reviews")
    follows = create.add_mutually_exclusive_group()
    follows.add_argument(
        "--follows", type=int, help="the committee it follows (default: the latest before it)"
    )
    follows.add_argument("--first", action="store_true", help="it follows no committee")
    create.set_defaults(handler=_committee_create)
    export = verbs.add_parser("export", help="write the meetings, decisions and actions to an .xlsx file")
    export.add_argument("file", type=Path)
    export.set_defaults(handler=_committee_export)

    verbs = commands.add_parser("decision", help="the decision log: list, add").add_subparsers(
        dest="verb", required=True
    )
    listing = verbs.add_parser("list", help="list the decisions, superseded ones marked")
    listing.add_argument("--committee", type=int)
    listing.set_defaults(handler=_decision_list)
    add = verbs.add_parser("add", help="record a decision (never deleted: --supersedes corrects one)")
    add.add_argument("subject")
    add.add_argument("text", help="the decision, or the question for --to-take")
    add.add_argument("--date", type=date.fromisoformat, default=date.today())
    add.add_argument("--committee", type=int)
    add.add_argument("--project", help="the project code (default: the portfolio as a whole)")
    add.add_argument("--to-take", action="store_true", help="a decision the committee must take")
    add.add_argument("--supersedes", type=int, help="the entry this one corrects or answers")
    add.set_defaults(handler=_decision_add)

    verbs = commands.add_parser("action", help="actions: list, add, update").add_subparsers(
        dest="verb", required=True
    )
    listing = verbs.add_parser("list", help="list the actions, overdue first")
    listing.add_argument("--open", action="store_true", help="open and in-progress actions only")
    listing.set_defaults(handler=_action_list)
    add = verbs.add_parser("add", help="record an action")
    add.add_argument("title")
    add.add_argument("--owner", required=True)
    add.add_argument("--due", type=date.fromisoformat)
    add.add_argument("--committee", type=int)
    add.add_argument("--decision", type=int, help="the decision it carries out")
    add.add_argument("--project")
    add.set_defaults(handler=_action_add)
    update = verbs.add_parser("update", help="follow an action up")
    update.add_argument("action", type=int)
    update.add_argument("--status", choices=meetings.ACTION_STATUSES)
    update.add_argument("--due", type=date.fromisoformat)
    update.add_argument("--owner")
    update.add_argument("--note")
    update.set_defaults(handler=_action_update)


def _actor(args: argparse.Namespace) -> access.Actor:
    return access.command_line(getattr(args, "user", None))


def _print(*fields: object) -> None:
    print("\t".join(_field(f) for f in fields))


def _field(value: object) -> str:
    if value is None or value != value:  # noqa: PLR0124 - NaN and NaT are not equal to themselves
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


def _committee_list(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    for row in meetings.list_committees(con).itertuples():
        _print(row.committee_id, row.name, row.meeting_date, row.snapshot, row.follows_name, row.since)
    return 0


def _committee_create(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    follows = None if args.first else args.follows if args.follows is not None else "latest"
    committee_id = meetings.create_committee(
        con, _actor(args), args.name, args.date, args.snapshot, follows=follows
    )
    print(t("cli.committee.created", args.lang, id=committee_id, name=args.name))
    return 0


def _committee_export(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    args.file.write_bytes(meetings.log_workbook(con, args.lang, date.today()))
    print(t("cli.committee.exported", args.lang, path=args.file))
    return 0


def _decision_list(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    for row in meetings.decision_log(con, args.committee).itertuples():
        superseded = (
            t("cli.decision.superseded", args.lang, id=int(row.superseded_by)) if not row.live else ""
        )
        state = t(f"committee.state.{row.state}", args.lang)
        _print(
            row.decision_id, row.decided_on, state, row.subject, row.decision, row.project_code, superseded
        )
    return 0


def _decision_add(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    decision_id = meetings.record_decision(
        con,
        _actor(args),
        args.subject,
        args.text,
        decided_on=args.date,
        committee_id=args.committee,
        project_code=args.project,
        state="to_take" if args.to_take else "taken",
        supersedes=args.supersedes,
    )
    print(t("cli.decision.recorded", args.lang, id=decision_id))
    return 0


def _action_list(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    for row in meetings.action_list(con, date.today(), open_only=args.open).itertuples():
        overdue = t("committee.overdue", args.lang) if row.overdue is True else ""
        status = t(f"committee.status.{row.status}", args.lang)
        _print(row.action_id, row.title, row.owner, formatting.day(row.due_date, args.lang), status, overdue)
    return 0


def _action_add(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    action_id = meetings.add_action(
        con,
        _actor(args),
        args.title,
        args.owner,
        args.due,
        committee_id=args.committee,
        decision_id=args.decision,
        project_code=args.project,
    )
    print(t("cli.action.added", args.lang, id=action_id))
    return 0


def _action_update(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    meetings.update_action(
        con,
        _actor(args),
        args.action,
        status=args.status,
        due_date=args.due,
        owner=args.owner,
        note=args.note,
    )
    print(t("cli.action.updated", args.lang, id=args.action))
    return 0
