"""A deterministic demo portfolio: four monthly snapshots that evolve, so every page has something to say.

Everything is drawn from one seeded `random.Random`, in a fixed order, so two calls give the same frames.
The story: about 60 projects in 4 portfolios; statuses move between months, actuals grow, milestones
slip, risks escalate and close, two projects stop reporting after July, one closes in October,
three appear in September and October, one budget is revised up, two critical risks appear in October.
Governance gaps a PMO meets every month: two newcomers have no sponsor named yet, one has no baseline end
date, three risk registers stop being reviewed, two small projects skip the design sign-off their gate
requires. They are laid over the drawn story without drawing from the generator, so the story stays the same.
Twelve teams staff them over the 36 months of the window: the Data & IA team runs at about 140 % from
March to June 2027 and testing is short in November and December 2026 (on the calendar of `SNAPSHOTS`);
two projects ask for a UX design team nobody staffs, and one tracker asks for people after its project's end.

The story is drawn on the calendar of `SNAPSHOTS` (July to October 2026), then moved whole, month for
month, so that its last snapshot is the last month-end before the day the demo is built: a newcomer in any
month sees a live portfolio, and a given day always gives the same demo.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from pmo_core.access import Actor
from pmo_core.fields import fields_of
from pmo_core.vocabulary import CATEGORY

SNAPSHOTS = (date(2026, 7, 31), date(2026, 8, 31), date(2026, 9, 30), date(2026, 10, 31))
# The cost window: 24 months of history (Nov 2024 .. Oct 2026), then 12 months of plan and forecast ahead,
# as a tracker carries them to the end of its projects.
FIRST_MONTH, MONTHS, MONTHS_AHEAD = date(2024, 11, 1), 24, 12
DISCOUNT_RATE = 0.08
STATUSES = ("green", "amber", "red")
DIMENSIONS = ("schedule", "cost", "scope", "resources")
PHASES = (
    (0.05, "Cadrage"),
    (0.30, "Conception"),
    (0.75, "Réalisation"),
    (0.97, "Déploiement"),
    (9.0, "Clôture"),
)
JOB_SIZES = ((150e3, 2), (400e3, 3), (900e3, 5), (2e6, 8), (3.5e6, 13), (math.inf, 20))
SIZES = {
    "S": (50e3, 300e3, 9, 15),
    "M": (300e3, 1e6, 12, 22),
    "L": (1e6, 2.5e6, 18, 30),
    "XL": (3e6, 5e6, 24, 36),
}

PORTFOLIOS = ("Transformation digitale", "Industrie", "Conformité & risques", "Fonctions support")

# name, language, portfolio, programme, kind, size, appears in snapshot (0 = July)
CATALOGUE: tuple[tuple[str, str, int, str | None, str, str, int], ...] = (
    ("Migration ERP SAP S/4", "fr", 0, "Socle ERP", "it", "XL", 0),
    ("Refonte du référentiel articles", "fr", 0, "Socle ERP", "it", "M", 0),
    ("Finance close automation", "en", 0, "Socle ERP", "it", "M", 0),
    ("Procure-to-pay digitalisation", "en", 0, "Socle ERP", "it", "L", 0),
    ("Nouveau portail client", "fr", 0, "Customer experience", "it", "L", 0),
    ("CRM Salesforce rollout", "en", 0, "Customer experience", "it", "L", 0),
    ("Application mobile techniciens", "fr", 0, "Customer experience", "it", "M", 0),
    ("Omnichannel contact centre", "en", 0, "Customer experience", "it", "M", 0),
    ("Data platform on Azure", "en", 0, "Data & IA", "it", "L", 0),
    ("Master data governance", "en", 0, "Data & IA", "it", "S", 0),
    ("Tableaux de bord commerciaux", "fr", 0, "Data & IA", "it", "S", 0),
    ("Predictive maintenance AI pilot", "en", 0, "Data & IA", "it", "S", 0),
    ("Migration Windows 11", "fr", 0, None, "it", "M", 0),
    ("Network refresh – headquarters", "en", 0, None, "it", "M", 0),
    ("Dématérialisation des factures fournisseurs", "fr", 0, None, "it", "S", 0),
    ("Cloud landing zone", "en", 0, None, "it", "M", 0),
    ("Plant 3 energy retrofit", "en", 1, "Décarbonation des sites", "plant", "XL", 0),
    ("Remplacement des chaudières – site de Lyon", "fr", 1, "Décarbonation des sites", "plant", "L", 0),
    ("Solar carports – Lille site", "en", 1, "Décarbonation des sites", "plant", "M", 0),
    ("Récupération de chaleur fatale four n°2", "fr", 1, "Décarbonation des sites", "plant", "M", 0),
    ("Electric forklift fleet", "en", 1, "Décarbonation des sites", "plant", "S", 0),
    ("MES deployment Plant 1", "en", 1, "Usine 4.0", "plant", "L", 0),
    ("Ligne d'assemblage automatisée L4", "fr", 1, "Usine 4.0", "plant", "XL", 0),
    ("Vision-based quality inspection", "en", 1, "Usine 4.0", "plant", "M", 0),
    ("Maintenance prédictive des presses", "fr", 1, "Usine 4.0", "plant", "S", 0),
    ("Extension de l'entrepôt logistique Nord", "fr", 1, None, "plant", "L", 0),
    ("Packaging line upgrade", "en", 1, None, "plant", "M", 0),
    ("Mise en conformité ATEX atelier peinture", "fr", 1, None, "plant", "M", 0),
    ("Water treatment plant upgrade", "en", 1, None, "plant", "L", 0),
    ("Nouveau four de traitement thermique", "fr", 1, None, "plant", "L", 0),
    ("Certification ISO 14001", "fr", 2, None, "compliance", "S", 0),
    ("CSRD reporting readiness", "en", 2, "Programme CSRD", "compliance", "M", 0),
    ("Bilan carbone scope 3", "fr", 2, "Programme CSRD", "compliance", "S", 0),
    ("Taxonomie verte – collecte des données", "fr", 2, "Programme CSRD", "compliance", "S", 0),
    ("Double materiality assessment", "en", 2, "Programme CSRD", "compliance", "S", 0),
    ("Mise en conformité RGPD", "fr", 2, "Cyber resilience", "compliance", "M", 0),
    ("NIS2 compliance", "en", 2, "Cyber resilience", "compliance", "L", 0),
    ("SOC 24/7 – détection et réponse", "fr", 2, "Cyber resilience", "compliance", "L", 0),
    ("Identity & access management", "en", 2, "Cyber resilience", "compliance", "M", 0),
    ("Plan de continuité d'activité", "fr", 2, "Cyber resilience", "compliance", "S", 0),
    ("Privileged access management", "en", 2, "Cyber resilience", "compliance", "S", 0),
    ("Loi Sapin II – dispositif anticorruption", "fr", 2, None, "compliance", "S", 0),
    ("DUERP numérique", "fr", 2, None, "compliance", "S", 0),
    ("Sanctions screening tool", "en", 2, None, "compliance", "S", 0),
    ("Certification ISO 45001", "fr", 2, None, "compliance", "S", 0),
    ("SIRH – déploiement Workday", "fr", 3, "RH 2027", "support", "L", 0),
    ("Talent & performance management", "en", 3, "RH 2027", "support", "M", 0),
    ("Externalisation de la paie", "fr", 3, "RH 2027", "support", "M", 0),
    ("Onboarding digital des collaborateurs", "fr", 3, "RH 2027", "support", "S", 0),
    ("Flex office au siège", "fr", 3, "Workplace", "support", "M", 0),
    ("New headquarters fit-out", "en", 3, "Workplace", "support", "XL", 0),
    ("Rénovation énergétique du siège", "fr", 3, "Workplace", "support", "L", 0),
    ("Visioconférence des salles de réunion", "fr", 3, "Workplace", "support", "S", 0),
    ("Fleet electrification – company cars", "en", 3, None, "support", "M", 0),
    ("Procurement category strategy", "en", 3, None, "support", "S", 0),
    ("Legal contract management tool", "en", 3, None, "support", "S", 0),
    ("Gestion électronique des documents", "fr", 3, None, "support", "M", 0),
    ("Treasury management system", "en", 3, None, "support", "M", 0),
    ("Generative AI assistant for customer service", "en", 0, "Data & IA", "it", "M", 2),
    ("Compresseurs d'air basse pression – site de Lyon", "fr", 1, "Décarbonation des sites", "plant", "M", 3),
    ("Audit énergétique réglementaire", "fr", 2, None, "compliance", "S", 3),
)
CLOSES = "Migration Windows 11"  # finished in September, gone from the October snapshot
STALE = ("Sanctions screening tool", "Packaging line upgrade")  # stop reporting after July: Grey later
REVISED = "CRM Salesforce rollout"  # red on cost; budget revised up by 8 % in October
MANDATORY = (
    "Certification ISO 14001",
    "CSRD reporting readiness",
    "Mise en conformité RGPD",
    "NIS2 compliance",
    "Loi Sapin II – dispositif anticorruption",
    "Mise en conformité ATEX atelier peinture",
    "Audit énergétique réglementaire",
)
NEVER_PAYS_BACK = (
    "Certification ISO 14001",
    "Loi Sapin II – dispositif anticorruption",
    "DUERP numérique",
    "Certification ISO 45001",
)
DEPENDS_ON = (
    ("Finance close automation", "Migration ERP SAP S/4"),
    ("Procure-to-pay digitalisation", "Migration ERP SAP S/4"),
    ("Tableaux de bord commerciaux", "Data platform on Azure"),
    ("Predictive maintenance AI pilot", "Data platform on Azure"),
    ("Maintenance prédictive des presses", "MES deployment Plant 1"),
)
# fmt: off
MANAGERS = (
    "Claire Dubois", "Thomas Martin", "Sophie Laurent", "Nicolas Bernard", "Julie Moreau", "Karim Benali",
    "Émilie Petit", "Antoine Girard", "Camille Roux", "Mehdi Haddad", "Laura Fontaine", "Pierre Lefebvre",
    "Sarah Johnson", "David Miller", "Emma Wilson", "James O'Connor", "Priya Sharma", "Lucas Weber",
    "Anna Kowalska", "Marco Rossi", "Inès Garcia", "Hugo Chevalier",
)
# fmt: on
SPONSORS = (
    ("Isabelle Marchand", "Olivier Perrin"),
    ("Jean-Luc Bonnet", "Catherine Blanc"),
    ("Philippe Roussel", "Helen Carter"),
    ("Nathalie Giraud", "Richard Evans"),
)
HSE_OWNERS = ("Valérie Mercier", "Paul Renaud")
NO_SPONSOR_YET = ("Generative AI assistant for customer service", "Audit énergétique réglementaire")
NO_BASELINE_END = "Compresseurs d'air basse pression – site de Lyon"
# Risk registers last reviewed in this snapshot (0 = July) and never since.
REVIEWS_STOP = {"Nouveau portail client": 0, "Plant 3 energy retrofit": 1, "Identity & access management": 1}
# The PMO's glossary (DOMAIN.md's vocabulary): term, terme, definition, définition, the field it names.
# fmt: off
GLOSSARY = (
    ("Steering committee", "Comité de pilotage (COPIL)", "The body that decides on the project's scope, budget and gates.",
     "Instance qui arbitre le périmètre, le budget et les revues de phase du projet.", None),
    ("Project manager", "Chef de projet", "Runs the project day to day and reports on it every month.",
     "Pilote le projet au quotidien et en rend compte chaque mois.", "projects.manager"),
    ("Baseline budget", "Budget initial", "The budget approved at the last gate: the BAC.",
     "Le budget validé à la dernière revue : le BAC.", "projects.budget"),
    ("Estimate to complete", "Reste à faire (RAF)", "What the project still expects to spend.",
     "Ce que le projet prévoit encore de dépenser.", "projects.estimate_to_complete"),
    ("Forecast at completion", "Atterrissage", "Spent to date plus the estimate to complete.",
     "Consommé à date plus reste à faire.", "projects.forecast_at_completion"),
    ("Status", "Météo", "Green, amber or red, updated every reporting period.",
     "Vert, orange ou rouge, mis à jour à chaque période de reporting.", "projects.status"),
    ("Milestone", "Jalon", "A dated event that marks progress, such as a gate's sign-off.",
     "Événement daté qui marque l'avancement, comme la validation d'une revue.", None),
    ("Phase gate", "Revue de phase", "The decision to leave a phase once its milestones are achieved.",
     "La décision de quitter une phase une fois ses jalons atteints.", None),
    ("Risk score", "Criticité", "Probability times impact, from 1 to 25.", "Probabilité fois impact, de 1 à 25.", None),
)
# fmt: on
SKIPS_DESIGN = ("Procurement category strategy", "DUERP numérique")  # small projects that skip the sign-off

MILESTONES = (
    ("Kick-off", "Lancement", 0.0),
    ("Design sign-off", "Validation de la conception", 0.25),
    ("Build complete", "Fin de réalisation", 0.65),
    ("Go-live", "Mise en service", 0.85),
    ("Closure", "Clôture", 1.0),
)
EXTRA_MILESTONES = {
    "it": ("User acceptance testing", "Recette utilisateurs", 0.75),
    "plant": ("Factory acceptance test", "Réception usine (FAT)", 0.72),
    "compliance": ("Certification audit", "Audit de certification", 0.92),
    "support": ("Pilot", "Pilote", 0.72),
}

# category, kinds it fits, English title, French title, English mitigation, French mitigation
# fmt: off
RISKS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("technical", "it", "Data loss during migration", "Perte de données lors de la migration",
     "Full rehearsal migrations with reconciliation reports", "Migrations à blanc complètes avec rapprochement des données"),
    ("technical", "it", "Interfaces with legacy systems fail under load", "Défaillance des interfaces avec l'existant en charge",
     "Load tests on every interface before go-live", "Tests de charge de chaque interface avant la mise en service"),
    ("technical", "it support", "Poor performance of the new platform", "Performances insuffisantes de la nouvelle plateforme",
     "Performance campaign and sizing review with the vendor", "Campagne de performance et revue du dimensionnement avec l'éditeur"),
    ("technical", "it", "Technical debt in custom developments", "Dette technique des développements spécifiques",
     "Code reviews and a cap on custom developments", "Revues de code et plafond de développements spécifiques"),
    ("technical", "plant", "Obsolete PLCs incompatible with new equipment", "Automates obsolètes incompatibles avec les nouveaux équipements",
     "Survey of installed PLCs and upgrade kit ordered", "Inventaire des automates et commande des kits de mise à niveau"),
    ("technical", "plant", "Integration with MES harder than planned", "Intégration avec le MES plus complexe que prévu",
     "Integration prototype on the pilot line", "Prototype d'intégration sur la ligne pilote"),
    ("functional", "it support compliance", "Business requirements not stabilised", "Expression de besoin non stabilisée",
     "Requirements freeze signed by the business owner", "Gel du besoin signé par le responsable métier"),
    ("functional", "it support", "Key users unavailable for acceptance testing", "Indisponibilité des utilisateurs clés pour la recette",
     "Acceptance testers named and released by their managers", "Testeurs nommés et libérés par leur hiérarchie"),
    ("functional", "it plant support compliance", "Scope creep requested by local sites", "Dérive du périmètre demandée par les sites",
     "Change control board; every request costed", "Comité de changement ; chaque demande chiffrée"),
    ("functional", "it support", "Low user adoption after go-live", "Faible adoption par les utilisateurs après la mise en service",
     "Change network of champions and training plan", "Réseau d'ambassadeurs et plan de formation"),
    ("functional", "compliance it", "Reporting needs underestimated", "Besoins de reporting sous-estimés",
     "Reporting workshops with finance and auditors", "Ateliers de reporting avec la finance et les auditeurs"),
    ("schedule", "it plant support compliance", "Supplier delivery delay", "Retard de livraison fournisseur",
     "Weekly supplier follow-up and penalty clauses", "Suivi hebdomadaire du fournisseur et pénalités de retard"),
    ("schedule", "plant", "Plant shutdown window too short for the works", "Fenêtre d'arrêt usine trop courte pour les travaux",
     "Works split over two shutdowns, prefabrication", "Travaux répartis sur deux arrêts, préfabrication"),
    ("schedule", "plant support", "Building permit delayed", "Retard d'obtention du permis de construire",
     "Early meeting with the town planning office", "Rencontre anticipée avec le service d'urbanisme"),
    ("schedule", "compliance", "Regulatory deadline cannot be met", "Échéance réglementaire non tenue",
     "Minimum compliant scope first, rest in a second wave", "Périmètre minimal conforme d'abord, le reste en deuxième vague"),
    ("schedule", "it", "Dependency on the ERP go-live", "Dépendance à la mise en service de l'ERP",
     "Joint planning with the ERP programme", "Planning commun avec le programme ERP"),
    ("financial", "plant", "Raw material price increase", "Hausse du prix des matières premières",
     "Fixed-price orders placed early", "Commandes anticipées à prix ferme"),
    ("financial", "plant support", "ADEME subsidy not granted", "Subvention ADEME non obtenue",
     "Application filed with an energy consultant", "Dossier déposé avec un bureau d'études énergie"),
    ("financial", "it support", "Licence costs higher than budgeted", "Coût des licences supérieur au budget",
     "Licence count reviewed before signature", "Revue du nombre de licences avant signature"),
    ("financial", "it plant support compliance", "Exchange-rate exposure on USD contracts", "Exposition au taux de change sur les contrats en USD",
     "Currency hedge with treasury", "Couverture de change avec la trésorerie"),
    ("financial", "it compliance", "Integrator change requests drive cost overrun", "Avenants de l'intégrateur et dérive des coûts",
     "Fixed-price lots and change budget under PMO control", "Lots au forfait et enveloppe d'avenants pilotée par le PMO"),
    ("quality", "it", "High defect rate in acceptance testing", "Taux d'anomalies élevé en recette",
     "Entry criteria for acceptance and daily defect triage", "Critères d'entrée en recette et tri quotidien des anomalies"),
    ("quality", "plant", "Weld quality non-conformities", "Non-conformités sur la qualité des soudures",
     "Third-party inspection of welds", "Contrôle des soudures par un organisme tiers"),
    ("quality", "it compliance", "Poor quality of source data", "Mauvaise qualité des données sources",
     "Data cleansing sprint before migration", "Sprint de nettoyage des données avant migration"),
    ("quality", "compliance support", "Audit findings on documentation", "Écarts d'audit sur la documentation",
     "Mock audit two months ahead", "Audit à blanc deux mois avant"),
    ("health_safety", "plant support", "Accident during the works", "Accident lors des travaux",
     "Prevention plan, daily safety briefing, permit to work", "Plan de prévention, quart d'heure sécurité, permis de travail"),
    ("health_safety", "plant", "Operator noise exposure", "Exposition au bruit des opérateurs",
     "Acoustic enclosure and noise measurements", "Capotage acoustique et mesures de bruit"),
    ("health_safety", "plant support", "Co-activity of contractors on site", "Coactivité des entreprises extérieures sur site",
     "Joint inspection and co-activity plan", "Inspection commune préalable et plan de coactivité"),
    ("health_safety", "plant support", "Work at height during roof installation", "Travail en hauteur lors de la pose en toiture",
     "Collective protection and trained fitters", "Protections collectives et monteurs formés"),
    ("health_safety", "plant", "Musculoskeletal disorders on the new line", "Troubles musculosquelettiques sur la nouvelle ligne",
     "Ergonomic study of workstations", "Étude ergonomique des postes"),
    ("health_safety", "plant", "Exposure to chemical agents", "Exposition aux agents chimiques",
     "Substitution study and local exhaust ventilation", "Étude de substitution et captage à la source"),
    ("health_safety", "support compliance", "Psychosocial risks during the reorganisation", "Risques psychosociaux liés à la réorganisation",
     "Support from occupational health and managers' training", "Accompagnement par la médecine du travail et formation des managers"),
    ("environment", "plant", "Soil pollution", "Pollution des sols",
     "Soil survey before excavation, retention areas", "Diagnostic des sols avant terrassement, bacs de rétention"),
    ("environment", "plant support", "Refrigerant leak", "Fuite de fluide frigorigène",
     "Leak detection and certified contractor", "Détection de fuites et entreprise certifiée"),
    ("environment", "plant", "Accidental discharge to the river", "Rejet accidentel dans le milieu naturel",
     "Isolation valve and spill kit on site", "Vanne d'isolement et kit antipollution sur site"),
    ("environment", "support plant", "Asbestos found during renovation", "Découverte d'amiante lors de la rénovation",
     "Pre-works asbestos survey", "Repérage amiante avant travaux"),
    ("environment", "plant support", "Site waste sorting not compliant", "Tri des déchets de chantier non conforme",
     "Waste plan and monthly checks", "Plan de gestion des déchets et contrôles mensuels"),
    ("environment", "compliance", "Scope 3 carbon data incomplete", "Données carbone du scope 3 incomplètes",
     "Supplier questionnaire and estimation method agreed", "Questionnaire fournisseurs et méthode d'estimation validée"),
    ("external", "compliance it", "New regulation changes the requirements", "Évolution de la réglementation en cours de projet",
     "Regulatory watch with legal", "Veille réglementaire avec la direction juridique"),
    ("external", "it", "Integrator insolvency", "Défaillance de l'intégrateur",
     "Financial monitoring of the integrator, escrow of sources", "Suivi financier de l'intégrateur, séquestre des sources"),
    ("external", "plant support", "Strike at a key supplier", "Mouvement social chez un fournisseur clé",
     "Second source qualified", "Qualification d'une deuxième source"),
    ("external", "plant", "Energy price volatility", "Volatilité des prix de l'énergie",
     "Energy purchase hedged over three years", "Achat d'énergie couvert sur trois ans"),
    ("external", "it plant support compliance", "Key supplier acquired by a competitor", "Rachat d'un fournisseur clé par un concurrent",
     "Contract review and exit clause", "Revue du contrat et clause de réversibilité"),
    ("security", "it compliance", "Ransomware attack on the project environment", "Attaque par rançongiciel sur l'environnement projet",
     "Offline backups and hardening of the environment", "Sauvegardes hors ligne et durcissement de l'environnement"),
    ("security", "it compliance", "Access rights not revoked after migration", "Droits d'accès non révoqués après la migration",
     "Access review at go-live", "Revue des habilitations à la mise en service"),
    ("security", "it support compliance", "Personal data exposed in test environments", "Données personnelles exposées en environnement de test",
     "Anonymised test data", "Anonymisation des données de test"),
    ("security", "plant", "Intrusion on the industrial network", "Intrusion sur le réseau industriel",
     "OT network segmentation and monitoring", "Segmentation et supervision du réseau industriel"),
    ("security", "plant support", "Site access control failure", "Défaillance du contrôle d'accès au site",
     "Badge readers tested and guard rounds", "Tests des lecteurs de badge et rondes de gardiennage"),
    ("security", "it support", "Vulnerability at a SaaS provider", "Vulnérabilité chez un fournisseur SaaS",
     "Security questionnaire and contractual audit right", "Questionnaire sécurité et droit d'audit contractuel"),
)
# fmt: on

# Risks the demo always shows, in the language of the project they fall on.
SHOWCASE_RISKS = (
    ("Accident lors des travaux", "fr"),
    ("Exposition au bruit des opérateurs", "fr"),
    ("Pollution des sols", "fr"),
    ("Supplier delivery delay", "en"),
    ("Data loss during migration", "en"),
)

COMMENTS = {
    ("green", None): ("On track; milestones met.", "Avancement conforme au planning, jalons tenus."),
    ("amber", "schedule"): (
        "Supplier late on work package 2; recovery plan in progress.",
        "Retard du fournisseur sur le lot 2 ; plan de rattrapage en cours.",
    ),
    ("amber", "cost"): (
        "Forecast overrun on subcontracting; decision pending.",
        "Dépassement prévisible sur la sous-traitance, arbitrage à venir.",
    ),
    ("amber", "scope"): ("Change requests under review.", "Demandes d'évolution en cours d'instruction."),
    ("amber", "resources"): (  # a bullet, as trackers write them: the export neutralises the leading dash
        "- Key user left; replacement being recruited",
        "- Départ du référent métier, remplacement en cours",
    ),
    ("red", "schedule"): (
        "Go-live slipping: steering committee decision required.",
        "Décalage de la mise en service : arbitrage du COPIL demandé.",
    ),
    ("red", "cost"): (
        "Significant cost overrun: budget revision requested.",
        "Dérive budgétaire significative : révision du budget demandée.",
    ),
    ("red", "scope"): ("Scope unstable; re-planning needed.", "Périmètre instable, cadrage à reprendre."),
    ("red", "resources"): (
        "Team understaffed; additional resources requested.",
        "Équipe projet sous-dimensionnée, renforts demandés.",
    ),
}


@dataclass
class _Milestone:
    name: str
    fraction: float
    baseline: date
    extra_days: int
    forecast: list[date | None] = field(default_factory=lambda: [None] * 4)
    actual: list[date | None] = field(default_factory=lambda: [None] * 4)


@dataclass
class _Project:
    """The hidden truth behind one project, from which every snapshot's rows are derived."""

    index: int
    name: str
    lang: str
    portfolio: str
    programme: str | None
    kind: str
    size: str
    first: int
    last: int = 3
    stale: bool = False
    code: str = ""
    manager: str = ""
    sponsor: str = ""
    start: date = FIRST_MONTH
    baseline_end: date = FIRST_MONTH
    budget: float = 0.0
    capex_share: float = 0.5
    perf: float = 1.0
    u_slip: float = 0.5
    u_cost: float = 0.5
    dim_order: tuple[str, ...] = DIMENSIONS
    two_dims: bool = False
    minor: bool = False
    status: list[str] = field(default_factory=lambda: ["green"] * 4)
    slip: list[int] = field(default_factory=lambda: [0] * 4)
    cost_factor: list[float] = field(default_factory=lambda: [1.0] * 4)
    budgets: list[float] = field(default_factory=lambda: [0.0] * 4)
    late_days: list[int] = field(default_factory=lambda: [0] * 4)
    scores: dict[str, Any] = field(default_factory=dict)
    flows: list[tuple[int, float, float]] = field(default_factory=list)
    percent: dict[date, float] = field(default_factory=dict)  # month start -> % complete at month end
    actual: dict[date, float] = field(default_factory=dict)  # month start -> actual spend of the month
    milestones: list[_Milestone] = field(default_factory=list)
    risks: list[list[dict[str, Any]]] = field(default_factory=lambda: [[], [], [], []])

    def state(self, snapshot: int) -> int:
        """Return the snapshot whose data this project reports at `snapshot` (July for a stale one)."""
        return 0 if self.stale else snapshot

    def present(self, snapshot: int) -> bool:
        return self.first <= snapshot <= self.last

    def forecast_end(self, state: int) -> date:
        return self.baseline_end + timedelta(days=self.slip[state])


