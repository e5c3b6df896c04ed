"""The pages draw every chart through pmo_core.charts: one chart, one function, shared with presentation
mode and the committee pack, so no page builds a chart of its own."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE_FILES = [*sorted((ROOT / "pages").rglob("*.py")), ROOT / "app.py"]


def test_no_page_builds_a_chart():
    assert PAGE_FILES, "no page found"
    building = [
        str(path.relative_to(ROOT)) for path in PAGE_FILES if "alt.Chart(" in path.read_text(encoding="utf-8")
    ]
    assert building == []


def test_no_page_imports_altair():
    importing = []
    for path in PAGE_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(name.split(".")[0] == "altair" for name in names):
                importing.append(str(path.relative_to(ROOT)))
    assert importing == []


def _chart_calls(tree: ast.AST):
    for node in ast.walk(tree):
        func = getattr(node, "func", None)
        named = isinstance(func, ast.Attribute) and func.attr == "chart" and isinstance(func.value, ast.Name)
        if isinstance(node, ast.Call) and named and func.value.id == "common":
            yield node


def test_pages_hand_the_chart_function_not_a_built_chart():
    """A page gives common.chart the chart function and its inputs, so a run that finds the chart's finished
    specification (another session drew it) does not build it: a chart built in the call would be."""
    building, calls = [], 0
    for path in PAGE_FILES:
        for call in _chart_calls(ast.parse(path.read_text(encoding="utf-8"))):
            calls += 1
            if call.args and isinstance(call.args[0], ast.Call):
                building.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert calls > 10, "the pages' chart calls were not found"
    assert building == []
