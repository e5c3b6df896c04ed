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


STATUS = (
    Term("green", "Green", "Vert", ("green", "g", "vert", "v", "on track", "conforme", "ok", "good", "ensoleille",
                                    "soleil", "beau temps", "delivery confidence green", "amber green",
                                    "amber/green", "a/g", "ag")),
    Term("amber", "Amber", "Orange", ("amber", "a", "orange", "o", "yellow", "jaune", "at risk", "under watch",
                                      "sous surveillance", "a surveiller", "vigilance", "nuageux", "variable",
                                      "eclaircies", "mitige", "couvert")),
    Term("red", "Red", "Rouge", ("red", "r", "rouge", "off track", "in trouble", "critical", "critique",
                                 "en difficulte", "orageux", "pluvieux", "pluie", "orage", "tempete",
                                 "amber red", "amber/red", "a/r", "ar")),
)

RISK_STATUS = (
    Term("open", "Open", "Ouvert", ("open", "opened", "active", "new", "identified", "ouvert", "ouverte", "actif",
                                    "active", "nouveau", "identifie", "a traiter")),
    Term("in_treatment", "In treatment", "En traitement", ("in treatment", "mitigating", "in progress", "ongoing",
                                                           "monitoring", "under treatment", "treating",
                                                           "en cours", "en traitement", "en cours de traitement",
                                                           "suivi", "sous surveillance", "mitigation en cours")),
    Term("closed", "Closed", "Clos", ("closed", "close", "done", "resolved", "retired", "expired", "clos", "close",
                                      "cloture", "ferme", "fermee", "resolu", "termine", "sans objet")),
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

BAND = (
    Term("low", "Low", "Faible"),
    Term("moderate", "Moderate", "Modéré"),
    Term("high", "High", "Élevé"),
    Term("critical", "Critical", "Critique"),
)

VOCABULARIES: dict[str, tuple[Term, ...]] = {
    "status": STATUS,
    "risk_status": RISK_STATUS,
    "response": RESPONSE,
    "category": CATEGORY,
    "cost_type": COST_TYPE,
    "band": BAND,
}


def label(kind: str, code: str | None, lang: str) -> str:
    """Return the label of a canonical code; a free-text value (an unmapped category) is returned as is."""
    if code is None:
        return ""
    for term in VOCABULARIES[kind]:
        if term.code == code:
            return term.label(lang)
    return code
