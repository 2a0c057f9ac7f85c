"""O notebook do capítulo "Dados reais" (docs/dados-reais/digitos.ipynb).

O site mostra as saídas guardadas no próprio .ipynb (o build não executa o
notebook: assim o primeiro `make serve` fica rápido). Elas são gravadas por
`make notebook` (tools/executar_notebook.py), a partir de uma execução real. Os
testes conferem:

- que as saídas guardadas são as da execução atual: o notebook roda aqui num kernel
  novo, com o `redes` de hoje, e cada célula tem de dar o mesmo texto e as mesmas
  figuras, pixel a pixel; se alguém mudou o notebook ou o pacote sem gravar as
  saídas, o teste falha e diz o comando;
- o arquivo versionado: sem fórmulas em `$...$`, que o KaTeX do site não renderiza em
  notebooks;
- a página construída (fixture `site`): todas as células têm saída, nenhuma escreveu
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


def _pixels(png_base64: str):
    import base64
    import io

    import matplotlib.image

    return matplotlib.image.imread(io.BytesIO(base64.b64decode(png_base64)), format="png")


def _diferenca(guardada, atual) -> str | None:
    """Descreve a primeira diferença entre duas saídas de célula, ou None se forem iguais."""
    if guardada.get("output_type") != atual.get("output_type"):
        return f"tipo {guardada.get('output_type')} ≠ {atual.get('output_type')}"
    if guardada.get("output_type") == "stream":
        if (guardada.get("name"), guardada.get("text")) != (atual.get("name"), atual.get("text")):
            return f"texto guardado {guardada.get('text')!r} ≠ atual {atual.get('text')!r}"
        return None
    dados_g, dados_a = guardada.get("data", {}), atual.get("data", {})
    if sorted(dados_g) != sorted(dados_a):
        return f"tipos de dado {sorted(dados_g)} ≠ {sorted(dados_a)}"
    for tipo in dados_g:
        if tipo == "image/png":
            import numpy as np

            g, a = _pixels(dados_g[tipo]), _pixels(dados_a[tipo])
            if g.shape != a.shape:
                return f"figura de shape {g.shape} ≠ {a.shape}"
            if not np.array_equal(g, a):
                return f"figura com {int(np.any(g != a, axis=-1).sum())} pixels diferentes"
        elif dados_g[tipo] != dados_a[tipo]:
            return f"{tipo}: guardado {dados_g[tipo]!r} ≠ atual {dados_a[tipo]!r}"
    return None


def test_saidas_guardadas_sao_as_da_execucao_atual(notebook):
    """Executa o notebook num kernel novo e compara com as saídas versionadas."""
    pytest.importorskip("nbclient", reason="nbclient vem do extra de testes")
    import sys

    sys.path.insert(0, str(DOCS.parent))
    from tools.executar_notebook import executar

    atual = executar(notebook)
    codigo_guardado = _celulas(notebook, "code")
    codigo_atual = _celulas(atual, "code")
    assert len(codigo_guardado) == len(codigo_atual)
    problemas = []
    for i, (g, a) in enumerate(zip(codigo_guardado, codigo_atual), start=1):
        if g.execution_count != a.execution_count:
            problemas.append(f"célula de código {i}: execution_count {g.execution_count} ≠ {a.execution_count}")
        if len(g.outputs) != len(a.outputs):
            problemas.append(f"célula de código {i}: {len(g.outputs)} saídas guardadas, {len(a.outputs)} agora")
            continue
        for sg, sa in zip(g.outputs, a.outputs):
            diferenca = _diferenca(sg, sa)
            if diferenca:
                problemas.append(f"célula de código {i}: {diferenca[:300]}")
    assert not problemas, (
        "as saídas guardadas em docs/dados-reais/digitos.ipynb não são as da execução atual; "
        "grave-as de novo com `make notebook`:\n" + "\n".join(problemas)
    )


def test_notebook_guardado_sem_erro_nem_stderr(notebook):
    codigo = _celulas(notebook, "code")
    assert codigo, "o notebook não tem células de código"
    assert [c.execution_count for c in codigo] == list(range(1, len(codigo) + 1)), (
        "execução parcial ou fora de ordem: grave as saídas com `make notebook`"
    )
    for i, celula in enumerate(codigo, start=1):
        for saida in celula.outputs:
            assert saida.output_type in {"stream", "display_data", "execute_result"}, (
                f"célula de código {i}: saída {saida.output_type}"
            )
            assert saida.get("name") != "stderr", f"célula de código {i} escreveu em stderr: {saida.get('text')!r}"


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


def test_figuras_do_notebook_legiveis_no_celular(notebook):
    """O menor texto de cada figura PNG, na coluna de 358 px de um celular, tem ≥ 12,8 px.

    O tamanho do texto vem do código (``font.size`` e ``figure.dpi`` do rcParams, e
    qualquer ``fontsize=`` explícito); a largura, do cabeçalho de cada PNG guardado.
    """
    import base64
    import struct
    import sys

    sys.path.insert(0, str(DOCS.parent))
    from tools.figuras import COLUNA_390_PX, LIMIAR_PX

    codigo = "\n".join(c.source for c in _celulas(notebook, "code"))
    assert not re.search(r"fontsize\s*=\s*['\"]", codigo), "use tamanhos em pontos, não 'small'/'x-small'"
    base = re.search(r'"font\.size":\s*([\d.]+)', codigo)
    dpi = re.search(r'"figure\.dpi":\s*([\d.]+)', codigo)
    assert base and dpi, "o notebook precisa fixar font.size e figure.dpi no rcParams"
    menor_pt = min([float(base.group(1))] + [float(x) for x in re.findall(r"fontsize\s*=\s*([\d.]+)", codigo)])
    larguras = []
    for celula in _celulas(notebook, "code"):
        for saida in celula.outputs:
            png = saida.get("data", {}).get("image/png")
            if png:
                largura = struct.unpack(">I", base64.b64decode(png)[16:20])[0]
                larguras.append(largura)
                texto_px = menor_pt * float(dpi.group(1)) / 72 * min(1.0, COLUNA_390_PX / largura)
                assert texto_px >= LIMIAR_PX, (
                    f"figura de {largura} px: texto de {texto_px:.1f} px no celular (mínimo {LIMIAR_PX})"
                )
    assert len(larguras) >= 4
