from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_is_light() -> None:
    code = (
        "import sys, afrel; "
        "heavy = [m for m in ('matplotlib', 'pandas', 'scipy', 'numpy', 'networkx') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def _exports(module: str, name: str, obj: object) -> bool:
    """Whether ``module`` is a module that lists ``name`` in its ``__all__`` as this very object."""
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError:
        return False  # a target naming a function or class, not a module
    return name in getattr(mod, "__all__", ()) and getattr(mod, name, None) is obj


def test_every_public_name_has_a_docstring_and_a_place_in_the_api_reference() -> None:
    """Each name in afrel.__all__ exists, says what it is, and is rendered by docs/api.md.

    docs/api.md renders an object when a ``::: target`` line names it (``afrel.model.Actor``) or
    names its module and the module lists it in ``__all__`` (``::: afrel.blocs`` renders ``CAMPS``).
    """
    import importlib
    import importlib.resources
    import inspect

    import afrel

    assert importlib.resources.files("afrel").joinpath("py.typed").is_file()
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    targets = set(re.findall(r"^::: *(\S+)", api, re.MULTILINE))
    undocumented, unreachable = [], []
    for name in afrel.__all__:
        if name == "__version__":
            continue  # package metadata, not API
        obj = getattr(afrel, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            if not (obj.__doc__ or "").strip():
                undocumented.append(name)
            homes = {obj.__module__}
            if f"{obj.__module__}.{obj.__qualname__}" in targets:
                continue
        else:  # a constant: rendered with the module that defines and exports it
            homes = {t for t in targets if t.startswith("afrel.")}
        if not any(home in targets and _exports(home, name, obj) for home in homes):
            unreachable.append(name)
    assert undocumented == [], f"no docstring: {undocumented}"
    assert unreachable == [], f"not rendered by docs/api.md: {unreachable}"


def test_plot_and_report_load_on_first_attribute_access() -> None:
    code = (
        "import sys, afrel; "
        "assert 'matplotlib' not in sys.modules; "
        "assert callable(afrel.plot.timeline) and callable(afrel.report.write_report); "
        "assert afrel.plot is sys.modules['afrel.plot']; "
        "assert {'plot', 'report'} <= set(dir(afrel))"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