# --------------------------------------------------------------------------------------------------
# Public API


def build_demo(seed: int = 20261031, today: date | None = None) -> list[tuple[date, dict[str, pd.DataFrame]]]:
    """Return the demo portfolio as monthly snapshots in date order, each a dict of canonical frames, the
    last one dated the last month-end before `today` (the real today when None)."""
    rng = random.Random(seed)
    projects = _plan_projects(rng)
    _plan_statuses(rng, projects)
    for project in projects:
        _plan_progress(rng, project)
        _plan_milestones(rng, project)
        _plan_business_case(rng, project)
    _plan_risks(rng, projects)
    capacity = _plan_capacity(projects)
    months = _months_between(SNAPSHOTS[-1], last_month_end(today or date.today()))
    return [
        (_shift_day(day, months), _shift_frames(_snapshot_frames(projects, s, capacity), months))
        for s, day in enumerate(SNAPSHOTS)
    ]


def last_month_end(today: date) -> date:
    """Return the last month-end before `today`: the date of the demo's latest snapshot."""
    return date(today.year, today.month, 1) - timedelta(days=1)


def write_demo(
    directory: str | Path, lang: str = "en", seed: int = 20261031, today: date | None = None
) -> list[tuple[Path, date]]:
    """Write one template workbook per snapshot, demo_portfolio_<YYYY-MM-DD>.xlsx; return each with its date."""
    from pmo_core.template import write_template

    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for as_of, frames in build_demo(seed, today):
        path = target / f"demo_portfolio_{as_of.isoformat()}.xlsx"
        write_template(path, frames, lang=lang, as_of=as_of)
        written.append((path, as_of))
    return written


