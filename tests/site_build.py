"""Constrói o site uma vez por sessão de testes (mkdocs build --strict)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent


def construir(destino: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destino)],
        cwd=RAIZ,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def paginas_html(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)
