"""Why an uploaded file was refused before any of its values were read (UnreadableFile codes), and the cells
that read as empty although they are not (reading.scan_workbook)."""

TEXTS = {
    "issue.not_a_workbook": (
        "The file is not a spreadsheet: its content is neither an Excel or OpenDocument workbook nor CSV text, "
        "whatever its name says.",
        "Le fichier n'est pas un tableur : son contenu n'est ni un classeur Excel ou OpenDocument ni du texte CSV, "
        "quel que soit son nom.",
    ),
    "issue.corrupt_zip": (
        "The workbook is damaged (its zip container is broken or cut short): open it in Excel, save it again "
        "and upload it again.",
        "Le classeur est endommagé (son conteneur zip est cassé ou tronqué) : ouvrez-le dans Excel, "
        "enregistrez-le de nouveau et importez-le de nouveau.",
    ),
    "issue.corrupt_workbook": (
        "The workbook could not be read: it is damaged or uses a feature the reader does not know. "
        "Save it again from Excel as .xlsx and upload it again.",
        "Le classeur n'a pas pu être lu : il est endommagé ou utilise une fonction que le lecteur ne connaît pas. "
        "Enregistrez-le de nouveau depuis Excel au format .xlsx et importez-le de nouveau.",
    ),
    "issue.empty_workbook": (
        "The file holds no data: every sheet is empty.",
        "Le fichier ne contient aucune donnée : toutes les feuilles sont vides.",
    ),
    "issue.password_protected": (
        "The workbook is protected by a password: remove the password in Excel (File > Info > Protect Workbook) "
        "and upload it again.",
        "Le classeur est protégé par un mot de passe : retirez-le dans Excel (Fichier > Informations > "
        "Protéger le classeur) et importez-le de nouveau.",
    ),
    "issue.zip_bomb": (
        'The file would expand to far more data than it holds (a "zip bomb"): it was refused without being opened.',
        "Le fichier se décompresserait en bien plus de données qu'il n'en contient (une « bombe zip ») : "
        "il a été refusé sans être ouvert.",
    ),
    "issue.xml_entities": (
        "The workbook contains XML declarations (DOCTYPE or ENTITY) that Excel never writes and that can be used "
        "to attack a server: it was refused.",
        "Le classeur contient des déclarations XML (DOCTYPE ou ENTITY) qu'Excel n'écrit jamais et qui peuvent "
        "servir à attaquer un serveur : il a été refusé.",
    ),
    "issue.too_many_rows": (
        "The sheet « {sheet} » has {rows} rows, more than the limit of {limit}: delete the empty or unused "
        "rows at the end of the sheet, or split the file.",
        "La feuille « {sheet} » compte {rows} lignes, au-delà de la limite de {limit} : supprimez les lignes "
        "vides ou inutilisées en fin de feuille, ou découpez le fichier.",
    ),
    "issue.too_many_columns": (
        "The sheet « {sheet} » has {columns} columns, more than the limit of {limit}: delete the unused "
        "columns at the right of the sheet, or split the file.",
        "La feuille « {sheet} » compte {columns} colonnes, au-delà de la limite de {limit} : supprimez les "
        "colonnes inutilisées à droite de la feuille, ou découpez le fichier.",
    ),
    "issue.too_many_cells": (
        "The sheet « {sheet} » declares {cells} cells, more than the limit of {limit}: delete the unused rows "
        "and columns at the end of the sheet and save it again.",
        "La feuille « {sheet} » déclare {cells} cellules, au-delà de la limite de {limit} : supprimez les "
        "lignes et colonnes inutilisées en fin de feuille et enregistrez-la de nouveau.",
    ),
    "issue.too_large": (
        "The file weighs {size_mb} MB, more than the limit of {limit_mb} MB.",
        "Le fichier pèse {size_mb} Mo, au-delà de la limite de {limit_mb} Mo.",
    ),
    "issue.malformed_csv": (
        "The CSV file could not be read: a quoted value is never closed, or a line is malformed (line {line}). "
        "Open it in a spreadsheet, save it again as CSV and upload it again.",
        "Le fichier CSV n'a pas pu être lu : une valeur entre guillemets n'est jamais fermée, ou une ligne "
        "est mal formée (ligne {line}). Ouvrez-le dans un tableur, enregistrez-le de nouveau en CSV et importez-le de nouveau.",
    ),
    "issue.timeout": (
        "Reading the file took longer than {seconds} seconds and was stopped.",
        "La lecture du fichier a dépassé {seconds} secondes et a été interrompue.",
    ),
    "issue.out_of_memory": (
        "Reading the file needed more than {limit_mb} MB of memory and was stopped: a sheet is probably far "
        "larger than it looks (a value or format far down or far right). Delete the unused rows and columns "
        "and save it again.",
        "La lecture du fichier a demandé plus de {limit_mb} Mo de mémoire et a été interrompue : une feuille "
        "est sans doute bien plus grande qu'il n'y paraît (une valeur ou un format très loin en bas ou à "
        "droite). Supprimez les lignes et colonnes inutilisées et enregistrez-la de nouveau.",
    ),
    "issue.crashed": (
        "The reader stopped abruptly on this file, which is probably damaged (the server is unaffected). "
        "Save it again from Excel and upload it again.",
        "Le lecteur s'est arrêté brutalement sur ce fichier, sans doute endommagé (le serveur n'est pas "
        "affecté). Enregistrez-le de nouveau depuis Excel et importez-le de nouveau.",
    ),
    "issue.formula_no_value": (
        "This cell holds a formula with no saved result (the file was written by a program): open the file "
        "in Excel and save it, or type the value.",
        "Cette cellule contient une formule sans résultat enregistré (le fichier a été écrit par un "
        "programme) : ouvrez le fichier dans Excel et enregistrez-le, ou saisissez la valeur.",
    ),
    "issue.formula_gaps_more": (
        "{n} {n:more cell of this column reads|more cells of this column read} as empty for the same reasons "
        "(a formula with no saved result, an Excel error): open the file in Excel, correct and save it.",
        "{n} {n:autre cellule de cette colonne se lit vide|autres cellules de cette colonne se lisent vides} "
        "pour les mêmes raisons (formule sans résultat enregistré, erreur Excel) : ouvrez le fichier dans "
        "Excel, corrigez-le et enregistrez-le.",
    ),
    "issue.excel_error": (
        "This cell shows the Excel error {value}: correct the formula or type the value.",
        "Cette cellule affiche l'erreur Excel {value} : corrigez la formule ou saisissez la valeur.",
    ),
}
