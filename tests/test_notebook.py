"""O notebook do capítulo "Dados reais" (docs/dados-reais/digitos.ipynb).

O notebook é executado pelo mkdocs-jupyter durante o build (execute: true,
allow_errors: false). Por isso, em vez de rodá-lo de novo aqui, os testes conferem:

- o arquivo versionado: sem saídas e sem contagem de execução (elas são geradas no
  build, nunca escritas à mão), e sem fórmulas em `$...$`, que o KaTeX do site não
  renderiza em notebooks;
- a página construída (fixture `site`): todas as células rodaram, nenhuma escreveu
  em stderr, a acurácia no teste impressa é de pelo menos 95%, o modelo carregado do
  arquivo prevê exatamente o mesmo, e o .ipynb pode ser baixado.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from blocos import DOCS

NOTEBOOK = DOCS / "dados-reais" / "digitos.ipynb"
HTML_DA_PAGINA = "dados-reais/digitos/index.html"


@pytest.fixture(scope="module")
def notebook():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    return nb


def _celulas(nb, tipo):
    return [c for c in nb.cells if c.cell_type == tipo]


def test_notebook_versionado_sem_saidas(notebook):
    codigo = _celulas(notebook, "code")
    assert codigo, "o notebook não tem células de código"
    for i, celula in enumerate(notebook.cells):
        if celula.cell_type != "code":
            continue
        assert celula.outputs == [], f"célula {i} tem saídas: limpe-as antes de versionar"
        assert celula.execution_count is None, f"célula {i} tem execution_count {celula.execution_count}"


def test_notebook_usa_kernel_python3(notebook):
    assert notebook.metadata["kernelspec"]["name"] == "python3"


def test_markdown_do_notebook_sem_cifrao(notebook):
    """No notebook, fórmulas vão em <div class="arithmatex">\\[ … \\]</div>; `$` apareceria cru."""
    for i, celula in enumerate(notebook.cells):
        if celula.cell_type != "markdown":
            continue
        texto = re.sub(r"```.*?```", "", celula.source, flags=re.S)
        texto = re.sub(r"`[^`]*`", "", texto)
        assert "$" not in texto, f"célula {i}: use <div class=\"arithmatex\">\\[ … \\]</div> em vez de $"


@pytest.fixture(scope="module")
def pagina(site):
    destino, _ = site
    arquivo = destino / HTML_DA_PAGINA
    assert arquivo.exists(), f"o build não gerou {HTML_DA_PAGINA}"
    return arquivo


def test_todas_as_celulas_rodaram_no_build(pagina, notebook):
    texto = pagina.read_text(encoding="utf-8")
    prompts = re.findall(r'jp-InputPrompt jp-InputArea-prompt">In(?:\s|&nbsp;)*\[(\d+)\]:', texto)
    n_codigo = len(_celulas(notebook, "code"))
    assert [int(p) for p in prompts] == list(range(1, n_codigo + 1))
    assert "Traceback" not in texto
    saidas_de_erro = re.findall(r'<div\b[^>]*data-mime-type="application/vnd\.jupyter\.(?:stderr|error)"', texto)
    assert not saidas_de_erro, "alguma célula escreveu em stderr (aviso?) ou deu erro"
    figuras = re.findall(r'<img\b[^>]*src="data:image/png;base64,', texto)
    assert len(figuras) >= 4, f"esperava ao menos 4 figuras, achei {len(figuras)}"


def test_acuracia_no_teste_impressa(pagina):
    texto = pagina.read_text(encoding="utf-8")
    achados = re.findall(r"acurácia no teste: ([0-9]+\.[0-9]+)", texto)
    assert len(achados) == 1, f"a linha 'acurácia no teste: …' deveria aparecer uma vez: {achados}"
    assert float(achados[0]) >= 0.95


def test_modelo_salvo_e_carregado_preve_igual(pagina):
    texto = pagina.read_text(encoding="utf-8")
    assert "previsões idênticas às do modelo original: True" in texto


def test_notebook_pode_ser_baixado(pagina):
    assert (pagina.parent / NOTEBOOK.name).exists(), "include_source: o .ipynb não foi copiado para o site"
    assert f'href="{NOTEBOOK.name}"' in pagina.read_text(encoding="utf-8")
