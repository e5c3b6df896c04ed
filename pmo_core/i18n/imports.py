"""The Import page, the command line, the validation report and the importer's issue sentences."""

TEXTS = {
    # Where an issue sits.
    "issue.where.sheet": ("sheet « {sheet} »", "feuille « {sheet} »"),
    "issue.where.row": ("row {row}", "ligne {row}"),
    "issue.where.column": ("column « {column} »", "colonne « {column} »"),
    # What the importer itself finds (the parsers' and the reader's sentences sit in values.py and reading.py).
    "issue.required_column_missing": (
        "No column holds « {field} », which {entity} need: name that column in the Import page's mapping, or "
        "give it one of the headers listed in the README.",
        "Aucune colonne ne contient « {field} », indispensable pour ce tableau ({entity}) : indiquez cette "
        "colonne dans la correspondance de la page Import, ou donnez-lui l'un des en-têtes cités dans le README.",
    ),
    "issue.row_skipped": (
        "This row is left out: its « {field} » is missing or cannot be read.",
        "Cette ligne est écartée : son « {field} » manque ou est illisible.",
    ),
    "issue.field.project": ("project code or name", "code ou nom du projet"),
    "issue.required_value_missing": (
        "This row has no « {field} »: fill it in, or delete the row.",
        "Cette ligne n'a pas de valeur dans « {field} » : saisissez-en une, ou supprimez la ligne.",
    ),
    "issue.project_reference_missing": (
        "This row names no project (neither a code nor a title).",
        "Cette ligne ne désigne aucun projet (ni code, ni intitulé).",
    ),
    "issue.project_unknown": (
        "« {value} »{rows:| ({rows} rows, the first here)} is neither a project of this import nor a project "
        "already in the store. Import the project first, or correct its code or title.",
        "« {value} »{rows:| ({rows} lignes, la première ici)} n'est ni un projet de cet import, ni un projet "
        "déjà en base. Importez d'abord le projet, ou corrigez son code ou son intitulé.",
    ),
    "issue.project_ambiguous": (
        "Several projects are titled « {value} » ({candidates}): write the project code instead.",
        "Plusieurs projets s'intitulent « {value} » ({candidates}) : indiquez plutôt le code projet.",
    ),
    "issue.duplicate_project_code": (
        "The project code « {value} » appears more than once (also at row {other_row}).",
        "Le code projet « {value} » apparaît plusieurs fois (aussi ligne {other_row}).",
    ),
    "issue.duplicate_project_code_elsewhere": (
        "The project code « {value} » is also in {other_file}, sheet « {other_sheet} », row {other_row}: a project "
        "is described once per import.",
        "Le code projet « {value} » figure aussi dans {other_file}, feuille « {other_sheet} », ligne {other_row} : "
        "un projet n'est décrit qu'une fois par import.",
    ),
    "issue.code_spelling": (
        "« {value} » is read as the project {code} already in the store (same code, other case or spacing).",
        "« {value} » est lu comme le projet {code} déjà en base (même code, casse ou espaces différents).",
    ),
    "issue.end_before_start": (
        "The end date {value} is before the start date {start}.",
        "La date de fin {value} précède la date de début {start}.",
    ),
    "issue.end_before_start_dropped": (
        "The end date {value} is before the start date {start}: it is left empty; correct it in the file.",
        "La date de fin {value} précède la date de début {start} : elle est laissée vide ; corrigez-la dans le "
        "fichier.",
    ),
    "issue.score_not_read": (
        "The written score « {value} » is not a number: the score is recomputed as probability x impact.",
        "La criticité saisie « {value} » n'est pas un nombre : elle est recalculée comme probabilité x impact.",
    ),
    "issue.case_line_unknown": (
        "This line of the business case is neither a cost nor a benefit ({value}): its amounts are not imported.",
        "Cette ligne de l'analyse de rentabilité n'est ni un coût ni un bénéfice ({value}) : ses montants ne "
        "sont pas importés.",
    ),
    "issue.negative_amount": (
        "A negative amount ({value}): it is kept as written; check the sign.",
        "Un montant négatif ({value}) : il est gardé tel quel ; vérifiez le signe.",
    ),
    "issue.score_recomputed": (
        "The written score {value} is not probability x impact; {score} is used.",
        "La criticité saisie ({value}) n'est pas probabilité x impact ; {score} est retenu.",
    ),
    "issue.duplicate_cost_line": (
        "Another line has the same project, month and cost type ({value}); the amounts are added up.",
        "Une autre ligne a le même projet, mois et nature ({value}) ; les montants sont additionnés.",
    ),
    "issue.duplicate_cost_lines_more": (
        "{n} more {n:line repeats|lines repeat} a project, month and cost type; the amounts are added up too.",
        "{n} {n:autre ligne répète|autres lignes répètent} un projet, un mois et une nature ; les montants "
        "sont additionnés de même.",
    ),
    "issue.no_table_recognised": (
        "No table of projects, milestones, risks, costs or business case was recognised. Map the columns below.",
        "Aucun tableau de projets, jalons, risques, coûts ou rentabilité n'a été reconnu. Indiquez la "
        "correspondance des colonnes ci-dessous.",
    ),
    "issue.sheet_not_read": (
        "No table header was found in this sheet: it was not read. On the mapping screen, say that its table has "
        "no header row and name its columns, or give it a header row of words (« Code projet », « Année »...).",
        "Aucune ligne d'en-têtes n'a été trouvée dans cette feuille : elle n'a pas été lue. Dans la "
        "correspondance, indiquez que son tableau n'a pas d'en-têtes et nommez ses colonnes, ou donnez-lui une "
        "ligne d'en-têtes en mots (« Code projet », « Année »...).",
    ),
    "issue.as_of_ambiguous": (
        "The file states its date as « {value} », which reads two ways: it was taken as {as_of}. Check the "
        "snapshot date before confirming.",
        "Le fichier indique sa date comme « {value} », qui se lit de deux façons : elle a été prise pour le "
        "{as_of}. Vérifiez la date de l'instantané avant de confirmer.",
    ),
    "issue.as_of_in_future": (
        "The snapshot is dated {as_of}, in the future: it will stay the latest state until then. Check the "
        "date the file states, or choose the snapshot date before confirming.",
        "L'instantané est daté du {as_of}, dans le futur : il restera l'état le plus récent jusque-là. "
        "Vérifiez la date indiquée dans le fichier, ou choisissez la date de l'instantané avant de confirmer.",
    ),
    "issue.nothing_to_import": (
        "Nothing to import: no row of projects, milestones, risks, costs or business case was read. Map the "
        "columns of a table below, or check that its sheet is not hidden.",
        "Rien à importer : aucune ligne de projets, jalons, risques, coûts ou rentabilité n'a été lue. Indiquez "
        "la correspondance des colonnes d'un tableau ci-dessous, ou vérifiez que sa feuille n'est pas masquée.",
    ),
    "issue.full_scope_needs_projects": (
        "A full import replaces the whole portfolio, so it needs a table of projects.",
        "Un import complet remplace tout le portefeuille : il lui faut un tableau de projets.",
    ),
    "issue.older_than_latest": (
        "This import is dated {as_of}, before the latest snapshot ({latest}): it fills in history, and changes the "
        "current state only for projects that no later import covers.",
        "Cet import est daté du {as_of}, avant la dernière situation ({latest}) : il complète l'historique, et ne "
        "change l'état actuel que pour les projets qu'aucun import plus récent ne couvre.",
    ),
    # Severity and change words.
    "import.severity.error": ("Error", "Erreur"),
    "import.severity.warning": ("Warning", "Avertissement"),
    "import.change.added": ("Added", "Ajoutés"),
    "import.change.updated": ("Updated", "Mis à jour"),
    "import.change.removed": ("Removed", "Retirés"),
    "import.change.unchanged": ("Unchanged", "Inchangés"),
    # Rollback refusals.
    "rollback.unknown": ("There is no import batch {batch}.", "Il n'y a pas de lot d'import {batch}."),
    "rollback.done": (
        "Import batch {batch} was already rolled back on {when}.",
        "Le lot d'import {batch} a déjà été annulé le {when}.",
    ),
    # Command line.
    "cli.file_missing": ("No such file: {path}", "Fichier introuvable : {path}"),
    "cli.refused": (
        "Import refused: {errors} {errors:error|errors}. Nothing was stored.",
        "Import refusé : {errors} {errors:erreur|erreurs}. Rien n'a été enregistré.",
    ),
    "cli.dry_run": ("Dry run: nothing was stored.", "Simulation : rien n'a été enregistré."),
    "cli.imported": (
        "Imported as batch {batch} (snapshot of {as_of}).",
        "Importé en lot {batch} (situation au {as_of}).",
    ),
    "cli.report.counts": (
        "Read {projects} projects, {milestones} milestones, {risks} risks, {costs} cost lines, "
        "{business_case} business-case lines.",
        "Lu {projects} projets, {milestones} jalons, {risks} risques, {costs} lignes de coûts, "
        "{business_case} lignes de rentabilité.",
    ),
    "cli.report.changes": (
        "{scope} import as of {as_of}: {added} added, {updated} updated, {removed} removed, {unchanged} unchanged.",
        "Import {scope} au {as_of} : {added} ajoutés, {updated} mis à jour, {removed} retirés, {unchanged} inchangés.",
    ),
    "cli.scope.partial": ("Partial", "partiel"),
    "cli.scope.full": ("Full", "complet"),
    "cli.report.list": ("  {kind}: {codes}", "  {kind} : {codes}"),
    "cli.report.hidden": (
        "{file}: hidden sheets not read: {sheets} (--include-hidden reads them).",
        "{file} : feuilles masquées non lues : {sheets} (--include-hidden les lit).",
    ),
    "cli.report.table": (
        "{file}, sheet « {sheet} », headers on row {row}: read as {entity}, {rows} {rows:row|rows}.",
        "{file}, feuille « {sheet} », en-têtes ligne {row} : lu comme {entity}, {rows} {rows:ligne|lignes}.",
    ),
    "cli.report.line": ("{severity}: {message}", "{severity} : {message}"),
    "cli.failed": (
        "The import failed and nothing was stored ({error}).",
        "L'import a échoué et rien n'a été enregistré ({error}).",
    ),
    "cli.history.line": (
        "{batch:>4}  {as_of}  {imported_at}  {scope:<8} {projects:>5} projects {risks:>6} risks "
        "{costs:>7} cost lines  {files}{rolled_back}",
        "{batch:>4}  {as_of}  {imported_at}  {scope:<8} {projects:>5} projets {risks:>6} risques "
        "{costs:>7} lignes de coûts  {files}{rolled_back}",
    ),
    "cli.history.rolled_back": ("  [rolled back]", "  [annulé]"),
    "cli.no_history": ("No import yet.", "Aucun import pour l'instant."),
    "cli.rolled_back": ("Batch {batch} rolled back.", "Lot {batch} annulé."),
    "cli.exported": ("Written: {path}", "Écrit : {path}"),
    "cli.demo_skipped": (
        "The store already holds data: demo not loaded.",
        "La base contient déjà des données : démonstration non chargée.",
    ),
    "cli.demo_loaded": (
        "Demo portfolio loaded ({batches} monthly snapshots).",
        "Portefeuille de démonstration chargé ({batches} situations mensuelles).",
    ),
    # Import page.
    "import.title": ("Import trackers", "Importer des suivis"),
    "import.caption": (
        "Drop the Excel or CSV trackers you receive (up to {limit} MB each). Nothing is stored before you confirm; "
        "every import can be rolled back.",
        "Déposez les suivis Excel ou CSV que vous recevez (jusqu'à {limit} Mo chacun). Rien n'est enregistré avant "
        "votre confirmation ; chaque import peut être annulé.",
    ),
    "import.template.title": (
        "The PMO template, and an export of the store",
        "Le modèle PMO, et un export de la base",
    ),
    "import.template.text": (
        "Our own template has sheets Projects, Milestones, Risks, Costs and Business case, with drop-down lists. "
        "French and English headers are both accepted, and so are your own trackers.",
        "Notre modèle comporte les feuilles Projets, Jalons, Risques, Coûts et Analyse de rentabilité, avec des "
        "listes déroulantes. Les en-têtes français et anglais sont acceptés, tout comme vos propres suivis.",
    ),
    "import.template.blank": ("Download the blank template", "Télécharger le modèle vierge"),
    "import.template.file": ("pmo_template.xlsx", "modele_pmo.xlsx"),
    "import.template.export_prepare": (
        "Prepare an export of the current state",
        "Préparer un export de l'état actuel",
    ),
    "import.template.export": ("Download the export", "Télécharger l'export"),
    "import.upload": ("Tracker files", "Fichiers de suivi"),
    "import.scope": ("What the files cover", "Ce que couvrent les fichiers"),
    "import.scope.partial": ("Some projects (update only those)", "Certains projets (mettre à jour ceux-là)"),
    "import.scope.full": ("The whole portfolio (replace it)", "Tout le portefeuille (le remplacer)"),
    "import.scope.help": (
        "A full export replaces the current portfolio: projects missing from it are removed. A tracker covering some "
        "projects updates only those, with their risks, costs and milestones.",
        "Un export complet remplace le portefeuille : les projets absents sont retirés. Un suivi portant sur "
        "quelques projets ne met à jour que ceux-là, avec leurs risques, coûts et jalons.",
    ),
    "import.lenient": ("Import unreadable values as empty", "Importer les valeurs illisibles comme vides"),
    "import.lenient.help": (
        'Text in a number or date column ("to be defined", a note) becomes an empty cell instead of blocking the '
        "import; each one is listed as a warning. A profile saved with this ticked reads its table so every time.",
        "Un texte dans une colonne de nombres ou de dates (« à définir », une note) devient une cellule vide au lieu "
        "de bloquer l'import ; chacun est signalé par un avertissement. Un profil enregistré case cochée lit "
        "ainsi son tableau à chaque fois.",
    ),
    "import.hidden": ("Read hidden sheets too", "Lire aussi les feuilles masquées"),
    "import.label": ("Snapshot name (optional)", "Nom de la situation (facultatif)"),
    "import.label.placeholder": ("Steering committee, November", "COPIL de novembre"),
    "import.nothing": (
        "Drop one or several files above: each table found is shown with how its columns were understood.",
        "Déposez un ou plusieurs fichiers ci-dessus : chaque tableau trouvé s'affiche avec la lecture de ses colonnes.",
    ),
    "import.reading": ("Reading the files…", "Lecture des fichiers…"),
    "import.understood": ("What was understood", "Ce qui a été compris"),
    "import.file": (
        "{name}: {tables} {tables:table|tables} recognised",
        "{name} : {tables} {tables:tableau reconnu|tableaux reconnus}",
    ),
    "import.hidden_skipped": (
        "Hidden sheets skipped: {sheets}. Tick « Read hidden sheets too » to read them.",
        "Feuilles masquées ignorées : {sheets}. Cochez « Lire aussi les feuilles masquées » pour les lire.",
    ),
    "import.table": (
        "**Sheet « {sheet} »**, headers on row {row}, {rows} {rows:row|rows} of data",
        "**Feuille « {sheet} »**, en-têtes ligne {row}, {rows} {rows:ligne|lignes} de données",
    ),
    "import.read_as": ("Read as", "Lire comme"),
    "import.entity.projects": ("Projects", "Projets"),
    "import.entity.milestones": ("Milestones", "Jalons"),
    "import.entity.risks": ("Risks", "Risques"),
    "import.entity.costs": ("Monthly costs", "Coûts mensuels"),
    "import.entity.business_case": ("Business case", "Analyse de rentabilité"),
    "import.entity.ignored": ("Ignored", "Ignoré"),
    "import.field.ignore": ("— ignore —", "— ignorer —"),
    "import.field.month_column": ("Month column", "Colonne mensuelle"),
    "import.field.year_column": ("Year column", "Colonne annuelle"),
    "import.wide": ("The month columns hold", "Les colonnes mensuelles contiennent"),
    "import.wide.actual": ("Actual cost", "Le réalisé"),
    "import.wide.planned": ("Planned cost", "Le prévu"),
    "import.wide.forecast": ("Forecast", "La prévision"),
    "import.confidence.high": ("sure", "sûr"),
    "import.confidence.medium": ("likely", "probable"),
    "import.confidence.low": ("guess: check", "à vérifier"),
    "import.confidence.user": ("your choice", "votre choix"),
    "import.confidence.profile": ("saved profile", "profil enregistré"),
    "import.change_mapping": ("Change how the columns are read", "Modifier la lecture des colonnes"),
    "import.records_preview": (
        "The first records as they will be stored:",
        "Les premiers enregistrements, tels qu'ils seront stockés :",
    ),
    "import.col.header": ("Column in the file", "Colonne du fichier"),
    "import.col.sample": ("First values", "Premières valeurs"),
    "import.col.field": ("Read as", "Lue comme"),
    "import.col.confidence": ("Match", "Correspondance"),
    "import.col.unit": ("Unit", "Unité"),
    "import.missing.project": (
        "No column names the project: choose the column holding the project code or the project title.",
        "Aucune colonne ne désigne le projet : choisissez la colonne du code projet ou de l'intitulé du projet.",
    ),
    "import.missing.field": (
        "No column holds « {field} », which {entity} need: choose it in the table above, or this table cannot be "
        "imported.",
        "Aucune colonne ne contient « {field} », indispensable pour ce tableau ({entity}) : choisissez-la ci-dessus, "
        "sinon ce tableau ne peut pas être importé.",
    ),
    "import.profile_applied": (
        "Mapping profile « {name} » applied",
        "Profil de correspondance « {name} » appliqué",
    ),
    "import.profile.save": ("Save as a profile", "Enregistrer un profil"),
    "import.profile.name": ("Profile name", "Nom du profil"),
    "import.profile.save_button": ("Save", "Enregistrer"),
    "import.profile.saved": (
        "Profile « {name} » saved: files with the same headers will be read this way.",
        "Profil « {name} » enregistré : les fichiers aux mêmes en-têtes seront lus ainsi.",
    ),
    "import.skipped": ("Rows not read as data: {rows}", "Lignes non lues comme des données : {rows}"),
    "import.skipped.section": ("section", "section"),
    "import.skipped.total": ("total", "total"),
    "import.skipped.note": ("note", "note"),
    "import.skipped.header": ("repeated header", "en-tête répété"),
    "import.as_of": ("Snapshot date (reporting date)", "Date de situation"),
    "import.as_of.help": (
        "The date these figures describe. Trends and « what changed » compare snapshots by this date.",
        "La date que décrivent ces chiffres. Les tendances et « ce qui a changé » comparent les situations à cette date.",
    ),
    "import.preview": ("What the import will change", "Ce que l'import va changer"),
    "import.report": (
        "Report: {errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}",
        "Rapport : {errors} {errors:erreur|erreurs}, {warnings} {warnings:avertissement|avertissements}",
    ),
    "import.col.severity": ("Severity", "Gravité"),
    "import.col.file": ("File", "Fichier"),
    "import.col.sheet": ("Sheet", "Feuille"),
    "import.col.row": ("Row", "Ligne"),
    "import.col.column": ("Column", "Colonne"),
    "import.col.value": ("Value", "Valeur"),
    "import.col.message": ("What to do", "Que faire"),
    "import.annotated": (
        "Download {name} with its problems marked",
        "Télécharger {name} avec ses problèmes signalés",
    ),
    "import.annotated.help": (
        "Your own workbook back, each problem cell coloured with a comment saying what to fix, and a first sheet "
        "listing them. Correct it in Excel, then drop it here again.",
        "Votre propre classeur en retour : chaque cellule en cause est colorée, avec un commentaire qui dit quoi "
        "corriger, et une première feuille les liste. Corrigez-le dans Excel, puis redéposez-le ici.",
    ),
    "import.failed": (
        "The import failed and nothing was stored ({error}). The store is as it was; please report this file.",
        "L'import a échoué et rien n'a été enregistré ({error}). La base est inchangée ; merci de signaler ce "
        "fichier.",
    ),
    "import.blocked": (
        "{errors} {errors:error blocks|errors block} the import: correct {errors:it|them} in the file or the mapping, "
        "then drop the file again.",
        "{errors} {errors:erreur bloque|erreurs bloquent} l'import : {errors:corrigez-la|corrigez-les} dans le fichier ou la correspondance, puis redéposez le "
        "fichier.",
    ),
    "import.confirm": ("Confirm the import", "Confirmer l'import"),
    "import.done": ("Imported as batch {batch}.", "Importé : lot {batch}."),
    "import.rolled_back": ("Batch {batch} rolled back.", "Lot {batch} annulé."),
    "import.history": ("Import history", "Historique des imports"),
    "import.h.batch": ("Batch", "Lot"),
    "import.h.imported_at": ("Imported", "Importé le"),
    "import.h.as_of": ("Snapshot", "Situation au"),
    "import.h.user": ("By", "Par"),
    "import.h.scope": ("Scope", "Portée"),
    "import.h.label": ("Name", "Nom"),
    "import.h.files": ("Files", "Fichiers"),
    "import.h.projects": ("Projects", "Projets"),
    "import.h.milestones": ("Milestones", "Jalons"),
    "import.h.risks": ("Risks", "Risques"),
    "import.h.costs": ("Cost lines", "Lignes de coûts"),
    "import.h.business_case": ("Business case", "Rentabilité"),
    "import.h.warnings": ("Warnings", "Avertissements"),
    "import.h.rolled_back": ("Rolled back", "Annulé le"),
    "import.h.rolled_back_by": ("Rolled back by", "Annulé par"),
    "import.rollback.choose": ("Batch to roll back", "Lot à annuler"),
    "import.rollback.confirm": (
        "Yes, roll back batch {batch} (the state before it comes back)",
        "Oui, annuler le lot {batch} (l'état d'avant revient)",
    ),
    "import.rollback.button": ("Roll back", "Annuler l'import"),
}
