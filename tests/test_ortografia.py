"""Verificação ortográfica (hunspell, pt_BR) do texto das páginas construídas.

Código, fórmulas e links crus ficam de fora; termos técnicos corretos que não estão
no dicionário (palavras em inglês, nomes) ficam nas listas revisadas de
`tests/palavras/*.txt`, uma palavra por linha.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from site_build import paginas_html

PALAVRAS = Path(__file__).with_name("palavras")
IGNORAR = {"pre", "code", "script", "style", "svg", "kbd", "samp"}
DICIONARIO = Path("/usr/share/hunspell/pt_BR.dic")


class _Texto(HTMLParser):
    """Junta o texto do <article>, pulando código, fórmulas e elementos ignorados."""

    def __init__(self):
        super().__init__()
        self.pilha: list[bool] = []  # True = dentro de algo ignorado
        self.no_artigo = 0
        self.partes: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "img", "hr", "input", "meta", "link", "wbr"}:
            return
        classes = dict(attrs).get("class") or ""
        # Fora do texto: fórmulas, âncoras "¶" e, nos notebooks, a cópia oculta do
        # código (botão de copiar) e os prompts "In [n]:".
        ignorar = tag in IGNORAR or any(
            c in classes
            for c in ("arithmatex", "headerlink", "clipboard-copy-txt", "zeroclipboard-container",
                      "jp-InputPrompt", "jp-OutputPrompt")
        )
        self.pilha.append(ignorar or (self.pilha[-1] if self.pilha else False))
        if tag == "article":
            self.no_artigo += 1

    def handle_endtag(self, tag):
        if tag in {"br", "img", "hr", "input", "meta", "link", "wbr"}:
            return
        if self.pilha:
            self.pilha.pop()
        if tag == "article":
            self.no_artigo -= 1

    def handle_data(self, data):
        if self.no_artigo and not (self.pilha and self.pilha[-1]):
            self.partes.append(data)


def texto_da_pagina(html: str) -> str:
    p = _Texto()
    p.feed(html)
    texto = " ".join(p.partes)
    texto = re.sub(r"\S+\.(?:app|com|org|io|net|br)\S*|https?://\S+", " ", texto)  # endereços
    return texto


def _hunspell(texto: str, extras: Path) -> set[str]:
    proc = subprocess.run(
        ["hunspell", "-d", "pt_BR", "-p", str(extras), "-l"],
        input=texto, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return set(proc.stdout.split())


@pytest.fixture(scope="module")
def lista_de_palavras(tmp_path_factory) -> Path:
    if not shutil.which("hunspell") or not DICIONARIO.exists():
        motivo = "hunspell com o dicionário pt_BR não está instalado (apt-get install hunspell hunspell-pt-br)"
        if os.environ.get("REDES_EXIGIR_HUNSPELL") == "1":
            pytest.fail(f"Obrigatório na CI: {motivo}")
        pytest.skip(motivo)
    palavras = sorted({l.strip() for f in PALAVRAS.glob("*.txt") for l in f.read_text().splitlines() if l.strip() and not l.startswith("#")})
    arq = tmp_path_factory.mktemp("hunspell") / "palavras.dic"
    arq.write_text(f"{len(palavras)}\n" + "\n".join(palavras) + "\n")
    return arq


def test_ortografia_das_paginas(site, lista_de_palavras):
    destino, _ = site
    erros = {}
    for pagina in paginas_html(destino):
        ruins = _hunspell(texto_da_pagina(pagina.read_text(encoding="utf-8")), lista_de_palavras)
        if ruins:
            erros[str(pagina.relative_to(destino))] = sorted(ruins)
    assert not erros, "Palavras que o hunspell pt_BR não reconhece (corrija, ou, se for termo técnico correto, ponha em tests/palavras/):\n" + "\n".join(
        f"- {p}: {', '.join(ps)}" for p, ps in erros.items()
    )


def test_verificador_acusa_erros_das_anotacoes(lista_de_palavras):
    """O verificador pega erros reais das anotações originais (ele pode falhar)."""
    html = "<article><p>inspiradas no sistema nervovo, como grandiende descendente</p><pre>nervovo</pre></article>"
    assert _hunspell(texto_da_pagina(html), lista_de_palavras) == {"nervovo", "grandiende"}
