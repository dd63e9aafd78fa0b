"""The structure of ``desktop_app``: imports point down the data's way, and nothing imports in a
circle.

Every module under ``desktop_app/`` is parsed with :mod:`ast` (nothing of the code is imported or
run), and each import of a ``desktop_app`` module is an arrow: at module level, inside a function
(a lazy import) and under ``if TYPE_CHECKING:`` alike, since each is a dependency of the design.
``from package import name`` points at ``package.name`` when that is a module, else at the
package's ``__init__``.

The layers, lowest first (:data:`LAYERS`; a module belongs to the longest name that matches it):

0. **base**: the package itself (``__version__``), errors, messages, resources, paths, text,
   terminal, bounded reads, zip damage, atomic writes, hardening, logging, demo data;
1. **intake**: reading the file into a RawTable;
2. **profiles**: what each programme asks for;
3. **mapping**: source columns to the programme's fields;
4. **validation**: findings and the typed table;
5. **categories**: bands, merges, labels;
6. **disclosure**: frequency tables, the threshold rule, suppression, merge search;
7. **protection and delivery**: crypto (CMS, OpenPGP, keys, certificates) and transfer (SFTP,
   tus): mechanisms that know nothing of the draft;
8. **draft**: the officer's choices, the one aggregate the steps read;
9. **steps**: one call per step the officer takes, shared by both faces: check, package (build,
   preview, the office's open), delivery (route, protection, the officer's record), submission,
   tables, the KSZ route;
10. **render**: documents (PDF) with QtGui offscreen, nothing of the wizard;
11. **commands**: the command line's commands, one module each under ``desktop_app/commands``
    (``report`` is the check command's output);
12. **wizard**: ``desktop_app/ui``;
13. **entry**: ``cli.py`` (the registry of commands; parses the command line, runs a command or
    launches the wizard) and ``__main__``.

A module may import its own layer and those below; never one above. No allowlist: a new module
that fits no layer fails until it is given one here.

Besides:

* Qt (PySide6) is imported only under ``desktop_app/ui`` and ``desktop_app/render``.
* The two faces do not import each other: the wizard imports no command.
* The wizard (every module of ``desktop_app/ui``, its pages first) imports the steps, the
  rendering module and Qt, never the computing modules' internals. Concretely: from a computing
  package (:data:`WIZARD_MAY_USE`) only the package's face (its ``__init__``) and the modules named
  there (the step modules and the models they hand over); a new module of such a package is an
  internal until it is named. The engines stay behind their steps: intake's readers, the profile
  loader's parts, the validation checks, the disclosure machinery (tables, rules, suppression,
  audits), the DER/PEM primitives, the upload schemes and their retries.
* No private name (``_x``) is imported from another package (a package may share its own helpers
  between its modules).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop_app"

LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "base",
        (
            "desktop_app",
            "desktop_app.atomic",
            "desktop_app.bounded_read",
            "desktop_app.demo_data",
            "desktop_app.errors",
            "desktop_app.hardening",
            "desktop_app.help",
            "desktop_app.logging_setup",
            "desktop_app.messages",
            "desktop_app.odt",
            "desktop_app.paths",
            "desktop_app.resources",
            "desktop_app.terminal",
            "desktop_app.text",
            "desktop_app.zip_damage",
        ),
    ),
    ("intake", ("desktop_app.intake",)),
    ("profiles", ("desktop_app.profiles",)),
    ("mapping", ("desktop_app.mapping",)),
    ("validation", ("desktop_app.validation",)),
    ("categories", ("desktop_app.categories",)),
    ("disclosure", ("desktop_app.disclosure",)),
    ("protection and delivery", ("desktop_app.crypto", "desktop_app.transfer")),
    ("draft", ("desktop_app.draft", "desktop_app.draft_migrations")),
    (
        "steps",
        (
            "desktop_app.check",
            "desktop_app.delivery",
            "desktop_app.journey",
            "desktop_app.ksz",
            "desktop_app.package",
            "desktop_app.results",
            "desktop_app.submission",
            "desktop_app.tables_command",
        ),
    ),
    ("render", ("desktop_app.render",)),
    ("commands", ("desktop_app.commands", "desktop_app.report")),
    ("wizard", ("desktop_app.ui",)),
    ("entry", ("desktop_app.cli", "desktop_app.__main__")),
]

QT_ALLOWED = ("desktop_app.ui", "desktop_app.render")

WIZARD_MAY_USE: dict[str, tuple[str, ...]] = {
    "desktop_app.intake": ("fingerprint",),
    "desktop_app.profiles": ("model",),
    "desktop_app.mapping": ("model", "start", "store", "suggest", "values"),
    "desktop_app.validation": ("export", "identifier_types", "plain"),
    "desktop_app.categories": ("bands", "derived", "labels", "subgroups"),
    "desktop_app.disclosure": ("preview", "merge_search"),
    "desktop_app.crypto": (
        "envelope",
        "errors",
        "keys",
        "openpgp",
        "openpgp_send",
        "passphrase",
        "recipient",
    ),
    "desktop_app.transfer": ("demo_portal", "hostkey_policy"),
    "desktop_app.package": ("answers", "build", "open", "output", "preview", "summary"),
    "desktop_app.delivery": ("protect", "record", "route", "shred"),
    "desktop_app.ksz": ("choices", "crossing", "documents", "merges", "request", "steps"),
    "desktop_app.results": (
        "benchmark",
        "charts",
        "encrypted",
        "fetched",
        "history",
        "model",
        "publication",
        "report",
        "view",
    ),
}
"""Per computing package, besides its face: the modules the wizard may import."""


# -- reading the code ------------------------------------------------------------------------------


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES: dict[str, Path] = {
    module_name(path): path
    for path in sorted(PACKAGE.rglob("*.py"))
    if "__pycache__" not in path.parts
}
PACKAGES = {name for name, path in MODULES.items() if path.name == "__init__.py"}


def owning_module(name: str) -> str | None:
    """The module an import of ``name`` runs: ``name`` itself, else its nearest parent."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


