"""Where a team's capacity and a project's demand on it come from: the trace of people figures."""

TEXTS = {
    "origin.row.demand": ("Demand on a team", "Charge demandée à une équipe"),
    "origin.row.resources": ("Team capacity", "Capacité d'équipe"),
    "capacity.origin": (
        "Where {team}'s capacity in {month} comes from",
        "D'où vient la capacité de {team} en {month}",
    ),
    "project.demand.heading": ("Demand on teams", "Charge demandée aux équipes"),
    "project.demand.empty": (
        "This project asks no team for anyone in this state: import a Demand sheet to plan its people.",
        "Ce projet ne demande personne aux équipes dans cette situation : importez un onglet Demande pour "
        "planifier ses ressources.",
    ),
    "project.demand.caption": (
        "What the project asks of {teams} {teams:team|teams}, {total} person-months in all, month by month; the "
        "team's load counts every project. Click a figure to see where it was typed.",
        "Ce que le projet demande à {teams} {teams:équipe|équipes}, {total} mois-homme en tout, mois par mois ; "
        "la charge de l'équipe compte tous les projets. Cliquez sur un chiffre pour voir où il a été saisi.",
    ),
    "project.demand.written": ("As written", "Tel que saisi"),
    "project.demand.load": ("Team's load that month", "Charge de l'équipe ce mois-là"),
    "trace.rule.unit_stated": (
        "The unit the table states for its figures (its header, a group over its months, its title, its sheet's "
        "name or the choice made on the import screen), not a cell of the line.",
        "L'unité que le tableau indique pour ses chiffres (son en-tête, un groupe au-dessus des mois, son titre, "
        "le nom de l'onglet ou le choix fait à l'écran d'import), pas une cellule de la ligne.",
    ),
    "trace.rule.unit_assumed": (
        "No cell, header or title said FTE or person-days: read as FTE, as the import said.",
        "Aucune cellule, aucun en-tête ni titre ne disait ETP ou jours-homme : lu en ETP, comme l'import l'a dit.",
    ),
    "trace.denied.team": ("No team {project} in the store.", "Aucune équipe {project} dans la base."),
    "trace.denied.team_item": (
        "Team {project} states no capacity for « {item} ». Months: {items}",
        "L'équipe {project} n'a pas de capacité pour « {item} ». Mois : {items}",
    ),
    "trace.denied.team_no_rows": (
        "Team {project} states no capacity « {item} », nor any other.",
        "L'équipe {project} n'a pas de capacité « {item} », ni aucune autre.",
    ),
}
