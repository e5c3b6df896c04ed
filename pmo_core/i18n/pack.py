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
TEXTS |= {
    "pack.button": ("Committee pack", "Dossier du comité"),
    "pack.button.help": (
        "The committee's slides as PowerPoint or PDF, and the current state as an Excel workbook.",
        "Les diapositives du comité en PowerPoint ou PDF, et la situation actuelle en classeur Excel.",
    ),
    "pack.dialog.title": ("Committee pack", "Dossier du comité"),
    "pack.dialog.what": (
        "{meeting}: the slides of presentation mode, under the filters in force ({filters}). PowerPoint keeps "
        "its charts editable; the PDF prints in black and white.",
        "{meeting} : les diapositives du mode présentation, avec les filtres en vigueur ({filters}). Le "
        "PowerPoint garde ses graphiques modifiables ; le PDF s'imprime en noir et blanc.",
    ),
    "pack.dialog.pptx": ("PowerPoint (.pptx)", "PowerPoint (.pptx)"),
    "pack.dialog.pdf": ("PDF", "PDF"),
    "pack.dialog.excel": ("Current state in Excel (template)", "Situation actuelle en Excel (modèle)"),
    "pack.dialog.excel.help": (
        "Every project, risk and budget line in the import template's format: edit it and import it back.",
        "Chaque projet, risque et ligne budgétaire au format du modèle d'import : modifiez-le et réimportez-le.",
    ),
    "pack.dialog.excel_file": ("pmo-current-state_{date}.xlsx", "pmo-situation-actuelle_{date}.xlsx"),
}