class Import:
    def __init__(self, importer: str, target: str, names: tuple[str, ...], line: int) -> None:
        self.importer, self.target, self.names, self.line = importer, target, names, line

    def __repr__(self) -> str:
        shown = f" ({', '.join(self.names)})" if self.names else ""
        return f"{MODULES[self.importer].relative_to(ROOT)}:{self.line}: {self.target}{shown}"


def imports_of(module: str) -> Iterator[Import]:
    """Every import of a ``desktop_app`` module in ``module``, wherever it stands in the file."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if module in PACKAGES else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = owning_module(alias.name)
                if alias.name.split(".")[0] == "desktop_app" and target:
                    yield Import(module, target, (), node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            if source.split(".")[0] != "desktop_app":
                continue
            by_target: dict[str, list[str]] = {}
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                target = submodule if submodule in MODULES else owning_module(source)
                if target:
                    by_target.setdefault(target, []).append(alias.name)
            for target, names in by_target.items():
                if target != module:
                    yield Import(module, target, tuple(names), node.lineno)


IMPORTS: dict[str, list[Import]] = {module: list(imports_of(module)) for module in MODULES}


def qt_imports(module: str) -> list[int]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or ""]
        else:
            continue
        if any(name.split(".")[0] == "PySide6" for name in names):
            lines.append(node.lineno)
    return lines


def layer_of(module: str) -> int | None:
    best: tuple[int, int] | None = None  # (length of the matching name, layer)
    for number, (_title, names) in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and (
                best is None or len(name) > best[0]
            ):
                best = (len(name), number)
    return None if best is None else best[1]


def title(module: str) -> str:
    number = layer_of(module)
    return "no layer" if number is None else f"{number} {LAYERS[number][0]}"


def within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


# -- the rules -------------------------------------------------------------------------------------


def test_the_graph_is_read() -> None:
    """The reader sees the code: a known arrow of each kind is there."""
    arrows = {(i.importer, i.target) for imports in IMPORTS.values() for i in imports}
    assert ("desktop_app.check", "desktop_app.validation") in arrows  # a package's face
    assert ("desktop_app.commands.check", "desktop_app.check") in arrows  # inside a function
    assert ("desktop_app.ui.pages.base", "desktop_app.ui.session") in arrows  # under TYPE_CHECKING
    assert len(MODULES) > 100


def test_every_module_has_a_layer() -> None:
    missing = sorted(module for module in MODULES if layer_of(module) is None)
    assert not missing, f"give these modules a layer in LAYERS: {missing}"


def test_imports_point_down() -> None:
    upward = [
        f"{i!r}: layer {title(i.importer)} imports layer {title(i.target)}"
        for imports in IMPORTS.values()
        for i in imports
        if (low := layer_of(i.importer)) is not None
        and (high := layer_of(i.target)) is not None
        and high > low
    ]
    assert not upward, "imports that run up:\n" + "\n".join(upward)


def cycles() -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    graph = {m: sorted({i.target for i in IMPORTS[m]}) for m in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if child < len(graph[node]):
                work.append((node, child + 1))
                nxt = graph[node][child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_cycles() -> None:
    found = cycles()
    described = []
    for component in found:
        inside = set(component)
        arrows = [repr(i) for m in component for i in IMPORTS[m] if i.target in inside]
        described.append("\n  ".join([" <-> ".join(component), *arrows]))
    assert not found, "modules that import each other in a circle:\n" + "\n".join(described)


def test_cycle_finder_finds_a_cycle(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = Import("desktop_app.errors", "desktop_app.messages", (), 1)
    back = Import("desktop_app.messages", "desktop_app.errors", (), 1)
    monkeypatch.setitem(IMPORTS, "desktop_app.errors", [fake])
    monkeypatch.setitem(IMPORTS, "desktop_app.messages", [back])
    assert ["desktop_app.errors", "desktop_app.messages"] in cycles()


def test_qt_only_in_the_wizard_and_the_rendering_module() -> None:
    found = [
        f"{MODULES[m].relative_to(ROOT)}:{line}"
        for m in MODULES
        if not within(m, QT_ALLOWED)
        for line in qt_imports(m)
    ]
    assert not found, f"PySide6 imported outside desktop_app/ui and desktop_app/render: {found}"


def test_the_faces_do_not_import_each_other() -> None:
    commands = LAYERS[[t for t, _ in LAYERS].index("commands")][1]
    found = [
        repr(i)
        for m in MODULES
        if within(m, ("desktop_app.ui",))
        for i in IMPORTS[m]
        if within(i.target, commands)
    ]
    assert not found, f"the wizard imports a command: {found}"


def wizard_may_import(target: str) -> bool:
    for package, public in WIZARD_MAY_USE.items():
        if within(target, (package,)):
            return target == package or target in {f"{package}.{m}" for m in public}
    return True  # base, draft, the step modules outside a package, render, ui


def test_the_wizard_uses_steps_not_internals() -> None:
    found = [
        repr(i)
        for m in MODULES
        if within(m, ("desktop_app.ui",))
        for i in IMPORTS[m]
        if not wizard_may_import(i.target)
    ]
    assert not found, "the wizard reaches into a computing module's internals:\n" + "\n".join(found)


def package_of(module: str) -> str:
    return module if module in PACKAGES else module.rpartition(".")[0]


def test_no_private_names_across_packages() -> None:
    found = [
        repr(i)
        for imports in IMPORTS.values()
        for i in imports
        if package_of(i.importer) != package_of(i.target)
        and any(name.startswith("_") and not name.startswith("__") for name in i.names)
    ]
    assert not found, "private names imported from another package:\n" + "\n".join(found)
