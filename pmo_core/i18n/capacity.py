"""People: capacity against demand, the Capacity page, what-if plans, selection under capacity, alerts."""

TEXTS: dict[str, tuple[str, str]] = {
    # Import: the two sheets, their help and their problems
    "import.entity.resources": ("Team capacity", "Capacité des équipes"),
    "import.entity.demand": ("Demand on teams", "Charge demandée aux équipes"),
    "template.sheet.resources": ("Resources", "Ressources"),
    "template.sheet.demand": ("Demand", "Demande"),
    "template.type.effort": (
        "A number of FTE or of person-days (see Unit).",
        "Un nombre d'ETP ou de jours-homme (voir Unité).",
    ),
    "template.type.effort_unit": ("FTE or Person-days.", "ETP ou Jours-homme."),
    "template.help.resources.team": (
        "The team or role whose people are counted (Data, Architects, Java developers...). Required. Write it "
        "as the Demand sheet writes it.",
        "L'équipe ou le rôle dont on compte les personnes (Data, Architectes, Développeurs Java...). "
        "Obligatoire. Écrivez-la comme l'onglet Demande l'écrit.",
    ),
    "template.help.resources.month": (
        "The month (any date within it). Required. Or one column per month (Jan-27, janv.-27, 2027-01).",
        "Le mois (n'importe quelle date du mois). Obligatoire. Ou une colonne par mois (janv.-27, Jan-27, "
        "2027-01).",
    ),
    "template.help.resources.capacity": (
        "The team's available capacity that month, in FTE (2.5) or in person-days (50). Required.",
        "La capacité disponible de l'équipe ce mois-là, en ETP (2,5) ou en jours-homme (50). Obligatoire.",
    ),
    "template.help.resources.unit": (
        "FTE or Person-days. Empty: as the header says (“Capacity (days)”), else FTE. Person-days become FTE "
        "with the working days per month setting.",
        "ETP ou Jours-homme. Vide : comme le dit l'en-tête (« Capacité (j) »), sinon ETP. Les jours-homme "
        "deviennent des ETP avec le réglage des jours ouvrés par mois.",
    ),
    "template.help.demand.project_code": (
        "The code of the project that asks for the team (or its name in the next column).",
        "Le code du projet qui demande l'équipe (ou son nom dans la colonne suivante).",
    ),
    "template.help.demand.project_name": (
        "The project's name, when its code is not given.",
        "Le nom du projet, quand son code n'est pas donné.",
    ),
    "template.help.demand.team": (
        "The team or role asked for, written as on the Resources sheet. Required.",
        "L'équipe ou le rôle demandé, écrit comme dans l'onglet Ressources. Obligatoire.",
    ),
    "template.help.demand.month": (
        "The month (any date within it). Required. Or one column per month (Jan-27, janv.-27, 2027-01).",
        "Le mois (n'importe quelle date du mois). Obligatoire. Ou une colonne par mois (janv.-27, Jan-27, "
        "2027-01).",
    ),
    "template.help.demand.demand": (
        "What the project needs of the team that month, in FTE (0.5) or person-days (10). Required.",
        "Ce dont le projet a besoin de l'équipe ce mois-là, en ETP (0,5) ou en jours-homme (10). Obligatoire.",
    ),
    "template.help.demand.unit": (
        "FTE or Person-days. Empty: as the header says (“Demand (days)”), else FTE.",
        "ETP ou Jours-homme. Vide : comme le dit l'en-tête (« Charge (j) »), sinon ETP.",
    ),
    "issue.effort_negative": (
        "« {value} » is below zero: a capacity or a demand counts people.",
        "« {value} » est négatif : une capacité ou une charge compte des personnes.",
    ),
    "issue.effort_unit_unknown": (
        "« {value} » is neither FTE nor person-days; write FTE (ETP) or days (jours, j/h).",
        "« {value} » n'est ni des ETP ni des jours-homme ; écrivez ETP (FTE) ou jours (j/h, days).",
    ),
    "issue.effort_unit_assumed": (
        "No unit says whether « {field} » is in FTE or person-days: read as FTE. Say so in a Unit column, in the "
        "header (“Capacity (days)”) or on the import screen.",
        "Aucune unité ne dit si « {field} » est en ETP ou en jours-homme : lu en ETP. Dites-le dans une "
        "colonne Unité, dans l'en-tête (« Capacité (j) ») ou sur l'écran d'import.",
    ),
    "issue.team_spelling": (
        "« {value} » is read as the team « {team} », written so elsewhere.",
        "« {value} » est lu comme l'équipe « {team} », écrite ainsi ailleurs.",
    ),
    "issue.duplicate_effort_line": (
        "{n} {n:line repeats|lines repeat} a team and month already given ({value}…); the figures are added up.",
        "{n} {n:ligne répète|lignes répètent} une équipe et un mois déjà donnés ({value}…) ; les chiffres sont "
        "additionnés.",
    ),
    "import.people": (
        "Read {capacity} capacity {capacity:line|lines} and {demand} demand {demand:line|lines}.",
        "Lu {capacity} {capacity:ligne|lignes} de capacité et {demand} {demand:ligne|lignes} de charge.",
    ),
    "import.teams": (
        "Team capacity: {added} added, {updated} updated, {removed} removed, {unchanged} unchanged.",
        "Capacité des équipes : {added} {added:ajoutée|ajoutées}, {updated} {updated:mise|mises} à jour, "
        "{removed} {removed:retirée|retirées}, {unchanged} {unchanged:inchangée|inchangées}.",
    ),
    "import.unit": ("Efforts in", "Efforts en"),
    "import.unit.auto": ("as the file says", "comme le dit le fichier"),
    "import.unit.help": (
        "Where a row, its column or the table's title does not say FTE or days.",
        "Là où ni la ligne, ni sa colonne, ni le titre du tableau ne disent ETP ou jours.",
    ),
    "import.h.capacity": ("Capacity lines", "Lignes de capacité"),
    "import.h.demand": ("Demand lines", "Lignes de charge"),
    # Settings
    "setting.working_days_per_month": (
        "Working days in a month: a capacity or a demand written in person-days is divided by it to give FTE.",
        "Jours ouvrés dans un mois : une capacité ou une charge écrite en jours-homme est divisée par ce nombre "
        "pour donner des ETP.",
    ),
    "setting.label.working_days_per_month": ("Working days per month", "Jours ouvrés par mois"),
    "setting.overload_alert_months": (
        "A team loaded above 100% of its capacity for this many consecutive months or more raises an alert.",
        "Une équipe chargée au-delà de 100\u00a0% de sa capacité ce nombre de mois consécutifs ou plus lève une "
        "alerte.",
    ),
    "setting.label.overload_alert_months": (
        "Months over capacity before an alert",
        "Mois de surcharge avant une alerte",
    ),
    # Findings and alerts
    "capacity.period.one": ("in {month}", "en {month}"),
    "capacity.period.same_year": ("from {first} to {last}", "de {first} à {last}"),
    "capacity.period": ("from {first} to {last}", "de {first} à {last}"),
    "capacity.period.same_year.vowel": ("from {first} to {last}", "d'{first} à {last}"),
    "capacity.period.vowel": ("from {first} to {last}", "d'{first} à {last}"),
    "capacity.finding": (
        "{team} is {load} loaded {period}: {short} FTE short a month on average, {peak} at the peak ({peak_month}).",
        "{team} : {load} de charge {period}, soit {short} ETP manquants par mois en moyenne, {peak} au plus fort "
        "({peak_month}).",
    ),
    "capacity.finding.one": (
        "{team} is {load} loaded {period}: {short} FTE short.",
        "{team} : {load} de charge {period}, soit {short} ETP manquants.",
    ),
    "capacity.alert.overload": (
        "{team} is over capacity {n} months running, {period}: {load} on average, {peak} at the peak.",
        "{team} est en surcharge {n} mois d'affilée, {period} : {load} en moyenne, {peak} au plus fort.",
    ),
    "capacity.alert.no_capacity": (
        "{code} {name} asks {amount} {amount:person-month|person-months} of {team} {period}, a team with no "
        "capacity at all.",
        "{code} {name} demande {amount} mois-homme à {team} {period}, une équipe sans aucune capacité.",
    ),
    "capacity.alert.after_end": (
        "{code} {name} asks {amount} {amount:person-month|person-months} of {team} after its end ({end}), "
        "{period}.",
        "{code} {name} demande {amount} mois-homme à {team} après sa fin ({end}), {period}.",
    ),
    "capacity.alert_kind.overload": ("Team over capacity", "Équipe en surcharge"),
    "capacity.alert_kind.no_capacity": ("Team with no capacity", "Équipe sans capacité"),
    "capacity.alert_kind.after_end": ("Demand after the end", "Charge après la fin"),
    # Command line
    "cli.capacity.empty": ("No capacity or demand in the store.", "Aucune capacité ni charge dans la base."),
    "cli.capacity.line": (
        "{team} {month}: capacity {capacity} FTE, demand {demand} FTE, load {load}",
        "{team} {month} : capacité {capacity} ETP, charge {demand} ETP, taux de charge {load}",
    ),
    # The Capacity page
    "nav.capacity": ("Capacity", "Capacité"),
    "capacity.title": ("Do we have the people on {date}?", "Avons-nous les équipes au {date} ?"),
    "capacity.empty": (
        "No team capacity or demand in this snapshot: import a Resources and a Demand sheet (the template has "
        "both).",
        "Aucune capacité ni charge d'équipe dans cette situation : importez un onglet Ressources et un onglet "
        "Demande (le modèle contient les deux).",
    ),
    "capacity.empty_selection": (
        "No team is asked for by the projects of this selection in these months.",
        "Aucune équipe n'est demandée par les projets de cette sélection sur ces mois.",
    ),
    "capacity.window": ("Months shown", "Mois affichés"),
    "capacity.window.help": (
        "Twelve months from the first month the snapshot has not reported; {most} at most.",
        "Douze mois à partir du premier mois que la situation n'a pas encore couvert ; {most} au plus.",
    ),
    "capacity.window.cut": (
        "{most} months at most: shown up to {last}.",
        "{most} mois au plus : affichés jusqu'à {last}.",
    ),
    "capacity.teams": ("Teams", "Équipes"),
    "capacity.teams.most": ("The {n} most loaded", "Les {n} plus chargées"),
    "capacity.teams.cut": (
        "The {n} most loaded teams of {total} are shown; name others in Teams.",
        "Les {n} équipes les plus chargées sur {total} sont affichées ; choisissez-en d'autres dans Équipes.",
    ),
    "capacity.metric.teams_over": ("Teams over capacity", "Équipes en surcharge"),
    "capacity.metric.of_teams": ("of {n} teams", "sur {n} équipes"),
    "capacity.metric.months_over": ("Team-months over", "Mois en surcharge"),
    "capacity.metric.months_over.help": (
        "Months in which a team's demand is above its capacity, or meets no capacity at all, added up over the "
        "teams.",
        "Mois où la charge d'une équipe dépasse sa capacité, ou ne trouve aucune capacité, additionnés sur les "
        "équipes.",
    ),
    "capacity.metric.short": ("Shortfall", "Manque"),
    "capacity.metric.short.unit": ("person-months", "mois-homme"),
    "capacity.metric.of_months": ("of {n} team-months", "sur {n} mois-équipes"),
    "capacity.metric.short.help": (
        "Demand above capacity, in person-months (one FTE missing for one month is one person-month).",
        "Charge au-delà de la capacité, en mois-homme (un ETP manquant pendant un mois fait un mois-homme).",
    ),
    "capacity.metric.peak": ("Peak load", "Charge maximale"),
    "capacity.findings.none": (
        "Every team's demand fits its capacity in these months.",
        "La charge de chaque équipe tient dans sa capacité sur ces mois.",
    ),
    "capacity.heatmap.title": ("{team} is {load} loaded {period}", "{team} : {load} de charge {period}"),
    "capacity.heatmap.fits": ("Every team fits its capacity", "Chaque équipe tient dans sa capacité"),
    "capacity.heatmap.subtitle": (
        "Load = demand / capacity in FTE ({days} working days a month); click a cell for its projects",
        "Charge = demande / capacité en ETP ({days} jours ouvrés par mois) ; cliquez une case pour ses projets",
    ),
    "capacity.legend": ("Load", "Charge"),
    "capacity.band.spare": ("Under 80%", "Moins de 80\u00a0%"),
    "capacity.band.full": ("80 to 100%", "80 à 100\u00a0%"),
    "capacity.band.over": ("100 to 120%", "100 à 120\u00a0%"),
    "capacity.band.severe": ("Over 120%", "Plus de 120\u00a0%"),
    "capacity.band.no_capacity": ("No capacity (∞)", "Aucune capacité (∞)"),
    "capacity.fte": ("{n} FTE", "{n} ETP"),
    "capacity.none": ("none", "aucune"),
    "capacity.filters.note": (
        "A team is shared: its load counts every project's demand. The filters choose the teams shown, those "
        "their projects ask for.",
        "Une équipe est partagée : sa charge compte la demande de tous les projets. Les filtres choisissent les "
        "équipes affichées, celles que leurs projets demandent.",
    ),
    "capacity.cell.pick": ("Choose…", "Choisir…"),
    "capacity.cell.hint": (
        "Click a cell of the heatmap, or choose a team and a month, to list the projects that ask for it.",
        "Cliquez une case de la carte, ou choisissez une équipe et un mois, pour lister les projets qui la "
        "demandent.",
    ),
    "capacity.cell.title": (
        "{team}, {month}: {demand} FTE asked for {capacity} available ({load}), {n} {n:project|projects}",
        "{team}, {month} : {demand} ETP demandés pour {capacity} disponibles ({load}), {n} {n:projet|projets}",
    ),
    "capacity.cell.empty": (
        "No project asks for this team this month.",
        "Aucun projet ne demande cette équipe ce mois-ci.",
    ),
    "capacity.col.team": ("Team or role", "Équipe ou rôle"),
    "capacity.col.month": ("Month", "Mois"),
    "capacity.col.capacity": ("Capacity", "Capacité"),
    "capacity.col.demand": ("Demand", "Charge"),
    "capacity.col.load": ("Load", "Taux de charge"),
    "capacity.col.before": ("Before the moves", "Avant les changements"),
    "capacity.col.code": ("Code", "Code"),
    "capacity.col.project": ("Project", "Projet"),
    "capacity.col.portfolio": ("Portfolio", "Portefeuille"),
    "capacity.col.fte": ("FTE", "ETP"),
    "capacity.col.share": ("Share of the demand", "Part de la charge"),
    "capacity.col.in_filters": ("In the filters", "Dans les filtres"),
    "capacity.col.end": ("Project end", "Fin du projet"),
    "capacity.col.person_months": ("Demand (person-months)", "Charge (mois-homme)"),
    "capacity.col.share_demand": ("Share of the demand", "Part de la charge"),
    "capacity.col.capacity_pm": ("Capacity (person-months)", "Capacité (mois-homme)"),
    "capacity.col.demand_pm": ("Demand (person-months)", "Charge (mois-homme)"),
    "capacity.col.load_pct": ("Load", "Taux de charge"),
    "capacity.col.months_over": ("Months over 100%", "Mois au-delà de 100\u00a0%"),
    "capacity.col.short": ("Short (person-months)", "Manque (mois-homme)"),
    "capacity.col.peak": ("Peak load", "Charge maximale"),
    "capacity.col.peak_month": ("Peak month", "Mois du maximum"),
    "capacity.col.scenario": ("Scenario", "Scénario"),
    "capacity.col.moves": ("Changes", "Changements"),
    "capacity.col.delayed": ("Projects delayed", "Projets retardés"),
    "capacity.col.end_before": ("Work on the team ends", "Travail de l'équipe finit"),
    "capacity.col.end_after": ("Now ends", "Finit désormais"),
    "capacity.col.months_late": ("Months later", "Mois de retard"),
    "capacity.col.created": ("Saved on", "Enregistré le"),
    "capacity.col.by": ("By", "Par"),
    "capacity.no_portfolio": ("No portfolio", "Sans portefeuille"),
    "capacity.tab.totals": ("Totals by portfolio and team", "Totaux par portefeuille et équipe"),
    "capacity.tab.what_if": ("What-if levelling", "Simulation de lissage"),
    "capacity.tab.scenarios": ("Scenarios and plan of record", "Scénarios et plan de référence"),
    "capacity.totals.title": (
        "Demand peaks at {load} of the teams' capacity in {month}",
        "La charge culmine à {load} de la capacité des équipes en {month}",
    ),
    "capacity.totals.title_none": ("Demand against capacity", "Charge et capacité"),
    "capacity.totals.subtitle": (
        "Demand on the {n} {n:team|teams} shown, stacked by portfolio; the line is their capacity (FTE)",
        "Charge des {n} {n:équipe affichée|équipes affichées}, empilée par portefeuille ; la ligne est leur "
        "capacité (ETP)",
    ),
    "capacity.totals.empty": (
        "No demand on these teams in these months.",
        "Aucune charge sur ces équipes ces mois-ci.",
    ),
    "capacity.totals.teams": ("Totals per team", "Totaux par équipe"),
    "capacity.axis.fte": ("FTE per month", "ETP par mois"),
    "capacity.axis.short": ("Short (person-months)", "Manque (mois-homme)"),
    "capacity.series.capacity": ("Capacity", "Capacité"),
    # What-if levelling
    "capacity.what_if.help": (
        "Changes apply from {month} on, the first month the snapshot has not reported; the figures count every "
        "month ahead.",
        "Les changements s'appliquent à partir de {month}, premier mois que la situation n'a pas couvert ; les "
        "chiffres comptent tous les mois à venir.",
    ),
    "capacity.what_if.empty": (
        "Add a change above to see the loads move: shift a project, cap a team, or change a team's capacity.",
        "Ajoutez un changement ci-dessus pour voir les charges bouger : décaler un projet, plafonner une équipe "
        "ou changer la capacité d'une équipe.",
    ),
    "capacity.what_if.moves": ("{n} {n:change|changes}", "{n} {n:changement|changements}"),
    "capacity.what_if.subtitle": (
        "After the changes; cells they change are outlined in orange (their tooltip gives the load before)",
        "Après les changements ; les cases qu'ils modifient sont entourées d'orange (l'infobulle donne la charge "
        "d'avant)",
    ),
    "capacity.what_if.before": ("Before the changes: {value}", "Avant les changements : {value}"),
    "capacity.what_if.delays": (
        "{n} {n:project delayed|projects delayed} by the cap",
        "{n} {n:projet retardé|projets retardés} par le plafond",
    ),
    "capacity.what_if.unplaced": (
        "{n} person-months of {team}'s work find no month with capacity: they are left out of the plan.",
        "{n} mois-homme de travail de {team} ne trouvent aucun mois avec de la capacité : ils sortent du plan.",
    ),
    "capacity.move.shift_title": ("Shift a project", "Décaler un projet"),
    "capacity.move.cap_title": ("Cap a team", "Plafonner une équipe"),
    "capacity.move.capacity_title": ("Change a team's capacity", "Changer la capacité d'une équipe"),
    "capacity.move.months": ("Months (negative: earlier)", "Mois (négatif : plus tôt)"),
    "capacity.move.cap_pct": ("At most, of its capacity", "Au plus, de sa capacité"),
    "capacity.move.fte": ("FTE to add", "ETP à ajouter"),
    "capacity.move.fte.help": ("Negative: FTE taken away.", "Négatif : ETP retirés."),
    "capacity.move.from": ("From", "À partir de"),
    "capacity.move.add": ("Add", "Ajouter"),
    "capacity.move.remove": ("Remove", "Retirer"),
    "capacity.move.clear": ("Remove every change", "Retirer tous les changements"),
    "capacity.move.now": ("now", "maintenant"),
    "capacity.move.shift_later": (
        "{code} {name}: demand {n} {n:month|months} later",
        "{code} {name} : charge décalée de {n} mois plus tard",
    ),
    "capacity.move.shift_earlier": (
        "{code} {name}: demand {n} {n:month|months} earlier",
        "{code} {name} : charge avancée de {n} mois",
    ),
    "capacity.move.cap": (
        "{team} capped at {cap} of its capacity",
        "{team} plafonnée à {cap} de sa capacité",
    ),
    "capacity.move.capacity": ("{team}: {fte} FTE from {month}", "{team} : {fte} ETP à partir de {month}"),
    "capacity.view": ("Show", "Afficher"),
    "capacity.view.reported": ("As reported", "Tel que déclaré"),
    "capacity.view.plan": ("Plan of record: {name}", "Plan de référence : {name}"),
    "capacity.view.plan_caption": (
        "The plan of record's changes, applied to this snapshot: {moves}",
        "Les changements du plan de référence, appliqués à cette situation : {moves}",
    ),
    # Capacity scenarios
    "capacity.scenario.save_title": (
        "Save these changes as a scenario",
        "Enregistrer ces changements comme scénario",
    ),
    "capacity.scenario.note": ("Note", "Note"),
    "capacity.scenario.save": ("Save the scenario", "Enregistrer le scénario"),
    "capacity.scenario.saved": ("Scenario « {name} » saved.", "Scénario « {name} » enregistré."),
    "capacity.scenario.empty": (
        "No capacity scenario yet: make changes in What-if levelling and save them.",
        "Aucun scénario de capacité : faites des changements dans Simulation de lissage et enregistrez-les.",
    ),
    "capacity.scenario.plan.help": ("The plan of record", "Le plan de référence"),
    "capacity.scenario.frozen": (
        "The figures of the list are those of the day each scenario was saved; the comparison below applies its "
        "changes to the snapshot in view.",
        "Les chiffres de la liste sont ceux du jour où chaque scénario a été enregistré ; la comparaison "
        "ci-dessous applique ses changements à la situation affichée.",
    ),
    "capacity.scenario.compare": ("Compare (four at most)", "Comparer (quatre au plus)"),
    "capacity.scenario.reported": ("As reported", "Tel que déclaré"),
    "capacity.scenario.all_fit": (
        "Every team fits its capacity in each of these scenarios.",
        "Chaque équipe tient dans sa capacité dans chacun de ces scénarios.",
    ),
    "capacity.scenario.chart_title": (
        "« {name} » leaves the fewest people short: {short} person-months",
        "« {name} » laisse le moins de personnes manquantes : {short} mois-homme",
    ),
    "capacity.scenario.chart_subtitle": (
        "Person-months above capacity per team, from the first month not reported",
        "Mois-homme au-delà de la capacité par équipe, à partir du premier mois non couvert",
    ),
    "capacity.scenario.plan": ("Plan of record", "Plan de référence"),
    "capacity.scenario.mark": ("Make it the plan of record", "En faire le plan de référence"),
    "capacity.scenario.marked": (
        "« {name} » is now the plan of record.",
        "« {name} » est désormais le plan de référence.",
    ),
    "capacity.scenario.delete_which": ("Scenario to delete", "Scénario à supprimer"),
    "capacity.scenario.delete": ("Delete", "Supprimer"),
    "capacity.scenario.deleted": ("Scenario « {name} » deleted.", "Scénario « {name} » supprimé."),
    "capacity.scenario.error.name": ("Give the scenario a name.", "Donnez un nom au scénario."),
    "capacity.scenario.error.no_move": (
        "A scenario needs at least one change.",
        "Un scénario demande au moins un changement.",
    ),
    "capacity.scenario.error.taken": (
        "A scenario of that name exists: choose another name.",
        "Un scénario porte déjà ce nom : choisissez-en un autre.",
    ),
    "capacity.scenario.error.unknown": ("That scenario no longer exists.", "Ce scénario n'existe plus."),
    "capacity.scenario.error.delete_plan": (
        "The plan of record cannot be deleted: mark another scenario first.",
        "Le plan de référence ne peut pas être supprimé : désignez d'abord un autre scénario.",
    ),
    "capacity.scenario.error.too_many": (
        "Compare four scenarios at most.",
        "Comparez quatre scénarios au plus.",
    ),
    "capacity.scenario.error.move": ("That change is not understood.", "Ce changement n'est pas compris."),
    "capacity.scenario.error.shift": (
        "Shift a project by 1 to 24 months, earlier or later.",
        "Décalez un projet de 1 à 24 mois, plus tôt ou plus tard.",
    ),
    "capacity.scenario.error.cap": (
        "Cap a team between 1% and 200% of its capacity.",
        "Plafonnez une équipe entre 1\u00a0% et 200\u00a0% de sa capacité.",
    ),
    "capacity.scenario.error.capacity": (
        "Add or remove some FTE from a team.",
        "Ajoutez ou retirez des ETP à une équipe.",
    ),
    # Selection under team capacity (the reasons join pmo_core.selection's)
    "priorities.quarter": ("Q{q} {year}", "T{q} {year}"),
    "priorities.reason.team_month": (
        "{team} in {period} (needs {need} FTE, {free} free)",
        "{team} en {period} (besoin {need} ETP, {free} libres)",
    ),
    "priorities.reason.team_quarter": (
        "{team} in {period} (needs {need} person-months, {free} free)",
        "{team} au {period} (besoin {need} mois-homme, {free} libres)",
    ),
    "priorities.reason.team_more": (
        " and {n} more {n:period|periods}",
        " et {n} {n:autre période|autres périodes}",
    ),
    "priorities.reason.needs_team": (
        "Out: beside what must be funded, it needs more people than the teams have: {teams}.",
        "Écarté : à côté de ce qui doit être financé, il demande plus de personnes que les équipes n'en ont : "
        "{teams}.",
    ),
    "priorities.reason.kept_money": ("Kept out by the budget.", "Écarté par le budget."),
    "priorities.reason.kept_team": (
        "Kept out by team capacity: {teams}.",
        "Écarté par la capacité des équipes : {teams}.",
    ),
    "priorities.reason.kept_both": (
        "Kept out by the budget and by team capacity: {teams}.",
        "Écarté par le budget et par la capacité des équipes : {teams}.",
    ),
    "priorities.infeasible.fixed_over_capacity": (
        "Nothing can be selected: the projects that must be funded need more people than the teams have: {teams}.",
        "Aucune sélection possible : les projets à financer obligatoirement demandent plus de personnes que les "
        "équipes n'en ont : {teams}.",
    ),
    "priorities.people.title": ("Team capacity", "Capacité des équipes"),
    "priorities.people.on": ("Respect team capacity", "Respecter la capacité des équipes"),
    "priorities.people.on.help": (
        "The projects selected ask no team for more than it has left, once the projects outside this selection "
        "are staffed, in every month (or quarter) ahead.",
        "Les projets retenus ne demandent à aucune équipe plus que ce qui lui reste, une fois les projets hors "
        "de cette sélection servis, chaque mois (ou trimestre) à venir.",
    ),
    "priorities.people.by": ("Checked", "Vérifiée"),
    "priorities.people.month": ("by month", "par mois"),
    "priorities.people.quarter": ("by quarter", "par trimestre"),
    "priorities.people.teams": ("Teams held to their capacity", "Équipes tenues à leur capacité"),
    "priorities.people.all": ("Every team asked for", "Toutes les équipes demandées"),
    "priorities.people.held_month": (
        "Held to the capacity of {n} {n:team|teams}, month by month, from the first month not reported.",
        "Tenue à la capacité de {n} {n:équipe|équipes}, mois par mois, à partir du premier mois non couvert.",
    ),
    "priorities.people.held_quarter": (
        "Held to the capacity of {n} {n:team|teams}, quarter by quarter, from the first month not reported.",
        "Tenue à la capacité de {n} {n:équipe|équipes}, trimestre par trimestre, à partir du premier mois non "
        "couvert.",
    ),
    "priorities.people.short": (
        "This selection asks more people than these teams have left in some months: {teams}. Respect team "
        "capacity (above) to select within them.",
        "Cette sélection demande plus de personnes qu'il n'en reste à ces équipes certains mois : {teams}. "
        "Respectez la capacité des équipes (ci-dessus) pour sélectionner dans leurs limites.",
    ),
    "priorities.frontier.subtitle_people": (
        "Blue: under the budget and the teams' capacity; grey dashes: under the budget alone.",
        "Bleu : sous le budget et la capacité des équipes ; tirets gris : sous le budget seul.",
    ),
    "priorities.people.unproven": (
        "{n} {n:budget|budgets} of the frontier could not be proven optimal in time under team capacity: the "
        "curve leaves {n:it|them} out.",
        "{n} {n:budget|budgets} de la frontière n'ont pu être prouvés optimaux à temps sous la capacité des "
        "équipes : la courbe {n:le laisse|les laisse} de côté.",
    ),
    "priorities.col.kept_out_by": ("Kept out by", "Écarté par"),
    "priorities.col.kept_out_by.help": (
        "What adding the project to this selection would exceed: the budget, or the capacity of these teams.",
        "Ce que l'ajout du projet à cette sélection dépasserait : le budget, ou la capacité de ces équipes.",
    ),
    "priorities.kept.money": ("Budget", "Budget"),
    # On the Overview
    "capacity.overview.title": (
        "People: {n} capacity {n:alert|alerts}",
        "Équipes : {n} {n:alerte|alertes} de capacité",
    ),
    "capacity.overview.link": ("Capacity against demand", "Capacité et charge des équipes"),
    "capacity.overview.more": (
        "{n} more on the Capacity page",
        "{n} de plus sur la page Capacité",
    ),
    # Rights and the audit trail
    "access.denied.capacity": (
        "Team capacity is the PMO's to import: leave the Resources sheet out, or ask the PMO to import it.",
        "La capacité des équipes est importée par le PMO : laissez l'onglet Ressources de côté, ou demandez au "
        "PMO de l'importer.",
    ),
    "audit.action.capacity_scenario.save": ("Capacity scenario saved", "Scénario de capacité enregistré"),
    "audit.action.capacity_scenario.plan_of_record": (
        "Capacity plan of record",
        "Plan de référence de capacité",
    ),
    "audit.action.capacity_scenario.delete": ("Capacity scenario deleted", "Scénario de capacité supprimé"),
}
