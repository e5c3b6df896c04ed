"""Conventions the code base keeps, checked so they stay kept."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from pmo_core import settings, store
from pmo_core.fields import ENTITIES, all_fields
from pmo_core.i18n import AREAS, t, table

ROOT = Path(__file__).resolve().parents[2]
CHECK_ONLY_FIELDS = {
    ("risks", "score"),
    ("milestones", "project_name"),
    ("risks", "project_name"),
    ("costs", "project_name"),
    ("business_case", "project_name"),
    ("demand", "project_name"),
}


def python_files(*folders: str) -> list[Path]:
    return [path for folder in folders for path in (ROOT / folder).rglob("*.py")]


def test_the_core_never_imports_streamlit():
    for path in python_files("pmo_core"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            assert not any(n.split(".")[0] == "streamlit" for n in names), path


def core_imports() -> dict[str, set[str]]:
    """Return, for each pmo_core module (the i18n package counted as one), the pmo_core modules it imports,
    at the top or inside a function alike: a deferred import is still a dependency. An import only for type
    annotations (under `if TYPE_CHECKING:`) names a parameter's type, not a use, and is left out."""

    def module_of(path: Path) -> str:
        parts = path.relative_to(ROOT / "pmo_core").with_suffix("").parts
        return parts[0] if parts[0] != "__init__" else "pmo_core"

    def nodes(tree: ast.AST):
        for node in ast.iter_child_nodes(tree):
            if isinstance(node, ast.If) and ast.unparse(node.test) in (
                "TYPE_CHECKING",
                "typing.TYPE_CHECKING",
            ):
                yield from (n for other in node.orelse for n in [other, *nodes(other)])
                continue
            yield node
            yield from nodes(node)

    graph: dict[str, set[str]] = {}
    for path in python_files("pmo_core"):
        imported = graph.setdefault(module_of(path), set())
        for node in nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "pmo_core":
                names = [f"pmo_core.{a.name}" for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            imported.update(n.split(".")[1] for n in names if n.startswith("pmo_core."))
    for module, imported in graph.items():
        imported &= set(graph)
        imported.discard(module)
    return graph


def test_core_modules_import_one_way_without_a_cycle():
    graph = core_imports()
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path[path.index(module) :], module))
        if module not in done:
            for imported in sorted(graph[module]):
                visit(imported, (*path, module))
            done.add(module)

    for module in sorted(graph):
        visit(module, ())
    # reading and understanding a file know nothing of the template writer, the store's batches or the views
    assert not graph["importer"] & {"template", "snapshots", "exports", "portfolio"}


def test_pages_hold_no_sql_and_open_no_connection():
    for path in [*python_files("pages"), ROOT / "app.py"]:
        text = path.read_text(encoding="utf-8")
        assert "duckdb.connect" not in text, path
        assert not re.search(r"\bSELECT\b.+\bFROM\b", text), path
        assert ".execute(" not in text, path


def test_pages_draw_tables_through_the_house_table():
    for path in python_files("pages"):
        if path.name != "common.py":
            assert "st.dataframe(" not in path.read_text(encoding="utf-8"), path


def test_every_translation_has_english_and_french_with_the_same_placeholders():
    formatter = string.Formatter()
    for key, (en, fr) in table().items():
        assert en.strip() and fr.strip(), key
        placeholders = [{name for _, name, _, _ in formatter.parse(text) if name} for text in (en, fr)]
        assert placeholders[0] == placeholders[1], key


def test_counts_agree_with_their_words_instead_of_writing_s_in_brackets():
    for key, (en, fr) in table().items():
        assert not re.search(r"\((?:s|x|es)\)", en + fr), key
    assert t("risks.register.count", "en", total=1) == "1 risk."
    assert t("risks.register.count", "en", total=0) == "0 risks."
    assert t("risks.register.count", "fr", total=0) == "0 risque."  # French counts zero in the singular
    assert t("risks.register.count", "fr", total="1 234") == "1 234 risques."  # a count already formatted
    assert t("import.blocked", "fr", errors=1).startswith("1 erreur bloque l'import\u00a0: corrigez-la")
    assert t("import.blocked", "en", errors=3).startswith("3 errors block the import: correct them")
    assert t("import.blocked", "en", errors=1).startswith("1 error blocks the import: correct it")


