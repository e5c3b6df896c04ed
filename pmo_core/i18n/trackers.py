"""Trackers of every shape: what an import leaves out, the shape and currency choices of the mapping screen,
repeated sheets, quarters and ratings, and the before → after of updated projects."""

TEXTS = {
    # Values read a way the user should know of, said once per column.
    "issue.period_read_as_date": (
        "This column writes {n} {n:quarter or fiscal year|quarters or fiscal years} (« {value} » here), read as "
        "dates: a start takes the first day of its period, an end or due date its last day (here {read_as}).",
        "Cette colonne écrit {n} {n:trimestre ou exercice|trimestres ou exercices} (« {value} » ici), lus comme "
        "des dates : un début prend le premier jour de sa période, une fin ou une échéance le dernier (ici le "
        "{read_as}).",
    ),
    "issue.status_from_rating": (
        "This column gives {n} {n:status|statuses} as a 1-5 rating (« {value} » here), read as CIO ratings, where "
        "1 is the worst: 1-2 red, 3 amber, 4-5 green.",
        "Cette colonne donne {n} {n:météo|météos} par une note de 1 à 5 (« {value} » ici), lue comme une note de "
        "DSI, où 1 est la pire : 1-2 rouge, 3 orange, 4-5 vert.",
    ),
    "issue.number_turned_into_date": (
        "« {value} » looks like a number a spreadsheet in another language turned into a date (« 07. Sep » for "
        "7.09 or 7.9): it cannot be read back for sure. Type the amount again in the file.",
        "« {value} » ressemble à un nombre qu'un tableur dans une autre langue a changé en date (« 07. Sep » pour "
        "7,09 ou 7,9) : il ne peut pas être relu avec certitude. Ressaisissez le montant dans le fichier.",
    ),
    # What is not read, not stored, or made up.
    "issue.rows_not_read": (
        "Rows {row} to {last} hold data but no header row: they are not read. On the mapping screen, say that "
        "this table has no header row and name its columns, or leave it ignored.",
        "Les lignes {row} à {last} contiennent des données sans ligne d'en-têtes : elles ne sont pas lues. Dans "
        "la correspondance, indiquez que ce tableau n'a pas d'en-têtes et nommez ses colonnes, ou laissez-le "
        "ignoré.",
    ),
    "issue.formula_no_value_unstored": (
        "{n} {n:formula|formulas} of this column {n:has|have} no saved result (the file was written by a "
        "program), the first here; the column is not stored, but if it should be, open the file in Excel and "
        "save it first.",
        "{n} {n:formule|formules} de cette colonne {n:n'a|n'ont} pas de résultat enregistré (le fichier a été "
        "écrit par un programme), la première ici ; la colonne n'est pas enregistrée, mais si elle doit "
        "l'être, ouvrez d'abord le fichier dans Excel et enregistrez-le.",
    ),
    "issue.codes_look_like_row_numbers": (
        "The project codes of this table ({value}...) are small numbers or single letters, which usually number "
        "the rows of another list: {rows} {rows:project|projects} would be made up. If they are your project "
        "codes, choose « Code » for this column on the mapping screen; otherwise read the table as something "
        "else or ignore it.",
        "Les codes projet de ce tableau ({value}...) sont de petits nombres ou des lettres, qui numérotent "
        "d'ordinaire les lignes d'une autre liste : {rows} {rows:projet serait inventé|projets seraient "
        "inventés}. Si ce sont bien vos codes projet, choisissez « Code projet » pour cette colonne dans la "
        "correspondance ; sinon lisez le tableau autrement ou ignorez-le.",
    ),
    "issue.title_left_out": (
        "The {rows} {rows:row|rows} naming « {value} » {rows:is|are} left out, as chosen on the mapping screen.",
        "{rows:La ligne|Les {rows} lignes} qui {rows:désigne|désignent} « {value} » {rows:est écartée|sont "
        "écartées}, comme choisi dans la correspondance.",
    ),
    # The same records on several sheets.
    "issue.repeats_merged": (
        "{n} {n:record|records} of this sheet ({entity}) repeat sheet « {other_sheet} » exactly, such as "
        "« {value} »: each is read once.",
        "{n} {n:enregistrement|enregistrements} de cette feuille ({entity}) {n:reprend|reprennent} à "
        "l'identique la feuille « {other_sheet} », comme « {value} » : chacun n'est lu qu'une fois.",
    ),
    "issue.repeats_conflict": (
        "{n} {n:record|records} of this sheet ({entity}) {n:is|are} also in sheet « {other_sheet} » with other "
        "values, such as « {value} », the first here: keep one of the two sheets (read the other as Ignored on "
        "the mapping screen), or correct the file.",
        "{n} {n:enregistrement|enregistrements} de cette feuille ({entity}) {n:figure|figurent} aussi dans la "
        "feuille « {other_sheet} » avec d'autres valeurs, comme « {value} », le premier ici : gardez l'une des "
        "deux feuilles (lisez l'autre comme Ignoré dans la correspondance), ou corrigez le fichier.",
    ),
    # Currencies.
    "issue.currency_mixed": (
        "This column writes amounts in several currencies ({found}): they cannot be converted at one rate. "
        "Write them in one currency, or split the column.",
        "Cette colonne écrit des montants en plusieurs devises ({found}) : ils ne peuvent pas être convertis "
        "à un seul taux. Écrivez-les dans une seule devise, ou séparez la colonne.",
    ),
    "issue.currency_dollar": (
        "« $ » does not say which dollar (US, Canadian, Australian...): choose the currency of these amounts on "
        "the mapping screen (or --dollar CAD on the command line), then its rate to {store}.",
        "« $ » ne dit pas de quel dollar il s'agit (américain, canadien, australien...) : choisissez la devise "
        "de ces montants dans la correspondance (ou --dollar CAD en ligne de commande), puis son taux en {store}.",
    ),
    "issue.currency_needs_rate": (
        "The amounts of this column are in {found}, the store counts in {store}: give the rate of {found} on "
        "the mapping screen (or --rate {found}=RATE), or choose not to store them. Nothing is converted by guess.",
        "Les montants de cette colonne sont en {found}, la base compte en {store} : indiquez le taux de {found} "
        "dans la correspondance (ou --rate {found}=TAUX), ou choisissez de ne pas les enregistrer. Rien n'est "
        "converti au jugé.",
    ),
    "issue.currency_converted": (
        "Amounts in {found} are converted at 1 {found} = {rate} {store}; the rate is kept with the import.",
        "Les montants en {found} sont convertis à 1 {found} = {rate} {store} ; le taux est gardé avec l'import.",
    ),
    "issue.currency_not_stored": (
        "Amounts in {found} are not stored, as chosen: these cells stay empty.",
        "Les montants en {found} ne sont pas enregistrés, comme choisi : ces cellules restent vides.",
    ),
    # A partial import that changes who a project is.
    "issue.project_identity_changed": (
        "{value}: {changes}. Check that this code still names the same project; if it now names another one, "
        "give that project its own code.",
        "{value} : {changes}. Vérifiez que ce code désigne toujours le même projet ; s'il en désigne désormais "
        "un autre, donnez à ce projet son propre code.",
    ),
    # What the report says of each table.
    "import.losses.columns": ("Not stored: {columns}", "Non enregistré : {columns}"),
    "import.losses.more": (" (and {n} more)", " (et {n} autres)"),
    "import.losses.table": (
        "Not stored: the whole table ({rows} {rows:row|rows}), read as nothing. Choose what it holds above.",
        "Non enregistré : tout le tableau ({rows} {rows:ligne|lignes}), lu comme rien. Choisissez ci-dessus ce "
        "qu'il contient.",
    ),
    "import.skipped.left_out": (
        "« {title} »: {rows} {rows:row|rows} left out by your choice",
        "« {title} » : {rows} {rows:ligne écartée|lignes écartées} par votre choix",
    ),
    "cli.report.notes": (
        "{file}: sheets of notes or examples not read as data: {sheets}.",
        "{file} : feuilles de notes ou d'exemples non lues comme des données : {sheets}.",
    ),
    "cli.report.unread": (
        "{file}, sheet « {sheet} », rows from {row}: no header row found, not read ({rows} {rows:row|rows}).",
        "{file}, feuille « {sheet} », lignes à partir de {row} : aucune ligne d'en-têtes, non lues "
        "({rows} {rows:ligne|lignes}).",
    ),
    "cli.report.updates": ("Updated projects, before → after:", "Projets mis à jour, avant → après :"),
    "cli.report.update": ("  {code}: {changes}", "  {code} : {changes}"),
    "cli.rate_refused": (
        "Cannot read the rate « {value} »: write CUR=RATE, such as CAD=0.68 (1 CAD is worth 0.68 of the "
        "store's currency), or CAD=none to store none of those amounts.",
        "Taux illisible « {value} » : écrivez DEVISE=TAUX, par exemple CAD=0.68 (1 CAD vaut 0,68 de la "
        "devise de la base), ou CAD=none pour n'enregistrer aucun de ces montants.",
    ),
    # The mapping screen.
    "import.notes_skipped": (
        "Sheets of notes, help or examples, not read as data: {sheets}.",
        "Feuilles de notes, d'aide ou d'exemples, non lues comme des données : {sheets}.",
    ),
    "import.table.unread": (
        "**Sheet « {sheet} »**, from row {row}: no header row found, {rows} {rows:row|rows} not read",
        "**Feuille « {sheet} »**, à partir de la ligne {row} : aucune ligne d'en-têtes, {rows} "
        "{rows:ligne non lue|lignes non lues}",
    ),
    "import.table.none": (
        "**Sheet « {sheet} »**, from row {row}, no header row: {rows} {rows:row|rows} of data",
        "**Feuille « {sheet} »**, à partir de la ligne {row}, sans en-têtes : {rows} {rows:ligne|lignes} de "
        "données",
    ),
    "import.table.transposed": (
        "**Sheet « {sheet} »**, fields as rows from row {row}: {rows} {rows:record|records}, one per column",
        "**Feuille « {sheet} »**, champs en lignes à partir de la ligne {row} : {rows} "
        "{rows:enregistrement|enregistrements}, un par colonne",
    ),
    "import.shape": ("Laid out", "Disposition"),
    "import.shape.auto": ("Header row", "Avec en-têtes"),
    "import.shape.none": ("No header row", "Sans en-têtes"),
    "import.shape.transposed": ("Fields as rows", "Champs en lignes"),
    "import.shape.help": (
        "With no header row, every row is data: name each column below. Fields as rows: the first column holds "
        "the labels (Code, Name, Budget...) and each further column one project.",
        "Sans ligne d'en-têtes, chaque ligne est une donnée : nommez chaque colonne ci-dessous. Champs en "
        "lignes : la première colonne porte les libellés (Code, Intitulé, Budget...) et chaque colonne suivante "
        "un projet.",
    ),
    "import.project": ("Every row belongs to", "Toutes les lignes concernent"),
    "import.project.any": ("— the project each row names —", "— le projet que nomme chaque ligne —"),
    "import.project.help": (
        "A register of one project often has no project column: choose its project here.",
        "Le registre d'un seul projet n'a souvent pas de colonne projet : choisissez ce projet ici.",
    ),
    "import.first_rows": (
        "The first rows as written: choose what each column holds.",
        "Les premières lignes telles qu'écrites : choisissez ce que contient chaque colonne.",
    ),
    "import.col.currency": ("Currency", "Devise"),
    "import.order": (
        "« {field} » takes the first value found in these columns, in this order",
        "« {field} » prend la première valeur trouvée dans ces colonnes, dans cet ordre",
    ),
    "import.order.help": (
        "Remove a column and add it back to move it last.",
        "Retirez une colonne puis rajoutez-la pour la placer en dernier.",
    ),
    "import.titles": (
        "{n} {n:title names|titles name} no project, or several: say which project",
        "{n} {n:intitulé ne désigne|intitulés ne désignent} aucun projet, ou plusieurs : indiquez lequel",
    ),
    "import.titles.choose": ("— choose —", "— choisir —"),
    "import.titles.leave_out": ("Leave these rows out", "Écarter ces lignes"),
    "import.titles.which": (
        "« {title} » ({rows} {rows:row|rows})",
        "« {title} » ({rows} {rows:ligne|lignes})",
    ),
    "import.currency.title": ("Amounts in other currencies", "Montants dans d'autres devises"),
    "import.currency.caption": (
        "The store counts in {store}. Give what one unit of each currency is worth in {store}, or choose not to "
        "store those amounts; the rates are kept with the import.",
        "La base compte en {store}. Indiquez ce que vaut une unité de chaque devise en {store}, ou choisissez "
        "de ne pas enregistrer ces montants ; les taux sont gardés avec l'import.",
    ),
    "import.currency.dollar": (
        "« $ » in these files is the",
        "Le « $ » de ces fichiers est le",
    ),
    "import.currency.dollar_unknown": ("— choose which dollar —", "— choisir quel dollar —"),
    "import.currency.USD": ("US dollar (USD)", "dollar américain (USD)"),
    "import.currency.CAD": ("Canadian dollar (CAD)", "dollar canadien (CAD)"),
    "import.currency.AUD": ("Australian dollar (AUD)", "dollar australien (AUD)"),
    "import.currency.NZD": ("New Zealand dollar (NZD)", "dollar néo-zélandais (NZD)"),
    "import.currency.HKD": ("Hong Kong dollar (HKD)", "dollar de Hong Kong (HKD)"),
    "import.currency.SGD": ("Singapore dollar (SGD)", "dollar de Singapour (SGD)"),
    "import.currency.rate": ("1 {code} = … {store}", "1 {code} = … {store}"),
    "import.currency.skip": (
        "Do not store the amounts in {code}",
        "Ne pas enregistrer les montants en {code}",
    ),
    "import.currency.as_written": ("auto", "auto"),
    "import.updates.caption": (
        "Before → after, for each project the files describe; a change of name, portfolio or manager is also "
        "in the report below.",
        "Avant → après, pour chaque projet décrit par les fichiers ; un changement d'intitulé, de portefeuille "
        "ou de chef de projet figure aussi dans le rapport ci-dessous.",
    ),
}
