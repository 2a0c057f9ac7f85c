"""Gancho do MkDocs: as fontes do KaTeX começam a chegar junto com o CSS.

As fórmulas vêm prontas do build (``tools/ganchos_katex.py``), mas o navegador só
descobre que precisa das fontes do KaTeX depois de baixar e aplicar o
``katex.min.css`` e montar a página; até lá, as fórmulas ficam invisíveis (o CSS
do KaTeX usa ``font-display: block``, para não mostrar os símbolos numa fonte
errada). Em cada página que tem fórmulas, este gancho põe no ``<head>``, antes
das folhas de estilo, um preload para as duas fontes que quase
toda fórmula usa: ``KaTeX_Main-Regular`` (números, operadores, texto) e
``KaTeX_Math-Italic`` (variáveis, classe ``mathnormal``). As outras fontes do
KaTeX continuam sendo pedidas só quando uma fórmula as usa.

O preload vai num ``<script>`` de uma linha, não numa tag ``<link>``: na cópia
offline (``file://``, ``tools/ganchos_offline.py``) o Chromium recusa o preload
de fonte (é um pedido CORS, e ``file://`` não tem origem), e ali o script não o pede.

Vem depois de ``ganchos_katex`` na lista ``hooks:`` (o HTML das fórmulas já está
na página).
"""

from __future__ import annotations

import json
import re

from mkdocs.utils import get_relative_url

FONTES = "assets/katex/fonts/"
# (fonte, marca no HTML da página que mostra que ela é usada)
PRELOAD = [
    ("KaTeX_Main-Regular.woff2", 'class="katex"'),
    ("KaTeX_Math-Italic.woff2", "mathnormal"),
]
PRIMEIRA_FOLHA = re.compile(r'<link rel="stylesheet"')


def fontes_da_pagina(html: str, url_pagina: str) -> list[str]:
    """Endereços (relativos à página) das fontes do KaTeX em PRELOAD que a página usa."""
    return [
        get_relative_url(FONTES + fonte, url_pagina or ".")
        for fonte, marca in PRELOAD
        if marca in html
    ]


def links_de_preload(html: str, url_pagina: str) -> str:
    """O ``<script>`` que pede o preload das fontes do KaTeX que a página usa (fora de file://)."""
    hrefs = fontes_da_pagina(html, url_pagina)
    if not hrefs:
        return ""
    return (
        '<script>location.protocol!=="file:"&&' + json.dumps(hrefs) + ".forEach(function(h){"
        'var l=document.createElement("link");l.rel="preload";l.as="font";l.type="font/woff2";'
        'l.crossOrigin="anonymous";l.href=h;document.head.appendChild(l)})</script>'
    )


def on_post_page(output, page, config):
    corpo = output.find("<body")
    tags = links_de_preload(output[corpo:] if corpo >= 0 else output, page.url)
    m = PRIMEIRA_FOLHA.search(output)
    if not tags or m is None:
        return output
    return output[:m.start()] + tags + "\n" + output[m.start():]
