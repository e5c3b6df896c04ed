"""The app's Excel template: sheet names, the README sheet, drop-down lists and the help of every column."""

TEXTS = {
    "template.sheet.readme": ("README", "LISEZ-MOI"),
    "template.sheet.projects": ("Projects", "Projets"),
    "template.sheet.milestones": ("Milestones", "Jalons"),
    "template.sheet.risks": ("Risks", "Risques"),
    "template.sheet.costs": ("Costs", "Coûts"),
    "template.sheet.business_case": ("Business case", "Analyse de rentabilité"),
    "template.readme.title": (
        "PMO dashboard: portfolio template",
        "Tableau de bord PMO : modèle de portefeuille",
    ),
    "template.readme.intro": (
        "One sheet per subject, one row per record. Fill the sheets you keep, leave the others empty, "
        "then import the file on the Import page.",
        "Une feuille par sujet, une ligne par enregistrement. Remplissez les feuilles que vous tenez, "
        "laissez les autres vides, puis importez le fichier depuis la page Import.",
    ),
    "template.readme.as_of": ("As of", "Date de situation"),
    "template.readme.currency": ("Currency", "Devise"),
    "template.readme.languages": (
        "Column headers are accepted in French and in English, and under the usual synonyms "
        "(for example « Chef de projet » or « PM »).",
        "Les en-têtes de colonnes sont acceptés en français et en anglais, ainsi que sous leurs synonymes "
        "courants (par exemple « Project manager » ou « CP »).",
    ),
    "template.readme.dropdowns": (
        "Status, category, response and cost type columns offer drop-down lists; scores take whole numbers "
        "from 1 to 5; amounts are in {currency}.",
        "Les colonnes de météo, catégorie, réponse et nature proposent des listes déroulantes ; les notes "
        "sont des entiers de 1 à 5 ; les montants sont en {currency}.",
    ),
    "template.readme.sheet": ("Sheet « {sheet} »", "Feuille « {sheet} »"),
    "template.readme.column": ("Column", "Colonne"),
    "template.readme.required": ("Required", "Obligatoire"),
    "template.readme.meaning": ("Meaning and expected values", "Signification et valeurs attendues"),
    "template.readme.is_required": ("Required", "Obligatoire"),
    "template.readme.is_reference": ("Code or name required", "Code ou nom obligatoire"),
    "template.readme.is_optional": ("Optional", "Facultatif"),
    "template.yes": ("Yes", "Oui"),
    "template.no": ("No", "Non"),
    "template.validation.title": ("Value not accepted", "Valeur refusée"),
    "template.validation.list": ("Choose a value from the list.", "Choisissez une valeur dans la liste."),
    "template.validation.category": (
        "Not one of the usual categories: it will be kept as written.",
        "Catégorie non standard : elle sera conservée telle quelle.",
    ),
    "template.validation.scale": ("A whole number from 1 to 5.", "Un nombre entier de 1 à 5."),
    "template.validation.job_size": (
        "Usually 1, 2, 3, 5, 8, 13 or 20 (relative size).",
        "Habituellement 1, 2, 3, 5, 8, 13 ou 20 (taille relative).",
    ),
    "template.validation.percent": (
        "A percentage from 0 % to 100 %.",
        "Un pourcentage de 0 % à 100 %.",
    ),
    "template.validation.date": ("A date.", "Une date."),
    # Generic help by field type, used when a new field has no help of its own yet.
    "template.type.code": ("An identifier.", "Un identifiant."),
    "template.type.text": ("Free text.", "Texte libre."),
    "template.type.date": ("A date.", "Une date."),
    "template.type.month": ("A month (any date within it).", "Un mois (n'importe quelle date du mois)."),
    "template.type.money": ("An amount in {currency}.", "Un montant en {currency}."),
    "template.type.percent": ("A percentage.", "Un pourcentage."),
    "template.type.number": ("A number.", "Un nombre."),
    "template.type.int": ("A whole number.", "Un nombre entier."),
    "template.type.score": ("A score from 1 (low) to 5 (high).", "Une note de 1 (faible) à 5 (forte)."),
    "template.type.scale": ("From 1 (very low) to 5 (very high).", "De 1 (très faible) à 5 (très forte)."),
    "template.type.bool": ("Yes or No.", "Oui ou Non."),
    "template.type.status": ("Green, Amber or Red.", "Vert, Orange ou Rouge."),
    "template.type.risk_status": ("Open, In treatment or Closed.", "Ouvert, En traitement ou Clos."),
    "template.type.response": (
        "Avoid, Transfer, Mitigate, Accept or Escalate.",
        "Éviter, Transférer, Réduire, Accepter ou Escalader.",
    ),
    "template.type.category": ("A risk category.", "Une catégorie de risque."),
    "template.type.cost_type": ("CAPEX or OPEX.", "CAPEX ou OPEX."),
    # Projects
    "template.help.projects.code": (
        "Unique project code, e.g. PRJ-2025-001. Other sheets refer to projects by this code.",
        "Code unique du projet, par exemple PRJ-2025-001. Les autres feuilles désignent les projets par ce code.",
    ),
    "template.help.projects.name": ("Project name.", "Intitulé du projet."),
    "template.help.projects.portfolio": (
        "Portfolio the project belongs to.",
        "Portefeuille auquel appartient le projet.",
    ),
    "template.help.projects.programme": (
        "Programme within the portfolio; leave empty for a stand-alone project.",
        "Programme au sein du portefeuille ; laisser vide pour un projet isolé.",
    ),
    "template.help.projects.manager": ("Project manager.", "Chef de projet."),
    "template.help.projects.sponsor": (
        "Executive sponsor (senior responsible owner).",
        "Sponsor (commanditaire, directeur de projet).",
    ),
    "template.help.projects.phase": (
        "Current lifecycle phase, e.g. Initiation, Design, Build, Deployment, Closure.",
        "Phase en cours, par exemple Cadrage, Conception, Réalisation, Déploiement, Clôture.",
    ),
    "template.help.projects.lifecycle": (
        "Where the project stands in its life, apart from its RAG status: Not started, In progress, Behind "
        "schedule, On hold, Completed, Cancelled.",
        "Où en est le projet dans sa vie, indépendamment de sa météo : Non démarré, En cours, En retard, "
        "Suspendu, Terminé, Annulé.",
    ),
    "template.help.projects.start_date": ("Start date.", "Date de début."),
    "template.help.projects.baseline_end": (
        "End date in the approved baseline.",
        "Date de fin du planning de référence validé.",
    ),
    "template.help.projects.forecast_end": (
        "End date forecast today; later than the baseline end when the project is late.",
        "Date de fin prévue aujourd'hui ; postérieure à la fin initiale si le projet est en retard.",
    ),
    "template.help.projects.budget": (
        "Budget at completion (BAC), the approved baseline budget, in {currency}.",
        "Budget initial à terminaison (BAC), le budget de référence validé, en {currency}.",
    ),
    "template.help.projects.actual_cost": (
        "Actual cost to date (AC), in {currency}.",
        "Coût réel consommé à date (AC), en {currency}.",
    ),
    "template.help.projects.estimate_to_complete": (
        "Estimate to complete (ETC), in {currency}.",
        "Reste à faire (ETC), en {currency}.",
    ),
    "template.help.projects.forecast_at_completion": (
        "Forecast at completion (EAC) = actual cost + estimate to complete, in {currency}.",
        "Atterrissage (EAC) = consommé + reste à faire, en {currency}.",
    ),
    "template.help.projects.percent_complete": (
        "Physical progress, from 0 % to 100 %.",
        "Avancement physique, de 0 % à 100 %.",
    ),
    "template.help.projects.status": (
        "Overall status: Green, Amber or Red. Grey (not reported) is set by the app when the last update is too old.",
        "Météo globale : Vert, Orange ou Rouge. Le gris (non renseigné) est attribué par l'application quand "
        "la dernière mise à jour est trop ancienne.",
    ),
    "template.help.projects.status_schedule": (
        "Schedule status: Green, Amber or Red.",
        "Météo du planning : Vert, Orange ou Rouge.",
    ),
    "template.help.projects.status_cost": (
        "Cost status: Green, Amber or Red.",
        "Météo du budget : Vert, Orange ou Rouge.",
    ),
    "template.help.projects.status_scope": (
        "Scope status: Green, Amber or Red.",
        "Météo du périmètre : Vert, Orange ou Rouge.",
    ),
    "template.help.projects.status_resources": (
        "Resources status: Green, Amber or Red.",
        "Météo des ressources : Vert, Orange ou Rouge.",
    ),
    "template.help.projects.last_update": (
        "Date the project last reported its status.",
        "Date de la dernière mise à jour de la météo du projet.",
    ),
    "template.help.projects.comment": (
        "Key messages for the steering committee.",
        "Faits marquants pour le comité de pilotage.",
    ),
    "template.help.projects.strategic_alignment": (
        "Fit with the strategy, from 1 (weak) to 5 (strong).",
        "Alignement avec la stratégie, de 1 (faible) à 5 (fort).",
    ),
    "template.help.projects.business_value": (
        "Business value, from 1 (low) to 5 (high).",
        "Valeur métier, de 1 (faible) à 5 (forte).",
    ),
    "template.help.projects.time_criticality": (
        "How fast the value decays if the project waits, from 1 to 5 (WSJF).",
        "Perte de valeur si le projet attend, de 1 à 5 (WSJF).",
    ),
    "template.help.projects.risk_reduction": (
        "Risk reduction or opportunity enabled, from 1 to 5 (WSJF).",
        "Réduction du risque ou opportunité ouverte, de 1 à 5 (WSJF).",
    ),
    "template.help.projects.job_size": (
        "Relative size of the work: 1, 2, 3, 5, 8, 13 or 20 (WSJF).",
        "Taille relative du travail : 1, 2, 3, 5, 8, 13 ou 20 (WSJF).",
    ),
    "template.help.projects.urgency": (
        "Urgency, from 1 (low) to 5 (high).",
        "Urgence, de 1 (faible) à 5 (forte).",
    ),
    "template.help.projects.feasibility": (
        "Feasibility, from 1 (hard) to 5 (easy).",
        "Faisabilité, de 1 (difficile) à 5 (facile).",
    ),
    "template.help.projects.risk_level": (
        "Delivery risk, from 1 (low) to 5 (high).",
        "Risque de réalisation, de 1 (faible) à 5 (fort).",
    ),
    "template.help.projects.npv": (
        "Net present value of the business case, in {currency}.",
        "Valeur actuelle nette de l'analyse de rentabilité, en {currency}.",
    ),
    "template.help.projects.roi": (
        "Return on investment = (benefits - costs) / costs, as a percentage.",
        "Retour sur investissement = (bénéfices - coûts) / coûts, en pourcentage.",
    ),
    "template.help.projects.payback_years": (
        "Years until cumulative cash flow turns positive; empty when never.",
        "Années avant que le flux cumulé devienne positif ; vide si jamais.",
    ),
    "template.help.projects.mandatory": (
        "Yes for a regulatory or compulsory project, always selected.",
        "Oui pour un projet réglementaire ou imposé, toujours retenu.",
    ),
    "template.help.projects.depends_on": (
        "Codes of the projects this one needs, separated by commas.",
        "Codes des projets prérequis, séparés par des virgules.",
    ),
    # Milestones
    "template.help.milestones.project_code": (
        "Code of the project (or give its name in the next column).",
        "Code du projet (ou son nom dans la colonne suivante).",
    ),
    "template.help.milestones.project_name": (
        "Name of the project, when the code is not given.",
        "Nom du projet, si le code n'est pas renseigné.",
    ),
    "template.help.milestones.name": (
        "Milestone name, e.g. Go-live.",
        "Nom du jalon, par exemple Mise en service.",
    ),
    "template.help.milestones.baseline_date": (
        "Date in the approved baseline.",
        "Date du planning de référence.",
    ),
    "template.help.milestones.forecast_date": ("Date forecast today.", "Date prévue aujourd'hui."),
    "template.help.milestones.actual_date": (
        "Date the milestone was reached; empty until then.",
        "Date à laquelle le jalon a été atteint ; vide jusque-là.",
    ),
    # Risks
    "template.help.risks.code": (
        "Risk identifier, e.g. RSK-0042.",
        "Identifiant du risque, par exemple RSK-0042.",
    ),
    "template.help.risks.project_code": (
        "Code of the project (or give its name in the next column).",
        "Code du projet (ou son nom dans la colonne suivante).",
    ),
    "template.help.risks.project_name": (
        "Name of the project, when the code is not given.",
        "Nom du projet, si le code n'est pas renseigné.",
    ),
    "template.help.risks.title": ("What could happen.", "Événement redouté."),
    "template.help.risks.category": (
        "Technical, Functional / scope, Schedule, Cost / financial, Quality, Health & safety, Environment, "
        "External or Security; another word is kept as written.",
        "Technique, Fonctionnel / périmètre, Planning, Coût / financier, Qualité, Hygiène, santé, sécurité, "
        "Environnement, Externe ou Sûreté / cybersécurité ; un autre mot est conservé tel quel.",
    ),
    "template.help.risks.probability": (
        "Probability before treatment (inherent), from 1 (rare) to 5 (almost certain).",
        "Probabilité avant traitement (brute), de 1 (rare) à 5 (quasi certaine).",
    ),
    "template.help.risks.impact": (
        "Impact before treatment (inherent), from 1 (minor) to 5 (critical).",
        "Impact avant traitement (brut), de 1 (mineur) à 5 (critique).",
    ),
    "template.help.risks.residual_probability": (
        "Probability after treatment, from 1 to 5.",
        "Probabilité après traitement, de 1 à 5.",
    ),
    "template.help.risks.residual_impact": (
        "Impact after treatment, from 1 to 5.",
        "Impact après traitement, de 1 à 5.",
    ),
    "template.help.risks.score": (
        "Probability x impact, from 1 to 25; computed by the app when empty.",
        "Probabilité x impact, de 1 à 25 ; calculée par l'application si vide.",
    ),
    "template.help.risks.owner": ("Person in charge of the risk.", "Personne chargée du risque."),
    "template.help.risks.response": (
        "Avoid, Transfer, Mitigate, Accept or Escalate.",
        "Éviter, Transférer, Réduire, Accepter ou Escalader.",
    ),
    "template.help.risks.mitigation": ("Actions planned or under way.", "Actions prévues ou en cours."),
    "template.help.risks.due_date": ("Date the actions are due.", "Échéance du plan d'action."),
    "template.help.risks.status": ("Open, In treatment or Closed.", "Ouvert, En traitement ou Clos."),
    "template.help.risks.last_review": (
        "Date the risk owner last reviewed the risk (the PMO's rule: within 30 days).",
        "Date de la dernière revue du risque par son propriétaire (règle du PMO : moins de 30 jours).",
    ),
    "template.help.risks.cost_impact": (
        "Cost if the risk occurs, in {currency}.",
        "Coût si le risque survient, en {currency}.",
    ),
    "template.help.risks.mitigation_cost": (
        "Cost of the mitigation actions, in {currency}.",
        "Coût du plan d'action, en {currency}.",
    ),
    # Costs
    "template.help.costs.project_code": (
        "Code of the project (or give its name in the next column).",
        "Code du projet (ou son nom dans la colonne suivante).",
    ),
    "template.help.costs.project_name": (
        "Name of the project, when the code is not given.",
        "Nom du projet, si le code n'est pas renseigné.",
    ),
    "template.help.costs.month": (
        "Month of the amounts (any date within the month).",
        "Mois des montants (n'importe quelle date du mois).",
    ),
    "template.help.costs.cost_type": ("CAPEX or OPEX.", "CAPEX ou OPEX."),
    "template.help.costs.planned": (
        "Baseline spend planned for the month, in {currency}.",
        "Dépense prévue au budget de référence pour le mois, en {currency}.",
    ),
    "template.help.costs.actual": (
        "Actual spend of the month, in {currency}; empty for future months.",
        "Dépense réelle du mois, en {currency} ; vide pour les mois à venir.",
    ),
    "template.help.costs.forecast": (
        "Spend forecast for the month, in {currency}.",
        "Dépense prévue pour le mois (reprévision), en {currency}.",
    ),
    # Business case
    "template.help.business_case.project_code": (
        "Code of the project (or give its name in the next column).",
        "Code du projet (ou son nom dans la colonne suivante).",
    ),
    "template.help.business_case.project_name": (
        "Name of the project, when the code is not given.",
        "Nom du projet, si le code n'est pas renseigné.",
    ),
    "template.help.business_case.year": (
        "Year of the flows: 0 for the initial investment, then 1, 2, ...",
        "Année des flux : 0 pour l'investissement initial, puis 1, 2, ...",
    ),
    "template.help.business_case.cost": (
        "Costs of the year, in {currency}.",
        "Coûts de l'année, en {currency}.",
    ),
    "template.help.business_case.benefit": (
        "Benefits of the year, in {currency}.",
        "Bénéfices de l'année, en {currency}.",
    ),
}
