"""Twins of the shared samples, built in code with a fixed seed: the same files, sheets, headers and quirks
as ../shared/samples and ../shared/real, and the same cells wherever a test quotes one.

A clone with no ../shared beside it (an outside contributor's) runs every sample test on these twins, so
the suite proves the same behaviour either way; with ../shared present, the tests run on both.
`build(folder)` writes folder/samples/*.xlsx and folder/real/* and returns folder.
"""

from __future__ import annotations

import csv
import random
from datetime import date, datetime, timedelta
from pathlib import Path

from pmo_core.formatting import MONTHS_FR
from tests.shapes import save

SEED = 20261118
FILES = (  # what build() writes, by its path in the folder, as ../shared holds them
    "samples/budget_mensuel_fr.xlsx",
    "samples/portfolio_export_en.xlsx",
    "samples/registre_risques_fr.xlsx",
    "samples/suivi_portefeuille_fr.xlsx",
    "real/canada_gc_it_projects.csv",
    "real/uk_gmpp_2023.csv",
    "real/worldbank_projects_fy2021.xlsx",
)
NNBSP = "\u202f"  # French thousands separator
FOI = "Exempt under Section 43 of the Freedom of Information Act 2000 (commercial interests)"
EARLY = "Early planning GMPP project \n\n(The project has not yet been assessed)"

# The French portfolio: the tracker's titles, which the risk register and the monthly budget name.
FRENCH_PROJECTS = (
    "Refonte du SI RH",
    "Migration ERP SAP S/4",
    "Déploiement CRM Salesforce",
    "Dématérialisation des factures",
    "Nouveau site e-commerce",
    "Cybersécurité : plan Zero Trust",
    "Modernisation de l'usine de Lyon",
    "Data platform groupe",
    "Conformité RGPD",
    "Automatisation de la paie",
    "Portail fournisseurs",
    "Certification ISO 14001",
    "Optimisation logistique",
    "Chatbot service client",
    "Plan de continuité d'activité",
    "Migration cloud Azure",
    "Refonte de l'intranet",
    "Rénovation énergétique siège",
    "Application mobile terrain",
    "Télémaintenance des équipements",
    "Ligne de production 3",
    "Gestion des habilitations",
    "Outil de planification S&OP",
    "Réduction des déchets atelier",
    "Entrepôt automatisé",
    "Jumeau numérique usine",
    "Bilan carbone",
    "Parcours client omnicanal",
    "Signature électronique",
    "Référentiel produits",
    "Maintenance prédictive",
    "Sécurité des sites",
    "Formation digitale",
    "Flotte électrique",
    "Tableau de bord DG",
    "Rénovation énergétique siège (lot 2)",
)
FRENCH_PORTFOLIOS = ("Transformation digitale", "Industrie", "Conformité & Risques", "Fonctions support")
WEATHER = ("☀️ Ensoleillé", "⛅ Nuageux", "🌧️ Orageux")
PEOPLE = (
    "Marc Roux",
    "Isabelle N'Diaye",
    "Olivier Bonnet",
    "Camille Fontaine",
    "Karim Lefèvre",
    "Julien Martin",
)


def build(folder: Path) -> Path:
    """Write every twin into folder/samples and folder/real and return folder."""
    rng = random.Random(SEED)
    (folder / "samples").mkdir(parents=True, exist_ok=True)
    (folder / "real").mkdir(parents=True, exist_ok=True)
    portfolio_export_en(folder / "samples" / "portfolio_export_en.xlsx", rng)
    suivi_portefeuille_fr(folder / "samples" / "suivi_portefeuille_fr.xlsx", rng)
    registre_risques_fr(folder / "samples" / "registre_risques_fr.xlsx", rng)
    budget_mensuel_fr(folder / "samples" / "budget_mensuel_fr.xlsx", rng)
    canada_gc_it_projects(folder / "real" / "canada_gc_it_projects.csv", rng)
    uk_gmpp_2023(folder / "real" / "uk_gmpp_2023.csv", rng)
    worldbank_projects_fy2021(folder / "real" / "worldbank_projects_fy2021.xlsx", rng)
    return folder


def _day(rng: random.Random, first: date, last: date) -> datetime:
    return datetime.combine(first + timedelta(days=rng.randint(0, (last - first).days)), datetime.min.time())


