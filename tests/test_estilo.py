"""Guia de estilo (CONTRIBUTING.md): o que dá para conferir automaticamente.

Roda sobre o Markdown de TODAS as páginas (`docs/**/*.md`) e as células de texto do
notebook, olhando só a **prosa**: ficam de fora blocos de código (e as saídas), código na
linha, links (o endereço), HTML, e trechos entre aspas (citações das anotações). As
fórmulas (`$…$`, `$$…$$`) ficam de fora das regras de termos, mas não da vírgula decimal.

Regras:

1. um termo por conceito: as variantes de `VARIANTES` não aparecem na prosa (o termo em
   inglês pode aparecer em itálico, `*batch*`, para apresentá-lo);
2. vírgula decimal na prosa e nas fórmulas: `0.5` só em código e saídas.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from blocos import DOCS, cercas

# (expressão regular, o que escrever no lugar). Sem diferença entre maiúsculas e minúsculas.
VARIANTES: list[tuple[str, str]] = [
    (r"\bbatch(es)?\b", "lote(s); o termo em inglês só em itálico, *batch*, para apresentá-lo"),
    (r"\bbias(es)?\b", "viés (plural: vieses); *bias* só em itálico"),
    (r"\bviéses\b", "vieses (sem acento no plural)"),
    (r"\bepochs?\b", "época(s); *epoch* só em itálico"),
    (r"\blearning rates?\b", "taxa de aprendizado; *learning rate* só em itálico"),
    (r"\btaxas? de aprendizagem\b", "taxa de aprendizado"),
    (r"\bdesvios?-padr(ão|ões)\b", "desvio padrão (sem hífen)"),
    (r"\bgradiente descendente\b|\bdescida de gradiente\b", "descida do gradiente"),
    (r"\bdatasets?\b", "conjunto de dados; *dataset* só em itálico"),
    (r"\b(o|os|do|dos|no|nos|pelo|pelos|ao|aos|um|este|esse|deste|desse|neste|nesse)\s+softmax\b",
     "a softmax (feminino: a função softmax): da, na, pela, à, uma softmax"),
    (r"\b(o|do|no|pelo|ao|um)\s+ReLU\b", "a ReLU (feminino: a função ReLU)"),
    (r"(?-i:\bRelu\b|\bReLu\b|\brelu\b)", "ReLU"),
]

# Número com ponto decimal (0.5, 12.75%); "1.000" (milhar) e versões (3.10.2) passam.
DECIMAL_COM_PONTO = re.compile(r"(?<![\w.])(?:0|[1-9]\d*)\.\d+(?!\w|\.\d)")
MILHAR = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+$")
# Contexto que faz do número uma versão ou uma numeração, não um decimal.
ANTES_VERSAO = re.compile(r"(?:Python|versão|versões|Seção|seção|numpy|NumPy|v)\s*$")

_MESMO_TAMANHO = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731


def _apagar(padrao: str, texto: str, flags: int = 0) -> str:
    """Troca cada trecho por espaços, mantendo as quebras de linha (e os números de linha)."""
    return re.sub(padrao, _MESMO_TAMANHO, texto, flags=flags)


def prosa_e_formulas(markdown: str) -> tuple[str, str]:
    """(prosa, fórmulas): duas cópias do texto, do mesmo tamanho, com o resto em branco."""
    linhas = markdown.split("\n")
    for abre, fecha, *_ in cercas(markdown):
        for i in range(abre, fecha + 1):
            linhas[i] = ""
    texto = "\n".join(l if not l.lstrip().startswith("--8<--") else "" for l in linhas)
    texto = _apagar(r"<!--.*?-->", texto, re.S)
    texto = _apagar(r"``.+?``|`[^`\n]+`", texto)  # código na linha
    # Fórmulas ($$…$$ e $…$ numa linha): saem da prosa e vão para uma cópia à parte.
    mat = re.compile(r"\$\$.+?\$\$|(?<![\\$])\$(?!\s)[^$\n]+?(?<![\s\\])\$", re.S)
    formulas = list(re.sub(r"[^\n]", " ", texto))
    for m in mat.finditer(texto):
        formulas[m.start():m.end()] = m.group(0)
    texto = mat.sub(_MESMO_TAMANHO, texto)
    texto = _apagar(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)", texto)  # endereço do link
    texto = _apagar(r"^\s*\[[^\]]+\]:\s*\S+.*$", texto, re.M)  # definições de links
    texto = _apagar(r"<[^>\n]+>", texto)  # HTML
    texto = _apagar(r"\{[:.#][^}\n]*\}", texto)  # listas de atributos
    texto = _apagar(r"https?://\S+", texto)
    texto = _apagar(r"\"[^\"]*\"|“[^”]*”", texto)  # citações
    return texto, "".join(formulas)


def _sem_italico(prosa: str) -> str:
    prosa = prosa.replace("**", "  ").replace("__", "  ")
    prosa = _apagar(r"(?<![\w*])\*(?![\s*])[^*\n]+?(?<![\s*])\*(?![\w*])", prosa)
    return _apagar(r"(?<![\w_])_(?![\s_])[^_\n]+?(?<!\s)_(?![\w_])", prosa)


def _linha(texto: str, pos: int) -> int:
    return texto.count("\n", 0, pos) + 1


def problemas(markdown: str) -> list[str]:
    """Lista de 'linha N: problema' de uma página em Markdown."""
    prosa, formulas = prosa_e_formulas(markdown)
    achados = []
    termos = _sem_italico(prosa)
    for padrao, certo in VARIANTES:
        for m in re.finditer(padrao, termos, flags=re.I):
            achados.append((m.start(), f"“{m.group(0)}” → {certo}"))
    for fonte, onde in ((prosa, "na prosa"), (formulas, "na fórmula")):
        for m in DECIMAL_COM_PONTO.finditer(fonte):
            numero = m.group(0)
            if MILHAR.match(numero) or ANTES_VERSAO.search(fonte[max(0, m.start() - 12):m.start()]):
                continue
            certo = numero.replace(".", "{,}" if onde == "na fórmula" else ",")
            achados.append((m.start(), f"“{numero}” {onde} → {certo} (ponto decimal só em código e saídas)"))
    return [f"linha {_linha(prosa, pos)}: {texto}" for pos, texto in sorted(achados)]


def _paginas() -> list[Path]:
    return sorted(DOCS.rglob("*.md")) + sorted(DOCS.rglob("*.ipynb"))


def _markdown(pagina: Path) -> str:
    if pagina.suffix == ".ipynb":
        celulas = json.loads(pagina.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(c["source"]) for c in celulas if c["cell_type"] == "markdown")
    texto = pagina.read_text(encoding="utf-8")
    # O cabeçalho YAML (entre as linhas "---") é configuração, não prosa; as linhas
    # viram brancas para a numeração das linhas continuar a mesma.
    if texto.startswith("---\n"):
        fim = texto.index("\n---\n", 3) + 5
        texto = re.sub(r"[^\n]", "", texto[:fim]) + texto[fim:]
    return texto


@pytest.mark.parametrize("pagina", _paginas(), ids=lambda p: str(p.relative_to(DOCS)))
def test_estilo_da_pagina(pagina):
    achados = problemas(_markdown(pagina))
    assert not achados, f"{pagina.relative_to(DOCS)} foge do guia de estilo (CONTRIBUTING.md):\n" + "\n".join(achados)


# O verificador pega o que deve pegar e deixa passar o que deve passar (ele pode falhar).
@pytest.mark.parametrize("texto, esperado", [
    ("Um batch de 3 amostras.", ["batch"]),
    ("Um lote (*batch*) de 3 amostras.", []),
    ("O **batch** inteiro.", ["batch"]),
    ("Some o bias.", ["bias"]),
    ("Depois de 10 epochs.", ["epochs"]),
    ("O softmax transforma; aplicada ao softmax.", ["O softmax", "ao softmax"]),
    ("A softmax transforma; da softmax.", []),
    ("Os viéses e o desvio-padrão.", ["viéses", "desvio-padrão"]),
    ("Gradiente descendente.", ["Gradiente descendente"]),
    ("A taxa é 0.5 e a perda 1.0986.", ["0.5", "1.0986"]),
    ("A taxa é 0,5; 1.000 épocas; Python 3.10; versão 1.26.4.", []),
    ("Em código, `0.5 * batch`, e a saída:\n\n```text\n0.5 batch\n```\n", []),
    ("A fórmula $w = 0.01$ e $w = 0{,}01$.", ["0.01"]),
    ("As anotações diziam \"99.7%\" e \"o softmax\".", []),
    ("Veja [o link](https://exemplo.org/0.5/batch).", []),
    ("Uma relu e a ReLu, `relu(x)`.", ["relu", "ReLu"]),
])
def test_verificador_de_estilo(texto, esperado):
    achados = problemas(texto)
    assert len(achados) == len(esperado), achados
    for achado, trecho in zip(achados, esperado):
        assert f"“{trecho}”" in achado, (achado, trecho)
