"""Ganchos do MkDocs para a busca: consultas sem acento acham o texto acentuado.

O worker de busca do Material (lunr) carrega ``assets/javascripts/lunr/min/lunr.pt.min.js``
antes de montar o índice. Depois do build, este gancho acrescenta ao fim desse
arquivo publicado o trecho ``tools/busca_lunr.js``, que troca o stemmer português
por radicais sem acentos (no índice e na consulta). O texto do índice não muda:
os resultados mostram e destacam as palavras com acento.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

TRECHO = Path(__file__).resolve().parent / "busca_lunr.js"
LUNR_PT = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.pt.min.js"
MARCA = "Redes Neurais: busca sem acentos"


def on_post_build(config):
    alvo = Path(config.site_dir) / LUNR_PT
    if not alvo.exists():
        raise PluginError(
            f"{LUNR_PT} não foi publicado pelo Material: a busca sem acentos "
            "(tools/ganchos_busca.py) precisa dele; confira `plugins: search: lang: pt`."
        )
    texto = alvo.read_text(encoding="utf-8")
    if MARCA not in texto:  # `mkdocs serve` pode reconstruir sem copiar de novo
        alvo.write_text(texto + "\n" + TRECHO.read_text(encoding="utf-8"), encoding="utf-8")
