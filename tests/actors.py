"""The acting users tests write with: one per role, and project managers of given projects."""

from pmo_core.access import Actor

ADMIN = Actor("test-admin", "admin", origin="test")
PMO = Actor("test", "pmo", origin="test")
VIEWER = Actor("test-viewer", "viewer", origin="test")


def manager(*codes: str) -> Actor:
    return Actor("test-manager", "manager", frozenset(codes), origin="test")
