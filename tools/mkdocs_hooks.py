"""Ganchos do MkDocs: servem o KaTeX do pacote npm e geram as figuras.

- O KaTeX (JS, CSS e fontes) vem de ``node_modules/katex/dist`` (instalado por
  ``npm ci``) e é publicado em ``assets/katex/``: o site não pede nada a outro host.
- As figuras são funções ``fig_*`` dos módulos de ``tools/figuras``; cada uma
  vira ``figuras/<nome>.svg`` (``fig_shape_vetor`` → ``figuras/shape-vetor.svg``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

RAIZ = Path(__file__).resolve().parent.parent
KATEX = RAIZ / "node_modules" / "katex" / "dist"
ARQUIVOS_KATEX = ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js"]

# O MkDocs restaura o sys.path depois de carregar este arquivo: importamos já.
sys.path.insert(0, str(RAIZ))
from tools.figuras import gerar_todas  # noqa: E402


def on_files(files, config):
    if not (KATEX / "katex.min.js").exists():
        raise PluginError(
            "KaTeX não encontrado em node_modules/katex: rode `npm ci` (ou `make serve`)."
        )
    nomes = ARQUIVOS_KATEX + [
        f"fonts/{f.name}" for f in sorted((KATEX / "fonts").glob("*.woff2"))
    ]
    for nome in nomes:
        files.append(
            File.generated(config, f"assets/katex/{nome}", abs_src_path=str(KATEX / nome))
        )
    for nome, svg in gerar_todas().items():
        files.append(File.generated(config, f"figuras/{nome}.svg", content=svg))
    return files
