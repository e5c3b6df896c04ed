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
    "priorities.and_one_more": (" and 1 more", " et 1 autre"),
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
    "priorities.reason.optimal_without": (
        "Out: {value} for {cost}; no selection that includes it is worth more.",
        "Écarté : {value} pour {cost} ; aucune sélection qui l'inclut ne vaut davantage.",
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
    # The page
    "priorities.title": ("Which projects should we fund?", "Quels projets financer ?"),
    "priorities.tab.ranking": ("Ranking", "Classement"),
    "priorities.tab.selection": ("Selection under a budget", "Sélection sous budget"),
    "priorities.tab.business_case": ("Business case", "Rentabilité"),
    "priorities.tab.scenarios": ("Scenarios", "Scénarios"),
    "priorities.tab.models": ("Scoring models", "Modèles de notation"),
    "priorities.none": ("none", "aucun"),
    "priorities.never": ("never", "jamais"),
    "priorities.years": ("{n} years", "{n} ans"),
    "priorities.in": ("In", "Retenu"),
    "priorities.out": ("Out", "Écarté"),
    "priorities.metric.candidates": ("Candidate projects", "Projets candidats"),
    "priorities.metric.candidates.help": (
        "Projects of the filters that are still open: a project 100 % complete or in a closing phase (Closed, "
        "Clôture, Terminé, Cancelled...) is no longer a candidate.",
        "Projets des filtres encore ouverts : un projet achevé à 100 % ou en phase de fin (Clôture, Clos, "
        "Terminé, Annulé...) n'est plus candidat.",
    ),
    "priorities.metric.total_cost": ("Cost of all candidates", "Coût de tous les candidats"),
    "priorities.metric.total_cost.help": (
        "Sum of the candidates' budgets at completion.",
        "Somme des budgets initiaux des candidats.",
    ),
    "priorities.metric.mandatory": ("Mandatory projects", "Projets obligatoires"),
    "priorities.metric.mandatory.help": (
        "Flagged mandatory in the tracker (regulatory, compliance): every selection funds them, with their "
        "prerequisites. The figure below is their cost.",
        "Marqués obligatoires dans le suivi (réglementaire, conformité) : toute sélection les finance, avec "
        "leurs prérequis. Le montant dessous est leur coût.",
    ),
    "priorities.metric.plan": ("Plan of record", "Plan de référence"),
    "priorities.metric.plan.help": (
        "The scenario last marked as the plan of record (Scenarios tab).",
        "Le scénario désigné en dernier comme plan de référence (onglet Scénarios).",
    ),
    "priorities.formula.weighted": (
        "Weighted score = 100 × Σ(weight × value on its scale 0..1) / Σ weights. A value is placed between the "
        "scale's minimum and maximum (the range among the projects ranked when left empty), reversed when lower "
        "is better. A project missing an input has no score and says which.",
        "Note pondérée = 100 × Σ(poids × valeur ramenée sur 0..1) / Σ poids. Chaque valeur est placée entre le "
        "minimum et le maximum de son échelle (l'étendue parmi les projets classés si elle est vide), inversée "
        "quand plus bas vaut mieux. Un projet auquel il manque une donnée n'a pas de note et dit laquelle.",
    ),
    "priorities.formula.wsjf": (
        "WSJF (SAFe) = cost of delay / job size, with cost of delay = business value + time criticality + risk "
        "reduction & opportunity enablement. Shown as 100 × WSJF / the highest WSJF among the projects ranked.",
        "WSJF (SAFe) = coût du retard / taille, avec coût du retard = valeur métier + criticité temporelle + "
        "réduction du risque et opportunité. Affiché comme 100 × WSJF / le plus haut WSJF des projets classés.",
    ),
    "priorities.rank.model": ("Scoring model", "Modèle de notation"),
    "priorities.rank.compare": ("Compare with", "Comparer avec"),
    "priorities.rank.top": ("Projects in the chart", "Projets dans le graphique"),
    "priorities.rank.unscored": (
        "{n} {n:project has|projects have} no score because an input is missing ({fields}); {n:it is|they are} "
        "listed at the end of the table.",
        "{n} {n:projet n'a|projets n'ont} pas de note car une donnée manque ({fields}) ; {n:il figure|ils "
        "figurent} en fin de tableau.",
    ),
    "priorities.rank.none_scored": (
        "No project has every input this model needs.",
        "Aucun projet n'a toutes les données dont ce modèle a besoin.",
    ),
    "priorities.rank.chart_title": (
        "{name} ranks first under {model} with {score}",
        "{name} arrive en tête selon le modèle {model} avec {score}",
    ),
    "priorities.rank.chart_subtitle": (
        "Top {n} projects: each criterion's points in the score (0-100); ✎ marks a rank changed by hand",
        "Les {n} premiers projets : les points de chaque critère dans la note (0-100) ; ✎ signale un rang "
        "modifié à la main",
    ),
    "priorities.axis.points": ("Score (points out of 100)", "Note (points sur 100)"),
    "priorities.col.project": ("Project", "Projet"),
    "priorities.col.code": ("Code", "Code"),
    "priorities.col.criterion": ("Criterion", "Critère"),
    "priorities.col.points": ("Points", "Points"),
    "priorities.col.score": ("Score (0-100)", "Note (0-100)"),
    "priorities.col.rank": ("Rank", "Rang"),
    "priorities.col.score_rank": ("Rank by score", "Rang selon la note"),
    "priorities.col.score_rank.help": (
        "The rank the score alone gives, before any manual change.",
        "Le rang que donne la note seule, avant toute modification manuelle.",
    ),
    "priorities.col.manual.help": ("Rank changed by hand.", "Rang modifié à la main."),
    "priorities.col.missing": ("Missing inputs", "Données manquantes"),
    "priorities.col.moves": ("Move", "Écart"),
    "priorities.col.moves.help": (
        "Places gained (▲) or lost (▼) under the second model.",
        "Places gagnées (▲) ou perdues (▼) selon le second modèle.",
    ),
    "priorities.compare.title": ("Ranks under {a} and {b}", "Rangs selon {a} et {b}"),
    "priorities.compare.same": (
        "Choose a different model to compare with.",
        "Choisissez un autre modèle pour la comparaison.",
    ),
    "priorities.compare.moved": ("Moves {n} places or more", "Bouge de {n} places ou plus"),
    "priorities.compare.steady": ("Moves less", "Bouge moins"),
    "priorities.compare.axis": ("Rank under {model}", "Rang selon {model}"),
    "priorities.compare.chart_title": (
        "{n} {n:project moves|projects move} {places} places or more\nbetween {a} and {b}",
        "{n} {n:projet bouge|projets bougent} de {places} places ou plus\nentre {a} et {b}",
    ),
    "priorities.compare.chart_subtitle": (
        "Projects in the top {top} under either model;\nrank 1 at the top left. On the dashed line\n"
        "a project has the same rank under both",
        "Projets classés dans les {top} premiers selon l'un des modèles ;\nle rang 1 en haut à gauche. "
        "Sur la ligne pointillée\nun projet a le même rang selon les deux",
    ),
    "priorities.override.title": ("Change a rank by hand", "Modifier un rang à la main"),
    "priorities.override.rank": ("New rank", "Nouveau rang"),
    "priorities.override.rank.help": (
        "The project takes this place; the others keep their order around it.",
        "Le projet prend cette place ; les autres gardent leur ordre autour de lui.",
    ),
    "priorities.override.clear": ("Hand it back to its score", "Le rendre à sa note"),
    "priorities.override.reason": ("Why", "Pourquoi"),
    "priorities.override.reason.hint": (
        "e.g. steering committee decision of 12 October",
        "ex. décision du COPIL du 12 octobre",
    ),
    "priorities.override.save": ("Record the change", "Enregistrer la modification"),
    "priorities.override.none": (
        "No rank has been changed by hand.",
        "Aucun rang n'a été modifié à la main.",
    ),
    "priorities.col.when": ("When", "Quand"),
    "priorities.col.who": ("Who", "Qui"),
    "priorities.col.why": ("Why", "Pourquoi"),
    # Business case
    "priorities.case.conventions": (
        "NPV at {rate} (setting « {setting} »), the first year undiscounted as Excel's CF0 + NPV(r, CF1..CFN); "
        "payback is when the cumulative flow reaches 0, interpolated within the year; ROI = (benefits − costs) / "
        "costs.",
        "VAN à {rate} (paramètre « {setting} »), la première année non actualisée comme CF0 + VAN(r ; CF1..CFN) "
        "dans Excel ; le délai de retour est le moment où le flux cumulé atteint 0, interpolé dans l'année ; "
        "ROI = (bénéfices − coûts) / coûts.",
    ),
    "priorities.case.empty": (
        "No project of this selection has yearly costs and benefits. Add them in the Business case sheet of the "
        "template (one row per project and year).",
        "Aucun projet de cette sélection n'a de coûts et bénéfices annuels. Ajoutez-les dans la feuille Analyse "
        "de rentabilité du modèle (une ligne par projet et par année).",
    ),
    "priorities.case.chart_title": (
        "{n} of {total} {total:project|projects} never {n:pays|pay} back; {name} has the best NPV ({npv})",
        "{n} {n:projet|projets} sur {total} ne {n:sera jamais rentabilisé|seront jamais rentabilisés} ; "
        "{name} a la meilleure VAN ({npv})",
    ),
    "priorities.case.chart_subtitle": (
        "Net present value of the {n} best business cases and, in red, of every one that never pays back",
        "Valeur actuelle nette des {n} meilleures analyses et, en rouge, de toutes celles jamais rentabilisées",
    ),
    "priorities.case.pays_group": ("Pays back", "Rentabilisé"),
    "priorities.case.never_group": ("Never pays back", "Jamais rentabilisé"),
    "priorities.case.irr_none": ("none (no rate gives NPV = 0)", "aucun (aucun taux n'annule la VAN)"),
    "priorities.case.irr_multiple": ("not unique: {rates}", "non unique : {rates}"),
    "priorities.case.project": ("Cash flow of", "Flux de trésorerie de"),
    "priorities.case.cumulative": ("Cumulative cash flow", "Flux cumulé"),
    "priorities.case.discounted": ("Discounted cumulative cash flow", "Flux cumulé actualisé"),
    "priorities.case.curve_title": (
        "{name}: paid back after {payback} ({discounted} discounted)",
        "{name} : rentabilisé après {payback} ({discounted} en actualisé)",
    ),
    "priorities.case.curve_subtitle": (
        "Cumulative benefits minus costs per year; discounted at {rate}. Paid back where a line crosses 0",
        "Bénéfices moins coûts cumulés par année ; actualisés à {rate}. Rentabilisé quand une courbe passe 0",
    ),
    "priorities.axis.npv": ("Net present value ({unit})", "Valeur actuelle nette ({unit})"),
    "priorities.axis.year": ("Year", "Année"),
    "priorities.axis.cumulative": ("Cumulative cash flow ({unit})", "Flux cumulé ({unit})"),
    "priorities.col.amount": ("Amount", "Montant"),
    "priorities.col.first_year": ("First year", "Première année"),
    "priorities.col.n_years": ("Years", "Années"),
    "priorities.col.total_cost": ("Total costs", "Coûts totaux"),
    "priorities.col.total_benefit": ("Total benefits", "Bénéfices totaux"),
    "priorities.col.npv": ("NPV", "VAN"),
    "priorities.col.irr": ("IRR", "TRI"),
    "priorities.col.irr.help": (
        "The rate at which NPV = 0. With costs and benefits alternating, there may be none, or several.",
        "Le taux qui annule la VAN. Quand coûts et bénéfices alternent, il peut n'y en avoir aucun, ou plusieurs.",
    ),
    "priorities.col.payback": ("Payback", "Délai de retour"),
    "priorities.col.discounted_payback": ("Discounted payback", "Délai de retour actualisé"),
    "priorities.col.roi": ("ROI", "ROI"),
    # Selection
    "priorities.objective.npv": ("Total NPV", "VAN totale"),
    "priorities.objective.score": ("Total score ({model})", "Note totale ({model})"),
    "priorities.select.objective": ("Maximise", "Maximiser"),
    "priorities.select.basis": ("Cost of a project", "Coût d'un projet"),
    "priorities.basis.budget": ("Budget at completion", "Budget initial"),
    "priorities.basis.remaining": ("Remaining (budget − actual)", "Restant (budget − consommé)"),
    "priorities.select.basis.help": (
        "Budget at completion weighs each project whole; the remaining cost (budget minus actual cost, at least "
        "0) weighs what is still to spend, for a decision on projects under way.",
        "Le budget initial compte chaque projet en entier ; le restant (budget moins consommé, au moins 0) compte "
        "ce qui reste à dépenser, pour décider sur des projets en cours.",
    ),
    "priorities.select.budget": ("Budget ({unit})", "Budget ({unit})"),
    "priorities.select.budget.help": (
        "The envelope to share out. All candidates together cost {total}.",
        "L'enveloppe à répartir. Tous les candidats ensemble coûtent {total}.",
    ),
    "priorities.select.no_candidates": (
        "No open project in this selection to choose from.",
        "Aucun projet ouvert dans cette sélection parmi lesquels choisir.",
    ),
    "priorities.select.too_many": (
        "This selection holds {n} open projects: the exact selection works on {most} at most at a time. Narrow "
        "the filters (portfolio, programme) to choose within a part of the portfolio.",
        "Cette sélection compte {n} projets ouverts : la sélection exacte porte sur {most} projets au plus à la "
        "fois. Restreignez les filtres (portefeuille, programme) pour choisir dans une partie du portefeuille.",
    ),
    "priorities.select.constraints": (
        "Constraints: projects forced in or out, budgets per year",
        "Contraintes : projets imposés ou exclus, budgets annuels",
    ),
    "priorities.select.forced_in": ("Forced in", "Imposés"),
    "priorities.select.forced_out": ("Forced out", "Exclus"),
    "priorities.select.years.help": (
        "Optional budget per year, checked against the yearly costs of the business cases (year 0 of a case is "
        "its project's start year). Leave a year empty for no limit.",
        "Budget annuel facultatif, comparé aux coûts annuels des analyses de rentabilité (l'année 0 d'une analyse "
        "est l'année de début du projet). Laissez une année vide pour ne pas la limiter.",
    ),
    "priorities.select.no_limit": ("no limit", "sans limite"),
    "priorities.select.year_budget": ("Budget of the year ({unit})", "Budget de l'année ({unit})"),
    "priorities.select.mandatory": (
        "Mandatory, always funded: {names}. A project depending on another (Depends on) is only funded with it.",
        "Obligatoires, toujours financés : {names}. Un projet qui dépend d'un autre (Dépend de) n'est financé "
        "qu'avec lui.",
    ),
    "priorities.select.not_proven": (
        "The solver stopped at its time limit: this selection is the best found, not proven optimal.",
        "Le solveur s'est arrêté à sa limite de temps : cette sélection est la meilleure trouvée, sans preuve "
        "d'optimalité.",
    ),
    "priorities.select.table": (
        "{n} of {total} {total:project|projects} funded, and why each is in or out",
        "{n} {n:projet financé|projets financés} sur {total}, et pourquoi chacun est retenu ou écarté",
    ),
    "priorities.metric.value": ("Value of the selection", "Valeur de la sélection"),
    "priorities.metric.value.of": (
        "{share} of the value at unlimited budget",
        "{share} de la valeur à budget illimité",
    ),
    "priorities.metric.value.help": (
        "Proven optimal: no other set of candidates within the budget and the constraints has more value. "
        "The share compares it with the value the same constraints give when the budget has no limit.",
        "Optimum prouvé : aucun autre ensemble de candidats dans le budget et les contraintes n'a plus de valeur. "
        "La part la compare à la valeur que donnent les mêmes contraintes sans limite de budget.",
    ),
    "priorities.metric.used": ("Budget used", "Budget mobilisé"),
    "priorities.metric.used.of": ("{share} of {budget}", "{share} de {budget}"),
    "priorities.metric.funded": ("Projects funded", "Projets financés"),
    "priorities.metric.funded.of": ("of {n} candidates", "sur {n} candidats"),
    "priorities.metric.more": ("With 10% more budget", "Avec 10\u00a0% de budget en plus"),
    "priorities.metric.more.delta": ("{n} more {n:project|projects}", "{n} {n:projet|projets} de plus"),
    "priorities.metric.more.help": (
        "The best selection with every budget (total and per year) raised by 10%.",
        "La meilleure sélection avec chaque budget (total et annuel) augmenté de 10\u00a0%.",
    ),
    "priorities.more.nothing": (
        "With 10% more ({budget}), nothing more would be funded: the next project does not fit.",
        "Avec 10\u00a0% de plus ({budget}), rien de plus ne serait financé : le projet suivant n'y tient pas.",
    ),
    "priorities.more.comes_in": (
        "With 10% more ({budget}): {names} would come in, for {value} more value and {cost} more cost.",
        "Avec 10\u00a0% de plus ({budget}) : {names} entreraient, pour {value} de valeur et {cost} de coût en plus.",
    ),
    "priorities.more.goes_out": (
        "To make room, {names} would go out.",
        "Pour faire de la place, {names} sortiraient.",
    ),
    "priorities.frontier.title": (
        "This selection gets {value} of the best attainable value for {cost} of the cost of all candidates",
        "Cette sélection obtient {value} de la meilleure valeur atteignable pour {cost} du coût de tous les "
        "candidats",
    ),
    "priorities.frontier.subtitle": (
        "Efficient frontier: the best total value for every budget, each point proven optimal; the dashed line "
        "is the budget",
        "Frontière efficiente : la meilleure valeur totale pour chaque budget, chaque point prouvé optimal ; la "
        "ligne pointillée est le budget",
    ),
    "priorities.frontier.best": ("Best value", "Meilleure valeur"),
    "priorities.frontier.this": ("This selection", "Cette sélection"),
    "priorities.frontier.more": ("With 10% more", "Avec 10\u00a0% de plus"),
    "priorities.frontier.budget_tip": ("Budget", "Budget"),
    "priorities.frontier.value_tip": ("Best value", "Meilleure valeur"),
    "priorities.frontier.projects_tip": ("Projects", "Projets"),
    "priorities.frontier.budget_rule": ("Budget chosen", "Budget retenu"),
    "priorities.axis.budget": ("Budget ({unit})", "Budget ({unit})"),
    "priorities.axis.value": ("Total score (points)", "Note totale (points)"),
    "priorities.axis.value_npv": ("Total NPV ({unit})", "VAN totale ({unit})"),
    "priorities.axis.cost": ("Cost ({unit})", "Coût ({unit})"),
    "priorities.years.title": (
        "The selection spends most in {year}: {cost}",
        "La sélection dépense le plus en {year} : {cost}",
    ),
    "priorities.years.subtitle": (
        "Yearly costs of the selected projects' business cases; a red tick marks a year's budget",
        "Coûts annuels des analyses de rentabilité des projets retenus ; un trait rouge marque le budget de "
        "l'année",
    ),
    "priorities.col.selected": ("Decision", "Décision"),
    "priorities.col.cost": ("Cost", "Coût"),
    "priorities.col.value": ("Value", "Valeur"),
    "priorities.col.budget": ("Budget", "Budget"),
    "priorities.col.year": ("Year", "Année"),
    "priorities.col.per_million.score": ("Points per million {unit}", "Points par million {unit}"),
    "priorities.col.per_million.npv": ("NPV per {unit} spent", "VAN par {unit} dépensé"),
    "priorities.col.per_million.help": (
        "Value for money: what the project brings for what it costs.",
        "Rapport valeur / coût : ce que le projet apporte pour ce qu'il coûte.",
    ),
    "priorities.col.funded": ("Funded", "Financés"),
    # Scenarios
    "priorities.scenario.save_title": (
        "Save this selection as a scenario",
        "Enregistrer cette sélection comme scénario",
    ),
    "priorities.scenario.name": ("Scenario", "Scénario"),
    "priorities.scenario.note": ("Note", "Note"),
    "priorities.scenario.save": ("Save the scenario", "Enregistrer le scénario"),
    "priorities.scenario.saved": ("Scenario “{name}” saved.", "Scénario « {name} » enregistré."),
    "priorities.scenario.empty": (
        "No scenario yet: save a selection from the Selection under a budget tab.",
        "Aucun scénario pour l'instant : enregistrez une sélection depuis l'onglet Sélection sous budget.",
    ),
    "priorities.scenario.compare": ("Compare (four at most)", "Comparer (quatre au plus)"),
    "priorities.scenario.cost_of": (
        "{n} {n:project|projects}, {cost} of {budget}",
        "{n} {n:projet|projets}, {cost} sur {budget}",
    ),
    "priorities.scenario.metric.help": ("Value: {objective}.", "Valeur : {objective}."),
    "priorities.scenario.years_title": (
        "Yearly cost of the compared scenarios: the heaviest year is {year}",
        "Coût annuel des scénarios comparés : l'année la plus lourde est {year}",
    ),
    "priorities.scenario.years_subtitle": (
        "Business-case costs of each scenario's projects, per year",
        "Coûts des analyses de rentabilité des projets de chaque scénario, par année",
    ),
    "priorities.scenario.differ": (
        "{n} {n:project is|projects are} in some scenarios and out of others",
        "{n} {n:projet est retenu|projets sont retenus} dans certains scénarios et {n:écarté|écartés} dans "
        "d'autres",
    ),
    "priorities.scenario.show_all": ("Show every project", "Afficher tous les projets"),
    "priorities.scenario.plan": ("Plan of record", "Plan de référence"),
    "priorities.scenario.mark": ("Mark as the plan of record", "Désigner comme plan de référence"),
    "priorities.scenario.plan_by": (
        "Plan of record: “{name}”, marked by {who} on {when}.",
        "Plan de référence : « {name} », désigné par {who} le {when}.",
    ),
    "priorities.scenario.delete_which": ("Scenario to delete", "Scénario à supprimer"),
    "priorities.scenario.delete": ("Delete", "Supprimer"),
    # Scoring models
    "priorities.col.weight": ("Weight", "Poids"),
    "priorities.col.direction": ("Direction", "Sens"),
    "priorities.direction.higher": ("Higher is better", "Plus haut, meilleur"),
    "priorities.direction.lower": ("Lower is better", "Plus bas, meilleur"),
    "priorities.col.scale_min": ("Scale minimum", "Minimum de l'échelle"),
    "priorities.col.scale_max": ("Scale maximum", "Maximum de l'échelle"),
    "priorities.col.scale.help": (
        "Empty: the range among the projects ranked.",
        "Vide : l'étendue parmi les projets classés.",
    ),
    "priorities.col.role": ("Role", "Rôle"),
    "priorities.col.role.help": (
        "WSJF: the cost-of-delay terms are added, the job size divides them.",
        "WSJF : les termes du coût du retard s'additionnent, la taille les divise.",
    ),
    "priorities.role.term": ("Adds to the score", "S'ajoute à la note"),
    "priorities.role.size": ("Divides the score (job size)", "Divise la note (taille)"),
    "priorities.model.save": ("Save the model", "Enregistrer le modèle"),
    "priorities.model.new_name": ("Name of a new model", "Nom d'un nouveau modèle"),
    "priorities.model.save_as": ("Save as a new model", "Enregistrer comme nouveau modèle"),
    "priorities.model.restore": ("Restore the shipped criteria", "Rétablir les critères d'origine"),
    "priorities.model.delete": ("Delete this model", "Supprimer ce modèle"),
}
