"""The import graph reads in layers, and no module reaches into another's private names.

Each module of afrel sits in one layer; at run time (imports under ``TYPE_CHECKING`` are for
annotations only) it may import modules of its own layer or of layers below. A name or a module
whose name starts with an underscore is private to its module or package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import afrel

PACKAGE = Path(afrel.__file__).parent

LAYERS: list[tuple[str, set[str]]] = [
    ("foundations", {"afrel.errors", "afrel.kinds", "afrel.dates", "afrel.countries"}),
    ("records", {"afrel.model", "afrel.schema", "afrel.validation"}),
    ("time index", {"afrel.index"}),
    ("snapshots", {"afrel.snapshots"}),
    ("graph and files", {"afrel.graph", "afrel.names", "afrel.io", "afrel.export"}),
    (
        "analysis",
        {
            "afrel.blocs",
            "afrel.align",
            "afrel.compare",
            "afrel.shifts",
            "afrel.sensitivity",
            "afrel.similarity",
            "afrel.unga",
        },
    ),
    ("plots", {"afrel.style", "afrel.plot"}),
    (
        "report, explorer and CLI",
        {"afrel.report", "afrel.findings", "afrel.explorer", "afrel.cli", "afrel.__main__", "afrel"},
    ),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> int:
    for depth, (_, members) in enumerate(LAYERS):
        if module in members or any(module.startswith(m + ".") for m in members if m != "afrel"):
            return depth
    raise AssertionError(f"{module} is in no layer: add it to LAYERS in {__name__}")


def runtime_imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) for each afrel import outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }
    out = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "afrel":
            out.append((node.lineno, node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out.extend((node.lineno, a.name, []) for a in node.names if a.name.split(".")[0] == "afrel")
    return out


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    for path in MODULES:
        layer_of(module_name(path))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_go_to_the_same_layer_or_below(path: Path) -> None:
    me = module_name(path)
    mine = layer_of(me)
    for line, target, names in runtime_imports(path):
        # "from afrel import plot" names a submodule, not a layer of the package's top
        targets = [f"{target}.{n}" if target == "afrel" and f"afrel.{n}" in _SUBMODULES else target for n in names]
        for t in targets or [target]:
            theirs = layer_of(t)
            assert theirs <= mine, (
                f"{me} (layer {LAYERS[mine][0]!r}) imports {t} (layer {LAYERS[theirs][0]!r}) at line {line}"
            )


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_module_imports_another_modules_private_names(path: Path) -> None:
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    for line, target, names in runtime_imports(path):
        private_module = next((p for p in target.split(".") if p.startswith("_")), None)
        if private_module is not None:
            owner = target.split("." + private_module)[0]
            assert package == owner or package.startswith(owner + "."), (
                f"{me} imports {target}, a private module of {owner}, at line {line}"
            )
        for name in names:
            assert not name.startswith("_") or name == "__version__", (
                f"{me} imports the private name {name} from {target} at line {line}"
            )


_SUBMODULES = {module_name(p) for p in MODULES}


def test_each_module_docstring_says_its_job() -> None:
    for path in MODULES:
        if path.name == "__main__.py":
            continue
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc and len(doc.split()) >= 6, f"{module_name(path)} has no docstring saying what it is for"
