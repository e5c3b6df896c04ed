"""Risks page: the words of this page."""

TEXTS: dict[str, tuple[str, str]] = {}