def test_translation_keys_used_in_code_exist():
    known = table()
    pattern = re.compile(r"""\b(?:tr|t)\(\s*["']([a-z_]+\.[a-zA-Z0-9_.]*[a-zA-Z0-9_])["']""")
    missing = []
    for path in [*python_files("pmo_core", "pages"), ROOT / "app.py"]:
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            if key not in known:
                missing.append(f"{path.relative_to(ROOT)}: {key}")
    assert missing == []


def test_each_translation_area_is_a_module():
    for area in AREAS:
        assert (ROOT / "pmo_core" / "i18n" / f"{area}.py").exists(), area


def test_every_setting_is_documented_in_both_languages():
    known = table()
    for setting in settings.SETTINGS:
        assert f"setting.{setting.name}" in known, setting.name
        assert f"setting.label.{setting.name}" in known, setting.name
        settings.coerce(setting.name, setting.default)  # the default itself is valid


def test_every_field_has_a_column_in_its_table():
    con = store.connect(":memory:")
    tables = {
        "projects": "project_rows",
        "milestones": "milestone_rows",
        "risks": "risk_rows",
        "costs": "cost_rows",
        "business_case": "business_case_rows",
        "resources": "capacity_rows",
        "demand": "demand_rows",
    }
    for entity in ENTITIES:
        columns = {
            row[0]
            for row in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = $t",
                {"t": tables[entity]},
            ).fetchall()
        }
        for spec in all_fields()[entity]:
            if (entity, spec.name) in CHECK_ONLY_FIELDS:
                continue
            assert spec.name in columns, f"{entity}.{spec.name}"


@pytest.mark.parametrize("path", sorted(store.MIGRATIONS.glob("*.sql")), ids=lambda p: p.name)
def test_migrations_are_numbered(path):
    assert re.match(r"\d{3}_[a-z0-9_]+\.sql$", path.name)


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in settings.SETTINGS:
        assert f"| `{setting.name}` |" in readme, setting.name


def test_the_readme_quick_start_is_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    assert quick_start.split("```")[1].split() == ["make", "run", "make", "test"]


def test_every_hosting_variable_is_documented_in_the_readme():
    from pmo_core import hosting

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for option in hosting.OPTIONS:
        assert f"| `{option.name}` |" in readme, option.name


def test_no_page_lets_text_through_as_html():
    """Workbook text (names, comments) reaches pages; none of them may hand text to the browser as HTML.

    The one exception is the frame's stylesheet: a .css file of the repository, given by its path."""
    stylesheet = 'st.html(HERE / "pages" / "ui" / "projector.css")'
    assert stylesheet in (ROOT / "app.py").read_text(encoding="utf-8")
    for path in [*python_files("pages"), ROOT / "app.py"]:
        text = path.read_text(encoding="utf-8").replace(stylesheet, "")
        assert "unsafe_allow_html" not in text, path
        assert not re.search(r"\bst\.html\(|components\.v1\.html|components\.html\(", text), path


def test_the_server_keeps_its_xsrf_and_cookie_protections():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    server = config["server"]
    assert server["enableXsrfProtection"] is True
    assert (
        server.get("enableCORS", True) is True
    )  # Streamlit's default; turning it off would need XSRF off too
    assert "cookieSecret" not in server  # a secret in git would let anyone forge the session cookies
    assert server["maxUploadSize"] == settings.BY_NAME["max_upload_mb"].default
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert ".streamlit/secrets.toml" in ignored
