"""O notebook gerado de cada página roda num kernel novo e reproduz a página.

O build (``tools/ganchos_notebooks.py``) gera ``notebooks/<página>.ipynb`` para
toda página com código. Aqui, para cada um:

- o notebook publicado tem a célula de instalação com a linha de "Como rodar o
  código", uma célula de código por bloco Python da página, na ordem, com o código
  do bloco (snippets expandidos) e a saída que a página mostra;
- ele roda inteiro (nbclient) num kernel novo do venv do leitor (``leitor.py``:
  ``redes`` instalado do site, numpy e nnfs do PyPI), e cada célula imprime
  exatamente a saída guardada, que é a da página. Um erro fora das células que
  mostram um erro de propósito, ou qualquer diferença, é uma falha.

A célula de instalação é igual em todos os notebooks (conferido); ela roda de
verdade, apontada para o servidor local, no primeiro notebook, e nos outros é
trocada por uma conferência de que o ``redes`` do site está instalado (rodar o
pip 30 vezes só repetiria a mesma instalação). O notebook de dígitos, que já é
uma página-notebook executada no build (``test_notebook.py``), fica de fora daqui.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest

from blocos import DOCS, blocos_da_pagina, paginas
from leitor import ambiente



def _tem_codigo(pagina) -> bool:
    try:
        return bool(blocos_da_pagina(pagina))
    except ValueError:  # cerca aberta, snippet ausente…: test_paginas.py diz o motivo
        return True


PAGINAS_COM_CODIGO = [p for p in paginas() if _tem_codigo(p)]
IDS = [p.relative_to(DOCS).with_suffix("").as_posix() for p in PAGINAS_COM_CODIGO]


def _normalizar(texto: str) -> str:
    return "\n".join(l.rstrip() for l in texto.strip("\n").split("\n")).strip("\n")


def _texto_das_saidas(saidas) -> tuple[str, str]:
    """(o que a célula imprimiu e o erro, como a página mostra; o que foi para stderr)."""
    impresso, stderr = "", ""
    for s in saidas:
        if s.output_type == "stream":
            if s.name == "stdout":
                impresso += s.text
            else:
                stderr += s.text
        elif s.output_type == "error":
            impresso = impresso.rstrip("\n") + f"\n{s.ename}: {s.evalue}"
        elif s.output_type == "execute_result":
            impresso += s.data.get("text/plain", "") + "\n"
    return _normalizar(impresso), stderr


@pytest.fixture(scope="module")
def leitor_com_kernel(site, tmp_path_factory):
    amb = ambiente(site[0], tmp_path_factory.mktemp("leitor"))
    assert amb.instalacao.returncode == 0, amb.instalacao.stdout + amb.instalacao.stderr
    proc = subprocess.run(
        [str(amb.python), "-m", "pip", "install", "--quiet", "ipykernel"],
        capture_output=True, text=True, env=amb.env(), timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    kernels = tmp_path_factory.mktemp("kernels")
    (kernels / "leitor").mkdir()
    (kernels / "leitor" / "kernel.json").write_text(json.dumps({
        "argv": [str(amb.python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python do leitor",
        "language": "python",
        "env": {k: v for k, v in amb.env().items() if k in {"PATH", "VIRTUAL_ENV", "MPLBACKEND", "PYTHONHASHSEED", "PIP_CONSTRAINT"}},
    }))
    return amb, kernels


# Cada notebook roda num processo próprio (nbclient), dois de cada vez: a máquina da
# CI tem ao menos 2 núcleos, e os treinos longos de algumas páginas dominam o tempo.
EXECUTOR = r"""
import sys, nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
entrada, saida, kernels, cwd = sys.argv[1:]
nb = nbformat.read(entrada, as_version=4)
km = KernelManager(kernel_name="leitor", kernel_spec_manager=KernelSpecManager(kernel_dirs=[kernels]))
try:
    NotebookClient(nb, km=km, timeout=900, kernel_name="leitor", resources={"metadata": {"path": cwd}}).execute()
finally:
    nbformat.write(nb, saida)
