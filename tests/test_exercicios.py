"""Toda página de conteúdo termina com exercícios (guia em CONTRIBUTING.md).

Confere, no Markdown de cada página de conteúdo, a seção `## Exercícios` com 2 a 4
soluções recolhíveis (`??? success "Solução"`), cada uma com um bloco Python (que
`tests/test_paginas.py` roda e cuja saída confere), e pelo menos um enunciado que pede
para o leitor **prever** o resultado antes de rodar.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from blocos import DOCS, cercas

# Páginas que não são de conteúdo: não levam exercícios.
SEM_EXERCICIOS = {"index.md", "como-rodar.md", "glossario.md", "sobre-as-anotacoes.md"}
SOLUCAO = re.compile(r'^[ \t]*\?\?\?\+? success "Solução"', re.M)
PREVER = re.compile(r"\bprev(?:eja|er|ê|ejam)\b", re.I)


def exercicios(markdown: str) -> tuple[str, list[str]] | None:
    """(enunciados, [texto de cada solução]) da seção Exercícios, ou None se não houver."""
    m = re.search(r"^## Exercícios[ \t]*$", markdown, re.M)
    if not m:
        return None
    secao = markdown[m.end():]
    proxima = re.search(r"^## ", secao, re.M)
    if proxima:
        secao = secao[:proxima.start()]
    partes = SOLUCAO.split(secao)
    enunciados = "\n".join(partes[:1] + [re.sub(r"^(?:[ \t]{4,}.*|)$\n?", "", p, flags=re.M) for p in partes[1:]])
    return enunciados, partes[1:]


def _paginas() -> list[Path]:
    return [p for p in sorted(DOCS.rglob("*.md")) if str(p.relative_to(DOCS)) not in SEM_EXERCICIOS]


@pytest.mark.parametrize("pagina", _paginas(), ids=lambda p: str(p.relative_to(DOCS)))
def test_pagina_termina_com_exercicios(pagina):
    nome = pagina.relative_to(DOCS)
    achado = exercicios(pagina.read_text(encoding="utf-8"))
    assert achado is not None, f"{nome}: falta a seção '## Exercícios' no fim da página."
    enunciados, solucoes = achado
    assert 2 <= len(solucoes) <= 4, f"{nome}: {len(solucoes)} soluções '??? success \"Solução\"'; o guia pede de 2 a 4."
    for i, sol in enumerate(solucoes, 1):
        blocos = [info for *_, info, _corpo in cercas(sol)]
        assert any(info.split()[0] in {"python", "py"} for info in blocos if info), (
            f"{nome}: a solução {i} não tem bloco Python (os testes rodam as soluções)."
        )
    assert PREVER.search(enunciados), f"{nome}: nenhum exercício pede para prever o resultado antes de rodar."


def test_verificador_de_exercicios():
    """O verificador reconhece a forma das páginas (ele pode falhar)."""
    texto = (
        "# P\n\n## Exercícios\n\n1. Mude `a` e preveja.\n\n"
        '    ??? success "Solução"\n        ```python\n        print(1)\n        ```\n\n'
        "2. Calcule.\n\n"
        '    ??? success "Solução"\n        Texto.\n\n'
        "## Próximo passo\n\nFim.\n"
    )
    enunciados, solucoes = exercicios(texto)
    assert len(solucoes) == 2
    assert "preveja" in enunciados and "Texto." not in enunciados
    assert not any(info for *_, info, _ in cercas(solucoes[1]))
    assert exercicios("# P\n\nSem exercícios.\n") is None