# --- A tidy export from a PPM tool ---------------------------------------------------------------------


def portfolio_export_en(path: Path, rng: random.Random) -> None:
    """48 projects, 209 risks, 706 monthly cost lines (CAPEX/OPEX), 192 milestones, English headers."""
    codes = [f"PRJ-2025-{n:03d}" for n in range(1, 41)] + [f"PRJ-2026-{n:03d}" for n in range(1, 9)]
    projects = [
        [
            "Project ID", "Project Name", "Portfolio", "Program", "Project Manager", "Sponsor", "Start Date",
            "Finish Date", "Budget (EUR)", "Actual Cost (EUR)", "% Complete", "Status", "Phase",
            "Business Value (1-5)", "Time Criticality (1-5)", "Risk Reduction (1-5)", "Job Size", "NPV (EUR)",
        ]
    ]  # fmt: skip
    portfolios = ("Digital transformation", "Industry", "Compliance & Risk", "Support functions")
    for n, code in enumerate(codes):
        start = _day(rng, date(2025, 1, 1), date(2026, 6, 30))
        budget = round(rng.uniform(40_000, 3_000_000), 2)
        projects.append(
            [
                code, f"Project {code[-6:]} programme", portfolios[n % 4], f"Programme {'ABCDEF'[n % 6]}",
                rng.choice(PEOPLE), rng.choice(PEOPLE), start, start + timedelta(days=rng.randint(120, 900)),
                budget, round(budget * rng.uniform(0.05, 1.2), 2), round(rng.uniform(0, 1), 2),
                rng.choice(("Green", "Green", "Amber", "Red")), rng.choice(("Design", "Build", "Test", "Deploy")),
                rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 13),
                rng.randrange(-50_000, 4_000_000, 1000),
            ]
        )  # fmt: skip
    # Projects!A2 and A4, as the tests quote them: the first project's actual cost, the third in whole.
    projects[1][9] = 46477.2
    projects[3][1:] = [
        "CRM rollout", "Compliance & Risk", "Programme C", "Olivier Haddad", "Thomas Fournier",
        datetime(2025, 8, 30), datetime(2026, 7, 10), 2952244.46, 3555856.26, 0.8, "Green", "Closure", 5, 4, 5,
        11, 964000,
    ]  # fmt: skip
    risks = [
        [
            "Risk ID", "Project ID", "Title", "Category", "Probability", "Impact", "Owner", "Due Date", "Status",
            "Mitigation Cost",
        ]
    ]  # fmt: skip
    categories = ("Technical", "Functional", "Quality", "Environment", "Schedule", "Financial")
    for n in range(1, 210):
        risks.append(
            [
                f"R-{n:04d}", codes[(n - 1) * 48 // 209], rng.choice(("Supplier delay", "Data loss", "Key staff leave")),
                rng.choice(categories), rng.randint(1, 5), rng.randint(1, 5), rng.choice(PEOPLE),
                _day(rng, date(2025, 6, 1), date(2026, 12, 31)), rng.choice(("Open", "Mitigating", "Closed")),
                rng.choice((5000, 10000, 25000, 50000, 100000)),
            ]
        )  # fmt: skip
    risks[2][3:6], risks[2][8] = ["Functional", 1, 5], "Mitigating"  # R-0002
    risks[3][3], risks[4][3] = "Health", "Hygiene"  # R-0003, R-0004
    budget = [["Project ID", "Month", "Cost Type", "Planned", "Actual", "Forecast"]]
    for n, code in enumerate(codes):  # 46 projects over 15 months and two over 8: 706 lines
        months = 15 if n < 46 else 8
        first = date(2025, 1 + n % 12, 1)
        planned = round(rng.uniform(1_000, 60_000), 2)
        for m in range(months):
            month = date(first.year + (first.month - 1 + m) // 12, (first.month - 1 + m) % 12 + 1, 1)
            spent = month <= date(2026, 10, 1)
            budget.append(
                [
                    code, datetime.combine(month, datetime.min.time()), rng.choice(("CAPEX", "OPEX")), planned,
                    round(planned * rng.uniform(0.7, 1.3), 2) if spent else None,
                    None if spent else round(planned * rng.uniform(0.8, 1.2), 2),
                ]
            )  # fmt: skip
    milestones = [["Project ID", "Milestone", "Baseline Date", "Forecast Date", "Actual Date"]]
    for code, project in zip(codes, projects[1:], strict=True):
        start, end = project[6], project[7]
        for k, name in enumerate(("Kick-off", "Design sign-off", "Go-live", "Closure")):
            baseline = start + (end - start) * k / 3
            forecast = baseline + timedelta(days=rng.choice((0, 0, 7, 14, 30)))
            milestones.append(
                [code, name, baseline, forecast, forecast if forecast < datetime(2026, 10, 1) else None]
            )
    save(path, {"Projects": projects, "Risks": risks, "Budget": budget, "Milestones": milestones})


# --- A French steering committee tracker -------------------------------------------------------------


def _french_amount(value: float) -> str:
    """Write k€ as a French tracker types it: '4 189,14', a narrow no-break space between thousands."""
    return f"{value:,.2f}".replace(",", NNBSP).replace(".", ",")


def suivi_portefeuille_fr(path: Path, rng: random.Random) -> None:
    """A hand-kept tracker: title block, merged group header over the headers of row 5, a section row
    before each project, dates as text and as dates, '45 %', k€ as French text, a météo of emoji and
    words, then a TOTAL row, a legend and a notes sheet. 36 projects."""
    rows: list[list] = [
        ["Suivi du portefeuille projets — Comité de pilotage du 18/11/2026"],
        ["Direction des Systèmes d'Information — document interne"],
        [],
        ["Identification", None, None, None, "Planning", None, None, "Budget"],
        [
            "Code projet", "Intitulé du projet", "Portefeuille", "Chef de projet", "Date de début",
            "Date de fin prévue", "Avancement", "Budget (k€)", "Consommé (k€)", "Reste à faire (k€)", "Météo",
            "Phase", "Commentaire",
        ],
    ]  # fmt: skip
    merges = ["A4:D4"]
    total = 0.0
    for n, name in enumerate(FRENCH_PROJECTS, start=1):
        portfolio = FRENCH_PORTFOLIOS[(n - 1) % 4]
        start = date(2025, 1, 13) + timedelta(days=rng.randint(0, 500))
        end = start + timedelta(days=rng.randint(100, 700))
        budget = round(rng.uniform(40, 6000), 2)
        spent = round(budget * rng.uniform(0.05, 0.9), 1)
        row = [
            f"PRJ-2025-{n:03d}", name, portfolio, rng.choice(PEOPLE), start.strftime("%d/%m/%Y"),
            end.strftime("%d/%m/%Y"), f"{rng.randint(0, 100)} %", _french_amount(budget), spent,
            _french_amount(budget - spent), rng.choice(WEATHER), rng.choice(("Cadrage", "Réalisation", "Recette")),
            rng.choice(("RAS", "Voir COPIL précédent", "Recrutement en cours")),
        ]  # fmt: skip
        if n == 1:  # the cells the tests quote
            row[4:11] = ["04/03/2025", "03/09/2025", "20 %", "75,55", 16.6, "58,95", "☀️ Ensoleillé"]
            budget = 75.55
        if n == 3:
            row[2], portfolio = "Conformité & Risques", "Conformité & Risques"
            row[4:11] = [
                datetime(2026, 1, 9),
                "17/09/2027",
                "100 %",
                f"4{NNBSP}189,14",
                4866.3,
                "0,00",
                "🌧️ Orageux",
            ]
            budget = 4189.14
        total += budget
        rows.append([f"▶ {portfolio}"])
        merges.append(f"A{len(rows)}:M{len(rows)}")
        rows.append(row)
    rows += [[], ["TOTAL", None, None, None, None, None, None, _french_amount(total)], []]
    rows.append(["Légende météo : ☀️ conforme, ⛅ sous surveillance, 🌧️ en difficulté"])
    notes = [["Ce fichier est mis à jour chaque mois par le PMO."]]
    save(path, {"Suivi T4 2026": rows, "Notes": notes}, {"Suivi T4 2026": merges})


def registre_risques_fr(path: Path, rng: random.Random) -> None:
    """A French risk register naming projects by the tracker's titles: a title row, headers on row 3,
    probability and impact as words or numbers, amounts as '12 500,00 €', a hidden lookup sheet. 132 risks."""
    probability = ("Très faible", "Faible", "Moyenne", "Forte", "Très forte")
    impact = ("Mineur", "Modéré", "Significatif", "Majeur", "Critique")
    categories = (
        "Technique",
        "Fonctionnel",
        "Planning",
        "Financier",
        "Qualité",
        "Environnement",
        "Santé",
        "Hygiène",
    )
    rows: list[list] = [
        ["Registre des risques — mise à jour novembre 2026"],
        [],
        [
            "N° risque", "Projet", "Description du risque", "Catégorie", "Probabilité", "Impact", "Criticité",
            "Propriétaire", "Plan d'action", "Échéance", "Statut", "Coût de la mitigation (€)",
        ],
    ]  # fmt: skip
    for n in range(1, 133):
        p, i = rng.randint(1, 5), rng.randint(1, 5)
        rows.append(
            [
                f"R-{n:04d}", FRENCH_PROJECTS[(n - 1) * 20 // 132], "Hausse du prix des matières premières",
                rng.choice(categories), p if rng.random() < 0.3 else probability[p - 1],
                i if rng.random() < 0.3 else impact[i - 1], p * i, rng.choice(PEOPLE),
                rng.choice(("Audit externe", "Double sourcing", None)),
                (date(2025, 9, 13) + timedelta(days=rng.randint(0, 400))).strftime("%d/%m/%Y"),
                rng.choice(("Ouvert", "En cours", "Clos")),
                f"{_french_amount(rng.choice((5000, 10000, 25000, 100000)))} €",
            ]
        )  # fmt: skip
    quoted = {  # R-0001 to R-0008, the cells the tests quote: (category, probability, impact, score, status)
        4: ("Fonctionnel", "Très faible", "Mineur", 1, "Ouvert"),
        5: ("Hygiène", "Très forte", 5, 25, "Ouvert"),
        6: ("Fonctionnel", "Moyenne", "Critique", 15, "En cours"),
        7: ("Financier", 4, "Significatif", 12, "En cours"),
        8: ("Qualité", 2, 4, 8, "Clos"),
        11: ("Santé", "Faible", 2, 4, "Ouvert"),
    }
    for row, (category, p, i, score, status) in quoted.items():
        rows[row - 1][3:7], rows[row - 1][10] = [category, p, i, score], status
    rows[3][9], rows[3][11] = "16/02/2026", f"5{NNBSP}000,00 €"
    lists = [[n, word] for n, word in enumerate(probability, start=1)]
    save(path, {"Registre des risques": rows, "Listes": lists}, hidden=("Listes",))


def budget_mensuel_fr(path: Path, rng: random.Random) -> None:
    """A wide monthly budget: a row per project and nature (CAPEX/OPEX), one column per month of 2026
    (janv.-26 ... déc.-26, the last two still empty), totals at the right. 18 projects of the tracker."""
    header = [
        "Code",
        "Projet",
        "Nature",
        "Budget annuel",
        *(f"{m}-26" for m in MONTHS_FR),
        "Total réalisé",
        "Écart",
    ]
    rows = [header]
    for n, name in enumerate(FRENCH_PROJECTS[:18], start=1):
        for nature in ("CAPEX", "OPEX"):
            annual = rng.randrange(20_000, 300_000, 100)
            months = [round(annual / 12 * rng.uniform(0.4, 1.4)) for _ in range(10)]
            if n == 1 and nature == "CAPEX":  # janv.-26 and oct.-26, as the tests quote them
                annual, months[0], months[9] = 40_900, 4037, 5094
            rows.append(
                [
                    f"PRJ-2025-{n:03d}",
                    name,
                    nature,
                    annual,
                    *months,
                    None,
                    None,
                    sum(months),
                    annual - sum(months),
                ]
            )
    save(path, {"Budget 2026": rows})


# --- Real public registers -----------------------------------------------------------------------------


def canada_gc_it_projects(path: Path, rng: random.Random) -> None:
    """Government of Canada IT projects: 1,126 rows, money as '$2,812,101', dates as 'July 31, 2022', an
    estimated status in words; UTF-8, commas."""
    header = [
        "deptAcronym", "shortcode", "uniqueId", "department", "latestProjectName", "latestDescription",
        "numOfEntries", "originalBudget", "latestBudget", "originalBudgetSource", "latestBudgetSource",
        "originalEstimatedCompletionDate", "latestEstimatedCompletionDate", "originalEstimatedCompletionDateSource",
        "latestEstimatedCompletionDateSource", "budgetDelta", "budgetDeltaPercentage", "datesDeltaYear",
        "estimatedStatus", "isOver10M", "isOver100M",
    ]  # fmt: skip
    departments = {"aafc": "Agriculture and Agri-Food Canada", "cbsa": "Canada Border Services Agency",
                   "esdc": "Employment and Social Development Canada", "ssc": "Shared Services Canada"}  # fmt: skip
    # The estimated statuses as the register counts them; the first project is "new".
    counts = {"completed": 508, "new": 347, "behind schedule": 112, "unknown (no dates specified)": 60,
              "completed (behind schedule)": 53, "unknown (past due)": 30, "on schedule": 6,
              "ahead of schedule": 5, "completed (ahead of schedule)": 4}  # fmt: skip
    statuses = [status for status, count in counts.items() for _ in range(count)]
    rng.shuffle(statuses)
    statuses.insert(0, "new")
    rows = [header]
    for n in range(1126):
        acronym = list(departments)[n % 4]
        short = "agriclient-crm" if n == 0 else f"project-{n:04d}"
        budget = 2_812_101 if n == 0 else rng.randrange(1_000_000, 250_000_000)
        latest = budget if rng.random() < 0.8 else int(budget * rng.uniform(1.0, 1.9))
        end = date(2022, 7, 31) if n == 0 else date(2016, 3, 31) + timedelta(days=rng.randint(0, 3000))
        later = end if latest == budget else end + timedelta(days=rng.randint(30, 700))
        money = n % 60 != 7  # a few projects state no budget; those of unknown dates, no date
        dated = statuses[n] != "unknown (no dates specified)"
        rows.append(
            [
                acronym, short, f"{acronym}-{short}", departments[acronym],
                "Departmental Client Relationship Management (CRM) Software" if n == 0 else f"IT renewal {n}",
                "To implement a departmental solution, with data migrated into the new system.", str(1 + n % 3),
                f"${budget:,}" if money else "", f"${latest:,}" if money else "", "2022" if money else "",
                "2022" if money else "", f"{end:%B} {end.day}, {end.year}" if dated else "",
                f"{later:%B} {later.day}, {later.year}" if dated else "", "2022" if dated else "",
                "2022" if dated else "", f"${latest - budget:,}" if latest != budget else "",
                f"{(latest - budget) / budget:.2%}" if latest != budget else "", "", statuses[n],
                str(int(latest > 10_000_000)), str(int(latest > 100_000_000)),
            ]
        )  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)


def uk_gmpp_2023(path: Path, rng: random.Random) -> None:
    """UK Government Major Projects Portfolio: 244 rows, ';' separated, Windows-1252 (£), 'colour_rating'
    twice, dates as dd.mm.yyyy, Freedom-of-Information sentences in money and date columns, £m figures
    mangled into dates by a German-locale spreadsheet ('07. Sep', 'Okt 95'), quoted line breaks."""
    header = [
        "year", "project_number", "project_name", "department", "report_category", "description_aims",
        "colour_rating", "colour_rating", "rating_comment", "start_date", "end_date", "schedule_comment",
        "total_baseline", "forecast_incl_NGC", "variance_comment", "wlc_baseline_incl_NCG", "budget_comment",
        "TOTAL Baseline Benefits (£m)", "benefits_comment",
    ]  # fmt: skip
    mangled = ("07. Sep", "03. Jul", "Okt 95", "Feb 14", "04. Mrz", "Jun 35")
    ratings = ("Amber", "Red", "Green", "Amber/Green", "Amber/Red", FOI, None)
    rows = [header]
    for n in range(244):
        start = date(2015, 1, 1) + timedelta(days=rng.randint(0, 2500))
        end = start + timedelta(days=rng.randint(300, 3000))
        figure = rng.random()
        money = (
            mangled[n % 6]
            if figure < 0.3 or n == 0
            else (FOI if figure < 0.35 else str(rng.randint(5, 3000)))
        )
        rows.append(
            [
                "2023", f"CO_{n:04d}_2122-Q{1 + n % 4}", f"Major project {n}", rng.choice(("CO", "DfT", "MOD", "DHSC")),
                rng.choice(("ICT", "Infrastructure and Construction", "Military Capability")),
                "Aims of the project.", rng.choice(ratings), rng.choice(ratings),
                "Compared to 21/22-Q4, the rating remained Amber.\nThis is primarily due to the following factors.",
                FOI if n % 40 == 3 else start.strftime("%d.%m.%Y"),
                EARLY if n % 12 == 5 else end.strftime("%d.%m.%Y"),
                "No deviation from the planned schedule.", money, rng.choice((*mangled, "114", "52", FOI)),
                "The budget variance exceeds 5%.", str(rng.randint(5, 3000)), "Whole life cost unchanged.",
                rng.choice((str(rng.randint(5, 3000)), None, FOI)), "Benefits as planned.",
            ]
        )  # fmt: skip
    # The rows the tests quote: the first (no first rating, then "Amber"; "20.05.2020"; "07. Sep"), the
    # fifth ("Amber" first; "114" £m) and the tenth ("Red" first).
    rows[1][1], rows[1][6:8], rows[1][9], rows[1][12] = (
        "CO_0024_2021-Q2",
        [None, "Amber"],
        "20.05.2020",
        "07. Sep",
    )
    rows[5][1], rows[5][6:8], rows[5][9], rows[5][12] = (
        "CO_0033_2122-Q1",
        ["Amber", None],
        "04.01.2021",
        "114",
    )
    rows[10][1], rows[10][6:8], rows[10][12] = "CO_0028_2021-Q4", ["Red", None], "05. Aug"
    with path.open("w", encoding="cp1252", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows([["" if v is None else v for v in row] for row in rows])


def worldbank_projects_fy2021(path: Path, rng: random.Random) -> None:
    """World Bank projects: a merged title row above the headers, two date styles, amounts as text, risk
    levels Low / Moderate / Substantial / High with many blanks. 500 rows."""
    header = [
        "Project Id", "Region", "Country", "Project Status", "Project Name", "Project Development Objective",
        "Implementing Agency", "Consultant Services Required", "Project URL", "Board Approval Date",
        "Project Closing Date", "Last Stage Reached", "Financing Type", "Current Project Cost", "IBRD Commitment",
        "IDA Commitment", "Total IDA and IBRD Commitment", "Grant Amount", "Borrower", "Lending Instrument",
        "Environmental Assessment Category", "Environmental and Social Risk", "Sector 1", "Sector 2", "Sector 3",
        "Theme 1", "Theme 2",
    ]  # fmt: skip
    rows: list[list] = [["World Bank Projects, data as of 09/22/2022 03:30:58 PM"], header]
    for n in range(500):
        approved = date(2021, 6, 30) - timedelta(days=n // 2)
        closing = approved + timedelta(days=rng.randint(400, 2500))
        cost = rng.randrange(500_000, 500_000_000, 50_000)
        rows.append(
            [
                f"P{176026 + n}", "Western and Central Africa", "Burkina Faso", rng.choice(("Active", "Closed")),
                f"Development project {n}", "To improve the performance of public services.", "Ministry of Finance",
                rng.choice(("Yes", "No", None)), f"https://projects.worldbank.org/en/projects-operations/project-detail/P{176026 + n}",
                f"{approved:%Y-%m-%d}T00:00:00Z",
                f"{closing.month}/{closing.day}/{closing.year} 12:00:00 AM" if rng.random() < 0.65 else None,
                None, None, None if n == 17 else str(cost), None, None, str(cost),
                f"{cost:,}" if rng.random() < 0.4 else None, "Ministry of Finance", "Investment Project Financing",
                None, rng.choice(("Low", "Moderate", "Substantial", "High", None, None)), "Central Government",
                None, None, None, None,
            ]
        )  # fmt: skip
    # data!A3:AA3, as the tests quote it.
    rows[2][3:5] = ["Active", "Burkina Faso Electronic Government Procurement Support"]
    rows[2][9:11], rows[2][13], rows[2][16] = (
        ["2021-06-30T00:00:00Z", "6/30/2023 12:00:00 AM"],
        "500000",
        "500000",
    )
    save(path, {"data": rows}, {"data": ["A1:H1"]})
