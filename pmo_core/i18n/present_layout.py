"""Presentation mode's control line: the current state named with its snapshot, as a committee is."""

TEXTS = {
    "present.current_on": ("Current state (snapshot {date})", "État actuel (instantané du {date})"),
}
