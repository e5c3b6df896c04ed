"""Plausible people figures: the bounds past which a capacity or a demand read from a file is a typing error."""

TEXTS = {
    "issue.effort_implausible": (
        "« {value} » is {fte} FTE for one team in one month, more than the largest plausible team ({most} FTE, "
        "the « Largest plausible team » setting): most likely extra zeros, or person-days written as FTE. "
        "Correct the cell, or raise the setting for a larger pool.",
        "« {value} » fait {fte} ETP pour une équipe en un mois, plus que la plus grande équipe plausible "
        "({most} ETP, réglage « Plus grande équipe plausible ») : sans doute des zéros en trop, ou des "
        "jours-homme écrits comme des ETP. Corrigez la cellule, ou relevez le réglage pour un plus grand vivier.",
    ),
    "issue.effort_implausible_dropped": (
        "« {value} » is {fte} FTE for one team in one month, more than the largest plausible team ({most} FTE, "
        "the « Largest plausible team » setting): the line was left out.",
        "« {value} » fait {fte} ETP pour une équipe en un mois, plus que la plus grande équipe plausible "
        "({most} ETP, réglage « Plus grande équipe plausible ») : la ligne a été écartée.",
    ),
    "issue.demand_beyond_capacity": (
        "« {value} » asks {team} for {fte} FTE in {month}, more than {ratio} times the team's whole capacity "
        "that month ({capacity} FTE): check the figure and its unit (FTE or person-days).",
        "« {value} » demande {fte} ETP à {team} en {month}, plus de {ratio} fois toute la capacité de l'équipe "
        "ce mois-là ({capacity} ETP) : vérifiez le chiffre et son unité (ETP ou jours-homme).",
    ),
    "setting.max_team_fte": (
        "The largest team or role pool, in FTE: a capacity or a demand line above it for one team in one month "
        "(person-days counted with the working days per month) is refused at import as a typing error.",
        "La plus grande équipe ou le plus grand vivier de rôle, en ETP : une ligne de capacité ou de charge "
        "au-delà, pour une équipe en un mois (jours-homme comptés avec les jours ouvrés par mois), est refusée "
        "à l'import comme une erreur de saisie.",
    ),
    "setting.label.max_team_fte": ("Largest plausible team (FTE)", "Plus grande équipe plausible (ETP)"),
    "setting.demand_capacity_ratio": (
        "A project asking one team, in one month, for more than this many times the team's whole capacity is "
        "warned about at import, at its cell.",
        "Un projet qui demande à une équipe, en un mois, plus de ce nombre de fois toute sa capacité est "
        "signalé à l'import, à sa cellule.",
    ),
    "setting.label.demand_capacity_ratio": (
        "Demand beyond capacity before a warning (times)",
        "Charge au-delà de la capacité avant un avertissement (fois)",
    ),
}
