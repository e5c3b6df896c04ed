"""The error workbook: the user's own file handed back with each problem cell coloured and commented."""

TEXTS = {
    "annotate.file_suffix": ("_annotated", "_a_corriger"),
    "annotate.sheet": ("Problems", "Problèmes"),
    "annotate.title": ("Problems found in {file}", "Problèmes trouvés dans {file}"),
    "annotate.intro": (
        "{errors} {errors:error|errors} and {warnings} {warnings:warning|warnings}. Each cell concerned is coloured in its sheet (red: error, "
        "yellow: warning) with a comment that explains it; click an address to go to the cell. Correct the "
        "errors, save the file and import it again.",
        "{errors} {errors:erreur|erreurs} et {warnings} {warnings:avertissement|avertissements}. Chaque cellule concernée est colorée dans sa feuille "
        "(rouge : erreur, jaune : avertissement) et porte un commentaire qui l'explique ; cliquez sur une adresse "
        "pour aller à la cellule. Corrigez les erreurs, enregistrez le fichier et importez-le de nouveau.",
    ),
    "annotate.col.severity": ("Severity", "Gravité"),
    "annotate.col.sheet": ("Sheet", "Feuille"),
    "annotate.col.cell": ("Cell", "Cellule"),
    "annotate.col.column": ("Column", "Colonne"),
    "annotate.col.value": ("Value read", "Valeur lue"),
    "annotate.col.message": ("What is wrong", "Ce qui ne va pas"),
    "annotate.severity.error": ("Error", "Erreur"),
    "annotate.severity.warning": ("Warning", "Avertissement"),
    "annotate.whole_file": ("(whole file)", "(tout le fichier)"),
    "annotate.comment.error": ("Error: {sentence}", "Erreur : {sentence}"),
    "annotate.comment.warning": ("Warning: {sentence}", "Avertissement : {sentence}"),
    "annotate.comment.value": ("Value read: « {value} »", "Valeur lue : « {value} »"),
    "issue.file_missing": (
        "The uploaded file is no longer available on the server: upload it again.",
        "Le fichier importé n'est plus disponible sur le serveur : importez-le de nouveau.",
    ),
}
