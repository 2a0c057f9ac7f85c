"""Figuras do site, geradas por código (matplotlib, SVG) durante o build.

Cada módulo deste pacote define funções ``fig_<nome>()`` que devolvem uma
``matplotlib.figure.Figure``. ``gerar_todas`` chama todas e devolve o SVG de
cada uma, com nome ``<nome>`` trocando ``_`` por ``-``. O resultado fica em
cache (``.cache/figuras``), indexado pelo código do módulo e do pacote ``redes``,
para que ``mkdocs serve`` não refaça figuras que não mudaram.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import pkgutil
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2]
CACHE = RAIZ / ".cache" / "figuras"


def _estilo():
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update(
        {
            "svg.hashsalt": "redes-neurais",  # ids estáveis: o mesmo SVG a cada build
            "svg.fonttype": "path",  # texto vira curva: nenhuma fonte externa
            "figure.dpi": 100,
            "font.size": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )


def _para_svg(fig) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return buf.getvalue()


def _impressao() -> str:
    """Resumo do código das figuras e do pacote ``redes``: muda se algum mudar."""
    h = hashlib.sha256()
    pastas = [Path(__file__).parent, RAIZ / "src" / "redes"]
    for arq in sorted(a for p in pastas for a in p.glob("*.py")):
        h.update(arq.read_bytes())
    return h.hexdigest()[:16]


def gerar_todas() -> dict[str, bytes]:
    _estilo()
    svgs: dict[str, bytes] = {}
    impressao = _impressao()
    for info in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if info.name.startswith("_"):
            continue
        modulo = importlib.import_module(f"tools.figuras.{info.name}")
        modulo = importlib.reload(modulo)  # `mkdocs serve`: pega o código novo
        for nome_func in sorted(dir(modulo)):
            if not nome_func.startswith("fig_"):
                continue
            nome = nome_func[4:].replace("_", "-")
            if nome in svgs:
                raise ValueError(f"Figura repetida: {nome} (em {info.name}).")
            arq = CACHE / f"{nome}.{impressao}.svg"
            if not arq.exists():
                CACHE.mkdir(parents=True, exist_ok=True)
                for velho in CACHE.glob(f"{nome}.*.svg"):
                    velho.unlink()
                arq.write_bytes(_para_svg(getattr(modulo, nome_func)()))
            svgs[nome] = arq.read_bytes()
    return svgs
