"""Trackers of every shape: what an import leaves out, the shape and currency choices of the mapping screen,
repeated sheets, quarters and ratings, and the before → after of updated projects."""

TEXTS = {
    # Values read a way the user should know of, said once per column.
    "issue.period_read_as_date": (
        "Quarters and fiscal years in this column ({value}{n:| and {n} more}) are read as dates: a start takes "
        "the first day of its period, an end or due date its last day (here {read_as}).",
        "Les trimestres et exercices de cette colonne ({value}{n:| et {n} autres}) sont lus comme des dates : "
        "un début prend le premier jour de sa période, une fin ou une échéance le dernier (ici le {read_as}).",
    ),
    "issue.status_from_rating": (
        "This column gives the status as a 1-5 rating ({value}{n:| and {n} more}): it is read as a CIO rating, "
        "where 1 is the worst: 1-2 red, 3 amber, 4-5 green.",
        "Cette colonne donne la météo par une note de 1 à 5 ({value}{n:| et {n} autres}) : elle est lue comme "
        "une note de DSI, où 1 est la pire : 1-2 rouge, 3 orange, 4-5 vert.",
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
        "{value} changes its {fields}: {changes}. Check that this code still names the same project; if it "
        "now names another one, give that project its own code.",
        "{value} change de {fields} : {changes}. Vérifiez que ce code désigne toujours le même projet ; s'il "
        "en désigne désormais un autre, donnez à ce projet son propre code.",
    ),
}
