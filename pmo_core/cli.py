"""The command line, for automation and IT: imports, history, rollback, export, demo, summary, compliance, capacity,
where a figure comes from, the retention of imported files, user accounts, the audit trail, backups and
restores, and the committee log (pmo_core.meetings_cli).

    python -m pmo_core import tracker.xlsx --scope partial --dry-run
    python -m pmo_core user add alice --role pmo
    python -m pmo_core backup /var/backups/pmo

Every command takes the store from --db or $PMO_DB, and acts under the operating-system user's name (or
--user) with every right: whoever runs commands beside the store can replace its file anyway. A refused
command exits with status 2 and says why on stderr; a store held by another process exits with status 3.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import signal
import sys
from datetime import date
from pathlib import Path

import pandas as pd

from pmo_core import (
    access,
    accounts,
    audit,
    backup,
    meetings,
    meetings_cli,
    review,
    sandbox,
    snapshots,
    store,
)
from pmo_core.currencies import parse_rate
from pmo_core.i18n import t
from pmo_core.importer import as_of_default, build_plan, read_files, read_options

EXIT_REFUSED = 2
EXIT_BUSY = 3
UPDATES_SHOWN = 30  # updated projects written before -> after in the report


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `... | head` ends quietly, as Unix tools do
    args = _parser().parse_args(argv)
    try:
        return args.handler(args)
    except store.StoreBusy as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BUSY
    except (
        snapshots.RollbackRefused,
        access.AccessDenied,
        accounts.AccountRefused,
        meetings.CommitteeRefused,
    ) as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_REFUSED
    except backup.BackupFailed as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_REFUSED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pmo_core", description="PMO dashboard store and imports."
    )
    parser.add_argument("--db", help="the store (default: $PMO_DB, else data/pmo.duckdb)")
    parser.add_argument("--lang", choices=("en", "fr"), default=os.environ.get("PMO_LANG", "en"))
    parser.add_argument("--user", help="the name the audit trail records (default: your login)")
    # The same options after the command name; SUPPRESS keeps a value given before it.
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument(
        "--db", default=argparse.SUPPRESS, help="the store (default: $PMO_DB, else data/pmo.duckdb)"
    )
    shared.add_argument(
        "--lang", choices=("en", "fr"), default=argparse.SUPPRESS, help="language of the messages"
    )
    shared.add_argument(
        "--user", default=argparse.SUPPRESS, help="the name the audit trail records (default: your login)"
    )
    subparsers = parser.add_subparsers(dest="command", required=True)

    class _Commands:
        def add_parser(self, name, **kwargs):
            return subparsers.add_parser(name, parents=[shared], **kwargs)

    commands = _Commands()

    cmd = commands.add_parser("import", help="import one or several tracker files as one batch")
    cmd.add_argument("files", nargs="+", type=Path)
    cmd.add_argument(
        "--scope",
        choices=("partial", "full"),
        default="partial",
        help="partial: update only the projects in the files; full: the files are the whole portfolio",
    )
    cmd.add_argument("--dry-run", action="store_true", help="check and show what would change, store nothing")
    cmd.add_argument(
        "--as-of", type=date.fromisoformat, help="reporting date (default: stated in the file, else today)"
    )
    cmd.add_argument(
        "--lenient", action="store_true", help="import unreadable values as empty, with a warning each"
    )
    cmd.add_argument("--include-hidden", action="store_true", help="read hidden sheets too")
    cmd.add_argument("--label", help="a name for this snapshot, such as 'COPIL novembre'")
    cmd.add_argument(
        "--rate",
        action="append",
        default=[],
        metavar="CUR=RATE",
        help="what 1 unit of a currency the files write is worth in the store's, such as CAD=0.68; "
        "CAD=none stores none of those amounts (repeat for each currency)",
    )
    cmd.add_argument(
        "--dollar", choices=("USD", "CAD", "AUD", "NZD", "HKD", "SGD"), help="which dollar a bare $ means"
    )
    cmd.add_argument("--progress", action="store_true", help="print each stage on stderr")
    cmd.set_defaults(handler=_import)

    cmd = commands.add_parser("history", help="list the import batches")
    cmd.set_defaults(handler=_history)

    cmd = commands.add_parser("rollback", help="undo an import batch")
    cmd.add_argument("batch", type=int)
    cmd.set_defaults(handler=_rollback)

    cmd = commands.add_parser("export", help="write the current state (or a snapshot) to the Excel template")
    cmd.add_argument("file", type=Path)
    cmd.add_argument("--as-of", type=date.fromisoformat, help="a snapshot date instead of the current state")
    cmd.set_defaults(handler=_export)

    cmd = commands.add_parser(
        "pack",
        help="write the committee pack (PowerPoint or PDF): the latest committee, else the current state",
    )
    which = cmd.add_mutually_exclusive_group()
    which.add_argument("--committee", type=int, help="the committee's number (see `committee list`)")
    which.add_argument("--snapshot", type=date.fromisoformat, help="a snapshot date instead of a committee")
    cmd.add_argument("--format", choices=("pptx", "pdf"), default="pptx", help="PowerPoint or PDF")
    cmd.add_argument(
        "--out", type=Path, help="the file to write (default: named by the meeting and its date)"
    )
    cmd.set_defaults(handler=_pack)

    cmd = commands.add_parser("demo", help="load the demo portfolio (four monthly snapshots)")
    cmd.add_argument("--if-empty", action="store_true", help="only when the store holds no import yet")
    cmd.add_argument("--dir", type=Path, help="where to write the demo workbooks (default: data/demo)")
    cmd.set_defaults(handler=_demo)

    cmd = commands.add_parser(
        "trace", help="where a figure comes from: file, sheet, cell, text as typed, batch, earlier values"
    )
    cmd.add_argument("project", help="the project's code (the team's name for resources.capacity)")
    cmd.add_argument(
        "field",
        help="a project field (budget, forecast_end, status...) or ENTITY.FIELD (costs.actual, risks.impact, "
        "milestones.forecast_date, business_case.benefit, demand.demand, resources.capacity)",
    )
    cmd.add_argument(
        "--item",
        help="the row of the entity: a month and cost type (2026-03 CAPEX), a risk's ID or title, a milestone, a "
        "year, a month and team of demand (2027-03 Data), a month of a team's capacity (2027-03)",
    )
    cmd.add_argument(
        "--as-of", type=date.fromisoformat, help="the figure on this snapshot date (default: now)"
    )
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=_trace)

    cmd = commands.add_parser(
        "retention", help="delete the kept import files the retention settings say to delete"
    )
    cmd.add_argument("--dry-run", action="store_true", help="list them, delete nothing")
    cmd.set_defaults(handler=_retention)

    cmd = commands.add_parser("summary", help="counts of the current state")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=_summary)

    cmd = commands.add_parser("compliance", help="each project's compliance with the PMO's rules")
    cmd.add_argument("--as-of", type=date.fromisoformat, help="a snapshot date instead of the current state")
    cmd.add_argument("--json", action="store_true", help="per project: score and broken rules, as JSON")
    cmd.set_defaults(handler=_compliance)

    _user_commands(commands)
    meetings_cli.add_commands(commands)

    cmd = commands.add_parser("audit", help="read, check or export the audit trail")
    cmd.add_argument("--who", action="append", default=[], help="only this user (repeatable)")
    cmd.add_argument("--action", action="append", default=[], help="only this action (repeatable)")
    cmd.add_argument("--since", type=date.fromisoformat, help="from this day")
    cmd.add_argument("--until", type=date.fromisoformat, help="to this day, included")
    cmd.add_argument("--export", type=Path, help="write the entries to this .xlsx or .csv file")
    cmd.add_argument("--verify", action="store_true", help="check that no entry was edited or removed")
    cmd.set_defaults(handler=_audit)

    cmd = commands.add_parser(
        "backup", help="write a consistent copy of the store into DIR, even while served"
    )
    cmd.add_argument("dir", type=Path)
    cmd.set_defaults(handler=_backup)

    cmd = commands.add_parser(
        "restore", help="check the newest backup of DIR (or a backup file) and make it the store"
    )
    cmd.add_argument("dir", type=Path)
    cmd.add_argument("--force", action="store_true", help="replace an existing store (kept beside it)")
    cmd.set_defaults(handler=_restore)

    cmd = commands.add_parser(
        "capacity", help="each team-month: capacity, demand and load (demand / capacity) in FTE"
    )
    cmd.add_argument("--json", action="store_true")
    cmd.add_argument("--as-of", type=date.fromisoformat, help="a snapshot date instead of the current state")
    cmd.set_defaults(handler=_capacity)
    return parser


def _user_commands(commands) -> None:
    cmd = commands.add_parser("user", help="user accounts: add, passwd, role, disable, list")
    verbs = cmd.add_subparsers(dest="verb", required=True)
    password = argparse.ArgumentParser(add_help=False)
    password.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input (scripts)"
    )
    add = verbs.add_parser("add", parents=[password], help="create an account")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=access.ROLES)
    add.add_argument(
        "--projects", default="", help="project codes a project manager manages, comma-separated"
    )
    add.add_argument("--display-name")
    add.add_argument(
        "--no-password", action="store_true", help="an identity that signs in by single sign-on or the proxy"
    )
    add.set_defaults(handler=_user_add)
    passwd = verbs.add_parser("passwd", parents=[password], help="set a new password (lifts a lock-out)")
    passwd.add_argument("name")
    passwd.set_defaults(handler=_user_passwd)
    role = verbs.add_parser("role", help="give a role (creates a single sign-on identity if new)")
    role.add_argument("name")
    role.add_argument("role", choices=access.ROLES)
    role.add_argument("--projects", help="project codes a project manager manages, comma-separated")
    role.set_defaults(handler=_user_role)
    disable = verbs.add_parser("disable", help="stop an account from signing in")
    disable.add_argument("name")
    disable.add_argument("--enable", action="store_true", help="let it sign in again")
    disable.set_defaults(handler=_user_disable)
    verbs.add_parser("list", help="list the accounts").set_defaults(handler=_user_list)


def _actor(args: argparse.Namespace) -> access.Actor:
    return access.command_line(getattr(args, "user", None))


def _import(args: argparse.Namespace) -> int:
    sandbox.prepare()  # the reading sandbox loads its libraries while the store opens
    con = store.connect(args.db)
    options = read_options(con, lenient=args.lenient, include_hidden=args.include_hidden, dollar=args.dollar)
    missing = [path for path in args.files if not path.is_file()]
    if missing:
        print(t("cli.file_missing", args.lang, path=missing[0]), file=sys.stderr)
        return EXIT_REFUSED
    rates = {}
    for text in args.rate:
        try:
            code, rate = parse_rate(text)
        except ValueError:
            print(t("cli.rate_refused", args.lang, value=text), file=sys.stderr)
            return EXIT_REFUSED
        rates[code] = rate
    _progress(args, "reading")
    reads = read_files([(path, path.name) for path in args.files], options)
    _progress(args, "checking")
    plan = build_plan(con, reads, scope=args.scope, as_of=args.as_of or as_of_default(reads), rates=rates)
    report = _report(plan, args.lang)
    if plan.has_errors:
        print(report, file=sys.stderr)
        print(t("cli.refused", args.lang, errors=len(plan.errors)), file=sys.stderr)
        return EXIT_REFUSED
    print(report)
    if args.dry_run:
        print(t("cli.dry_run", args.lang))
        return 0
    _progress(args, "writing")
    try:
        batch = snapshots.apply_plan(
            con,
            plan,
            _actor(args),
            label=args.label,
            progress=(lambda table: _progress(args, f"writing {table}")) if args.progress else None,
        )
    except access.AccessDenied:
        raise
    except Exception as exc:  # the transaction rolled back; say so without a traceback
        print(t("cli.failed", args.lang, error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_REFUSED
    _progress(args, "done")
    print(t("cli.imported", args.lang, batch=batch, as_of=plan.as_of.isoformat()))
    return 0


def _progress(args: argparse.Namespace, stage: str) -> None:
    if args.progress:
        print(f"stage: {stage}", file=sys.stderr, flush=True)


def _report(plan, lang: str) -> str:
    """Return the plain-text report of a plan: what was read and how, the changes, then every problem."""
    counts = plan.counts()
    lines = []
    for read in plan.files:
        if read.hidden_sheets:
            lines.append(t("cli.report.hidden", lang, file=read.name, sheets=", ".join(read.hidden_sheets)))
        if read.notes_sheets:
            lines.append(t("cli.report.notes", lang, file=read.name, sheets=", ".join(read.notes_sheets)))
        for table in read.tables:
            if table.unread:
                row = table.header_row + 1
                lines.append(
                    t(
                        "cli.report.unread",
                        lang,
                        file=read.name,
                        sheet=table.sheet,
                        row=row,
                        rows=table.n_rows,
                    )
                )
                continue
            entity = t(f"import.entity.{table.mapping.entity or 'ignored'}", lang)
            lines.append(
                t(
                    "cli.report.table",
                    lang,
                    file=read.name,
                    sheet=table.sheet,
                    row=table.header_row,
                    entity=entity,
                    rows=table.n_rows,
                )
            )
            for sentence in (review.unstored_sentence(table, lang), review.skipped_sentence(table, lang)):
                if sentence:
                    lines.append(f"  {sentence}")
    lines.append(
        t(
            "cli.report.counts",
            lang,
            projects=counts["projects"],
            milestones=counts["milestones"],
            risks=counts["risks"],
            costs=counts["costs"],
            business_case=counts["business_case"],
        )
    )
    if counts["resources"] or counts["demand"]:
        lines.append(t("import.people", lang, capacity=counts["resources"], demand=counts["demand"]))
    if len(plan.team_changes):
        lines.append(t("import.teams", lang, **plan.team_change_counts()))
    lines.append(
        t(
            "cli.report.changes",
            lang,
            **plan.change_counts(),
            scope=t(f"cli.scope.{plan.scope}", lang),
            as_of=plan.as_of.isoformat(),
        )
    )
    for kind in ("added", "updated", "removed"):
        codes = plan.changes.loc[plan.changes["change"] == kind, "project_code"].tolist()
        if codes:
            shown = ", ".join(codes[:30]) + (" ..." if len(codes) > 30 else "")
            lines.append(t("cli.report.list", lang, kind=t(f"import.change.{kind}", lang), codes=shown))
    updates = review.updates_table(plan, lang)
    if len(updates):
        lines.append(t("cli.report.updates", lang))
        for row in updates.head(UPDATES_SHOWN).to_dict("records"):
            code = row.pop("project_code")
            changes = "; ".join(f"{t(f'field.projects.{name}', lang)} {value}" for name, value in row.items())
            lines.append(t("cli.report.update", lang, code=code, changes=changes))
    for issue in plan.issues:
        lines.append(
            t(
                "cli.report.line",
                lang,
                severity=t(f"import.severity.{issue.severity}", lang),
                message=issue.message(lang),
            )
        )
    return "\n".join(lines)


def _history(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    frame = snapshots.history(con)
    if frame.empty:
        print(t("cli.no_history", args.lang))
        return 0
    for row in frame.itertuples():
        rolled_back = not (row.rolled_back_at is None or str(row.rolled_back_at) == "NaT")
        print(
            t(
                "cli.history.line",
                args.lang,
                batch=row.batch_id,
                as_of=f"{row.as_of:%Y-%m-%d}",
                imported_at=f"{row.imported_at:%Y-%m-%d %H:%M}",
                scope=t(f"cli.scope.{row.scope}", args.lang),
                projects=row.n_projects,
                risks=row.n_risks,
                costs=row.n_cost_lines,
                files=row.files,
                rolled_back=t("cli.history.rolled_back", args.lang) if rolled_back else "",
            )
        )
    return 0


def _rollback(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    snapshots.rollback(con, args.batch, _actor(args))
    print(t("cli.rolled_back", args.lang, batch=args.batch))
    return 0


def _export(args: argparse.Namespace) -> int:
    from pmo_core.template import export_store

    con = store.connect(args.db)
    export_store(con, args.file, lang=args.lang, as_of=args.as_of)
    print(t("cli.exported", args.lang, path=args.file))
    return 0


def _pack(args: argparse.Namespace) -> int:
    from pmo_core.meetings import CommitteeRefused
    from pmo_core.pack import committee_pack, file_name

    con = store.connect(args.db)
    try:
        deck, blob = committee_pack(
            con, args.format, committee_id=args.committee, snapshot=args.snapshot, lang=args.lang
        )
    except CommitteeRefused as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_REFUSED
    out = args.out or Path(file_name(deck.meeting, deck.meeting_date or deck.snapshot, args.format))
    out.write_bytes(blob)
    print(t("cli.exported", args.lang, path=out))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from pmo_core.demo import load_demo

    con = store.connect(args.db)
    if args.if_empty and not snapshots.is_empty(con):
        print(t("cli.demo_skipped", args.lang))
        return 0
    directory = args.dir or store.db_path(args.db).parent / "demo"
    batches = load_demo(con, directory, _actor(args))
    print(t("cli.demo_loaded", args.lang, batches=len(batches)))
    return 0


def _trace(args: argparse.Namespace) -> int:
    from pmo_core import formatting, provenance, settings

    con = store.connect(args.db)
    entity, _, name = args.field.rpartition(".")
    try:
        found = provenance.trace(
            con, args.project, name, entity=entity or "projects", item=args.item, as_of=args.as_of
        )
    except provenance.NotTraceable as exc:
        print(t(f"trace.denied.{exc.code}", args.lang, **exc.params), file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        print(json.dumps(provenance.as_dict(found, args.lang), ensure_ascii=False))
        return 0
    currency = settings.get(con, "currency")
    kind = provenance.field_kind(found.entity, found.field)
    print(provenance.summary(found, args.lang, currency))
    origin = found.origin
    if origin is not None:
        print(t("cli.trace.file", args.lang, file=origin.file_name or "", sha256=origin.sha256 or ""))
        for cell in origin.cells:
            print(t("cli.trace.cell", args.lang, sheet=cell.sheet, cell=cell.address, header=cell.header or "",
                    typed=cell.typed if cell.typed is not None else ""))  # fmt: skip
        for sentence in provenance.steps_text(origin, found.value, args.lang):
            print(f"  {sentence}")
        print(
            t(
                "cli.trace.batch",
                args.lang,
                batch=origin.batch_id,
                as_of=formatting.day(origin.as_of, args.lang),
                when=f"{origin.imported_at:%Y-%m-%d %H:%M}",
                who=origin.imported_by,
            )
        )
    print(t("cli.trace.history", args.lang))
    for version in found.history:
        cell = version.origin.cells[0] if version.origin and version.origin.cells else None
        where = f"{cell.file_name} {cell.sheet}!{cell.address}" if cell else ""
        value = provenance.shown(version.value, kind, args.lang, currency)
        print(f"  {formatting.day(version.as_of, args.lang)}  {value}  {where}")
    return 0


def _retention(args: argparse.Namespace) -> int:
    from pmo_core import uploads

    con = store.connect(args.db)
    due = uploads.due(con)
    for batch, name, _ in due:
        print(t("cli.retention.file", args.lang, batch=batch, file=name))
    if not args.dry_run:
        uploads.apply_retention(con, _actor(args))
    print(t("cli.retention.done" if not args.dry_run else "cli.retention.due", args.lang, n=len(due)))
    return 0


def _summary(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    result = snapshots.summary(con)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0


def _compliance(args: argparse.Namespace) -> int:
    from pmo_core import compliance, formatting, settings
    from pmo_core.filters import Filters

    con = store.connect(args.db)
    result = compliance.compliance(con, Filters(as_of=args.as_of))
    currency = settings.get(con, "currency")
    if args.json:
        print(json.dumps(compliance.as_json(result, args.lang, currency), ensure_ascii=False, indent=2))
        return 0
    if result.reference is None:
        print(t("cli.compliance.empty", args.lang))
        return 0
    score = formatting.percent(result.score, args.lang)
    when = formatting.day(result.reference, args.lang)
    print(t("cli.compliance.header", args.lang, date=when, score=score, n=len(result.projects)))
    for project in compliance.as_json(result, args.lang, currency)["projects"]:
        if project["broken"]:
            print(f"{project['code']}  {formatting.percent(project['score'], args.lang)}  {project['name']}")
            for broken in project["broken"]:
                since = formatting.day(date.fromisoformat(broken["since"]), args.lang)
                print(f"    {broken['missing']}, {t('cli.compliance.since', args.lang, date=since)}")
    return 0


def _projects(text: str | None) -> tuple[str, ...] | None:
    return None if text is None else tuple(p.strip() for p in text.split(",") if p.strip())


def _password(args: argparse.Namespace) -> str:
    """Read a new password: from standard input for scripts, else typed twice without echo."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(t("cli.user.password", args.lang))
    if getpass.getpass(t("cli.user.password_again", args.lang)) != first:
        raise accounts.AccountRefused("mismatch")
    return first


