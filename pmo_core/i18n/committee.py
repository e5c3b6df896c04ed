"""The steering committee: meetings, decisions and actions, the committee's slides and presentation mode."""

TEXTS = {
    # Navigation and page
    "nav.committee": ("Committee", "Comité"),
    "nav.present": ("Present", "Présenter"),
    "committee.title": (
        "Steering committees: decisions and actions",
        "Comités de pilotage : décisions et actions",
    ),
    "committee.none": (
        "No committee is recorded yet. Create the first meeting below: it reviews a snapshot, and the next "
        "one will show what changed since.",
        "Aucun comité n'est encore enregistré. Créez la première réunion ci-dessous : elle revoit un instantané, "
        "et la suivante montrera ce qui a changé depuis.",
    ),
    "committee.choose": ("Meeting", "Réunion"),
    "committee.label": (
        "{name} · {date} (snapshot {snapshot})",
        "{name} · {date} (instantané du {snapshot})",
    ),
    "committee.summary": (
        "Reviews the snapshot of {snapshot}; changes since {since}.",
        "Revoit l'instantané du {snapshot} ; évolutions depuis le {since}.",
    ),
    "committee.summary.first": (
        "Reviews the snapshot of {snapshot}; the first committee, so changes are since the previous snapshot.",
        "Revoit l'instantané du {snapshot} ; premier comité, les évolutions sont donc depuis l'instantané précédent.",
    ),
    "committee.present": ("Present this committee", "Présenter ce comité"),
    "committee.tab.decisions": ("Decisions ({n})", "Décisions ({n})"),
    "committee.tab.actions": ("Actions ({n})", "Actions ({n})"),
    "committee.tab.new": ("New meeting", "Nouvelle réunion"),
    "committee.tab.meetings": ("Meetings ({n})", "Réunions ({n})"),
    "committee.readonly": (
        "Your role may read the log; recording meetings, decisions and actions is for the PMO.",
        "Votre rôle permet de lire le registre ; enregistrer réunions, décisions et actions revient au PMO.",
    ),
    # New meeting form
    "committee.form.name": ("Name", "Nom"),
    "committee.form.name.placeholder": ("COPIL November 2026", "COPIL novembre 2026"),
    "committee.form.date": ("Meeting date", "Date de la réunion"),
    "committee.form.snapshot": ("Snapshot reviewed", "Instantané revu"),
    "committee.form.follows": ("Follows", "Fait suite à"),
    "committee.form.follows.none": ("No earlier committee", "Aucun comité précédent"),
    "committee.form.create": ("Create the meeting", "Créer la réunion"),
    "committee.created": ("Meeting “{name}” created.", "Réunion « {name} » créée."),
    # Decisions
    "committee.decision.heading": ("Record a decision", "Enregistrer une décision"),
    "committee.decision.subject": ("Subject", "Objet"),
    "committee.decision.text": ("Decision", "Décision"),
    "committee.decision.question": ("Question put to the committee", "Question posée au comité"),
    "committee.decision.state": ("Kind", "Type"),
    "committee.decision.project": ("Project (empty: the portfolio)", "Projet (vide : le portefeuille)"),
    "committee.decision.date": ("Date", "Date"),
    "committee.decision.supersedes": ("Corrects or answers", "Corrige ou répond à"),
    "committee.decision.supersedes.none": ("A new subject", "Un nouveau sujet"),
    "committee.decision.save": ("Record the decision", "Enregistrer la décision"),
    "committee.decision.saved": ("Decision recorded.", "Décision enregistrée."),
    "committee.decision.empty": ("No decision recorded yet.", "Aucune décision enregistrée."),
    "committee.decision.superseded_note": (
        "Nothing is deleted: a corrected or answered entry stays in the log, and “Superseded by no.” names the "
        "entry that replaced it.",
        "Rien n'est supprimé : une entrée corrigée ou tranchée reste au registre, et « Remplacée par le n° » "
        "désigne l'entrée qui la remplace.",
    ),
    "committee.state.taken": ("Decision taken", "Décision prise"),
    "committee.state.to_take": ("Decision to take", "Décision à prendre"),
    # Actions
    "committee.action.heading": ("Add an action", "Ajouter une action"),
    "committee.action.title": ("Action", "Action"),
    "committee.action.owner": ("Owner", "Porteur"),
    "committee.action.due": ("Due date", "Échéance"),
    "committee.action.decision": ("Carries out", "Met en œuvre"),
    "committee.action.decision.none": ("No decision", "Aucune décision"),
    "committee.action.save": ("Add the action", "Ajouter l'action"),
    "committee.action.saved": ("Action added.", "Action ajoutée."),
    "committee.action.empty": ("No action recorded yet.", "Aucune action enregistrée."),
    "committee.action.follow": ("Follow an action up", "Suivre une action"),
    "committee.action.pick": ("Action", "Action"),
    "committee.action.note": ("Note", "Note"),
    "committee.action.update": ("Save the follow-up", "Enregistrer le suivi"),
    "committee.action.updated": ("Action updated.", "Action mise à jour."),
    "committee.action.open_only": ("Open actions only", "Actions en cours seulement"),
    "committee.status.open": ("Open", "Ouverte"),
    "committee.status.in_progress": ("In progress", "En cours"),
    "committee.status.done": ("Done", "Terminée"),
    "committee.status.cancelled": ("Cancelled", "Annulée"),
    "committee.overdue": ("⚠ overdue", "⚠ en retard"),
    "committee.portfolio_wide": ("Portfolio", "Portefeuille"),
    "committee.export": ("Download the log (Excel)", "Télécharger le registre (Excel)"),
    "committee.export.file": ("committee-log-{date}.xlsx", "registre-comites-{date}.xlsx"),
    "committee.sheet.committees": ("Meetings", "Réunions"),
    "committee.sheet.decisions": ("Decisions", "Décisions"),
    "committee.sheet.actions": ("Actions", "Actions"),
    # Columns (pages, slides, export)
    "committee.col.committee_id": ("No.", "N°"),
    "committee.col.name": ("Meeting", "Réunion"),
    "committee.col.meeting_date": ("Date", "Date"),
    "committee.col.snapshot": ("Snapshot reviewed", "Instantané revu"),
    "committee.col.follows_name": ("Follows", "Fait suite à"),
    "committee.col.since": ("Changes since", "Évolutions depuis"),
    "committee.col.decision_id": ("No.", "N°"),
    "committee.col.decided_on": ("Date", "Date"),
    "committee.col.committee": ("Meeting", "Réunion"),
    "committee.col.subject": ("Subject", "Objet"),
    "committee.col.decision": ("Decision", "Décision"),
    "committee.col.state": ("Kind", "Type"),
    "committee.col.project_code": ("Project", "Projet"),
    "committee.col.supersedes": ("Supersedes no.", "Remplace le n°"),
    "committee.col.superseded_by": ("Superseded by no.", "Remplacée par le n°"),
    "committee.col.recorded_by": ("Recorded by", "Saisie par"),
    "committee.col.action_id": ("No.", "N°"),
    "committee.col.title": ("Action", "Action"),
    "committee.col.action": ("Action", "Action"),
    "committee.col.owner": ("Owner", "Porteur"),
    "committee.col.due_date": ("Due", "Échéance"),
    "committee.col.due": ("Due", "Échéance"),
    "committee.col.status": ("Status", "Statut"),
    "committee.col.overdue": ("Overdue", "En retard"),
    "committee.col.note": ("Note", "Note"),
    "committee.col.updated_by": ("Last updated by", "Mise à jour par"),
    "committee.col.why": ("Why a decision", "Pourquoi décider"),
    "committee.col.comment": ("Manager's comment", "Commentaire du chef de projet"),
    "committee.col.end_slip": ("End slip (days)", "Glissement (jours)"),
    "committee.col.band": ("Level", "Niveau"),
    "committee.col.score": ("Score", "Criticité"),
    "committee.col.risk": ("Risk (project)", "Risque (projet)"),
    "committee.col.overrun": ("Overrun", "Dépassement"),
    "committee.col.overrun_pct": ("Overrun %", "Dépassement en %"),
    "committee.col.cost": ("Cost", "Coût"),
    "committee.col.value": ("Value", "Valeur"),
    "committee.col.question": ("Question", "Question"),
    "committee.col.raised": ("Raised on", "Posée le"),
    # Refusals
    "committee.refused.name": ("A meeting needs a name.", "Une réunion doit avoir un nom."),
    "committee.refused.snapshot": (
        "There is no snapshot on {date}: a committee reviews one of the store's snapshots.",
        "Il n'y a pas d'instantané au {date} : un comité revoit l'un des instantanés de la base.",
    ),
    "committee.refused.unknown": ("There is no committee no. {id}.", "Il n'y a pas de comité n° {id}."),
    "committee.refused.follows_later": (
        "A meeting cannot follow “{name}”, which takes place after it.",
        "Une réunion ne peut pas faire suite à « {name} », qui a lieu après elle.",
    ),
    "committee.refused.decision_empty": (
        "A decision needs a subject and its text.",
        "Une décision doit avoir un objet et un texte.",
    ),
    "committee.refused.state": ("Unknown kind of decision: {state}.", "Type de décision inconnu : {state}."),
    "committee.refused.decision_unknown": (
        "There is no decision no. {id}.",
        "Il n'y a pas de décision n° {id}.",
    ),
    "committee.refused.superseded": (
        "Decision no. {id} was already superseded by no. {by}: correct no. {by} instead.",
        "La décision n° {id} est déjà remplacée par le n° {by} : corrigez plutôt le n° {by}.",
    ),
    "committee.refused.action_empty": (
        "An action needs a title and an owner.",
        "Une action doit avoir un intitulé et un porteur.",
    ),
    "committee.refused.action_unknown": ("There is no action no. {id}.", "Il n'y a pas d'action n° {id}."),
    "committee.refused.status": ("Unknown action status: {status}.", "Statut d'action inconnu : {status}."),
    # Command line
    "cli.committee.created": ("Committee no. {id} “{name}” created.", "Comité n° {id} « {name} » créé."),
    "cli.committee.exported": ("Log written to {path}.", "Registre écrit dans {path}."),
    "cli.decision.recorded": ("Decision no. {id} recorded.", "Décision n° {id} enregistrée."),
    "cli.decision.superseded": ("superseded by no. {id}", "remplacée par le n° {id}"),
    "cli.action.added": ("Action no. {id} added.", "Action n° {id} ajoutée."),
    "cli.action.updated": ("Action no. {id} updated.", "Action n° {id} mise à jour."),
    # Audit words
    "audit.action.committee.create": ("Committee created", "Comité créé"),
    "audit.action.decision.record": ("Decision recorded", "Décision enregistrée"),
    "audit.action.action.add": ("Action added", "Action ajoutée"),
    "audit.action.action.update": ("Action followed up", "Action suivie"),
    # The deck
    "committee.deck.title": ("Steering committee", "Comité de pilotage"),
    "committee.deck.current": ("Portfolio review", "Revue du portefeuille"),
    "committee.slide.headline": ("Where the portfolio stands", "Où en est le portefeuille"),
    "committee.slide.decisions_needed": ("Projects needing a decision", "Projets appelant une décision"),
    "committee.slide.status": ("Project status, worst first", "Météo des projets, les plus dégradés d'abord"),
    "committee.slide.roadmap": (
        "Roadmap of the projects in trouble",
        "Feuille de route des projets en difficulté",
    ),
    "committee.slide.risks": ("Risks: heatmap and top risks", "Risques : cartographie et risques majeurs"),
    "committee.slide.budget": (
        "Budget: spend and largest overruns",
        "Budget : consommation et plus gros dépassements",
    ),
    "committee.slide.selection": ("Portfolio selection", "Sélection du portefeuille"),
    "committee.slide.actions": ("Open actions", "Actions en cours"),
    "committee.slide.to_take": ("Decisions to take", "Décisions à prendre"),
    "committee.since.committee": (
        "Changes since the snapshot of {date}, reviewed by “{committee}”",
        "Évolutions depuis l'instantané du {date}, revu par « {committee} »",
    ),
    "committee.since.snapshot": (
        "Changes since the previous snapshot of {date}",
        "Évolutions depuis l'instantané précédent du {date}",
    ),
    "committee.since.none": (
        "No earlier snapshot to compare with",
        "Aucun instantané antérieur pour comparer",
    ),
    "committee.kpi.open_actions": ("Open actions", "Actions en cours"),
    "committee.kpi.overdue_actions": ("Overdue actions", "Actions en retard"),
    "committee.kpi.overdue": ("{n} overdue", "{n} en retard"),
    "committee.more": ("and {n} more", "et {n} de plus"),
    "committee.more_projects": (
        "and {n} more {n:project|projects}",
        "et {n} {n:autre projet|autres projets}",
    ),
    "committee.more_risks": (
        "and {n} more open {n:risk|risks}",
        "et {n} {n:autre risque ouvert|autres risques ouverts}",
    ),
    "committee.more_actions": ("and {n} more {n:action|actions}", "et {n} {n:autre action|autres actions}"),
    "committee.more_decisions": (
        "and {n} more {n:decision|decisions}",
        "et {n} {n:autre décision|autres décisions}",
    ),
    "committee.needed.subtitle": (
        "{n} of {total} {n:project needs|projects need} the committee's decision",
        "{n} {n:projet|projets} sur {total} {n:appelle|appellent} une décision du comité",
    ),
    "committee.needed.none": (
        "No project is red, overrunning, slipping or unreported: nothing to decide on a project.",
        "Aucun projet rouge, en dépassement, en glissement ou non renseigné : pas de décision à prendre sur un projet.",
    ),
    "committee.reason.newly_red": ("newly red", "passé au rouge"),
    "committee.reason.red": ("red", "rouge"),
    "committee.reason.overrun": ("forecast overrun {pct}", "dépassement prévu {pct}"),
    "committee.reason.slipped": ("milestone slipped {days} d", "jalon glissé de {days} j"),
    "committee.reason.stale": ("no update since {date}", "pas de mise à jour depuis le {date}"),
    "committee.roadmap.subtitle": (
        "{n} red or amber {n:project|projects} of {total}; {late} end later than planned",
        "{n} {n:projet rouge ou orange|projets rouges ou orange} sur {total} ; {late} finissent plus tard que prévu",
    ),
    "committee.budget.subtitle": (
        "Earned value on {date} · forecast {method}",
        "Valeur acquise au {date} · atterrissage {method}",
    ),
    "committee.selection.none": (
        "No selection is saved yet: save one on the Priorities page, and mark the plan of record.",
        "Aucune sélection enregistrée : enregistrez-en une sur la page Priorités et désignez le plan de référence.",
    ),
    "committee.selection.plan": (
        "Plan of record: “{name}” ({date})",
        "Plan de référence : « {name} » ({date})",
    ),
    "committee.selection.proposed": (
        "Proposed selection: “{name}” ({date}), not yet the plan of record",
        "Sélection proposée : « {name} » ({date}), pas encore plan de référence",
    ),
    "committee.selection.budget": ("Budget", "Budget"),
    "committee.selection.cost": ("Cost of the selection", "Coût de la sélection"),
    "committee.selection.value": ("Value", "Valeur"),
    "committee.selection.funded": ("Projects funded", "Projets financés"),
    "committee.selection.count": ("{n} of {total}", "{n} sur {total}"),
    "committee.actions.subtitle": (
        "{n} open {n:action|actions}, {overdue} overdue on {date}",
        "{n} {n:action en cours|actions en cours}, {overdue} en retard au {date}",
    ),
    "committee.actions.none": ("No open action.", "Aucune action en cours."),
    "committee.to_take.subtitle": (
        "{n} {n:question|questions} put to the committee",
        "{n} {n:question posée|questions posées} au comité",
    ),
    "committee.to_take.none": (
        "No question is put to the committee: record one on the Committee page as a decision to take.",
        "Aucune question n'est posée au comité : enregistrez-en une sur la page Comité comme décision à prendre.",
    ),
    # Speaker notes
    "committee.notes.snapshot": (
        "Snapshot: {date}. Filters: {filters}.",
        "Instantané : {date}. Filtres : {filters}.",
    ),
    "committee.notes.since_committee": (
        "Changes are measured since {date}, the snapshot the previous committee (“{committee}”) reviewed.",
        "Les évolutions sont mesurées depuis le {date}, instantané revu par le comité précédent (« {committee} »).",
    ),
    "committee.notes.since": (
        "Changes are measured since the snapshot of {date} (no earlier committee reviewed one).",
        "Les évolutions sont mesurées depuis l'instantané du {date} (aucun comité antérieur n'en a revu).",
    ),
    "committee.notes.no_since": (
        "There is no earlier snapshot to compare with.",
        "Il n'y a pas d'instantané antérieur pour comparer.",
    ),
    "committee.notes.headline": (
        "Budget (BAC) is the baseline budget; forecast (EAC) = AC + (BAC − EV) / CPI unless the settings say "
        "otherwise; variance % = (BAC − EAC) / BAC. A project not updated for {days} days is Not reported (grey), "
        "whatever colour it last had. Critical risks are open risks in the critical band of the 5x5 table.",
        "Le budget (BAC) est le budget initial ; l'atterrissage (EAC) = CR + (BAC − VA) / CPI sauf autre choix "
        "dans les paramètres ; écart en % = (BAC − EAC) / BAC. Un projet sans mise à jour depuis {days} jours "
        "est Non renseigné (gris), quelle que soit sa dernière météo. Les risques critiques sont les risques "
        "ouverts du niveau critique de la grille 5x5.",
    ),
    "committee.notes.decisions_needed": (
        "A project needs a decision when it is red or newly red, its forecast overruns its budget by more than "
        "{pct} %, a milestone slipped since the last committee, or it has not been updated for {days} days.",
        "Un projet appelle une décision s'il est rouge ou vient de passer au rouge, si son atterrissage dépasse "
        "son budget de plus de {pct} %, si un jalon a glissé depuis le dernier comité, ou s'il n'a pas été mis "
        "à jour depuis {days} jours.",
    ),
    "committee.notes.status": (
        "Projects worst first: red, amber, not reported, green; then by critical risks and budget. The arrow "
        "compares with the last committee: ↑ better, ↓ worse, → same, ✱ new. Not reported after {days} days.",
        "Projets du plus dégradé au meilleur : rouge, orange, non renseigné, vert ; puis par risques critiques "
        "et budget. La flèche compare au dernier comité : ↑ mieux, ↓ moins bien, → identique, ✱ nouveau. "
        "Non renseigné après {days} jours.",
    ),
    "committee.notes.roadmap": (
        "Bars run from start to forecast end for the red and amber projects; the tick is the baseline end. "
        "Chart and table show the same projects, the largest slip (forecast end − baseline end, in days) first; "
        "the others are counted below.",
        "Les barres vont du début à la fin prévue des projets rouges et orange ; le trait est la fin initiale. "
        "Graphique et tableau montrent les mêmes projets, le plus gros glissement (fin prévue − fin initiale, en "
        "jours) d'abord ; les autres sont comptés en dessous.",
    ),
    "committee.notes.risks": (
        "Score (criticality) = probability × impact, 1 to 25, on the inherent rating; levels from the editable "
        "5x5 band table. Exposure = probability as a fraction × cost impact. Open risks only.",
        "Criticité = probabilité × impact, de 1 à 25, sur la cotation brute ; niveaux selon la grille 5x5 "
        "paramétrable. Exposition = probabilité en fraction × impact financier. Risques ouverts seulement.",
    ),
    "committee.notes.budget": (
        "Earned value (ANSI/EIA-748): EV = % complete × BAC; CPI = EV / AC; SPI = EV / PV; overrun = EAC − BAC. "
        "An undefined ratio reads n/a.",
        "Valeur acquise (ANSI/EIA-748) : VA = avancement × BAC ; CPI = VA / CR ; SPI = VA / VP ; "
        "dépassement = EAC − BAC. Un ratio non défini se lit n.d.",
    ),
    "committee.notes.selection": (
        "The plan of record is the saved selection the PMO marked last; without one, the latest saved "
        "selection is shown as proposed. Objective: {objective}.",
        "Le plan de référence est la sélection enregistrée désignée en dernier par le PMO ; à défaut, la "
        "dernière sélection enregistrée est présentée comme proposée. Objectif : {objective}.",
    ),
    "committee.notes.actions": (
        "Actions still open or in progress, overdue first; overdue means due before the meeting's day.",
        "Actions ouvertes ou en cours, les retards d'abord ; en retard signifie échue avant le jour de la réunion.",
    ),
    "committee.notes.to_take": (
        "Questions recorded as decisions to take and not answered yet; the answer is recorded as a decision "
        "that supersedes the question.",
        "Questions enregistrées comme décisions à prendre et pas encore tranchées ; la réponse s'enregistre "
        "comme une décision qui remplace la question.",
    ),
    # Presentation mode
    "present.previous": ("◀ Previous", "◀ Précédent"),
    "present.next": ("Next ▶", "Suivant ▶"),
    "present.slide": ("Slide {n} of {total}", "Diapositive {n} sur {total}"),
    "present.exit": ("Leave presentation", "Quitter la présentation"),
    "present.notes": ("Speaker notes", "Notes de l'orateur"),
    "present.committee": ("Committee", "Comité"),
    "present.current": ("Current state (no committee)", "État actuel (sans comité)"),
    # Overview first screen
    "committee.overview.needed": ("Projects needing a decision", "Projets appelant une décision"),
    "committee.overview.top_risks": ("Top risks", "Risques majeurs"),
    "committee.overview.burn": ("Budget burn", "Consommation du budget"),
    "committee.overview.burn.text": (
        "{spent} spent of {budget} ({share}); forecast at completion {eac} ({vac} against budget).",
        "{spent} consommés sur {budget} ({share}) ; atterrissage {eac} ({vac} par rapport au budget).",
    ),
    "committee.overview.actions": ("Open and overdue actions", "Actions en cours et en retard"),
    "committee.overview.no_actions": (
        "No open action. Actions decided in committee are recorded on the Committee page.",
        "Aucune action en cours. Les actions décidées en comité s'enregistrent sur la page Comité.",
    ),
    "committee.overview.no_risk": (
        "No open risk in this selection.",
        "Aucun risque ouvert dans cette sélection.",
    ),
    "committee.overview.definitions": (
        "Forecast (EAC) = AC + (BAC − EV) / CPI unless the settings say otherwise · Not reported: no update for "
        "{days} days · Critical risks: open risks in the critical band · Late: a milestone late or past due.",
        "Atterrissage (EAC) = CR + (BAC − VA) / CPI sauf autre choix dans les paramètres · Non renseigné : pas "
        "de mise à jour depuis {days} jours · Risques critiques : risques ouverts de niveau critique · En retard : "
        "un jalon en retard ou dépassé.",
    ),
}
