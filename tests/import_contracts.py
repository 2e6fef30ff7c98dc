"""An import-linter contract type for what its built-in ones cannot say.

import-linter sees an external package only whole (`PySide6`), so its
`forbidden` contract cannot forbid one part of it (`PySide6.QtWidgets`) while
allowing another (`PySide6.QtGui`, which the export draws the roadmap with).
This contract can: it follows every import from the source modules, those in
functions too, through pmdesk's own modules, and reads the import statements of
each module that imports the package to see which parts it takes.
Registered in pyproject.toml under [tool.importlinter] `contract_types`.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from typing import cast

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck
from importlinter.domain.imports import Module


def imported_names(source: str) -> dict[str, list[int]]:
    """Every module (or name in a module) a source text imports, with the lines."""
    found: dict[str, list[int]] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            found.setdefault(name, []).append(node.lineno)
    return found


def _takes(name: str, forbidden: str) -> bool:
    return name == forbidden or name.startswith(forbidden + ".")


def _source_text(module: str) -> str:
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).read_text(encoding="utf-8")


def _chain(graph: ImportGraph, starts: set[str], module: str) -> list[str]:
    """The shortest way a source module comes to import `module`."""
    if module in starts:
        return [module]
    chains = [graph.find_shortest_chain(importer=s, imported=module) for s in sorted(starts)]
    shortest = min((c for c in chains if c), key=len)
    return list(shortest)


class ForbiddenSubmoduleContract(Contract):
    """source_modules (packages: all their modules) must not import, directly
    or through other modules of the project, any of forbidden_modules, which
    are parts of external packages ("PySide6.QtWidgets")."""

    type_name = "forbidden_submodules"

    source_modules = fields.ListField(subfield=fields.ModuleField())
    forbidden_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        roots = set(self.session_options["root_packages"])
        # Contract.__init__ replaces each field declared on the class with its parsed value.
        source_modules = cast(list[Module], self.source_modules)
        forbidden_modules = cast(list[str], self.forbidden_modules)
        packages = {f.split(".")[0] for f in forbidden_modules}
        violations = []
        for source in source_modules:
            starts = {source.name} | graph.find_descendants(source.name)
            reached = set(starts)
            for start in starts:
                reached |= {
                    m for m in graph.find_upstream_modules(start) if m.split(".")[0] in roots
                }
            for module in sorted(reached):
                if not any(
                    graph.direct_import_exists(importer=module, imported=p) for p in packages
                ):
                    continue
                names = imported_names(_source_text(module))
                for forbidden in forbidden_modules:
                    taken = [ns for name, ns in names.items() if _takes(name, forbidden)]
                    if taken:
                        lines = sorted({n for ns in taken for n in ns})
                        chain = _chain(graph, starts, module)
                        violations.append({"chain": chain, "imported": forbidden, "lines": lines})
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for violation in check.metadata["violations"]:
            chain = " -> ".join(violation["chain"])
            lines = ", ".join(f"l.{n}" for n in violation["lines"])
            output.print_error(f"{chain} -> {violation['imported']} ({lines})", bold=False)
            output.new_line()
