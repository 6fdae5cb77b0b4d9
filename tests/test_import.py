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
