"""The closed vocabularies of the domain: canonical codes, their English and French labels, and the
spellings trackers use for them. Parsers read words through these tables; exports write the labels.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    code: str
    en: str
    fr: str
    synonyms: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


# The tables below are hand-wrapped data; keep ruff format from putting one word per line.
# fmt: off
STATUS = (
    Term("green", "Green", "Vert", ("green", "g", "vert", "v", "on track", "conforme", "ok", "good", "ensoleille",
                                    "soleil", "beau temps", "delivery confidence green", "amber green",
                                    "amber/green", "a/g", "ag", "on target", "on schedule", "dans les temps",
                                    "en ligne", "satisfaisant", "nominal", "ras", "verde", "grun", "grün")),
    Term("amber", "Amber", "Orange", ("amber", "a", "orange", "o", "yellow", "jaune", "at risk", "under watch",
                                      "sous surveillance", "a surveiller", "vigilance", "nuageux", "variable",
                                      "eclaircies", "mitige", "couvert", "nuage", "nuages", "voile", "brouillard",
                                      "attention", "warning", "tendu", "delivery confidence amber", "giallo",
                                      "amarillo", "gelb", "arancione", "naranja")),
    Term("red", "Red", "Rouge", ("red", "r", "rouge", "off track", "in trouble", "critical", "critique",
                                 "en difficulte", "orageux", "pluvieux", "pluie", "orage", "tempete",
                                 "amber red", "amber/red", "a/r", "ar", "orages", "averses", "bloque", "blocked",
                                 "ko", "delivery confidence red", "rosso", "rojo", "rot")),
)

# Spellings of "not reported" (grey): a status missing on purpose, read as no status without a warning.
STATUS_NOT_REPORTED = ("grey", "gray", "gris", "grise", "not reported", "non reporte", "non renseigne",
                       "non renseignee", "n r", "nr", "not rated", "no rating", "non evalue", "non communique",
                       "pas de remontee", "unknown", "inconnu", "blanc", "white")

# Météo pictograms and coloured circles, looked up character by character (the U+FE0F selector is ignored).
STATUS_EMOJI = {
    "\u2600": "green", "\U0001f31e": "green", "\U0001f324": "green", "\U0001f7e2": "green", "\U0001f7e9": "green",
    "\u2705": "green",
    "\u26c5": "amber", "\U0001f325": "amber", "\u2601": "amber", "\U0001f326": "amber", "\U0001f7e1": "amber",
    "\U0001f7e0": "amber", "\U0001f7e8": "amber", "\U0001f7e7": "amber", "\u26a0": "amber",
    "\U0001f327": "red", "\u26c8": "red", "\U0001f329": "red", "\U0001f534": "red", "\U0001f7e5": "red",
    "\u274c": "red",
    "\u26aa": None, "\u26ab": None, "\u2b1c": None, "\u2b1b": None,
}

RISK_STATUS = (
    Term("open", "Open", "Ouvert", ("open", "opened", "active", "new", "identified", "ouvert", "ouverte", "actif",
                                    "active", "nouveau", "identifie", "a traiter", "aperto", "aperta", "abierto", "abierta",
                                    "offen")),
    Term("in_treatment", "In treatment", "En traitement", ("in treatment", "mitigating", "in progress", "ongoing",
                                                           "monitoring", "under treatment", "treating",
                                                           "en cours", "en traitement", "en cours de traitement",
                                                           "suivi", "sous surveillance", "mitigation en cours",
                                                           "in corso", "en curso", "in bearbeitung")),
    Term("closed", "Closed", "Clos", ("closed", "close", "done", "resolved", "retired", "expired", "clos", "close",
                                      "cloture", "ferme", "fermee", "resolu", "termine", "sans objet",
                                      "chiuso", "chiusa", "cerrado", "cerrada", "geschlossen")),
)

RESPONSE = (
    Term("avoid", "Avoid", "Éviter", ("avoid", "avoidance", "eviter", "evitement", "supprimer")),
    Term("transfer", "Transfer", "Transférer", ("transfer", "transference", "share", "transferer", "transfert",
                                                "partager", "assurer")),
    Term("mitigate", "Mitigate", "Réduire", ("mitigate", "mitigation", "reduce", "reduction", "reduire",
                                             "attenuer", "attenuation", "mitiger", "traiter")),
    Term("accept", "Accept", "Accepter", ("accept", "acceptance", "retain", "tolerate", "accepter",
                                          "acceptation", "tolerer")),
    Term("escalate", "Escalate", "Escalader", ("escalate", "escalation", "escalader", "escalade",
                                               "remonter")),
)

CATEGORY = (
    Term("technical", "Technical", "Technique", ("technical", "technology", "it", "technique", "technologique",
                                                 "informatique")),
    Term("functional", "Functional / scope", "Fonctionnel / périmètre", ("functional", "scope", "requirements",
                                                                         "fonctionnel", "fonctionnelle",
                                                                         "perimetre", "metier", "besoin")),
    Term("schedule", "Schedule", "Planning", ("schedule", "time", "planning", "delay", "calendrier", "delai",
                                              "delais", "planification")),
    Term("financial", "Cost / financial", "Coût / financier", ("financial", "finance", "cost", "budget",
                                                               "financier", "financiere", "cout", "couts")),
    Term("quality", "Quality", "Qualité", ("quality", "qualite")),
    Term("health_safety", "Health & safety", "Hygiène, santé, sécurité",
         ("health and safety", "health safety", "health", "safety", "hygiene", "h s", "hs", "hse", "ehs",
          "occupational health", "hygiene sante securite", "sante", "sante securite", "hygiene et securite",
          "securite au travail", "sst", "hss")),
    Term("environment", "Environment", "Environnement", ("environment", "environmental", "environnement",
                                                         "environnemental", "ecologique")),
    Term("external", "External", "Externe", ("external", "externe", "supplier", "fournisseur", "regulatory",
                                             "reglementaire", "juridique", "legal", "political", "politique")),
    Term("security", "Security", "Sûreté / cybersécurité", ("security", "cyber", "cybersecurity",
                                                           "information security", "surete", "cybersecurite",
                                                           "securite informatique", "securite de l information",
                                                           "ssi")),
)

COST_TYPE = (
    Term("CAPEX", "CAPEX", "CAPEX", ("capex", "capital", "investment", "invest", "investissement", "immobilise",
                                     "immobilisation", "inv")),
    Term("OPEX", "OPEX", "OPEX", ("opex", "operating", "operational", "run", "fonctionnement", "exploitation",
                                  "charges", "fonct")),
)

# Where a project stands in its life, distinct from its RAG status: "completed", "behind schedule",
# "en réalisation". A word not listed here is kept as written, as a free category is.
LIFECYCLE = (
    Term("not_started", "Not started", "Non démarré", ("not started", "new", "planned", "pipeline", "proposed",
                                                       "idea", "draft", "to start", "non demarre", "a demarrer",
                                                       "a lancer", "en projet", "en preparation", "prevu",
                                                       "nuovo", "nuevo", "neu", "geplant")),
    Term("in_progress", "In progress", "En cours", ("in progress", "active", "ongoing", "on schedule",
                                                    "ahead of schedule", "started", "executing", "in execution",
                                                    "underway", "en cours", "en realisation", "realisation",
                                                    "en execution", "demarre", "lance", "actif", "in corso",
                                                    "en curso", "in bearbeitung", "laufend", "aktiv")),
    Term("delayed", "Behind schedule", "En retard", ("behind schedule", "delayed", "late", "overdue", "past due",
                                                     "slipping", "en retard", "retarde", "in ritardo",
                                                     "retrasado", "verzogert", "im verzug")),
    Term("on_hold", "On hold", "Suspendu", ("on hold", "paused", "suspended", "frozen", "en pause", "suspendu",
                                            "gele", "en attente", "sospeso", "suspendido", "pausiert")),
    Term("completed", "Completed", "Terminé", ("completed", "complete", "closed", "done", "finished", "delivered",
                                               "closing", "termine", "clos", "cloture", "livre", "acheve",
                                               "completato", "concluso", "completado", "terminado",
                                               "abgeschlossen")),
    Term("cancelled", "Cancelled", "Annulé", ("cancelled", "canceled", "dropped", "abandoned", "stopped",
                                              "terminated", "annule", "abandonne", "arrete", "annullato",
                                              "cancelado", "abgebrochen")),
)

# The unit an effort is written in (capacity and demand): full-time equivalents or person-days, converted one
# into the other with the working_days_per_month setting.
EFFORT_UNIT = (
    Term("fte", "FTE", "ETP", ("fte", "ftes", "etp", "ept", "full time equivalent", "full time equivalents",
                               "equivalent temps plein", "equivalents temps plein", "heads", "headcount",
                               "people", "persons", "personnes", "pers")),
    Term("days", "Person-days", "Jours-homme", ("days", "day", "d", "j", "jh", "j h", "h j", "jours", "jour",
                                                "jours homme", "jour homme", "hommes jours", "homme jour", "jhomme",
                                                "man days", "man day", "mandays", "person days", "person day",
                                                "persondays", "pd", "md", "working days", "jours ouvres",
                                                "jo", "giorni", "giorni uomo", "dias", "dias persona",
                                                "personentage", "pt", "tage")),
)

# Risk probability and impact words on the five-level scale: SCALE_LEVELS[0] are the words for 1 (very low),
# SCALE_LEVELS[4] for 5 (very high). The DOMAIN lists are followed literally, so French "Mineur" is 1 and
# "Modéré" 2 (Mineur, Modéré, Significatif, Majeur, Critique) while English "Minor" is 2 and "Moderate" 3.
SCALE_LEVELS: tuple[tuple[str, ...], ...] = (
    ("très faible", "très bas", "très basse", "négligeable", "insignifiant", "mineur", "mineure", "rare",
     "très improbable", "very low", "insignificant", "negligible", "very unlikely", "minimal",
     "molto basso", "molto bassa", "muy bajo", "muy baja", "sehr niedrig", "sehr gering"),
    ("faible", "bas", "basse", "modéré", "modérée", "improbable", "peu probable", "low", "unlikely", "minor",
     "basso", "bassa", "bajo", "baja", "niedrig", "gering"),
    ("moyen", "moyenne", "significatif", "significative", "possible", "medium", "moderate", "significant",
     "medio", "media", "mittel", "mittlere"),
    ("fort", "forte", "élevé", "élevée", "haut", "haute", "majeur", "majeure", "probable", "high", "likely",
     "major", "substantial", "substantiel", "substantielle", "alto", "alta", "hoch"),
    ("très fort", "très forte", "très élevé", "très élevée", "très haut", "très haute", "critique",
     "très probable", "certain", "quasi certain", "presque certain", "very high", "almost certain", "severe",
     "catastrophic", "catastrophique", "critical", "extreme", "molto alto", "molto alta", "muy alto", "muy alta",
     "sehr hoch"),
)

# The three-level vocabularies (low, medium, high). A column using only these words maps them onto a
# three-point setting (1, 3, 5 by default) instead of their five-level places.
THREE_LEVELS: tuple[tuple[str, ...], ...] = (
    ("low", "faible", "bas", "basse", "basso", "bassa", "bajo", "baja", "niedrig", "gering"),
    ("medium", "moyen", "moyenne", "medio", "media", "mittel", "mittlere"),
    ("high", "fort", "forte", "haut", "haute", "élevé", "élevée", "alto", "alta", "hoch"),
)

# Letter abbreviations of the five levels, read only as a whole cell ("H", "VH", "TE"): VL/L/M/H/VH in English,
# TF/F/M/E/TE in French (très faible, faible, moyen, élevé, très élevé). SCALE_LETTERS[0] are the letters for 1.
SCALE_LETTERS: tuple[tuple[str, ...], ...] = (
    ("vl", "tf"),
    ("l", "f"),
    ("m",),
    ("h", "e"),
    ("vh", "te"),
)

# The letters of the three-level vocabularies (low, medium, high), as THREE_LEVELS for words.
THREE_LETTERS: tuple[tuple[str, ...], ...] = (("l", "f"), ("m",), ("h", "e"))

# Month names and abbreviations, French and English, as written in dates and wide-table headers.
MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("janvier", "janv", "january", "jan"),
    ("février", "févr", "fév", "fevr", "fev", "february", "feb"),
    ("mars", "march", "mar"),
    ("avril", "avr", "april", "apr"),
    ("mai", "may"),
    ("juin", "june", "jun"),
    ("juillet", "juil", "july", "jul"),
    ("août", "aout", "aoû", "aou", "august", "aug"),
    ("septembre", "sept", "september", "sep"),
    ("octobre", "october", "oct"),
    ("novembre", "november", "nov"),
    ("décembre", "déc", "december", "dec"),
)

# Yes / no cells (flags such as "mandatory", "forced in").
YES_WORDS = ("yes", "y", "oui", "o", "true", "vrai", "1", "x", "\u2713", "\u2714", "\u2611", "\u2705")
NO_WORDS = ("no", "n", "non", "false", "faux", "0", "\u2717", "\u2718", "\u2610", "\u274c")

BAND = (
    Term("low", "Low", "Faible"),
    Term("moderate", "Moderate", "Modéré"),
    Term("high", "High", "Élevé"),
    Term("critical", "Critical", "Critique"),
)

# fmt: on

VOCABULARIES: dict[str, tuple[Term, ...]] = {
    "status": STATUS,
    "risk_status": RISK_STATUS,
    "response": RESPONSE,
    "category": CATEGORY,
    "cost_type": COST_TYPE,
    "band": BAND,
    "lifecycle": LIFECYCLE,
    "effort_unit": EFFORT_UNIT,
}


def label(kind: str, code: str | None, lang: str) -> str:
    """Return the label of a canonical code; a free-text value (an unmapped category) is returned as is."""
    if code is None:
        return ""
    for term in VOCABULARIES[kind]:
        if term.code == code:
            return term.label(lang)
    return code
