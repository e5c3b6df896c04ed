"""Who is using the app: sign-in in the mode IT chose (PMO_AUTH), the acting user of each session, the banner
of open mode. The frame (app.py) asks `current_actor` on every run and shows `page` until there is one.

Roles are enforced by pmo_core on every write; this module only finds out who is asking.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import streamlit as st

from pages.ui import common
from pmo_core import accounts, hosting
from pmo_core.access import Actor, role_label

ACTOR_KEY = "_actor"
SINCE_KEY, SEEN_KEY = "_signed_in_at", "_last_seen"
EXPIRED_KEY = "_session_expired"
LOOPBACK = "127.0.0.1"  # st.context.ip_address reads a loopback peer as None


def peer() -> str:
    """Return the address the connection itself comes from (a header can be forged, this cannot)."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else LOOPBACK


def header(name: str) -> str:
    """Return a header of the request that opened this session ("" when absent, or outside a server)."""
    value = st.context.headers.get(name)
    return value.strip() if isinstance(value, str) else ""


def origin() -> str:
    """Return where the person is: the client address a trusted proxy forwards, else the connection's own."""
    address = peer()
    if hosting.from_trusted_proxy(address):
        forwarded = [
            a.strip() for a in (st.context.headers.get("X-Forwarded-For") or "").split(",") if a.strip()
        ]
        if forwarded:
            return forwarded[-1]  # the hop the proxy itself appended
    return address


def current_actor() -> Actor | None:
    """Return the signed-in actor of this session, or None when the sign-in page should show."""
    mode = hosting.auth_mode()
    if mode == "open":
        return Actor("anonymous", hosting.get("PMO_OPEN_ROLE"), origin=origin())
    if mode == "accounts":
        return _account_session()
    if mode == "proxy":
        return _proxy_identity()
    return _oidc_identity()


def _account_session() -> Actor | None:
    actor = st.session_state.get(ACTOR_KEY)
    if actor is None:
        return None
    now = datetime.now()
    idle = timedelta(minutes=hosting.number("PMO_SESSION_IDLE_MINUTES"))
    longest = timedelta(hours=hosting.number("PMO_SESSION_MAX_HOURS"))
    if now - st.session_state[SEEN_KEY] > idle or now - st.session_state[SINCE_KEY] > longest:
        sign_out()
        st.session_state[EXPIRED_KEY] = True
        return None
    st.session_state[SEEN_KEY] = now
    return actor


def _identity(name: str, groups: tuple[str, ...]) -> Actor | None:
    """Return the actor of a person signed in elsewhere, or None (with the reason kept for the page)."""
    try:
        return accounts.identity(
            common.cursor(),
            name,
            groups,
            accounts.role_map(hosting.get("PMO_ROLE_MAP")),
            hosting.get("PMO_DEFAULT_ROLE") or None,
            origin(),
        )
    except accounts.AccountRefused as exc:
        st.session_state["_identity_refused"] = exc
        return None


def _proxy_identity() -> Actor | None:
    """Take the user's name from the proxy's header, only when the connection comes from a trusted proxy."""
    hosting.check_proxy_setup()
    if not hosting.from_trusted_proxy(peer()):
        return None
    name = header(hosting.get("PMO_PROXY_USER_HEADER"))
    if not name:
        return None
    groups = header(hosting.get("PMO_PROXY_GROUPS_HEADER"))
    return _identity(name, tuple(g.strip() for g in groups.split(",") if g.strip()))


def _oidc_identity() -> Actor | None:
    if not st.user.is_logged_in:
        return None
    claims = st.user.to_dict()
    name = str(
        claims.get(hosting.get("PMO_OIDC_NAME_CLAIM")) or claims.get("preferred_username") or claims["sub"]
    )
    groups = claims.get(hosting.get("PMO_ROLE_CLAIM")) or ()
    return _identity(name, (groups,) if isinstance(groups, str) else tuple(str(g) for g in groups))


def sign_out() -> None:
    for key in (ACTOR_KEY, SINCE_KEY, SEEN_KEY):
        st.session_state.pop(key, None)


def page() -> None:
    """The sign-in page: a form for built-in accounts, a button for single sign-on, or why there is no identity."""
    common.language_switch()
    with st.columns([1, 3, 1])[1]:  # a sign-in form reads best narrow, even on a wide screen
        _sign_in_column(hosting.auth_mode())


def _sign_in_column(mode: str) -> None:
    st.title(common.tr("signin.title"))
    refused = st.session_state.pop("_identity_refused", None)
    if refused is not None:
        st.error(refused.message(common.lang()))
    if st.session_state.pop(EXPIRED_KEY, False):
        st.info(common.tr("signin.expired"))
    if mode == "accounts":
        _account_form()
    elif mode == "oidc" and st.user.is_logged_in:  # signed in, but refused a role: another account may do
        if st.button(common.tr("signin.out"), icon=":material/logout:"):
            st.logout()
    elif mode == "oidc":
        st.write(common.tr("signin.oidc"))
        if st.button(common.tr("signin.oidc.button"), type="primary", icon=":material/login:"):
            provider = hosting.get("PMO_OIDC_PROVIDER")
            st.login(provider) if provider else st.login()
    elif refused is None:
        st.warning(common.tr("signin.proxy"))


def _account_form() -> None:
    with st.form("signin"):
        name = st.text_input(common.tr("signin.name"), autocomplete="username")
        password = st.text_input(
            common.tr("signin.password"), type="password", autocomplete="current-password"
        )
        submitted = st.form_submit_button(common.tr("signin.button"), type="primary")
    if submitted:
        try:
            actor = accounts.sign_in(common.cursor(), name, password, origin())
        except accounts.AccountRefused as exc:
            st.error(exc.message(common.lang()))
            return
        now = datetime.now()
        st.session_state.update({ACTOR_KEY: actor, SINCE_KEY: now, SEEN_KEY: now})
        st.rerun()
    st.caption(common.tr("signin.help"))


def sidebar(actor: Actor) -> None:
    """Say who is signed in, with which role, and offer to sign out."""
    mode = hosting.auth_mode()
    role = role_label(actor.role, common.lang())
    with st.sidebar:
        # Open mode signs nobody in: the sidebar names the role every visitor has, never a person.
        st.caption(
            common.tr("signin.open_as", role=role)
            if mode == "open"
            else common.tr("signin.as", user=actor.name, role=role)
        )
        if common.costs_hidden():
            st.caption(common.tr("access.costs_hidden"))
        if mode in ("accounts", "oidc") and st.button(common.tr("signin.out"), icon=":material/logout:"):
            if mode == "oidc":
                st.logout()
            sign_out()
            st.rerun()


def banner() -> None:
    """Say plainly, on every page, that open mode lets anyone who reaches the app change it: a badge in the
    page's top bar (projector.css places it), so it takes no row of a projector's first screen; the whole
    warning, with what to set before hosting, on its help mark."""
    if hosting.auth_mode() == "open":
        with st.container(key="open_mode"):
            st.badge(
                common.tr("signin.open_badge"),
                icon=":material/lock_open:",
                color="orange",
                help=common.tr("signin.open_banner"),
            )