def load_demo(
    con: Any, directory: str | Path, actor: Actor, lang: str = "en", today: date | None = None
) -> list[int]:
    """Write the demo workbooks and import them through the real importer, one batch per snapshot."""
    from pmo_core import glossary, importer, snapshots

    batches = []
    for path, as_of in write_demo(directory, lang, today=today):
        reads = importer.read_files([(path, path.name)])
        plan = importer.build_plan(con, reads, scope="full", as_of=as_of)
        if plan.has_errors:
            raise ValueError(f"the demo workbook {path.name} does not import: {plan.errors[:3]}")
        batches.append(snapshots.apply_plan(con, plan, actor, label=f"Demo {as_of.isoformat()}"))
    if not glossary.terms(con):  # a PMO's own glossary is never replaced by the demo's
        rows = [dict(zip(glossary.COLUMNS, entry, strict=True)) for entry in GLOSSARY]
        glossary.save_terms(con, glossary.check_terms(rows), actor)
    return batches


# --------------------------------------------------------------------------------------------------
# Calendar helpers


def _add_months(day: date, months: int) -> date:
    """Return the first day of the month `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_end(day: date) -> date:
    return _add_months(day, 1) - timedelta(days=1)


def _months(first: date, last: date) -> list[date]:
    """Return the first days of the months from `first` to `last`, both included."""
    out, month = [], date(first.year, first.month, 1)
    while month <= last:
        out.append(month)
        month = _add_months(month, 1)
    return out


WINDOW = _months(FIRST_MONTH, _add_months(FIRST_MONTH, MONTHS + MONTHS_AHEAD - 1))


def _months_between(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


def _shift_day(day: date, months: int) -> date:
    """Move a date by whole months: a month-end stays a month-end, a day past the month's end is its last."""
    return _shift_dates(pd.Series([pd.Timestamp(day)]), months).iloc[0].date()


