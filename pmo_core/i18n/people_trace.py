"""Where a team's capacity and a project's demand on it come from: the trace of people figures."""

TEXTS = {
    "origin.row.demand": ("Demand on a team", "Charge demandée à une équipe"),
    "origin.row.resources": ("Team capacity", "Capacité d'équipe"),
    "capacity.origin": (
        "Where {team}'s capacity in {month} comes from",
        "D'où vient la capacité de {team} en {month}",
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
