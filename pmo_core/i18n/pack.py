"""The committee pack's own words: its title page, footer and the line that says a table was cut."""

TEXTS = {
    "pack.meeting_date": ("Meeting: {date}", "Séance : {date}"),
    "pack.snapshot": ("Snapshot reviewed: {date}", "Situation examinée : {date}"),
    "pack.since": ("Changes since: {date}", "Évolutions depuis : {date}"),
    "pack.current": ("Current state", "Situation actuelle"),
    "pack.footer": (
        "{meeting} · snapshot {date} · {page}/{pages}",
        "{meeting} · situation au {date} · {page}/{pages}",
    ),
    "pack.rows_cut": (
        "{n} more {n:row|rows} in the app",
        "{n} {n:autre ligne|autres lignes} dans l'application",
    ),
    "pack.title_notes": (
        "Snapshot {date}. Figures as the app computes them for this snapshot; each slide's notes give their definitions.",
        "Situation au {date}. Chiffres calculés par l'application pour cette situation ; les notes de chaque "
        "diapositive en donnent les définitions.",
    ),
}