def _shift_dates(values: pd.Series, months: int) -> pd.Series:
    shifted = values + pd.DateOffset(months=months)
    return shifted.where(~values.dt.is_month_end, shifted + pd.offsets.MonthEnd(0))


def _shift_frames(frames: dict[str, pd.DataFrame], months: int) -> dict[str, pd.DataFrame]:
    """Move every date of a snapshot's frames by whole months (no move keeps the frames as they are)."""
    if not months:
        return frames
    moved = {}
    for entity, frame in frames.items():
        frame = frame.copy()
        for f in fields_of(entity):
            if f.type in ("date", "month"):
                frame[f.name] = _shift_dates(frame[f.name], months)
        moved[entity] = frame
    return moved


def _s_curve(x: float) -> float:
    """Return the share of work done at a fraction x of the duration: slow start, fast middle, slow end."""
    x = min(max(x, 0.0), 1.0)
    return ((1 - math.cos(math.pi * x)) / math.pi + 0.3 * x) / (2 / math.pi + 0.3)


def _fraction(day: date, start: date, end: date) -> float:
    span = (end - start).days
    return 1.0 if span <= 0 else (day - start).days / span


# --------------------------------------------------------------------------------------------------
# Projects


def _plan_projects(rng: random.Random) -> list[_Project]:
    """Draw each project's people, dates, budget and traits, then number them by start date."""
    projects = []
    for index, (name, lang, portfolio, programme, kind, size, first) in enumerate(CATALOGUE):
        project = _Project(index, name, lang, PORTFOLIOS[portfolio], programme, kind, size, first)
        project.manager = rng.choice(MANAGERS)
        project.sponsor = rng.choice(SPONSORS[portfolio])
        _plan_dates_and_budget(rng, project)
        project.capex_share = _capex_share(rng, kind)
        project.perf = rng.uniform(0.96, 1.02)
        project.u_slip, project.u_cost = rng.random(), rng.random()
        project.dim_order = tuple(
            rng.sample(("schedule", "cost", "schedule", "cost", "scope", "resources"), 6)
        )
        project.dim_order = tuple(dict.fromkeys(project.dim_order + DIMENSIONS))
        project.two_dims, project.minor = rng.random() < 0.4, rng.random() < 0.15
        project.stale, project.last = name in STALE, 2 if name == CLOSES else 3
        projects.append(project)
    _number(projects)
    _plan_scores(rng, projects)
    return projects


def _plan_dates_and_budget(rng: random.Random, project: _Project) -> None:
    """Draw start, baseline end and budget from the project's size; all run past October 2026."""
    low, high, shortest, longest = SIZES[project.size]
    project.budget = _round_budget(math.exp(rng.uniform(math.log(low), math.log(high))))
    duration = rng.randint(shortest, longest)
    if project.first > 0:
        # September's newcomer starts at once; October's start now or next month
        later = rng.randint(0, 1) if project.first == 3 else 0
        start = _add_months(SNAPSHOTS[project.first], later)
        end = _add_months(start, duration - 1)
    elif project.index == 0:
        start, end = FIRST_MONTH, _add_months(FIRST_MONTH, 29)  # the ERP programme opens the cost window
    elif project.name == CLOSES:
        start, end = date(2025, 3, 1), date(2026, 9, 1)
    else:  # every running project ends after October 2026, some well after
        end = _add_months(date(2026, 11, 1), rng.randint(0, 14 if project.size in ("L", "XL") else 8))
        start = min(
            max(_add_months(end, 1 - duration), FIRST_MONTH),
            _add_months(date(2026, 6, 1), -rng.randint(0, 3)),
        )
    project.start, project.baseline_end = start, _month_end(end)
    project.budgets = [project.budget] * 4


