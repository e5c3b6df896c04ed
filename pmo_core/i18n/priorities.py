"""Prioritisation page: scoring models, ranking, business case, selection under a budget, scenarios."""

TEXTS: dict[str, tuple[str, str]] = {
    # Shipped models and their editor
    "priorities.model.weighted_strategic": ("Weighted strategic", "Stratégique pondéré"),
    "priorities.model.wsjf": ("WSJF", "WSJF"),
    "priorities.model.financial": ("Financial", "Financier"),
    "priorities.model.error.name": ("Give the model a name.", "Donnez un nom au modèle."),
    "priorities.model.error.fields": (
        "Each criterion must be one of the offered fields, used once.",
        "Chaque critère doit être l'un des champs proposés, utilisé une seule fois.",
    ),
    "priorities.model.error.weight": (
        "Weights must be zero or more.",
        "Les poids doivent être positifs ou nuls.",
    ),
    "priorities.model.error.no_weight": (
        "At least one criterion needs a weight above zero.",
        "Au moins un critère doit avoir un poids supérieur à zéro.",
    ),
    "priorities.model.error.scale": (
        "A scale's minimum must be below its maximum.",
        "Le minimum d'une échelle doit être inférieur à son maximum.",
    ),
    "priorities.model.error.size": (
        "A WSJF model needs exactly one job size criterion (the divisor).",
        "Un modèle WSJF demande exactement un critère de taille (le diviseur).",
    ),
    "priorities.model.error.size_weighted": (
        "A weighted model has no divisor: set every role to “term”.",
        "Un modèle pondéré n'a pas de diviseur : mettez chaque rôle à « terme ».",
    ),
    "priorities.model.error.delete_shipped": (
        "A shipped model cannot be deleted; restore its defaults instead.",
        "Un modèle fourni ne peut pas être supprimé ; rétablissez plutôt ses valeurs par défaut.",
    ),
    "priorities.model.error.not_shipped": (
        "Only a shipped model has defaults to restore.",
        "Seul un modèle fourni a des valeurs par défaut à rétablir.",
    ),
    "priorities.override.error.reason": (
        "Say why the rank changes: the reason is kept with your name and the date.",
        "Indiquez pourquoi le rang change : la raison est conservée avec votre nom et la date.",
    ),
    "priorities.override.error.rank": ("A rank starts at 1.", "Un rang commence à 1."),
    # Reasons a project is in or out of a selection
    "priorities.points": ("{n} pts", "{n} pts"),
    "priorities.and_more": (" and {n} more", " et {n} autres"),
    "priorities.reason.mandatory": ("In: mandatory.", "Retenu : obligatoire."),
    "priorities.reason.forced_in": ("In: forced in.", "Retenu : imposé."),
    "priorities.reason.required_by": (
        "In: needed by {projects}.",
        "Retenu : prérequis de {projects}.",
    ),
    "priorities.reason.chosen": (
        "In: {value} for {cost}.",
        "Retenu : {value} pour {cost}.",
    ),
    "priorities.reason.chosen_loss": (
        "In: {value} for {cost}; the best selection without it is worth {loss} less.",
        "Retenu : {value} pour {cost} ; la meilleure sélection sans lui vaut {loss} de moins.",
    ),
    "priorities.reason.forced_out": ("Out: forced out.", "Écarté : exclu manuellement."),
    "priorities.reason.mandatory_forced_out": (
        "Out: forced out although mandatory.",
        "Écarté : exclu manuellement bien qu'obligatoire.",
    ),
    "priorities.reason.needs_forced_out": (
        "Out: needs {projects}, which is forced out.",
        "Écarté : dépend de {projects}, exclu manuellement.",
    ),
    "priorities.reason.no_value": (
        "Out: adds no value ({value}).",
        "Écarté : n'apporte aucune valeur ({value}).",
    ),
    "priorities.reason.no_value_given": (
        "Out: no value to weigh (a scoring input or the NPV is missing).",
        "Écarté : aucune valeur à peser (une donnée de notation ou la VAN manque).",
    ),
    "priorities.reason.no_cost": (
        "Out: no cost given, so it cannot be weighed against the budget.",
        "Écarté : aucun coût renseigné, impossible de le comparer au budget.",
    ),
    "priorities.reason.too_costly": (
        "Out: with what must be funded, it needs {needed}, more than the budget.",
        "Écarté : avec ce qui doit être financé, il faudrait {needed}, plus que le budget.",
    ),
    "priorities.reason.does_not_fit": (
        "Out: it cannot fit in the budget beside what must be funded.",
        "Écarté : il ne tient pas dans le budget à côté de ce qui doit être financé.",
    ),
    "priorities.reason.does_not_fit_years": (
        "Out: it does not fit in a yearly budget.",
        "Écarté : il ne tient pas dans un budget annuel.",
    ),
    "priorities.reason.displaces": (
        "Out: {value} for {cost}; funding it means dropping {displaces}, {loss} less in total.",
        "Écarté : {value} pour {cost} ; le financer oblige à retirer {displaces}, soit {loss} de moins au total.",
    ),
    "priorities.reason.displaces_with": (
        "Out: {value} for {cost}; funding it means dropping {displaces} (adding {with}), {loss} less in total.",
        "Écarté : {value} pour {cost} ; le financer oblige à retirer {displaces} (et ajouter {with}), soit {loss} "
        "de moins au total.",
    ),
    "priorities.reason.tie": (
        "Out: an equally good selection includes it; this one costs less.",
        "Écarté : une sélection aussi bonne l'inclut ; celle-ci coûte moins cher.",
    ),
    "priorities.reason.outranked": (
        "Out: {value} for {cost}, less value per euro than the projects chosen.",
        "Écarté : {value} pour {cost}, moins de valeur par euro que les projets retenus.",
    ),
    "priorities.reason.not_solved": ("No selection could be made.", "Aucune sélection possible."),
    "priorities.reason.outside_closed": (
        "(Its prerequisite {code} is closed: taken as delivered.)",
        "(Son prérequis {code} est clos : considéré comme livré.)",
    ),
    "priorities.reason.outside_outside": (
        "(Its prerequisite {code} is outside the filters: not constrained here.)",
        "(Son prérequis {code} est hors des filtres : non contraint ici.)",
    ),
    "priorities.reason.outside_unknown": (
        "(Its prerequisite {code} is not a known project code: ignored.)",
        "(Son prérequis {code} n'est pas un code projet connu : ignoré.)",
    ),
    "priorities.infeasible.conflict": (
        "Nothing can be selected: {projects} must be both in and out (forced out, or needing a project forced out).",
        "Aucune sélection possible : {projects} doit être à la fois retenu et écarté (exclu, ou dépendant d'un "
        "projet exclu).",
    ),
    "priorities.infeasible.fixed_over_budget": (
        "Nothing can be selected: the {n} projects that must be funded (mandatory, forced in and their "
        "prerequisites) cost {cost}, more than the budget of {budget}.",
        "Aucune sélection possible : les {n} projets à financer obligatoirement (obligatoires, imposés et leurs "
        "prérequis) coûtent {cost}, plus que le budget de {budget}.",
    ),
    "priorities.infeasible.fixed_over_year": (
        "Nothing can be selected: in {year}, the projects that must be funded cost {cost}, more than that "
        "year's budget of {budget}.",
        "Aucune sélection possible : en {year}, les projets à financer obligatoirement coûtent {cost}, plus que "
        "le budget de l'année ({budget}).",
    ),
    "priorities.infeasible.infeasible": (
        "Nothing can be selected with these constraints.",
        "Aucune sélection possible avec ces contraintes.",
    ),
    # Scenarios
    "priorities.scenario.error.name": ("Give the scenario a name.", "Donnez un nom au scénario."),
    "priorities.scenario.error.taken": (
        "A scenario already has this name.",
        "Un scénario porte déjà ce nom.",
    ),
    "priorities.scenario.error.no_selection": (
        "There is no selection to save.",
        "Il n'y a pas de sélection à enregistrer.",
    ),
    "priorities.scenario.error.unknown": ("This scenario no longer exists.", "Ce scénario n'existe plus."),
    "priorities.scenario.error.delete_plan": (
        "The plan of record cannot be deleted: mark another scenario first.",
        "Le plan de référence ne peut pas être supprimé : désignez d'abord un autre scénario.",
    ),
    "priorities.scenario.error.too_many": (
        "Compare four scenarios at most.",
        "Comparez quatre scénarios au plus.",
    ),
}
