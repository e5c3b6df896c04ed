"""Where changes start on the pages: the snapshot the last committee reviewed, else the previous one."""

TEXTS = {
    "since.move.help": (
        "Starts at the snapshot the last committee reviewed (else the previous one), as on the Overview; "
        "choose another to compare with it.",
        "Commence à l'instantané revu par le dernier comité (sinon le précédent), comme sur la vue "
        "d'ensemble\u00a0; choisissez-en un autre pour comparer.",
    ),
    "since.budget.help": (
        "{since}, its figures at its own status date, {status}.",
        "{since}, ses chiffres à sa propre date d'arrêté, le {status}.",
    ),
}