def _round_budget(amount: float) -> float:
    step = 50_000 if amount >= 1e6 else 5_000
    return float(round(amount / step) * step)


def _capex_share(rng: random.Random, kind: str) -> float:
    if kind == "compliance" and rng.random() < 0.4:
        return 0.0  # studies and audits: all operating expense
    centre = {"it": 0.55, "plant": 0.85, "compliance": 0.25, "support": 0.45}[kind]
    return round(min(max(centre + rng.uniform(-0.15, 0.15), 0.0), 1.0), 2)


def _number(projects: list[_Project]) -> None:
    """Give codes PRJ-<start year>-NNN in start order, as a PMO numbers projects when they open."""
    counters: dict[int, int] = {}
    for project in sorted(projects, key=lambda p: (p.start, p.index)):
        counters[project.start.year] = counters.get(project.start.year, 0) + 1
        project.code = f"PRJ-{project.start.year}-{counters[project.start.year]:03d}"


def _plan_scores(rng: random.Random, projects: list[_Project]) -> None:
    """Draw the prioritisation inputs: 1-5 scores, WSJF terms, mandatory flags and dependencies."""
    by_name = {p.name: p for p in projects}
    for p in projects:
        mandatory = p.name in MANDATORY
        p.scores = {
            "strategic_alignment": rng.randint(3, 5) if p.kind in ("it", "plant") else rng.randint(1, 4),
            "business_value": rng.randint(1, 3) if p.name in NEVER_PAYS_BACK else rng.randint(2, 5),
            "time_criticality": rng.randint(4, 5) if mandatory else rng.randint(1, 5),
            "risk_reduction": rng.randint(3, 5) if p.kind == "compliance" else rng.randint(1, 4),
            "job_size": next(size for limit, size in JOB_SIZES if p.budget < limit),
            "urgency": rng.randint(4, 5) if mandatory else rng.randint(1, 5),
            "feasibility": rng.randint(2, 5),
            "risk_level": min(5, rng.randint(1, 3) + (2 if p.size == "XL" else 1 if p.size == "L" else 0)),
            "mandatory": mandatory,
            "depends_on": None,
        }
    for name, needed in DEPENDS_ON:
        by_name[name].scores["depends_on"] = by_name[needed].code


# --------------------------------------------------------------------------------------------------
# Statuses


def _plan_statuses(rng: random.Random, projects: list[_Project]) -> None:
    """Set each project's overall status per snapshot: a July mix, then a few moves every month."""
    initial = [p for p in projects if p.first == 0]
    n = len(initial)
    pool = ["green"] * round(0.62 * n) + ["amber"] * round(0.26 * n)
    pool += ["red"] * (n - len(pool))
    rng.shuffle(pool)
    for project, status in zip(initial, pool, strict=True):
        project.status = [status] * 4
    _force(projects, CLOSES, ["green"] * 4)
    _force(projects, REVISED, ["red", "red", "red", "amber"], first_dim="cost")
    for snapshot in (1, 2, 3):
        _move_statuses(rng, projects, snapshot)
    for project in projects:
        _plan_slips_and_costs(rng, project)


def _force(projects: list[_Project], name: str, statuses: list[str], first_dim: str | None = None) -> None:
    """Pin the story of one project; if it displaces a status, hand that status to a green project."""
    project = next(p for p in projects if p.name == name)
    displaced = project.status[0]
    project.status = list(statuses)
    if first_dim:
        project.dim_order = (first_dim, *[d for d in project.dim_order if d != first_dim])
    if displaced != statuses[0]:
        spare = next(
            p
            for p in projects
            if p.first == 0 and p.status[0] == statuses[0] and p.name not in (CLOSES, REVISED)
        )
        spare.status = [displaced] * 4


MOVES = (("green", "amber", 2), ("amber", "red", 1), ("amber", "green", 2), ("red", "amber", 1))


def _move_statuses(rng: random.Random, projects: list[_Project], snapshot: int) -> None:
    """Move six projects by one level (three worse, three better), which keeps the overall mix steady."""
    movable = [
        p
        for p in projects
        if p.first < snapshot and p.present(snapshot) and not p.stale and p.name not in (CLOSES, REVISED)
    ]
    moved: list[_Project] = []
    for before, after, count in MOVES:
        if snapshot == 3 and before == "red":
            continue  # October's recovery from red is the budget revision's
        candidates = [p for p in movable if p.status[snapshot] == before and p not in moved]
        for project in rng.sample(candidates, min(count, len(candidates))):
            project.status[snapshot:] = [after] * (4 - snapshot)
            moved.append(project)


def _dimensions(project: _Project, overall: str) -> dict[str, str]:
    """Return the per-dimension statuses that explain an overall status, in the project's usual order."""
    dims = dict.fromkeys(DIMENSIONS, "green")
    first, second = project.dim_order[0], project.dim_order[1]
    if overall == "green" and project.minor:
        dims[project.dim_order[3]] = "amber"  # a minor concern that does not change the overall view
    elif overall == "amber":
        dims[first] = "amber"
        if project.two_dims:
            dims[second] = "amber"
    elif overall == "red":
        dims[first], dims[second] = "red", "amber"
    return dims


def _plan_slips_and_costs(rng: random.Random, project: _Project) -> None:
    """Derive the schedule slip (days) and cost factor of each snapshot from its dimension statuses."""
    slip = 7 * rng.choice((0, 0, 0, 1, 2)) if project.status[0] == "green" else 0
    before = "green"
    for s in range(4):
        dims = _dimensions(project, project.status[s])
        target = {"green": 0, "amber": 30 + 60 * project.u_slip, "red": 90 + 90 * project.u_slip}[
            dims["schedule"]
        ]
        further = 7 * rng.choice((2, 3)) if s and dims["schedule"] != "green" and rng.random() < 0.35 else 0
        if dims["schedule"] == "green" and before != "green":
            slip = 7 * round(0.3 * slip / 7)  # the recovery plan worked: most of the delay is caught up
        slip = max(slip, 7 * round(target / 7)) + further
        before = dims["schedule"]
        project.slip[s] = 0 if project.name == CLOSES else slip
        project.cost_factor[s] = {
            "green": 0.97 + 0.06 * project.u_cost,
            "amber": 1.06 + 0.05 * project.u_cost,
            "red": 1.14 + 0.10 * project.u_cost,
        }[dims["cost"]]
        project.late_days[s] = rng.choice((0, 0, 0, 0, 1, 2, 3, 6))
    if project.name == REVISED:  # the overrun is approved: the baseline grows, the forecast does not move
        project.budgets[3] = _round_budget(project.budget * 1.08)
        project.cost_factor[3] = project.cost_factor[2]


# --------------------------------------------------------------------------------------------------
# Progress and money


def _governing(month: date) -> int:
    """Return the snapshot whose plan applies to a month: July for every month up to July."""
    return max(0, min(3, (month.year * 12 + month.month) - (2026 * 12 + 7)))


def _plan_progress(rng: random.Random, project: _Project) -> None:
    """Walk the months from the start: % complete from the S-curve, actual spend from earned value."""
    percent, spent = 0.0, 0.0
    for month in _months(project.start, SNAPSHOTS[-1]):
        s = _governing(month)
        x = _fraction(_month_end(month), project.start, project.forecast_end(s))
        done = 1.0 if x >= 1 else min(1.0, round(_s_curve(x) * project.perf, 2))
        earned_before = percent * project.budget
        percent = max(percent, done)
        earned = percent * project.budget
        factor = project.cost_factor[s]
        if s == 0:
            amount = (earned - earned_before) * factor * rng.uniform(0.85, 1.15)
        else:  # a snapshot's actual catches up with its cost factor: AC = EV x factor at the month's end
            amount = max(0.3 * (earned - earned_before) * factor, earned * factor - spent)
        project.percent[month], project.actual[month] = percent, round(amount)
        spent += round(amount)


def _percent_at(project: _Project, state: int) -> float:
    return project.percent.get(_month_of(SNAPSHOTS[state]), 0.0)


def _month_of(day: date) -> date:
    return date(day.year, day.month, 1)


def _actual_to(project: _Project, state: int) -> float:
    limit = _month_of(SNAPSHOTS[state])
    return float(sum(v for m, v in project.actual.items() if m <= limit))


def _forecast_at_completion(project: _Project, state: int) -> float:
    if _percent_at(project, state) >= 1:
        return _actual_to(project, state)
    return max(round(project.budget * project.cost_factor[state], -2), _actual_to(project, state))


