"""What pyproject.toml declares holds for what the code imports and for what is installed."""

from __future__ import annotations

import ast
import gc
import importlib.metadata
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from PySide6.QtCore import QObject, Signal

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# bench/ runs as scripts: its modules import each other by their bare names.
FIRST_PARTY = {"recmanager", "tests", "bench"} | {path.stem for path in (ROOT / "bench").glob(
    "*.py")}


def declared() -> dict[str, Requirement]:
    """Every requirement of pyproject.toml (runtime, extras, dev group) by canonical name."""
    project = PYPROJECT["project"]
    lines = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        lines += extra
    for group in PYPROJECT.get("dependency-groups", {}).values():
        lines += [line for line in group if isinstance(line, str)]
    requirements = (Requirement(line) for line in lines)
    return {canonicalize_name(requirement.name): requirement for requirement in requirements}


def imported_top_level_names() -> dict[str, Path]:
    """Each top-level module imported by the package, the tests or the benchmarks."""
    names: dict[str, Path] = {}
    for folder in ("recmanager", "tests", "bench"):
        for source in (ROOT / folder).rglob("*.py"):
            if "node_modules" in source.parts:
                continue
            for node in ast.walk(ast.parse(source.read_bytes(), str(source))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    names.setdefault(module.split(".")[0], source)
    return names


def test_every_imported_package_is_declared():
    distributions = importlib.metadata.packages_distributions()
    requirements = declared()
    undeclared = []
    for name, source in sorted(imported_top_level_names().items()):
        if name in FIRST_PARTY or name in sys.stdlib_module_names:
            continue
        providers = {canonicalize_name(d) for d in distributions.get(name, [name])}
        if not providers & requirements.keys():
            undeclared.append(f"{name} ({', '.join(sorted(providers))}), in {source}")
    assert not undeclared, "imported but not declared in pyproject.toml:\n" + "\n".join(
        undeclared)


def test_the_installed_pyside6_is_one_the_project_accepts():
    """PySide6 6.12.0 dropped a reference to True on every Signal.emit() from Python and the
    interpreter aborted after a few thousand emits; pyproject.toml excludes that version."""
    pyside = declared()["pyside6-essentials"]
    assert not pyside.specifier.contains("6.12.0")
    assert pyside.specifier.contains(importlib.metadata.version("PySide6-Essentials"))


class _Emitter(QObject):
    carried = Signal(object)


class _Payload:
    """A fresh object of its own type: its reference count moves, on every interpreter."""


def test_signal_emits_keep_the_references_they_carry():
    emitter, payload, received = _Emitter(), _Payload(), []
    emitter.carried.connect(received.append)
    for _ in range(500):
        emitter.carried.emit(payload)
    received.clear()
    gc.collect()
    assert sys.getrefcount(payload) == 2  # the local name and getrefcount's argument
