"""The committee's capacity slide: the Overview's capacity alerts on the projector and in the pack."""

TEXTS = {
    "committee.slide.capacity": ("People: capacity alerts", "Équipes : alertes de capacité"),
    "committee.capacity.subtitle": (
        "{n} capacity {n:alert|alerts} from {month} on, as on the Overview",
        "{n} {n:alerte|alertes} de capacité à partir de {month}, comme sur la Vue d'ensemble",
    ),
    "committee.capacity.none": (
        "No capacity alert from {month} on: no team over capacity {months} months running, none asked for "
        "without capacity, no demand after a project's end.",
        "Aucune alerte de capacité à partir de {month} : pas d'équipe en surcharge {months} mois d'affilée, "
        "aucune sollicitée sans capacité, pas de charge après la fin d'un projet.",
    ),
    "committee.capacity.kpi.overload": (
        "Over capacity {months}+ months",
        "Surcharge {months} mois ou plus",
    ),
    "committee.capacity.kpi.no_capacity": ("Teams with no capacity", "Équipes sans capacité"),
    "committee.capacity.kpi.after_end": ("Demand after the end", "Charge après la fin"),
    "committee.col.alert": ("Capacity alert", "Alerte de capacité"),
    "committee.more_alerts": (
        "and {n} more {n:alert|alerts} on the Capacity page",
        "et {n} {n:autre alerte|autres alertes} sur la page Capacité",
    ),
    "committee.notes.capacity": (
        "Load = demand / capacity in FTE ({days} working days a month), every project's demand counted. "
        "Alerts: a team over 100 % of its capacity {months} consecutive months or more; a project asking for a "
        "team that has no capacity at all; a project asking for people in a month begun after its end "
        "(forecast end, else baseline end). Months count from the first one the snapshot has not reported. "
        "The Overview lists the same alerts; the Capacity page has each team's months and the projects asking.",
        "Charge = demande / capacité en ETP ({days} jours ouvrés par mois), la demande de tous les projets "
        "comptée. Alertes : une équipe au-delà de 100 % de sa capacité {months} mois d'affilée ou plus ; un "
        "projet qui sollicite une équipe sans aucune capacité ; un projet qui demande des personnes un mois "
        "commencé après sa fin (fin prévue, sinon fin initiale). Les mois comptent à partir du premier que "
        "l'instantané n'a pas couvert. La Vue d'ensemble liste les mêmes alertes ; la page Capacité détaille "
        "les mois de chaque équipe et les projets demandeurs.",
    ),
}