def _planned_by_month(project: _Project) -> dict[date, float]:
    """Time-phase the baseline budget over the baseline months along the S-curve."""
    months = _months(project.start, project.baseline_end)
    n = len(months)
    return {m: project.budget * (_s_curve((i + 1) / n) - _s_curve(i / n)) for i, m in enumerate(months)}


def _forecast_by_month(project: _Project, state: int) -> dict[date, float]:
    """Spread the estimate to complete over the months left until the forecast end."""
    end = project.forecast_end(state)
    remaining = _months(_add_months(SNAPSHOTS[state], 1), end)
    if not remaining:
        return {}
    etc = _forecast_at_completion(project, state) - _actual_to(project, state)
    weights = [
        _s_curve(_fraction(_month_end(m), project.start, end))
        - _s_curve(_fraction(m - timedelta(days=1), project.start, end))
        for m in remaining
    ]
    total = sum(weights) or 1.0
    return {m: etc * w / total for m, w in zip(remaining, weights, strict=True)}


# --------------------------------------------------------------------------------------------------
# Milestones


def _plan_milestones(rng: random.Random, project: _Project) -> None:
    """Lay out 4 to 6 milestones on the baseline, then let them slip and be reached snapshot by snapshot."""
    steps = list(MILESTONES)
    if project.size == "S":
        steps.pop(1)  # small projects skip the design sign-off
    if project.size in ("L", "XL"):
        steps.append(EXTRA_MILESTONES[project.kind])
        steps.sort(key=lambda step: step[2])
    span = (project.baseline_end - project.start).days
    for en, fr, fraction in steps:
        baseline = project.start + timedelta(days=round(span * fraction))
        extra = 0 if fraction in (0.0, 1.0) else 7 * rng.choice((0, 0, 1, 2))
        project.milestones.append(_Milestone(fr if project.lang == "fr" else en, fraction, baseline, extra))
    if project.size == "S" and project.name not in SKIPS_DESIGN:  # drawn after the others: the story stays
        en, fr, fraction = MILESTONES[1]
        baseline = project.start + timedelta(days=round(span * fraction))
        project.milestones.insert(1, _Milestone(fr if project.lang == "fr" else en, fraction, baseline, 0))
    for s in range(4):
        for milestone in project.milestones:
            _advance_milestone(project, milestone, s)


def _advance_milestone(project: _Project, milestone: _Milestone, s: int) -> None:
    """Move a milestone's forecast with the project's slip; once its date has passed, it is reached."""
    reached = milestone.actual[s - 1] if s else None
    if reached:
        milestone.forecast[s], milestone.actual[s] = reached, reached
        return
    slip = project.slip[s] * milestone.fraction
    forecast = milestone.baseline + timedelta(
        days=round(slip) + (milestone.extra_days if project.slip[s] else 0)
    )
    if milestone.fraction == 1.0:
        forecast = project.forecast_end(s)
    if s and forecast <= SNAPSHOTS[s - 1]:
        forecast = SNAPSHOTS[s - 1] + timedelta(days=7)  # not reached last month, so reached in this one
    milestone.forecast[s] = forecast
    milestone.actual[s] = forecast if forecast <= SNAPSHOTS[s] else None


# --------------------------------------------------------------------------------------------------
# Business case


def _plan_business_case(rng: random.Random, project: _Project) -> None:
    """Draw yearly flows 0..5: the investment first, then running costs and ramping benefits."""
    invest, budget = project.budget, project.budget
    run = budget * rng.uniform(0.03, 0.08)
    ratio = rng.uniform(0.02, 0.10) if project.name in NEVER_PAYS_BACK else rng.uniform(0.40, 0.90)
    first = invest * rng.uniform(0.55, 0.80)
    costs = [first, invest - first + run / 2] + [run] * 4
    benefits = [0.0, 0.25, 0.7, 1.0, 1.0, 1.0]
    project.flows = [
        (year, float(round(cost, -3)), float(round(budget * ratio * share, -3)))
        for year, (cost, share) in enumerate(zip(costs, benefits, strict=True))
    ]
    cash = [benefit - cost for _, cost, benefit in project.flows]
    project.scores["npv"] = float(round(sum(cf / (1 + DISCOUNT_RATE) ** t for t, cf in enumerate(cash)), -2))
    total_cost = sum(cost for _, cost, _ in project.flows)
    project.scores["roi"] = round((sum(b for _, _, b in project.flows) - total_cost) / total_cost, 4)
    project.scores["payback_years"] = _payback(cash)


def _payback(cash: list[float]) -> float | None:
    """Return the first year where cumulative cash turns non-negative, interpolated; None when never."""
    cumulative = 0.0
    for year, flow in enumerate(cash):
        if cumulative + flow >= 0 and flow > 0:
            return round(year - 1 + (-cumulative / flow), 1) if year else 0.0
        cumulative += flow
    return None


# --------------------------------------------------------------------------------------------------
# Risks


def _plan_risks(rng: random.Random, projects: list[_Project]) -> None:
    """Open each project's risks, make sure every category appears, then let them evolve month by month."""
    counter = [0]
    for project in projects:
        if project.first == 0:
            count = {"S": (3, 4), "M": (4, 5), "L": (5, 7), "XL": (6, 8)}[project.size]
            for _ in range(rng.randint(*count)):
                _add_risk(rng, project, 0, counter)
    _cover_categories(rng, projects, counter)
    for s in (1, 2, 3):
        _evolve_risks(rng, projects, s, counter)


def _add_risk(
    rng: random.Random,
    project: _Project,
    s: int,
    counter: list[int],
    category: str | None = None,
    critical: bool = False,
    title: str | None = None,
) -> dict[str, Any] | None:
    """Draw a new risk for a project from the catalogue entries that fit its kind."""
    used = {r["title"] for r in project.risks[s]}
    entries = [e for e in RISKS if project.kind in e[1].split() and (category is None or e[0] == category)]
    entries = [e for e in entries if (e[3] if project.lang == "fr" else e[2]) not in used]
    entries = [e for e in entries if title is None or title in (e[2], e[3])]
    if not entries:
        return None
    category, _, en, fr, en_plan, fr_plan = rng.choice(entries)
    counter[0] += 1
    risk = {
        "code": f"RSK-{counter[0]:04d}",
        "project_code": project.code,
        "project_name": project.name,
        "title": fr if project.lang == "fr" else en,
        "category": category,
        "mitigation": fr_plan if project.lang == "fr" else en_plan,
        "owner": rng.choice(HSE_OWNERS)
        if category == "health_safety"
        else rng.choice((project.manager, *MANAGERS)),
    }
    risk.update(_risk_rating(rng, category, critical))
    risk.update(_risk_follow_up(rng, project, SNAPSHOTS[s], critical))
    project.risks[s].append(risk)
    return risk


def _risk_rating(rng: random.Random, category: str, critical: bool) -> dict[str, Any]:
    """Draw inherent probability and impact, the response, and the residual rating it leads to."""
    if critical:
        probability, impact = rng.choice(((5, 4), (4, 5), (5, 5)))
        response = "escalate"
    else:
        severe = category in ("health_safety", "environment")
        probability = rng.choices((1, 2, 3, 4, 5), (15, 35, 32, 14, 4) if severe else (10, 30, 35, 18, 7))[0]
        impact = rng.choices((1, 2, 3, 4, 5), (0, 10, 35, 40, 15) if severe else (5, 22, 38, 27, 8))[0]
        response = rng.choices(("mitigate", "accept", "transfer", "avoid", "escalate"), (55, 13, 12, 10, 10))[
            0
        ]
    residual_p, residual_i = probability, impact
    if response in ("mitigate", "avoid"):
        residual_p = max(1, probability - rng.randint(1, 2))
        residual_i = max(1, impact - rng.randint(0, 1))
    elif response == "transfer":
        residual_i = max(1, impact - rng.randint(1, 2))
    return {
        "probability": probability,
        "impact": impact,
        "score": probability * impact,
        "residual_probability": residual_p,
        "residual_impact": residual_i,
        "response": response,
    }


def _risk_follow_up(rng: random.Random, project: _Project, day: date, critical: bool) -> dict[str, Any]:
    """Draw status, due date and money: some actions overdue, most risks costed."""
    status = "open" if critical else rng.choices(("open", "in_treatment", "closed"), (40, 45, 15))[0]
    if status == "closed":
        due = day - timedelta(days=rng.randint(20, 200))
    else:
        due = day + timedelta(days=rng.randint(-60, 150))
    costed = critical or rng.random() < 0.85
    cost_impact = float(max(5_000, round(project.budget * rng.uniform(0.01, 0.12), -3))) if costed else None
    mitigation_cost = (
        float(round(cost_impact * rng.uniform(0.05, 0.3), -2)) if cost_impact and rng.random() < 0.5 else None
    )
    follow_up = {
        "status": status,
        "due_date": due,
        "cost_impact": cost_impact,
        "mitigation_cost": mitigation_cost,
    }
    if status == "closed":
        follow_up["residual_probability"] = 1
    return follow_up


