from __future__ import annotations

import subprocess
import sys


def test_import_is_light() -> None:
    code = (
        "import sys, afrel; "
        "heavy = [m for m in ('matplotlib', 'pandas', 'scipy', 'numpy', 'networkx') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_public_api_is_typed_and_exported() -> None:
    import importlib.resources

    import afrel

    assert importlib.resources.files("afrel").joinpath("py.typed").is_file()
    for name in afrel.__all__:
        assert hasattr(afrel, name), name


def test_plot_and_report_load_on_first_attribute_access():
    code = (
        "import sys, afrel; "
        "assert 'matplotlib' not in sys.modules; "
        "assert callable(afrel.plot.timeline) and callable(afrel.report.write_report); "
        "assert afrel.plot is sys.modules['afrel.plot']; "
        "assert {'plot', 'report'} <= set(dir(afrel))"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
