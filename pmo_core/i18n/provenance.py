"""Provenance: where a figure came from, in the words of the trace (project page, registers, command line)."""

TEXTS = {
    "origin.heading": ("Where a figure comes from", "D'où vient un chiffre"),
    "origin.caption": (
        "Any stored figure of this project, with the file, sheet and cell it was read from, what was typed "
        "there, and its value at each snapshot.",
        "Tout chiffre enregistré de ce projet, avec le fichier, la feuille et la cellule d'où il a été lu, ce "
        "qui y était saisi, et sa valeur à chaque date de situation.",
    ),
    "origin.hint": (
        "Click a cell to see where its figure comes from.",
        "Cliquez sur une cellule pour voir d'où vient son chiffre.",
    ),
    "origin.hint.help": (
        "The file, sheet and cell it was read from, the text as typed, how it was read, who imported it, "
        "and its value at each snapshot.",
        "Le fichier, la feuille et la cellule d'où il a été lu, le texte saisi, comment il a été lu, qui l'a "
        "importé, et sa valeur à chaque date de situation.",
    ),
    "origin.not_stored": (
        "This figure is computed, not read from a cell: click a stored figure (a budget, a date, a rating) to "
        "see where it comes from; the project page opens each month's cost line.",
        "Ce chiffre est calculé, pas lu dans une cellule : cliquez sur un chiffre enregistré (un budget, une "
        "date, une cotation) pour voir d'où il vient ; la page projet ouvre chaque ligne de coût mensuelle.",
    ),
    "origin.hidden": (
        "Cost figures are hidden from your role, and so is their origin.",
        "Les montants sont masqués pour votre rôle, et leur origine aussi.",
    ),
    "origin.pick.row": ("Row", "Ligne"),
    "origin.pick.figure": ("Figure", "Chiffre"),
    "origin.row.project": ("The project itself", "Le projet lui-même"),
    "origin.row.milestones": ("Milestone", "Jalon"),
    "origin.row.risks": ("Risk", "Risque"),
    "origin.row.costs": ("Cost line", "Ligne de coût"),
    "origin.row.business_case": ("Business case", "Analyse de rentabilité"),
    "origin.file": ("File **{file}** (SHA-256 {sha}…)", "Fichier **{file}** (SHA-256 {sha}…)"),
    "origin.cell": (
        "Sheet **{sheet}**, cell **{cell}** (column {header}), typed « {typed} »",
        "Feuille **{sheet}**, cellule **{cell}** (colonne {header}), saisi « {typed} »",
    ),
    "origin.batch": (
        "Import no. {batch} (snapshot of {as_of}), by {who} on {when}",
        "Import n° {batch} (situation au {as_of}), par {who} le {when}",
    ),
    "origin.read": ("How it was read", "Comment il a été lu"),
    "origin.history": ("At each snapshot", "À chaque date de situation"),
    "origin.col.snapshot": ("Snapshot", "Situation au"),
    "origin.col.value": ("Value", "Valeur"),
    "origin.col.file": ("File", "Fichier"),
    "origin.col.where": ("Sheet · cell", "Feuille · cellule"),
    "origin.col.typed": ("Typed", "Saisi"),
    "origin.col.by": ("Imported by", "Importé par"),
    "origin.not_kept": (
        "The file itself is no longer kept (see the retention settings); its name, SHA-256 and cells remain.",
        "Le fichier lui-même n'est plus gardé (voir les réglages de conservation) ; son nom, son SHA-256 et ses "
        "cellules restent.",
    ),
    "origin.download": ("The file as imported", "Le fichier tel qu'importé"),
    "setting.upload_retention_days": (
        "Days each import keeps the files it read, for the trace of a figure back to the file; 0: keep none.",
        "Nombre de jours pendant lesquels chaque import garde les fichiers lus, pour remonter d'un chiffre au "
        "fichier ; 0 : n'en garder aucun.",
    ),
    "setting.label.upload_retention_days": (
        "Keep imported files (days)",
        "Garder les fichiers importés (jours)",
    ),
    "setting.upload_keep_mb": (
        "Most space the kept files may take, in MB: past it, the oldest go first.",
        "Place maximale des fichiers gardés, en Mo : au-delà, les plus anciens partent d'abord.",
    ),
    "setting.label.upload_keep_mb": ("Space for kept files (MB)", "Place des fichiers gardés (Mo)"),
    "trace.no_value": ("empty", "vide"),
    "trace.yes": ("yes", "oui"),
    "trace.no": ("no", "non"),
    "trace.sentence.cell": (
        "{file}, sheet {sheet}, cell {cell}, typed « {typed} »",
        "{file}, feuille {sheet}, cellule {cell}, saisi « {typed} »",
    ),
    "trace.sentence.cells": (
        "{file}, sheet {sheet}, cells {cell}",
        "{file}, feuille {sheet}, cellules {cell}",
    ),
    "trace.sentence.empty": (
        "{file}, sheet {sheet}, cell {cell}, empty",
        "{file}, feuille {sheet}, cellule {cell}, vide",
    ),
    "trace.sentence.no_cell": ("{file}, set by the import", "{file}, fixé par l'import"),
    "trace.sentence.no_file": ("loaded without a file", "chargé sans fichier"),
    "trace.sentence.imported": (", imported by {who} on {when}", ", importé par {who} le {when}"),
    "trace.sentence.was": ("; was {value} on {when}", " ; valait {value} au {when}"),
    "trace.rule.no_file": (
        "Loaded from data, not from a file: no cell to show.",
        "Chargé depuis des données, pas depuis un fichier : aucune cellule à montrer.",
    ),
    "trace.rule.no_cell": (
        "Set by the import, not read from a cell.",
        "Fixé par l'import, pas lu dans une cellule.",
    ),
    "trace.rule.sum": (
        "The sum of {n} cells (the same line given several times).",
        "La somme de {n} cellules (la même ligne donnée plusieurs fois).",
    ),
    "trace.rule.spread": (
        "An annual amount spread evenly over {n} months.",
        "Un montant annuel réparti également sur {n} mois.",
    ),
    "trace.rule.merged": (
        "Merged down from the cell above: it names every row of the merged range.",
        "Fusionnée depuis la cellule du dessus : elle vaut pour chaque ligne de la plage fusionnée.",
    ),
    "trace.rule.section": (
        "The section row above the project names its portfolio.",
        "La ligne de section au-dessus du projet donne son portefeuille.",
    ),
    "trace.rule.as_of": (
        "No date of update in the file: the snapshot date of the import.",
        "Pas de date de mise à jour dans le fichier : la date de situation de l'import.",
    ),
    "trace.rule.open": (
        "No status in the file: a risk is open.",
        "Pas de statut dans le fichier : un risque est ouvert.",
    ),
    "trace.read.empty": ("The cell was empty.", "La cellule était vide."),
    "trace.read.as_typed": ("Read as typed.", "Lu tel que saisi."),
    "trace.read.unit_in_cell": (
        "The unit in the cell, « {unit} », multiplies by {factor}.",
        "L'unité dans la cellule, « {unit} », multiplie par {factor}.",
    ),
    "trace.read.unit_of_column": (
        "A bare number in a column in thousands or millions (« {header} »): multiplied by {factor}.",
        "Un nombre seul dans une colonne en milliers ou millions (« {header} ») : multiplié par {factor}.",
    ),
    "trace.read.decimal_comma": (
        "The comma is the decimal separator.",
        "La virgule est le séparateur décimal.",
    ),
    "trace.read.grouping": ("Spaces group the thousands.", "Les espaces séparent les milliers."),
    "trace.read.rate": (
        "Converted from {currency} at the import's rate, {rate}.",
        "Converti depuis {currency} au taux de l'import, {rate}.",
    ),
    "trace.read.percent_sign": (
        "A percentage: « % » divides by 100.",
        "Un pourcentage : « % » divise par 100.",
    ),
    "trace.read.fraction": (
        "A number read as a share of 1 (0.45 = 45 %), or as whole percents where the column writes 45.",
        "Un nombre lu comme une part de 1 (0,45 = 45 %), ou en pourcentages entiers quand la colonne écrit 45.",
    ),
    "trace.read.date_cell": ("An Excel date cell.", "Une cellule date d'Excel."),
    "trace.read.day_first": (
        "A date read day first (dd/mm/yyyy).",
        "Une date lue le jour d'abord (jj/mm/aaaa).",
    ),
    "trace.read.month_first": (
        "A date read month first (mm/dd/yyyy).",
        "Une date lue le mois d'abord (mm/jj/aaaa).",
    ),
    "trace.read.period": (
        "A period (a quarter or a fiscal year): a start takes its first day, an end its last.",
        "Une période (un trimestre ou un exercice) : un début prend son premier jour, une fin le dernier.",
    ),
    "trace.read.date_words": ("A date written in words.", "Une date écrite en toutes lettres."),
    "trace.read.word": ("The word « {typed} » read as its value.", "Le mot « {typed} » lu comme sa valeur."),
    "cli.trace.file": ("  file: {file} (SHA-256 {sha256})", "  fichier : {file} (SHA-256 {sha256})"),
    "cli.trace.cell": (
        "  sheet {sheet}, cell {cell} ({header}): « {typed} »",
        "  feuille {sheet}, cellule {cell} ({header}) : « {typed} »",
    ),
    "cli.trace.batch": (
        "  batch {batch} of {as_of}, imported {when} by {who}",
        "  lot {batch} du {as_of}, importé le {when} par {who}",
    ),
    "cli.trace.history": ("history:", "historique :"),
    "cli.retention.file": ("batch {batch}: {file}", "lot {batch} : {file}"),
    "cli.retention.done": ("{n} {n:file|files} deleted.", "{n} {n:fichier supprimé|fichiers supprimés}."),
    "cli.retention.due": (
        "{n} {n:file|files} to delete.",
        "{n} {n:fichier à supprimer|fichiers à supprimer}.",
    ),
    "trace.denied.project": ("No project {project} in the store.", "Aucun projet {project} dans la base."),
    "trace.denied.field": (
        "{field} is not a figure a trace can follow for {entity}.",
        "{field} n'est pas un chiffre que la traçabilité peut suivre pour {entity}.",
    ),
    "trace.denied.no_rows": (
        "Project {project} holds no {entity} row « {item} », nor any other.",
        "Le projet {project} n'a pas de ligne {entity} « {item} », ni aucune autre.",
    ),
    "trace.denied.entity": ("Unknown kind of row: {entity}.", "Type de ligne inconnu : {entity}."),
    "trace.denied.item": (
        "Project {project} has no such row « {item} ». Rows: {items}",
        "Le projet {project} n'a pas de ligne « {item} ». Lignes : {items}",
    ),
}
