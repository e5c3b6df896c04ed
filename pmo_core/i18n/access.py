"""Access: roles and rights, accounts and sign-in, the audit trail, backups, and the Administration page."""

TEXTS = {
    # Roles and rights
    "access.role.viewer": ("Viewer", "Lecteur"),
    "access.role.manager": ("Project manager", "Chef de projet"),
    "access.role.pmo": ("PMO", "PMO"),
    "access.role.admin": ("Administrator", "Administrateur"),
    "access.role.none": ("No role", "Aucun rôle"),
    "access.right.read": ("read the portfolio", "consulter le portefeuille"),
    "access.right.import": ("import trackers", "importer des suivis"),
    "access.right.profiles": ("save mapping profiles", "enregistrer des profils de correspondance"),
    "access.right.rollback": ("roll an import back", "annuler un import"),
    "access.right.settings": ("change the settings", "modifier les paramètres"),
    "access.right.scoring": (
        "change scoring models and ranks",
        "modifier les modèles de notation et les rangs",
    ),
    "access.right.scenarios": ("save or change scenarios", "enregistrer ou modifier des scénarios"),
    "access.right.committees": ("change committees", "modifier les comités"),
    "access.right.decisions": ("record decisions", "enregistrer des décisions"),
    "access.right.audit": ("read the audit trail", "consulter le journal d'audit"),
    "access.right.users": ("manage users and roles", "gérer les utilisateurs et les rôles"),
    "access.right.backup": ("take backups", "faire des sauvegardes"),
    "access.denied.role": (
        "Your role ({role}) does not give this right: {right}. Nothing was changed; ask the PMO or an administrator.",
        "Votre rôle ({role}) ne donne pas ce droit : {right}. Rien n'a été modifié ; demandez au PMO ou à un "
        "administrateur.",
    ),
    "access.denied.full_scope": (
        "A project manager imports their own projects only: choose a partial import. Nothing was changed.",
        "Un chef de projet n'importe que ses propres projets : choisissez un import partiel. Rien n'a été modifié.",
    ),
    "access.denied.projects": (
        "You do not manage {n:this project|these projects}: {projects}. Remove {n:it|them} from the file, or ask "
        "the PMO to import {n:it|them}. Nothing was changed.",
        "Vous ne gérez pas {n:ce projet|ces projets} : {projects}. Retirez-{n:le|les} du fichier, ou demandez au "
        "PMO de {n:l'importer|les importer}. Rien n'a été modifié.",
    ),
    "access.yesno.no": ("No", "Non"),
    "access.yesno.yes": ("Yes", "Oui"),
    "setting.hide_costs_from_viewers": (
        "Viewers see no cost figure: budgets, actuals, forecasts, cost impacts, business cases and scenario costs "
        "are blank for them, and the Budget and Prioritisation pages are not theirs.",
        "Les lecteurs ne voient aucun montant : budgets, réalisés, prévisions, impacts financiers, analyses de "
        "rentabilité et coûts des scénarios sont vides pour eux, et les pages Budget et Priorisation ne leur sont "
        "pas ouvertes.",
    ),
    "setting.label.hide_costs_from_viewers": (
        "Hide cost figures from viewers",
        "Masquer les montants aux lecteurs",
    ),
    "access.costs_hidden": (
        "Cost figures are hidden for your role.",
        "Les montants sont masqués pour votre rôle.",
    ),
    # Accounts
    "accounts.error.short": (
        "A password needs at least {n} characters.",
        "Un mot de passe compte au moins {n} caractères.",
    ),
    "accounts.error.role": ("The role must be one of: {roles}.", "Le rôle doit être l'un de : {roles}."),
    "accounts.error.name": ("A user needs a name.", "Un utilisateur doit avoir un nom."),
    "accounts.error.exists": ("The user {name} already exists.", "L'utilisateur {name} existe déjà."),
    "accounts.error.unknown": ("There is no user {name}.", "Il n'y a pas d'utilisateur {name}."),
    "accounts.error.wrong": ("Wrong name or password.", "Nom ou mot de passe incorrect."),
    "accounts.error.locked": (
        "Too many failed attempts: this account is locked until {until}. An administrator can unlock it by "
        "setting a new password.",
        "Trop d'essais manqués : ce compte est bloqué jusqu'à {until}. Un administrateur peut le débloquer en "
        "définissant un nouveau mot de passe.",
    ),
    "accounts.error.disabled": ("This account is disabled.", "Ce compte est désactivé."),
    "accounts.error.no_role": (
        "{name} is signed in but has no role in this app yet: ask an administrator to give you one.",
        "{name} est connecté mais n'a pas encore de rôle dans cette application : demandez-en un à un administrateur.",
    ),
    "accounts.error.mismatch": ("The two passwords differ.", "Les deux mots de passe diffèrent."),
    # Command line
    "cli.user.password": ("New password: ", "Nouveau mot de passe : "),
    "cli.user.password_again": ("The same again: ", "Le même, à nouveau : "),
    "cli.user.added": ("User {name} added ({role}).", "Utilisateur {name} ajouté ({role})."),
    "cli.user.password_set": ("Password of {name} set.", "Mot de passe de {name} défini."),
    "cli.user.role_set": ("{name} is now {role}.", "{name} est maintenant {role}."),
    "cli.user.disabled": ("{name} is disabled.", "{name} est désactivé."),
    "cli.user.enabled": ("{name} is enabled.", "{name} est réactivé."),
    "cli.user.flag.disabled": ("disabled", "désactivé"),
    "cli.user.flag.sso": ("signs in elsewhere", "se connecte ailleurs"),
    "cli.audit.broken": (
        "The audit trail was changed behind the app's back at entries {entries}.",
        "Le journal d'audit a été modifié hors de l'application aux entrées {entries}.",
    ),
    "cli.audit.intact": ("The audit trail is intact.", "Le journal d'audit est intact."),
    "cli.backup.done": ("Backup written: {path}", "Sauvegarde écrite : {path}"),
    "cli.restore.done": (
        "{path} restored from {backup}: {tables} tables and {rows} rows, as its manifest says.",
        "{path} restauré depuis {backup} : {tables} tables et {rows} lignes, comme l'indique son manifeste.",
    ),
    # The audit trail
    "audit.sheet": ("Audit trail", "Journal d'audit"),
    "audit.col.entry_id": ("No.", "N°"),
    "audit.col.happened_at": ("When", "Quand"),
    "audit.col.user_name": ("Who", "Qui"),
    "audit.col.role": ("Role", "Rôle"),
    "audit.col.origin": ("From", "Depuis"),
    "audit.col.action": ("Action", "Action"),
    "audit.col.target": ("On", "Sur"),
    "audit.col.outcome": ("Outcome", "Résultat"),
    "audit.col.detail": ("Detail", "Détail"),
    "audit.title": ("Who changed what", "Qui a modifié quoi"),
    "audit.caption": (
        "Every change (imports, rollbacks, settings, scoring models, scenarios, users and roles), every sign-in and "
        "every refused attempt, with who, when and from where. Entries are never changed or removed.",
        "Chaque modification (imports, annulations, paramètres, modèles de notation, scénarios, utilisateurs et "
        "rôles), chaque connexion et chaque tentative refusée, avec qui, quand et d'où. Aucune entrée n'est modifiée "
        "ni supprimée.",
    ),
    "audit.not_allowed": (
        "The audit trail is open to the PMO and administrators.",
        "Le journal d'audit est réservé au PMO et aux administrateurs.",
    ),
    "audit.period": ("Period", "Période"),
    "audit.search": ("Search", "Rechercher"),
    "audit.search.hint": ("a project, a file, an address…", "un projet, un fichier, une adresse…"),
    "audit.refused_only": ("Refused attempts only", "Tentatives refusées seulement"),
    "audit.none": ("No entry matches these filters.", "Aucune entrée ne correspond à ces filtres."),
    "audit.count": (
        "{n} {n:entry|entries}, newest first.",
        "{n} {n:entrée|entrées}, les plus récentes d'abord.",
    ),
    "audit.action.import": ("Import", "Import"),
    "audit.action.rollback": ("Rollback", "Annulation d'import"),
    "audit.action.settings": ("Setting", "Paramètre"),
    "audit.action.risk_bands": ("Risk band table", "Table des niveaux de risque"),
    "audit.action.scoring_model.save": ("Scoring model saved", "Modèle de notation enregistré"),
    "audit.action.scoring_model.delete": ("Scoring model deleted", "Modèle de notation supprimé"),
    "audit.action.rank_override": ("Manual rank", "Rang manuel"),
    "audit.action.scenario.save": ("Scenario saved", "Scénario enregistré"),
    "audit.action.scenario.plan_of_record": ("Plan of record", "Plan de référence"),
    "audit.action.scenario.delete": ("Scenario deleted", "Scénario supprimé"),
    "audit.action.mapping_profile.save": ("Mapping profile saved", "Profil de correspondance enregistré"),
    "audit.action.mapping_profile.delete": ("Mapping profile deleted", "Profil de correspondance supprimé"),
    "audit.action.user.add": ("User added", "Utilisateur ajouté"),
    "audit.action.user.password": ("Password set", "Mot de passe défini"),
    "audit.action.user.role": ("Role given", "Rôle attribué"),
    "audit.action.user.disable": ("User disabled", "Utilisateur désactivé"),
    "audit.action.user.enable": ("User enabled", "Utilisateur réactivé"),
    "audit.action.signin": ("Sign-in", "Connexion"),
    "audit.action.backup": ("Backup", "Sauvegarde"),
    "audit.action.restore": ("Restore", "Restauration"),
    "audit.outcome.done": ("✔ Done", "✔ Fait"),
    "audit.outcome.refused": ("✖ Refused", "✖ Refusé"),
    "audit.download": ("Download as Excel", "Télécharger en Excel"),
    "audit.file": ("audit_trail", "journal_audit"),
    # Sign-in
    "nav.audit": ("Audit trail", "Journal d'audit"),
    "nav.admin": ("Administration", "Administration"),
    "signin.title": ("Sign in to the PMO dashboard", "Connexion au tableau de bord PMO"),
    "signin.name": ("User name", "Nom d'utilisateur"),
    "signin.password": ("Password", "Mot de passe"),
    "signin.button": ("Sign in", "Se connecter"),
    "signin.help": (
        "No account yet, or a forgotten password? Ask your PMO administrator.",
        "Pas encore de compte, ou mot de passe oublié ? Demandez à l'administrateur du PMO.",
    ),
    "signin.expired": (
        "Your session expired: sign in again.",
        "Votre session a expiré : connectez-vous à nouveau.",
    ),
    "signin.oidc": (
        "Sign in with your company account.",
        "Connectez-vous avec votre compte d'entreprise.",
    ),
    "signin.oidc.button": ("Sign in with the company account", "Se connecter avec le compte d'entreprise"),
    "signin.proxy": (
        "You are not signed in. Open the app through the company's address, which signs you in.",
        "Vous n'êtes pas connecté. Ouvrez l'application par l'adresse de l'entreprise, qui vous identifie.",
    ),
    "signin.out": ("Sign out", "Se déconnecter"),
    "signin.as": ("Signed in as {user} ({role})", "Connecté en tant que {user} ({role})"),
    "signin.open_badge": (
        "Open mode: no sign-in, anyone can change the portfolio",
        "Mode ouvert : sans connexion, chacun peut modifier le portefeuille",
    ),
    "signin.open_banner": (
        "Open mode: nobody signs in, and anyone who reaches this address can change the portfolio. For the demo "
        "only; set PMO_AUTH before hosting (README, Deployment).",
        "Mode ouvert : personne ne se connecte, et quiconque atteint cette adresse peut modifier le portefeuille. "
        "Pour la démonstration seulement ; réglez PMO_AUTH avant l'hébergement (README, Deployment).",
    ),
    "access.import.read_only": (
        "Your role reads the import history but does not import.",
        "Votre rôle consulte l'historique des imports mais n'importe pas.",
    ),
    "access.import.managed": (
        "You import the projects you manage: {projects}.",
        "Vous importez les projets que vous gérez : {projects}.",
    ),
    "access.settings.read_only": (
        "The PMO changes the settings; you read them.",
        "Le PMO modifie les paramètres ; vous les consultez.",
    ),
    # Administration
    "admin.title": ("Users, roles and backups", "Utilisateurs, rôles et sauvegardes"),
    "admin.not_allowed": ("This page is for administrators.", "Cette page est réservée aux administrateurs."),
    "admin.users": ("Users", "Utilisateurs"),
    "admin.no_users": (
        "No account yet. People signed in by single sign-on or the proxy get the role of their groups.",
        "Aucun compte. Les personnes connectées par l'authentification unique ou le proxy ont le rôle de leurs "
        "groupes.",
    ),
    "admin.col.name": ("Name", "Nom"),
    "admin.col.display_name": ("Full name", "Nom complet"),
    "admin.col.projects": ("Projects managed", "Projets gérés"),
    "admin.col.has_password": ("Built-in password", "Mot de passe local"),
    "admin.col.disabled": ("Disabled", "Désactivé"),
    "admin.col.locked_until": ("Locked until", "Bloqué jusqu'à"),
    "admin.col.last_sign_in": ("Last sign-in", "Dernière connexion"),
    "admin.add": ("Add a user", "Ajouter un utilisateur"),
    "admin.add.button": ("Add", "Ajouter"),
    "admin.name.help": (
        "The sign-in name, or the e-mail a single sign-on identity signs in with.",
        "Le nom de connexion, ou l'e-mail d'une identité d'authentification unique.",
    ),
    "admin.projects.help": (
        "For a project manager: the codes of their projects, separated by commas.",
        "Pour un chef de projet : les codes de ses projets, séparés par des virgules.",
    ),
    "admin.password.help": (
        "At least 12 characters; leave empty for someone who signs in by single sign-on or the proxy.",
        "Au moins 12 caractères ; laissez vide pour une personne connectée par authentification unique ou le proxy.",
    ),
    "admin.change": ("Change a user", "Modifier un utilisateur"),
    "admin.new_password": ("New password (optional)", "Nouveau mot de passe (facultatif)"),
    "admin.change.button": ("Save", "Enregistrer"),
    "admin.changed": ("{name} saved.", "{name} enregistré."),
    "admin.backups": ("Backups", "Sauvegardes"),
    "admin.backups.caption": (
        "The server writes a consistent copy of the store into {folder} every {hours} h and keeps the last {keep}.",
        "Le serveur écrit une copie cohérente de la base dans {folder} toutes les {hours} h et garde les {keep} "
        "dernières.",
    ),
    "admin.backup_now": ("Back up now", "Sauvegarder maintenant"),
    "admin.backups.latest": ("Latest: {files}", "Dernières : {files}"),
}