def _cover_categories(rng: random.Random, projects: list[_Project], counter: list[int]) -> None:
    """Add a risk in any category no project drew, and the risks every demo shows, on lasting projects."""
    lasting = [p for p in projects if p.first == 0 and p.last == 3]
    for category in (term.code for term in CATEGORY):
        if any(r["category"] == category for p in lasting for r in p.risks[0]):
            continue
        kinds = {kind for e in RISKS if e[0] == category for kind in e[1].split()}
        _add_risk(rng, rng.choice([p for p in lasting if p.kind in kinds]), 0, counter, category)
    for title, lang in SHOWCASE_RISKS:
        if any(r["title"] == title for p in lasting for r in p.risks[0]):
            continue
        kinds = {kind for e in RISKS if title in (e[2], e[3]) for kind in e[1].split()}
        fitting = [p for p in lasting if p.kind in kinds and p.lang == lang]
        _add_risk(rng, rng.choice(fitting), 0, counter, title=title)


def _evolve_risks(rng: random.Random, projects: list[_Project], s: int, counter: list[int]) -> None:
    """Carry risks into the next month: a few escalate, a few close, some start treatment, new ones open."""
    for project in projects:
        project.risks[s] = [dict(r) for r in project.risks[s - 1]]
    live = [p for p in projects if p.present(s) and p.first < s and not p.stale]
    active = [(p, r) for p in live for r in p.risks[s] if r["status"] != "closed"]
    for _, risk in rng.sample([(p, r) for p, r in active if r["probability"] <= 4], 3):
        risk["probability"] += 1
        risk["residual_probability"] = min(5, risk["residual_probability"] + 1)
        risk["score"] = risk["probability"] * risk["impact"]
    for _, risk in rng.sample(active, 3):
        risk.update(status="closed", residual_probability=1)
    for _, risk in rng.sample([(p, r) for p, r in active if r["status"] == "open"], 4):
        risk["status"] = "in_treatment"
    for _ in range(3 if s < 3 else 2):
        _add_risk(rng, rng.choice(live), s, counter)
    if s == 3:
        for kind in ("plant", "it"):
            troubled = [p for p in live if p.kind == kind and p.status[s] != "green"]
            _add_risk(rng, rng.choice(troubled or live), s, counter, critical=True)
    for project in projects:
        if project.first == s:
            for _ in range(rng.randint(3, 4)):
                _add_risk(rng, project, s, counter)


# --------------------------------------------------------------------------------------------------
# Frames


def _snapshot_frames(
    projects: list[_Project], s: int, capacity: list[dict[str, Any]]
) -> dict[str, pd.DataFrame]:
    """Return the canonical frames of one snapshot: what the trackers say on that date."""
    present = [p for p in projects if p.present(s)]
    present.sort(key=lambda p: p.code)
    return {
        "projects": _frame("projects", [_project_row(p, p.state(s)) for p in present]),
        "milestones": _frame("milestones", [r for p in present for r in _milestone_rows(p, p.state(s))]),
        "risks": _frame(
            "risks", [r | {"last_review": _last_review(p, s)} for p in present for r in p.risks[p.state(s)]]
        ),
        "costs": _frame("costs", [r for p in present for r in _cost_rows(p, p.state(s))]),
        "business_case": _frame("business_case", [r for p in present for r in _business_case_rows(p)]),
        "resources": _frame("resources", capacity),
        "demand": _frame("demand", [r for p in present for r in _demand_rows(p, p.state(s))]),
    }


def _last_review(p: _Project, s: int) -> date:
    """Return the day a project's risk register was last reviewed: a few days before the snapshot it reports."""
    reviewed = min(p.state(s), REVIEWS_STOP.get(p.name, s))
    return SNAPSHOTS[reviewed] - timedelta(days=2 + p.index % 9)


