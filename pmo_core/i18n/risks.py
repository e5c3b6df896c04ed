"""Risks: the words of the heatmap, the register, the steering committee's view, roll-ups and band settings."""

TEXTS = {
    # Word scales shown on the axes beside the number; each word parses back to its level (values.parse_scale).
    "risks.probability.1": ("Rare", "Très improbable"),
    "risks.probability.2": ("Unlikely", "Improbable"),
    "risks.probability.3": ("Possible", "Possible"),
    "risks.probability.4": ("Likely", "Probable"),
    "risks.probability.5": ("Almost certain", "Quasi certain"),
    "risks.impact.1": ("Insignificant", "Mineur"),
    "risks.impact.2": ("Minor", "Modéré"),
    "risks.impact.3": ("Moderate", "Significatif"),
    "risks.impact.4": ("Major", "Majeur"),
    "risks.impact.5": ("Severe", "Critique"),
    "risks.title": (
        "Which risks threaten the portfolio on {date}?",
        "Quels risques menacent le portefeuille au {date} ?",
    ),
    "risks.title.current": (
        "Which risks threaten the portfolio today?",
        "Quels risques menacent le portefeuille aujourd'hui ?",
    ),
    # Page filters
    "risks.view": ("Rating", "Cotation"),
    "risks.view.inherent": ("Inherent", "Brute"),
    "risks.view.residual": ("Residual", "Résiduelle"),
    "risks.view.help": (
        "Inherent: before treatment. Residual: after treatment, using the residual probability and impact where "
        "the tracker gives them, otherwise the inherent ones.",
        "Brute : avant traitement. Résiduelle : après traitement, avec la probabilité et l'impact résiduels quand "
        "le suivi les donne, sinon les valeurs brutes.",
    ),
    "risks.filter.status": ("Risk status", "Statut du risque"),
    "risks.filter.category": ("Category", "Catégorie"),
    "risks.filter.project": ("Project", "Projet"),
    "risks.filter.owner": ("Owner", "Propriétaire"),
    "risks.filter.all": ("All", "Toutes"),
    "risks.filter.all_masculine": ("All", "Tous"),
    "risks.uncategorised": ("Uncategorised", "Sans catégorie"),
    # Headline figures
    "risks.metric.risks": ("Risks", "Risques"),
    "risks.metric.critical": ("Critical", "Critiques"),
    "risks.metric.high": ("High", "Élevés"),
    "risks.metric.exposure": ("Exposure", "Exposition"),
    "risks.metric.overdue": ("Overdue actions", "Actions en retard"),
    "risks.metric.exposure_help": (
        "Sum of probability (as a fraction) x cost impact, over the risks that give a cost impact.",
        "Somme de la probabilité (en fraction) x impact financier, sur les risques dont l'impact financier est donné.",
    ),
    "risks.empty": ("No risk in this selection.", "Aucun risque dans cette sélection."),
    # Heatmap
    "risks.heatmap.title": (
        "{severe} of {risks} risks are high or critical",
        "{severe} risques sur {risks} sont élevés ou critiques",
    ),
    "risks.heatmap.subtitle": ("{view} rating", "Cotation {view}"),
    "risks.heatmap.click": ("click a cell to list its risks", "cliquez sur une case pour lister ses risques"),
    "risks.axis.probability": ("Probability (1-5)", "Probabilité (1-5)"),
    "risks.axis.impact": ("Impact (1-5)", "Impact (1-5)"),
    "risks.legend.band": ("Band", "Niveau"),
    "risks.tip.cell": ("Cell", "Case"),
    "risks.tip.risks": ("Risks", "Risques"),
    "risks.tip.score": ("Score (P x I)", "Criticité (P x I)"),
    "risks.tip.exposure": ("Exposure", "Exposition"),
    # A cell's risks
    "risks.cell.choose": ("Risks of a cell", "Risques d'une case"),
    "risks.cell.hint": (
        "Click a cell of the heatmap, or choose its probability and impact here.",
        "Cliquez sur une case de la matrice, ou choisissez ici sa probabilité et son impact.",
    ),
    "risks.cell.pick": ("Choose…", "Choisir…"),
    "risks.cell.heading": (
        "Probability {probability} x impact {impact}: {band}, score {score}, {n} {n:risk|risks}",
        "Probabilité {probability} x impact {impact} : {band}, criticité {score}, {n} {n:risque|risques}",
    ),
    "risks.cell.empty": (
        "No risk in this cell for this selection.",
        "Aucun risque dans cette case pour cette sélection.",
    ),
    "risks.overdue": ("⚠ Overdue", "⚠ En retard"),
    "risks.overdue.caption": (
        "Overdue: due date before {date} and the risk not closed.",
        "En retard : échéance antérieure au {date} et risque non clos.",
    ),
    "risks.yes": ("Yes", "Oui"),
    # Columns
    "risks.col.code": ("Risk ID", "N° risque"),
    "risks.col.title": ("Risk", "Risque"),
    "risks.col.project_code": ("Project code", "Code projet"),
    "risks.col.project_name": ("Project", "Projet"),
    "risks.col.project_link": ("Project page", "Fiche projet"),
    "risks.col.portfolio": ("Portfolio", "Portefeuille"),
    "risks.col.category": ("Category", "Catégorie"),
    "risks.col.owner": ("Owner", "Propriétaire"),
    "risks.col.status": ("Status", "Statut"),
    "risks.col.probability": ("P", "P"),
    "risks.col.impact": ("I", "I"),
    "risks.col.score": ("Score", "Criticité"),
    "risks.col.band": ("Band", "Niveau"),
    "risks.col.exposure": ("Exposure", "Exposition"),
    "risks.col.inherent_probability": ("Inherent probability", "Probabilité brute"),
    "risks.col.inherent_impact": ("Inherent impact", "Impact brut"),
    "risks.col.inherent_score": ("Inherent score", "Criticité brute"),
    "risks.col.inherent_band": ("Inherent band", "Niveau brut"),
    "risks.col.residual_probability": ("Residual probability", "Probabilité résiduelle"),
    "risks.col.residual_impact": ("Residual impact", "Impact résiduel"),
    "risks.col.residual_score": ("Residual score", "Criticité résiduelle"),
    "risks.col.residual_band": ("Residual band", "Niveau résiduel"),
    "risks.col.cost_impact": ("Cost impact", "Impact financier"),
    "risks.col.inherent_exposure": ("Inherent exposure", "Exposition brute"),
    "risks.col.residual_exposure": ("Residual exposure", "Exposition résiduelle"),
    "risks.col.response": ("Response", "Réponse"),
    "risks.col.mitigation": ("Mitigation plan", "Plan d'action"),
    "risks.col.due_date": ("Due date", "Échéance"),
    "risks.col.overdue": ("Overdue", "En retard"),
    "risks.col.rank": ("#", "N°"),
    "risks.col.risks": ("Risks", "Risques"),
    "risks.col.critical": ("Critical", "Critiques"),
    "risks.col.high": ("High", "Élevés"),
    "risks.col.max_score": ("Highest score", "Criticité max."),
    "risks.col.worst_band": ("Worst band", "Pire niveau"),
    "risks.col.projects": ("Projects", "Projets"),
    "risks.col.movement": ("Movement", "Évolution"),
    "risks.col.before": ("Before", "Avant"),
    "risks.col.after": ("Now", "Maintenant"),
    "risks.col.money": ("{label} ({symbol})", "{label} ({symbol})"),
    # Tabs
    "risks.tab.register": ("Register", "Registre"),
    "risks.tab.copil": ("For the steering committee", "Pour le COPIL"),
    "risks.tab.rollups": ("Roll-ups", "Consolidations"),
    # Register
    "risks.register.search": ("Search the register", "Rechercher dans le registre"),
    "risks.register.search_hint": (
        "Risk, project, owner, mitigation plan…",
        "Risque, projet, propriétaire, plan d'action…",
    ),
    "risks.register.order": ("Order by", "Trier par"),
    "risks.register.order.score": ("Score, highest first", "Criticité décroissante"),
    "risks.register.order.exposure": ("Exposure, highest first", "Exposition décroissante"),
    "risks.register.order.due_date": ("Overdue first, then due date", "En retard d'abord, puis échéance"),
    "risks.register.order.project": ("Project", "Projet"),
    "risks.register.count": ("{total} {total:risk|risks}.", "{total} {total:risque|risques}."),
    "risks.register.capped": (
        "The first {shown} of {total} risks are shown: search or filter to narrow; the Excel download holds all of them.",
        "Les {shown} premiers risques sur {total} sont affichés : recherchez ou filtrez pour affiner ; le "
        "téléchargement Excel les contient tous.",
    ),
    "risks.register.empty": ("No risk matches this search.", "Aucun risque ne correspond à cette recherche."),
    "risks.register.sheet": ("Risk register", "Registre des risques"),
    "risks.register.file": ("risk_register", "registre_risques"),
    "risks.register.residual_note": (
        "Residual probability and impact: the tracker's residual values where given, otherwise the inherent ones.",
        "Probabilité et impact résiduels : ceux du suivi quand ils sont donnés, sinon les valeurs brutes.",
    ),
    # Steering committee
    "risks.top.score": ("Top 10 risks by score", "Les 10 risques les plus critiques"),
    "risks.top.exposure": ("Top 10 risks by exposure", "Les 10 risques les plus exposés financièrement"),
    "risks.top.exposure_empty": (
        "No risk of this selection gives a cost impact.",
        "Aucun risque de cette sélection n'a d'impact financier.",
    ),
    "risks.move.title": ("Movement since a snapshot", "Évolution depuis une situation"),
    "risks.move.since": ("Compared with the snapshot of", "Comparé à la situation du"),
    "risks.move.none_earlier": (
        "There is no earlier snapshot to compare with.",
        "Il n'y a pas de situation antérieure à laquelle comparer.",
    ),
    "risks.move.new": ("New", "Nouveaux"),
    "risks.move.escalated": ("Escalated", "Aggravés"),
    "risks.move.deescalated": ("De-escalated", "Atténués"),
    "risks.move.closed": ("Closed", "Clos"),
    "risks.move.kind.new": ("🆕 New", "🆕 Nouveau"),
    "risks.move.kind.escalated": ("⬆ Escalated", "⬆ Aggravé"),
    "risks.move.kind.deescalated": ("⬇ De-escalated", "⬇ Atténué"),
    "risks.move.kind.closed": ("✔ Closed", "✔ Clos"),
    "risks.move.empty": ("No risk moved since {date}.", "Aucun risque n'a évolué depuis le {date}."),
    "risks.move.note": (
        "New includes reopened risks; a risk no longer in its project's tracker counts as closed. Escalated and "
        "de-escalated compare the {view} score. The risk status filter does not apply here.",
        "Les nouveaux incluent les risques rouverts ; un risque absent du suivi de son projet compte comme clos. "
        "Aggravé et atténué comparent la criticité {view}. Le filtre de statut du risque ne s'applique pas ici.",
    ),
    "risks.move.grid.title": (
        "Since {date}: {escalated} {escalated:risk|risks} escalated, {deescalated} de-escalated",
        "Depuis le {date} : {escalated} {escalated:risque aggravé|risques aggravés}, {deescalated} {deescalated:atténué|atténués}",
    ),
    "risks.move.grid.caption": (
        "Arrows go from the old cell to the new one, thicker when more risks moved; +n in a cell counts its new "
        "risks, −n the risks closed from it.",
        "Les flèches vont de l'ancienne case à la nouvelle, plus épaisses quand plus de risques ont bougé ; +n dans "
        "une case compte ses nouveaux risques, −n les risques clos qui en sortent.",
    ),
    "risks.move.capped": (
        "The first {shown} of {total} moves are listed, new and escalated first.",
        "Les {shown} premières évolutions sur {total} sont listées, nouveaux et aggravés d'abord.",
    ),
    "risks.move.legend": ("Movement", "Évolution"),
    "risks.move.tip.from": ("From", "De"),
    "risks.move.tip.to": ("To", "Vers"),
    # Roll-ups
    "risks.rollup.portfolio": ("By portfolio", "Par portefeuille"),
    "risks.rollup.project": ("By project, most critical first", "Par projet, les plus critiques d'abord"),
    "risks.rollup.capped": (
        "The {shown} most exposed projects of {total} are shown.",
        "Les {shown} projets les plus exposés sur {total} sont affichés.",
    ),
    "risks.category.title": (
        "Most high and critical risks: {category} in {portfolio} ({n})",
        "Le plus de risques élevés et critiques : {category} dans {portfolio} ({n})",
    ),
    "risks.category.title_none": (
        "No high or critical risk in this selection",
        "Aucun risque élevé ou critique dans cette sélection",
    ),
    "risks.category.axis.portfolio": ("Portfolio", "Portefeuille"),
    "risks.category.axis.category": ("Category", "Catégorie"),
    "risks.category.legend": ("High + critical risks", "Risques élevés + critiques"),
    "risks.category.tip.high": ("High", "Élevés"),
    "risks.category.tip.critical": ("Critical", "Critiques"),
    "risks.category.tip.risks": ("All risks in the selection", "Tous les risques de la sélection"),
    # Settings section (drawn on the Settings page)
    "risks.settings.title": ("Risk scoring", "Cotation des risques"),
    "risks.settings.caption": (
        "The band of each probability x impact cell, used by every page that scores risks (the overview "
        "included). Rows are impacts (5 at the top), columns are probabilities.",
        "Le niveau de chaque case probabilité x impact, utilisé par toutes les pages qui cotent les risques (vue "
        "d'ensemble comprise). Les lignes sont les impacts (5 en haut), les colonnes les probabilités.",
    ),
    "risks.settings.impact": ("Impact ↓ / probability →", "Impact ↓ / probabilité →"),
    "risks.settings.save": ("Save the band table", "Enregistrer la table des niveaux"),
    "risks.settings.reset": ("Back to the default bands", "Revenir aux niveaux par défaut"),
    "risks.settings.saved": (
        "Band table saved: {n} {n:cell|cells} changed.",
        "Table des niveaux enregistrée : {n} {n:case modifiée|cases modifiées}.",
    ),
    "risks.settings.refused": (
        "The band table was not changed: {reason}",
        "La table des niveaux n'a pas été modifiée : {reason}",
    ),
    "risks.settings.warning": (
        "Some cells are banded lower than a cell of lower probability and impact: {cells}. Check this is intended.",
        "Certaines cases ont un niveau inférieur à une case de probabilité et d'impact plus faibles : {cells}. "
        "Vérifiez que c'est voulu.",
    ),
    "risks.settings.fractions": (
        "Probability fractions for the exposure",
        "Probabilités en fraction pour l'exposition",
    ),
    "risks.settings.fractions_caption": (
        "Exposure = fraction of the probability level x cost impact (PMBOK defaults 0.1, 0.3, 0.5, 0.7, 0.9).",
        "Exposition = fraction du niveau de probabilité x impact financier (valeurs PMBOK par défaut 0,1, 0,3, "
        "0,5, 0,7, 0,9).",
    ),
    "risks.settings.fraction": ("Level {level}", "Niveau {level}"),
    "risks.settings.fractions_save": ("Save the fractions", "Enregistrer les fractions"),
    "risks.settings.fractions_saved": (
        "Probability fractions saved.",
        "Probabilités en fraction enregistrées.",
    ),
}
