"""Gancho do MkDocs: as fórmulas viram HTML no build, com o KaTeX do npm.

O ``pymdownx.arithmatex`` (modo ``generic``) deixa cada fórmula como
``<span class="arithmatex">\\( … \\)</span>`` (na linha) ou
``<div class="arithmatex">\\[ … \\]</div>`` (em bloco); o notebook usa a mesma
marcação nas células de texto. Depois que cada página é montada, as fórmulas
dela vão, num só pedido, para um processo ``node`` (``tools/katex_lote.js``) que
fica aberto durante o build inteiro e devolve o HTML+MathML do
``katex.renderToString``. A página leva só o CSS e as fontes do KaTeX: nenhum
JavaScript de fórmulas roda no navegador. Um erro de TeX falha o build.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

RAIZ = Path(__file__).resolve().parent.parent
SCRIPT = RAIZ / "tools" / "katex_lote.js"
# O conteúdo não tem tags (o arithmatex escapa <, > e &), então o fechamento é o primeiro.
FORMULA = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.S)


class ErroDeTex(Exception):
    """Fórmulas que o KaTeX recusou: lista de (tex, mensagem)."""

    def __init__(self, erros: list[tuple[str, str]]):
        self.erros = erros
        super().__init__("; ".join(f"{tex!r}: {msg}" for tex, msg in erros))


class Katex:
    """Um processo node com o KaTeX, reaproveitado por todas as páginas (e rebuilds)."""

    def __init__(self):
        self.proc: subprocess.Popen | None = None
        self.cache: dict[tuple[str, bool], str] = {}

    def _processo(self) -> subprocess.Popen:
        if self.proc is None or self.proc.poll() is not None:
            node = shutil.which("node")
            if node is None:
                raise PluginError("Node.js não encontrado: ele renderiza as fórmulas no build (instale Node.js ≥ 18).")
            if not (RAIZ / "node_modules" / "katex").is_dir():
                raise PluginError("KaTeX não encontrado em node_modules/katex: rode `npm ci` (ou `make serve`).")
            self.proc = subprocess.Popen(
                [node, str(SCRIPT)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                cwd=RAIZ,
            )
        return self.proc

    def renderizar(self, formulas: list[tuple[str, bool]]) -> list[str]:
        """HTML de cada (tex, display), na mesma ordem; ErroDeTex se alguma falhar."""
        faltam = [f for f in dict.fromkeys(formulas) if f not in self.cache]
        if faltam:
            proc = self._processo()
            proc.stdin.write(json.dumps([{"tex": t, "display": d} for t, d in faltam]) + "\n")
            proc.stdin.flush()
            linha = proc.stdout.readline()
            if not linha:
                erro = proc.stderr.read() if proc.poll() is not None else ""
                self.proc = None
                raise PluginError(f"o processo do KaTeX (node {SCRIPT.name}) terminou sem responder:\n{erro}")
            resposta = json.loads(linha)
            if "erros" in resposta:
                raise ErroDeTex([(e["tex"], e["erro"]) for e in resposta["erros"]])
            self.cache.update(zip(faltam, resposta["html"]))
        return [self.cache[f] for f in formulas]

    def fechar(self):
        if self.proc is not None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            self.proc = None


KATEX = Katex()


def _tex(bruto: str) -> tuple[str, bool]:
    """`\\(x\\)` → ("x", False); `\\[x\\]` → ("x", True)."""
    texto = html.unescape(bruto).strip()
    if texto.startswith("\\(") and texto.endswith("\\)"):
        return texto[2:-2].strip(), False
    if texto.startswith("\\[") and texto.endswith("\\]"):
        return texto[2:-2].strip(), True
    raise ValueError(f"fórmula sem \\( \\) nem \\[ \\]: {texto[:80]!r}")


def renderizar_formulas(html_pagina: str, origem: str = "") -> str:
    """Troca o TeX de cada `.arithmatex` pelo HTML do KaTeX (mantém o invólucro)."""
    achados = list(FORMULA.finditer(html_pagina))
    if not achados:
        return html_pagina
    try:
        formulas = [_tex(m[2]) for m in achados]
        saidas = KATEX.renderizar(formulas)
    except (ErroDeTex, ValueError) as e:
        erros = e.erros if isinstance(e, ErroDeTex) else [("", str(e))]
        raise PluginError(
            f"{origem}: erro de TeX:\n" + "\n".join(f"- {tex!r}: {msg}" for tex, msg in erros)
        ) from None
    partes, fim = [], 0
    for m, saida in zip(achados, saidas):
        partes += [html_pagina[fim:m.start()], f'<{m[1]} class="arithmatex">{saida}</{m[1]}>']
        fim = m.end()
    partes.append(html_pagina[fim:])
    return "".join(partes)


def on_post_page(output, page, config):
    # Depois de montada a página: o índice da busca (feito antes) guarda o TeX, não o HTML do KaTeX.
    return renderizar_formulas(output, page.file.src_uri)


def on_shutdown():
    KATEX.fechar()


def on_post_build(config):
    # No `mkdocs build` o processo não é mais necessário; no `serve`, ele volta no próximo build.
    KATEX.fechar()
