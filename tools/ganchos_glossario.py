"""Ganchos do MkDocs: dicas (tooltips) com os termos do glossário em todas as páginas.

A fonte é uma só: a tabela de ``docs/glossario.md`` (termo | em inglês | o que é |
onde se aprende). Para cada página Markdown (menos o próprio glossário), o gancho
acrescenta as definições de abreviação da extensão ``abbr`` (``*[termo]: dica``),
geradas da tabela. A extensão só marca texto comum: blocos de código, código
na linha e fórmulas ficam de fora.

Depois, no HTML, cada termo fica marcado só na primeira vez em que aparece na
página, nunca dentro de títulos ou links, e a marca recebe ``tabindex="0"``:
tocar nela (tela de toque) ou chegar nela pelo teclado mostra a dica
(``docs/assets/dicas.js``, com o visual das dicas do Material), como passar o
mouse.
"""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

GLOSSARIO = "glossario.md"
_cache: dict[str, object] = {}


def _texto_simples(celula: str) -> str:
    """Markdown de uma célula → texto para o atributo title."""
    texto = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", celula)
    texto = re.sub(r"[*_`]", "", texto)
    return " ".join(texto.split())


def ler_glossario(caminho: Path) -> list[dict]:
    """As linhas da tabela do glossário: formas do termo, inglês, definição, link."""
    linhas = []
    for numero, linha in enumerate(caminho.read_text(encoding="utf-8").splitlines(), 1):
        if not linha.startswith("|") or linha.startswith("| ---") or linha.startswith("| Termo"):
            continue
        celulas = [c.strip() for c in linha.strip().strip("|").split(" | ")]
        if len(celulas) != 4 or not all(celulas):
            raise PluginError(
                f"{caminho.name}, linha {numero}: cada termo precisa de 4 colunas preenchidas "
                f"(termo | em inglês | o que é | onde se aprende), achei {len(celulas)}."
            )
        termo, ingles, definicao, onde = celulas
        linhas.append(
            {
                "formas": [f.strip() for f in termo.split("/") if f.strip()],
                "ingles": _texto_simples(ingles),
                "definicao": _texto_simples(definicao),
                "onde": onde,
            }
        )
    if not linhas:
        raise PluginError(f"{caminho}: a tabela do glossário está vazia.")
    return linhas


def abreviacoes(caminho: Path) -> dict[str, str]:
    """Forma do termo (como escrita e com inicial maiúscula) → texto da dica."""
    chave = (str(caminho), caminho.stat().st_mtime_ns)
    if _cache.get("chave") != chave:
        resultado = {}
        for item in ler_glossario(caminho):
            dica = f"Em inglês: {item['ingles']}. {item['definicao']}"
            for forma in item["formas"]:
                for variante in (forma, forma[:1].upper() + forma[1:]):
                    resultado.setdefault(variante, dica)
        _cache.update(chave=chave, valor=resultado)
    return _cache["valor"]  # type: ignore[return-value]


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == GLOSSARIO or not page.file.src_uri.endswith(".md"):
        return markdown
    # Uma linha em branco entre as definições: cada uma vira um bloco pequeno. Num
    # bloco único, a extensão abbr tira uma definição por vez e devolve o resto do
    # bloco, e todo processador de bloco (admonição, abas, detalhes…) varria de novo
    # os 24 KB que sobravam: eram 30 s de CPU por build, um terço do build frio.
    definicoes = "\n\n".join(
        f"*[{termo}]: {dica}" for termo, dica in abreviacoes(Path(config.docs_dir) / GLOSSARIO).items()
    )
    return f"{markdown}\n\n{definicoes}\n"


_ETIQUETA = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_SEM_DICA = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "summary"}


def marcar_primeiras(html: str) -> str:
    """Mantém só a primeira <abbr> de cada termo, fora de títulos e links, focável."""
    saida, cursor = [], 0
    dentro = {t: 0 for t in _SEM_DICA}
    vistos: set[str] = set()
    removendo = False
    for m in _ETIQUETA.finditer(html):
        fecha, tag = m.group(1) == "/", m.group(2).lower()
        saida.append(html[cursor : m.start()])
        cursor = m.end()
        if tag in _SEM_DICA:
            dentro[tag] += -1 if fecha else 1
            saida.append(m.group(0))
        elif tag == "abbr" and not fecha:
            titulo = re.search(r'title="([^"]*)"', m.group(0))
            chave = html_lib.unescape(titulo.group(1)) if titulo else ""
            removendo = any(dentro.values()) or chave in vistos
            if not removendo:
                vistos.add(chave)
                saida.append(m.group(0).replace("<abbr ", '<abbr tabindex="0" ', 1))
        elif tag == "abbr" and fecha:
            if not removendo:
                saida.append(m.group(0))
            removendo = False
        else:
            saida.append(m.group(0))
    saida.append(html[cursor:])
    return "".join(saida)


def on_page_content(html, page, config, files):
    if "<abbr" not in html:
        return html
    return marcar_primeiras(html)