def _frame(entity: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Build a frame with exactly the entity's fields, dates as timestamps, whole numbers as integers."""
    fields = fields_of(entity)
    frame = pd.DataFrame(rows).reindex(columns=[f.name for f in fields])
    for f in fields:
        if f.type in ("date", "month"):
            frame[f.name] = pd.to_datetime(frame[f.name])
        elif f.type in ("scale", "int") and frame[f.name].notna().all():
            frame[f.name] = frame[f.name].astype("int64")
        elif f.type == "bool" and frame[f.name].notna().all():
            frame[f.name] = frame[f.name].astype(bool)
    return frame


def _project_row(p: _Project, s: int) -> dict[str, Any]:
    overall = p.status[s]
    dims = _dimensions(p, overall)
    percent = _percent_at(p, s)
    actual = _actual_to(p, s)
    eac = _forecast_at_completion(p, s)
    updated = SNAPSHOTS[s] - timedelta(days=p.late_days[s])
    return {
        "code": p.code,
        "name": p.name,
        "portfolio": p.portfolio,
        "programme": p.programme,
        "manager": p.manager,
        "sponsor": None if p.name in NO_SPONSOR_YET else p.sponsor,
        "phase": next(name for limit, name in PHASES if percent < limit),
        "start_date": p.start,
        "baseline_end": None if p.name == NO_BASELINE_END else p.baseline_end,
        "forecast_end": p.forecast_end(s),
        "budget": p.budgets[s],
        "actual_cost": actual,
        "estimate_to_complete": eac - actual,
        "forecast_at_completion": eac,
        "percent_complete": percent,
        "status": overall,
        **{f"status_{d}": dims[d] for d in DIMENSIONS},
        "last_update": SNAPSHOTS[0] if p.stale else updated,
        "comment": _comment(p, overall, dims),
        **p.scores,
    }


def _comment(p: _Project, overall: str, dims: dict[str, str]) -> str:
    worst = next((d for d in p.dim_order if dims[d] == overall), None) if overall != "green" else None
    en, fr = COMMENTS[(overall, worst)]
    return fr if p.lang == "fr" else en


def _milestone_rows(p: _Project, s: int) -> list[dict[str, Any]]:
    return [
        {
            "project_code": p.code,
            "project_name": p.name,
            "name": m.name,
            "baseline_date": m.baseline,
            "forecast_date": m.forecast[s],
            "actual_date": m.actual[s],
        }
        for m in p.milestones
    ]


def _cost_rows(p: _Project, s: int) -> list[dict[str, Any]]:
    """Return the monthly CAPEX/OPEX lines in the window: planned, actual up to the snapshot, forecast after."""
    planned, forecast = _planned_by_month(p), _forecast_by_month(p, s)
    current = _month_of(SNAPSHOTS[s])
    last = min(max(_month_of(p.baseline_end), _month_of(p.forecast_end(s))), WINDOW[-1])
    rows = []
    for month in (m for m in WINDOW if _month_of(p.start) <= m <= last):
        amounts = {
            "planned": planned.get(month, 0.0),
            "actual": p.actual.get(month, 0.0) if month <= current else None,
            "forecast": forecast.get(month, 0.0) if month > current else None,
        }
        for kind, split in zip(("CAPEX", "OPEX"), _split(amounts, p.capex_share), strict=True):
            if (kind == "CAPEX" and p.capex_share > 0) or (kind == "OPEX" and p.capex_share < 1):
                rows.append(
                    {
                        "project_code": p.code,
                        "project_name": p.name,
                        "month": month,
                        "cost_type": kind,
                        **split,
                    }
                )
    return rows


def _split(amounts: dict[str, float | None], capex_share: float) -> tuple[dict, dict]:
    """Split a month's amounts into CAPEX and OPEX whole euros that add up to the rounded total."""
    capex, opex = {}, {}
    for column, amount in amounts.items():
        if amount is None:
            capex[column] = opex[column] = None
            continue
        total = float(round(amount))
        capex[column] = float(round(total * capex_share))
        opex[column] = total - capex[column]
    return capex, opex


def _business_case_rows(p: _Project) -> list[dict[str, Any]]:
    return [
        {"project_code": p.code, "project_name": p.name, "year": year, "cost": cost, "benefit": benefit}
        for year, cost, benefit in p.flows
    ]


# --------------------------------------------------------------------------------------------------
# People: twelve teams, their capacity, and what each project asks of them month by month
#
# A project's effort is the labour share of its budget at a loaded cost per FTE-month, spread over its
# months (start to forecast end) along each team's phase of the project: architecture early, development in
# the middle, testing and change management towards the end. Capacity is each team's staffing plan, set
# from the demand of the months ahead, with August and December thinner; the Data & IA team is lent to the
# ERP programme from March to June 2027 while its own projects still need it: it runs at about 140 % then.
# French trackers write their plant and support efforts in person-days; the rest is in FTE.

FTE_MONTH_COST = 15_000.0  # a loaded internal or contractor month, in the store's currency
DAYS_PER_MONTH = 20  # the working_days_per_month setting's default: person-days written as FTE x 20
LABOUR_SHARE = {"it": 0.65, "plant": 0.25, "compliance": 0.6, "support": 0.5}
DATA_TEAM = "Data & IA"
DATA_SQUEEZE = (date(2027, 3, 1), date(2027, 6, 1), 1.4)  # months and the load the story shows
GEN_AI, DATA_HEAVY = "Generative AI assistant for customer service", 4.0  # the Data team builds it
NO_CAPACITY_TEAM = "UX design"  # asked for by two projects, staffed by no one: an alert says so
AFTER_END = "Certification ISO 45001"  # its tracker keeps asking for people two months after its end
# team: (share of capacity over the median demand ahead, written in person-days)
TEAMS = {
    "Architecture": (1.15, False),
    "Développement": (1.05, False),
    "ERP / SAP": (1.1, False),
    DATA_TEAM: (1.15, False),
    "Infrastructure & cloud": (1.2, False),
    "Cybersécurité": (0.85, False),
    "Test & recette": (0.9, False),
    "Conduite du changement": (1.1, False),
    "Ingénierie industrielle": (1.1, True),
    "Automatisme & MES": (1.0, True),
    "HSE & conformité": (1.1, True),
    "Achats": (1.25, True),
}
# (team, weight, phase start, phase end as fractions of the project's duration)
PHASE_TEAMS = {
    "it": (
        ("Architecture", 0.12, 0.0, 0.45),
        ("Développement", 0.45, 0.15, 0.85),
        ("Infrastructure & cloud", 0.1, 0.1, 0.9),
        ("Cybersécurité", 0.05, 0.2, 0.9),
        ("Test & recette", 0.18, 0.55, 1.0),
        ("Conduite du changement", 0.1, 0.6, 1.0),
    ),
    "plant": (
        ("Ingénierie industrielle", 0.55, 0.0, 1.0),
        ("Automatisme & MES", 0.2, 0.3, 0.95),
        ("HSE & conformité", 0.15, 0.0, 1.0),
        ("Achats", 0.1, 0.0, 0.4),
    ),
    "compliance": (
        ("HSE & conformité", 0.5, 0.0, 1.0),
        ("Conduite du changement", 0.15, 0.5, 1.0),
        ("Achats", 0.05, 0.0, 0.3),
    ),
    "support": (
        ("Conduite du changement", 0.25, 0.3, 1.0),
        ("Achats", 0.15, 0.0, 0.5),
        ("Infrastructure & cloud", 0.15, 0.2, 0.9),
        ("Développement", 0.3, 0.1, 0.8),
    ),
}
# Words of a project's name that call a specialist team, which takes part of the development weight.
SPECIALISTS = (
    (
        ("ERP", "SAP", "Finance close", "Procure-to-pay", "référentiel articles", "Workday", "paie"),
        "ERP / SAP",
    ),
    (("Data", "AI", "IA", "Tableaux", "Predictive", "prédictive", "CSRD", "carbone", "Taxonomie"), DATA_TEAM),
    (("NIS2", "SOC", "Identity", "Privileged", "RGPD", "continuité", "Cyber"), "Cybersécurité"),
    (("MES", "Ligne d'assemblage", "Vision", "presses"), "Automatisme & MES"),
    (("portail client", "mobile techniciens"), NO_CAPACITY_TEAM),
)


def _project_teams(p: _Project) -> list[tuple[str, float, float, float]]:
    """Return the teams a project asks for, with the weight and phase of each."""
    teams = list(PHASE_TEAMS[p.kind])
    for words, team in SPECIALISTS:
        if any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", p.name, re.IGNORECASE) for word in words):
            if team == "Automatisme & MES":
                teams = [(t, w * (1.6 if t == team else 0.85), a, b) for t, w, a, b in teams]
            elif team == NO_CAPACITY_TEAM:
                teams.append((team, 0.08, 0.4, 1.0))
            else:  # the specialists do half the building, and the project takes them on for a long while
                teams = [(t, w * 0.5 if t == "Développement" else w, a, b) for t, w, a, b in teams]
                teams.append((team, DATA_HEAVY if p.name == GEN_AI else 0.35, 0.05, 0.95))
    return teams


def _demand_fte(p: _Project, s: int) -> dict[tuple[str, date], float]:
    """Return what a project asks of each team per month of the window, in FTE, as its state s plans it."""
    end = p.forecast_end(s)
    months = [m for m in _months(p.start, end) if WINDOW[0] <= m <= WINDOW[-1]]
    effort = p.budgets[s] * LABOUR_SHARE[p.kind] / FTE_MONTH_COST  # FTE-months over the whole project
    teams = _project_teams(p)
    total_weight = sum(w for _, w, _, _ in teams)
    found: dict[tuple[str, date], float] = {}
    for team, weight, first, last in teams:
        share = effort * weight / total_weight
        phase = _phase_shares(p.start, end, first, last)
        for month in months:
            fte = round(share * phase.get(month, 0.0), 1)
            if fte >= 0.1:
                found[(team, month)] = fte
    if p.name == AFTER_END:  # two months past the end: what the alert on demand after the end shows
        for month in (_add_months(end, 1), _add_months(end, 2)):
            found[("HSE & conformité", month)] = 0.5
    return found


def _phase_shares(start: date, end: date, first: float, last: float) -> dict[date, float]:
    """Spread one FTE-month of a team's work over its phase of the project, bell-shaped, month by month."""
    months = _months(start, end)
    n = len(months)
    weights = {}
    for i, month in enumerate(months):
        x = (i + 0.5) / n
        if first <= x <= last:
            middle, half = (first + last) / 2, max((last - first) / 2, 1e-9)
            weights[month] = 1.0 - 0.6 * ((x - middle) / half) ** 2
    total = sum(weights.values()) or 1.0
    return {month: w / total for month, w in weights.items()}


def _demand_rows(p: _Project, s: int) -> list[dict[str, Any]]:
    """Return a project's demand lines: FTE, or person-days in the French trackers of plant and support."""
    days = p.lang == "fr" and p.kind in ("plant", "support")
    return [
        {
            "project_code": p.code,
            "project_name": p.name,
            "team": team,
            "month": month,
            "demand": round(fte * DAYS_PER_MONTH) if days else fte,
            "unit": "days" if days else "fte",
        }
        for (team, month), fte in sorted(_demand_fte(p, s).items(), key=lambda item: (item[0][1], item[0][0]))
    ]


def _plan_capacity(projects: list[_Project]) -> list[dict[str, Any]]:
    """Staff each team: up to the last snapshot, as its demand was met (rounded up to half an FTE); ahead of it,
    a plan sized on the busiest of the next three months times the team's share, with August at 60 % and
    December at 85 % (holidays); the Data & IA team lent to the ERP programme from March to June 2027."""
    last = len(SNAPSHOTS) - 1
    demand: dict[tuple[str, date], float] = {}
    for p in projects:
        if p.present(last):
            for key, fte in _demand_fte(p, p.state(last)).items():
                demand[key] = demand.get(key, 0.0) + fte
    now = _month_of(SNAPSHOTS[last])
    ahead = [m for m in WINDOW if m > now][:3]
    first, final, load = DATA_SQUEEZE
    squeeze = [m for m in WINDOW if first <= m <= final]
    rows = []
    for team, (share, in_days) in TEAMS.items():
        base = max(1.0, math.ceil(2 * share * max(demand.get((team, m), 0.0) for m in ahead)) / 2)
        squeezed = round(sum(demand.get((team, m), 0.0) for m in squeeze) / len(squeeze) / load, 1)
        for month in WINDOW:
            if month <= now:
                fte = max(1.0, math.ceil(2 * 1.05 * demand.get((team, month), 0.0)) / 2)
            else:
                fte = squeezed if team == DATA_TEAM and first <= month <= final else base
                fte *= 0.6 if month.month == 8 else 0.85 if month.month == 12 else 1.0
            rows.append(
                {
                    "team": team,
                    "month": month,
                    "capacity": round(fte * DAYS_PER_MONTH) if in_days else round(fte, 1),
                    "unit": "days" if in_days else "fte",
                }
            )
    return rows
