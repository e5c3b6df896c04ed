"""What a steering committee reads first on a projector: compact tables with the rest behind an option, the
roadmap of the projects in trouble, the largest projects named on the value and risk chart."""

TEXTS = {
    "projector.all_columns": ("Show every column", "Afficher toutes les colonnes"),
    "projector.all_columns.help": (
        "The table shows the columns a committee reads first; this adds the others (they scroll sideways).",
        "Le tableau montre d'abord les colonnes qu'un comité lit ; ceci ajoute les autres (défilement latéral).",
    ),
    "projector.roadmap.all": ("Every project", "Tous les projets"),
    "projector.roadmap.all.help": (
        "The roadmap shows the red and amber projects first; this adds every other one.",
        "La feuille de route montre d'abord les projets rouges et orange ; ceci ajoute tous les autres.",
    ),
    "projector.roadmap.troubled": (
        "{n} red or amber {n:project|projects} of {total}: switch on “Every project” to see them all.",
        "{n} {n:projet rouge ou orange|projets rouges ou orange} sur {total} : activez « Tous les projets » "
        "pour les voir tous.",
    ),
    "projector.roadmap.none_troubled": (
        "No project of this selection is red or amber: switch on “Every project” to see the roadmap.",
        "Aucun projet de cette sélection n'est rouge ou orange : activez « Tous les projets » pour voir la "
        "feuille de route.",
    ),
    "projector.bubble.named": (
        "The {n} largest budgets are named on the chart.",
        "Les {n} plus gros budgets sont nommés sur le graphique.",
    ),
    "signin.open_as": ("No sign-in: everyone acts as {role}", "Sans connexion : chacun agit en {role}"),
}
