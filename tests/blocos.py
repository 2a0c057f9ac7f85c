"""Extrai os blocos de código Python das páginas e as saídas que elas mostram.

A lógica mora em ``tools/blocos_pagina.py`` (o build a usa para gerar o notebook
de cada página); aqui ela ganha uma conferência independente: o extrator do
pytest-codeblocks precisa achar as mesmas cercas.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pytest_codeblocks.main import extract_from_buffer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.blocos_pagina import (  # noqa: E402,F401 - reexportados para os testes
    CERCA,
    DOCS,
    RAIZ,
    TITULO_SAIDA,
    Bloco,
    blocos_do_texto,
    cercas,
    eh_python,
    expandir_snippets as _expandir_snippets,
    linguagem,
    paginas,
)


def blocos_da_pagina(pagina: Path) -> list[Bloco]:
    texto = pagina.read_text(encoding="utf-8")
    # Conferência independente: o extrator do pytest-codeblocks acha as mesmas
    # cercas (ele aceita qualquer info, nós só rodamos as de Python).
    with open(pagina, encoding="utf-8") as f:
        externas = extract_from_buffer(f)
    todas = cercas(texto)
    if len(externas) != len(todas):
        raise ValueError(
            f"{pagina}: {len(todas)} blocos encontrados, mas o pytest-codeblocks vê "
            f"{len(externas)}; confira as cercas (```)."
        )
    return blocos_do_texto(pagina, texto)