def _user_add(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    password = None if args.no_password else _password(args)
    accounts.add_user(
        con, _actor(args), args.name, args.role, password, _projects(args.projects) or (), args.display_name
    )
    print(t("cli.user.added", args.lang, name=args.name, role=access.role_label(args.role, args.lang)))
    return 0


def _user_passwd(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    accounts.set_password(con, _actor(args), args.name, _password(args))
    print(t("cli.user.password_set", args.lang, name=args.name))
    return 0


def _user_role(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    accounts.set_role(con, _actor(args), args.name, args.role, _projects(args.projects))
    print(t("cli.user.role_set", args.lang, name=args.name, role=access.role_label(args.role, args.lang)))
    return 0


def _user_disable(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    accounts.set_disabled(con, _actor(args), args.name, disabled=not args.enable)
    print(t("cli.user.enabled" if args.enable else "cli.user.disabled", args.lang, name=args.name))
    return 0


def _user_list(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    for row in accounts.list_users(con).itertuples():
        flags = [t("cli.user.flag.disabled", args.lang)] if row.disabled else []
        if not row.has_password:
            flags.append(t("cli.user.flag.sso", args.lang))
        projects = ", ".join(row.projects) if len(row.projects) else ""
        print("\t".join([row.name, access.role_label(row.role, args.lang), projects, " ".join(flags)]))
    return 0


def _audit(args: argparse.Namespace) -> int:
    con = store.connect(args.db)
    if args.verify:
        broken = audit.verify(con)
        if broken:
            print(t("cli.audit.broken", args.lang, entries=", ".join(map(str, broken))), file=sys.stderr)
            return EXIT_REFUSED
        print(t("cli.audit.intact", args.lang))
        return 0
    found = audit.entries(
        con, audit.AuditFilter(tuple(args.who), tuple(args.action), args.since, args.until), limit=1_000_000
    )
    if args.export:
        args.export.write_bytes(
            audit.export_csv(found)
            if args.export.suffix.lower() == ".csv"
            else audit.export_xlsx(found, args.lang)
        )
        print(t("cli.exported", args.lang, path=args.export))
        return 0
    for row in found.itertuples():
        print(
            "\t".join(
                str(v)
                for v in (
                    row.happened_at,
                    row.user_name,
                    row.origin,
                    row.action,
                    row.target,
                    row.outcome,
                    row.detail,
                )
            )
        )
    return 0


def _backup(args: argparse.Namespace) -> int:
    actor = _actor(args)
    try:
        con = store.connect(args.db)
    except store.StoreBusy:  # the app serves it: its own backup thread writes the copy
        path = backup.request_backup(store.db_path(args.db), args.dir, actor)
    else:
        try:
            path = backup.write_backup(con, args.dir, actor)
        finally:
            con.close()
    print(t("cli.backup.done", args.lang, path=path))
    return 0


def _restore(args: argparse.Namespace) -> int:
    report = backup.restore(args.dir, store.db_path(args.db), _actor(args), force=args.force)
    print(t("cli.restore.done", args.lang, path=store.db_path(args.db), **report))
    return 0


def _capacity(args: argparse.Namespace) -> int:
    from pmo_core import capacity
    from pmo_core.filters import Filters

    con = store.connect(args.db)
    grid = capacity.team_months(con, Filters(as_of=args.as_of))
    rows = [
        {
            "team": row["team"],
            "month": f"{row['month']:%Y-%m}",
            "capacity_fte": None if pd.isna(row["capacity"]) else round(float(row["capacity"]), 4),
            "demand_fte": round(float(row["demand"]), 4),
            "load": None if pd.isna(row["load"]) else round(float(row["load"]), 4),
        }
        for row in grid.to_dict("records")
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    if not rows:
        print(t("cli.capacity.empty", args.lang))
    for row in rows:
        print(
            t(
                "cli.capacity.line",
                args.lang,
                team=row["team"],
                month=row["month"],
                capacity="-" if row["capacity_fte"] is None else f"{row['capacity_fte']:g}",
                demand=f"{row['demand_fte']:g}",
                load="-" if row["load"] is None else f"{row['load']:.0%}",
            )
        )
    return 0