"""
PRIMEIRO = "como-rodar.ipynb"  # o notebook em que a célula de instalação roda de verdade


def _preparar(nb, amb, src: str):
    """Troca o endereço do site pelo do servidor local (ou confere a instalação) e limpa as saídas."""
    instalar = nb.cells[0]
    if src == PRIMEIRO:
        troca = amb.linha_local
    else:
        troca = (
            "import importlib.metadata, redes\n"
            "assert importlib.metadata.distribution('redes').read_text('direct_url.json')"
            f".find({amb.url!r}) > 0, 'o redes instalado não veio do site'"
        )
    assert instalar.source.count("%" + amb.linha_da_pagina) == 1
    instalar.source = instalar.source.replace("%" + amb.linha_da_pagina, troca if src != PRIMEIRO else "%" + troca)
    for c in nb.cells:
        if c.cell_type == "code":
            c.outputs, c.execution_count = [], None
    return nb


@pytest.fixture(scope="module")
def execucoes(site, leitor_com_kernel, tmp_path_factory):
    """{src: (CompletedProcess, notebook executado)}, rodando em paralelo (2 de cada vez)."""
    amb, kernels = leitor_com_kernel
    pasta = tmp_path_factory.mktemp("notebooks-executados")

    def rodar(src: str):
        nb = _preparar(nbformat.read(site[0] / "notebooks" / src, as_version=4), amb, src)
        nome = src.replace("/", "--")
        entrada, saida, cwd = pasta / nome, pasta / f"executado--{nome}", pasta / f"pasta--{nome}"
        nbformat.write(nb, entrada)
        cwd.mkdir()
        proc = subprocess.run(
            [sys.executable, "-c", EXECUTOR, str(entrada), str(saida), str(kernels), str(cwd)],
            capture_output=True, text=True, timeout=1800,
        )
        return proc, (nbformat.read(saida, as_version=4) if saida.exists() else None)

    fontes = [p.relative_to(DOCS).with_suffix(".ipynb").as_posix() for p in PAGINAS_COM_CODIGO]
    resultados = {PRIMEIRO: rodar(PRIMEIRO)}  # primeiro, sozinho: o pip roda de verdade
    # Os mais longos primeiro (o tamanho da página é um bom palpite), para o paralelo render.
    resto = sorted((s for s in fontes if s != PRIMEIRO),
                   key=lambda s: -(DOCS / s).with_suffix(".md").stat().st_size)
    with ThreadPoolExecutor(max_workers=2) as pool:
        resultados.update(zip(resto, pool.map(rodar, resto)))
    return resultados


@pytest.mark.parametrize("pagina", PAGINAS_COM_CODIGO, ids=IDS)
def test_notebook_da_pagina_roda_e_mostra_o_que_a_pagina_mostra(pagina, site, leitor_com_kernel, execucoes):
    amb, _ = leitor_com_kernel
    src = pagina.relative_to(DOCS).with_suffix(".ipynb").as_posix()
    arquivo = site[0] / "notebooks" / src
    assert arquivo.exists(), f"o build não gerou notebooks/{src}"
    nb = nbformat.read(arquivo, as_version=4)
    nbformat.validate(nb)

    # 1. A primeira célula instala o redes com a linha de "Como rodar o código".
    instalar = nb.cells[0]
    assert instalar.cell_type == "code"
    assert instalar.source.split("\n")[-1] == "%" + amb.linha_da_pagina
    primeira = nbformat.read(site[0] / "notebooks" / PRIMEIRO, as_version=4).cells[0]
    assert instalar.source == primeira.source, "a célula de instalação muda de um notebook para outro"

    # 2. Uma célula por bloco Python da página, na ordem, com a saída mostrada.
    blocos = blocos_da_pagina(pagina)
    codigo = [c for c in nb.cells[1:] if c.cell_type == "code"]
    assert [c.source for c in codigo] == [b.codigo.strip("\n") for b in blocos]
    for c, b in zip(codigo, blocos):
        esperado = _normalizar(b.saida.codigo) if b.saida else ""
        assert _texto_das_saidas(c.outputs)[0] == esperado, f"{b.nome}: saída guardada no notebook"
    assert any(c.cell_type == "markdown" and c.source.startswith("# ") for c in nb.cells), "sem o título"

    # 3. Rodou num kernel novo (fixture `execucoes`): confere cada célula.
    proc, executado = execucoes[src]
    assert proc.returncode == 0 and executado is not None, (
        f"notebooks/{src} não roda num kernel novo:\n{(proc.stdout + proc.stderr)[-4000:]}"
    )
    assert not any(o.output_type == "error" for o in executado.cells[0].outputs), executado.cells[0].outputs
    executadas = [c for c in executado.cells[1:] if c.cell_type == "code"]
    assert len(executadas) == len(codigo)
    for c, b, guardada in zip(executadas, blocos, codigo):
        real, stderr = _texto_das_saidas(c.outputs)
        assert not stderr.strip(), f"{b.nome}: a célula escreveu em stderr:\n{stderr}"
        assert real == _texto_das_saidas(guardada.outputs)[0], (
            f"notebooks/{src}, célula de {b.nome}:\n--- no kernel ---\n{real}\n"
            f"--- na página ---\n{_texto_das_saidas(guardada.outputs)[0]}"
        )


def test_toda_pagina_com_codigo_tem_notebook_e_link(site):
    gerados = {p.relative_to(site[0] / "notebooks").as_posix() for p in (site[0] / "notebooks").rglob("*.ipynb")}
    esperados = {p.relative_to(DOCS).with_suffix(".ipynb").as_posix() for p in PAGINAS_COM_CODIGO}
    assert esperados | {"dados-reais/digitos.ipynb"} == gerados
    for p in PAGINAS_COM_CODIGO:
        rel = p.relative_to(DOCS).with_suffix("")
        pasta = site[0] / (rel.parent if rel.name == "index" else rel)
        html = (pasta / "index.html").read_text(encoding="utf-8")
        m = re.search(r'<a class="md-button" href="([^"]+\.ipynb)" download="[^"]+">Baixar notebook</a>', html)
        assert m, f"{rel}: sem o link 'Baixar notebook' no topo"
        assert (pasta / m[1]).resolve() == (site[0] / "notebooks" / f"{rel}.ipynb").resolve()
        assert f'/blob/notebooks/{rel}.ipynb" rel="noopener">Abrir no Colab</a>' in html, f"{rel}: sem 'Abrir no Colab'"
        if rel.as_posix() != "como-rodar":
            assert '>Como rodar o código</a>' in html.split('class="md-content"', 1)[1][:3000]
