"""Named mapping profiles kept in the store, so a tracker mapped once is understood every month after."""

from __future__ import annotations

import json
from datetime import datetime

import duckdb

from pmo_core import access
from pmo_core.access import Actor
from pmo_core.mapping import Profile


def save_profile(con: duckdb.DuckDBPyConnection, profile: Profile, actor: Actor) -> None:
    """Store a profile under its name, replacing one of the same name."""
    detail = {"entity": profile.entity, "fields": profile.fields}
    with access.change(con, actor, "profiles", "mapping_profile.save", profile.name, detail):
        _store_profile(con, profile, actor.name)


def _store_profile(con: duckdb.DuckDBPyConnection, profile: Profile, user: str) -> None:
    con.execute(
        """INSERT OR REPLACE INTO mapping_profiles
           (name, signature, entity, fields_json, scales_json, wide_measure, options_json, created_at, created_by)
           VALUES ($name, $signature, $entity, $fields, $scales, $wide, $options, $at, $user)""",
        {
            "name": profile.name,
            "signature": profile.signature,
            "entity": profile.entity,
            "fields": json.dumps(profile.fields, ensure_ascii=False),
            "scales": json.dumps(profile.scales),
            "wide": profile.wide_measure,
            "options": json.dumps(profile.options, ensure_ascii=False),
            "at": datetime.now(),
            "user": user,
        },
    )


def load_profiles(con: duckdb.DuckDBPyConnection) -> list[Profile]:
    """Return every saved profile, the most recent first (it wins when two share headers)."""
    rows = con.execute(
        "SELECT name, signature, entity, fields_json, scales_json, wide_measure, options_json "
        "FROM mapping_profiles ORDER BY created_at DESC"
    ).fetchall()
    profiles, seen = [], set()
    for name, signature, entity, fields_json, scales_json, wide, options_json in rows:
        if signature in seen:
            continue
        seen.add(signature)
        profiles.append(
            Profile(
                name,
                signature,
                entity,
                json.loads(fields_json),
                json.loads(scales_json),
                wide,
                json.loads(options_json),
            )
        )
    return profiles


def delete_profile(con: duckdb.DuckDBPyConnection, name: str, actor: Actor) -> None:
    with access.change(con, actor, "profiles", "mapping_profile.delete", name):
        con.execute("DELETE FROM mapping_profiles WHERE name = $name", {"name": name})
