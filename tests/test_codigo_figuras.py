"""O código de cada figura está ao alcance do leitor, logo abaixo dela.

``tools/ganchos_codigo_figuras.py`` põe, depois da legenda de cada figura, um bloco
recolhível com a função ``fig_*`` que a desenha (e o que ela usa do próprio
arquivo) e o link para as linhas dela no repositório.
"""

from __future__ import annotations

import ast
import builtins
import html
import inspect
import re
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
from tools.ganchos_codigo_figuras import _funcoes, codigo_da_figura  # noqa: E402

FUNCOES = _funcoes()


@pytest.mark.parametrize("nome", sorted(FUNCOES))
def test_codigo_mostrado_e_o_da_funcao_e_nao_depende_de_nada_escondido(nome):
    func = FUNCOES[nome]
    codigo, arquivo, ini, fim = codigo_da_figura(func)
    assert inspect.getsource(func).strip() in codigo
    linhas = arquivo.read_text(encoding="utf-8").split("\n")
    assert linhas[ini - 1].startswith(f"def {func.__name__}(") and linhas[fim - 1].strip()
    # Todo nome que o código usa é definido nele, importado ou embutido do Python.
    arvore = ast.parse(codigo)
    definidos = set(dir(builtins))
    for no in ast.walk(arvore):
        if isinstance(no, (ast.FunctionDef, ast.ClassDef)):
            definidos.add(no.name)
        elif isinstance(no, (ast.Import, ast.ImportFrom)):
            definidos.update((a.asname or a.name).split(".")[0] for a in no.names)
        elif isinstance(no, ast.Name) and isinstance(no.ctx, ast.Store):
            definidos.add(no.id)
        elif isinstance(no, ast.arg):
            definidos.add(no.arg)
        elif isinstance(no, ast.ExceptHandler) and no.name:
            definidos.add(no.name)
    usados = {n.id for n in ast.walk(arvore) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    assert usados <= definidos, f"{nome}: nomes sem definição no código mostrado: {usados - definidos}"
    assert not re.search(r"^\s*(from|import)\s+tools\b", codigo, re.M), "o leitor não tem o pacote tools"


def test_toda_figura_das_paginas_tem_o_codigo_logo_abaixo(site):
    destino, _ = site
    vistas = 0
    for pagina in sorted(destino.rglob("index.html")):
        texto = pagina.read_text(encoding="utf-8")
        for nome in re.findall(r'<img[^>]+src="(?:\.\./)*figuras/([\w-]+)\.svg"', texto):
            vistas += 1
            depois = texto[texto.index(f"figuras/{nome}.svg"):]
            bloco = re.search(r"<details class=\"example\">.*?</details>", depois, re.S)
            assert bloco, f"{pagina}: figura {nome} sem o bloco 'Código desta figura'"
            assert "Código desta figura" in bloco[0]
            func = FUNCOES[nome]
            assert f"def {func.__name__}(" in html.unescape(re.sub(r"<[^>]+>", "", bloco[0]))
            assert re.search(r'href="https://github\.com/[^"]+/blob/main/tools/figuras/\w+\.py#L\d+-L\d+"', bloco[0])
    assert vistas >= len(FUNCOES)
