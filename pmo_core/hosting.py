"""How the app is hosted: the environment variables IT sets, declared once with their default and help.

The same table gives the values (`get`), the README's configuration reference (a test checks it) and the
CLI's `config` listing. Single sign-on's own settings (client id and secret, provider address) live in
`.streamlit/secrets.toml` under `[auth]`, where Streamlit's st.login reads them.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass

AUTH_MODES = ("oidc", "proxy", "accounts", "open")


@dataclass(frozen=True)
class Option:
    name: str
    default: str
    help: str


OPTIONS: tuple[Option, ...] = (
    Option("PMO_DB", "data/pmo.duckdb", "The store, a DuckDB file."),
    Option("PMO_LANG", "en", "Default language of the app and of the CLI's messages (`en` or `fr`)."),
    Option(
        "PMO_AUTH",
        "accounts",
        "How people sign in: `oidc` (single sign-on, st.login), `proxy` (a trusted reverse proxy's header), "
        "`accounts` (built-in accounts) or `open` (no sign-in, a banner says so; `make run` only).",
    ),
    Option(
        "PMO_ROLE_CLAIM",
        "groups",
        "`oidc`: the claim of the identity token that lists the person's groups or roles.",
    ),
    Option(
        "PMO_ROLE_MAP",
        "",
        "`oidc` and `proxy`: groups or roles to our roles, `group=role` separated by commas "
        "(`PMO-Office=pmo, PMO-Admins=admin`); the highest role wins; a role an admin set wins over it.",
    ),
    Option(
        "PMO_DEFAULT_ROLE",
        "",
        "`oidc` and `proxy`: the role of a person no group maps and no admin named; empty: no access.",
    ),
    Option("PMO_OIDC_NAME_CLAIM", "email", "`oidc`: the claim that names the person in the audit trail."),
    Option(
        "PMO_OIDC_PROVIDER", "", "`oidc`: the provider's name when secrets.toml has `[auth.NAME]` sections."
    ),
    Option(
        "PMO_PROXY_USER_HEADER", "X-Remote-User", "`proxy`: the header holding the signed-in user's name."
    ),
    Option(
        "PMO_PROXY_GROUPS_HEADER",
        "X-Remote-Groups",
        "`proxy`: the header holding the user's groups, separated by commas (mapped by PMO_ROLE_MAP).",
    ),
    Option(
        "PMO_TRUSTED_PROXIES",
        "",
        "`proxy`: the addresses or networks (`10.0.0.5, 10.1.0.0/24`) the proxy connects from; a request "
        "from any other address gets no identity. Loopback is `127.0.0.1`.",
    ),
    Option("PMO_OPEN_ROLE", "admin", "`open`: the role everyone has (the demo shows every page)."),
    Option("PMO_SESSION_IDLE_MINUTES", "60", "`accounts`: a session left idle this long signs out."),
    Option("PMO_SESSION_MAX_HOURS", "12", "`accounts`: a session signs out this long after signing in."),
    Option("PMO_BACKUP_DIR", "data/backups", "Where the server writes its backups."),
    Option(
        "PMO_BACKUP_EVERY_HOURS", "24", "The server backs the store up this often while it serves; 0: never."
    ),
    Option("PMO_BACKUP_KEEP", "14", "How many of the server's scheduled backups are kept (older ones go)."),
    Option(
        "PMO_UPLOADS_DIR",
        "",
        "Where each import keeps the files it read (one folder per batch), for the trace of a figure back to "
        "its cell; empty: `uploads/` beside the store. The retention settings delete them.",
    ),
)
BY_NAME = {option.name: option for option in OPTIONS}


class ConfigError(ValueError):
    """A hosting setting that cannot work as set; the app says so instead of guessing."""


def get(name: str) -> str:
    return os.environ.get(name, BY_NAME[name].default).strip()


def auth_mode() -> str:
    mode = get("PMO_AUTH").lower()
    if mode not in AUTH_MODES:
        raise ConfigError(f"PMO_AUTH={mode!r}: one of {', '.join(AUTH_MODES)} is expected")
    return mode


def number(name: str) -> float:
    try:
        return float(get(name))
    except ValueError:
        raise ConfigError(f"{name}={get(name)!r}: a number is expected") from None


def trusted_proxies() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    try:
        return [ipaddress.ip_network(p.strip()) for p in get("PMO_TRUSTED_PROXIES").split(",") if p.strip()]
    except ValueError as exc:
        raise ConfigError(f"PMO_TRUSTED_PROXIES: {exc}") from None


def check_proxy_setup() -> None:
    """Refuse to take names from a header while the web server may rewrite the peer's address from another.

    Streamlit's server (uvicorn) believes X-Forwarded-For from loopback unless FORWARDED_ALLOW_IPS is set,
    and then a local process could claim to be the proxy. Set empty, the address checked is the real peer.
    """
    if os.environ.get("FORWARDED_ALLOW_IPS") != "":
        raise ConfigError(
            "PMO_AUTH=proxy needs FORWARDED_ALLOW_IPS set to an empty value in the server's environment "
            "(README, Deployment), so that the address checked against PMO_TRUSTED_PROXIES is the real one."
        )
    if not trusted_proxies():
        raise ConfigError("PMO_AUTH=proxy needs PMO_TRUSTED_PROXIES: the addresses the proxy connects from.")


def from_trusted_proxy(peer: str | None) -> bool:
    """Say whether a connection's own address (not a header) is one of the trusted proxies."""
    if not peer:
        return False
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    return any(address in network for network in trusted_proxies())
