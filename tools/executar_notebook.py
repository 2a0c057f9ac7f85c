"""Executa o notebook do capítulo "Dados reais" e grava as saídas nele.

O site mostra o notebook com as saídas guardadas no próprio ``.ipynb`` (o
mkdocs-jupyter não o executa no build: isso deixava o primeiro ``make serve``
dezenas de segundos mais lento). Para que essas saídas sejam sempre as do código
atual, ``tests/test_notebook.py`` executa o notebook num kernel novo e compara
célula por célula com o que está guardado: texto idêntico e figuras idênticas
pixel a pixel.

Quem muda o notebook ou o pacote ``redes`` grava as saídas novas com::

    make notebook

(ou ``.venv/bin/python tools/executar_notebook.py``). As saídas gravadas são as da
execução real, nunca escritas à mão.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import nbformat

RAIZ = Path(__file__).resolve().parent.parent
NOTEBOOK = RAIZ / "docs" / "dados-reais" / "digitos.ipynb"
PERFIL_IPYTHON = RAIZ / ".cache" / "ipython"


def _ambiente_do_kernel() -> None:
    """Um thread no OpenBLAS (como o Makefile) e o kernel sem o aviso de TCP."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if "IPYTHONDIR" not in os.environ:
        arquivo = PERFIL_IPYTHON / "profile_default" / "ipython_kernel_config.py"
        arquivo.parent.mkdir(parents=True, exist_ok=True)
        arquivo.write_text('c.IPKernelApp.log_level = "ERROR"\n', encoding="utf-8")
        os.environ["IPYTHONDIR"] = str(PERFIL_IPYTHON)


def sem_saidas(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Uma cópia do notebook com as células de código limpas (como antes de executar)."""
    copia = nbformat.reads(nbformat.writes(nb), as_version=4)
    for celula in copia.cells:
        if celula.cell_type == "code":
            celula.outputs = []
            celula.execution_count = None
            celula.metadata.pop("execution", None)
    return copia


def executar(nb: nbformat.NotebookNode, pasta: Path = NOTEBOOK.parent) -> nbformat.NotebookNode:
    """Executa uma cópia limpa de ``nb`` num kernel Python novo e a devolve com as saídas.

    Erro numa célula interrompe a execução (``allow_errors`` falso), como no site.
    """
    from nbclient import NotebookClient

    _ambiente_do_kernel()
    limpo = sem_saidas(nb)
    NotebookClient(
        limpo,
        kernel_name="python3",
        timeout=600,
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": str(pasta)}},
    ).execute()
    # O kernel manda o texto impresso em pedaços cujo corte depende do tempo; juntos
    # (um stdout seguido vira um só), eles são sempre o mesmo texto.
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    limpo, _ = CoalesceStreamsPreprocessor().preprocess(limpo, {})
    return limpo


def main(argv: list[str] | None = None) -> int:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("notebook", nargs="?", type=Path, default=NOTEBOOK)
    opcoes = argumentos.parse_args(argv)
    caminho: Path = opcoes.notebook
    print(f"Executando {caminho.relative_to(RAIZ) if caminho.is_relative_to(RAIZ) else caminho} num kernel novo…")
    nb = nbformat.read(caminho, as_version=4)
    executado = executar(nb, caminho.parent)
    nbformat.validate(executado)
    nbformat.write(executado, caminho)
    n = sum(1 for c in executado.cells if c.cell_type == "code")
    print(f"Saídas de {n} células de código gravadas em {caminho.name}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
