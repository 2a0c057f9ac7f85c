"""Todo bloco Python de toda página roda, e a saída que a página mostra é a real."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from blocos import DOCS, RAIZ, TITULO_SAIDA, Bloco, blocos_da_pagina, eh_python, paginas

ERRO_MOSTRADO = re.compile(r"^[A-Za-z_.]*(Error|Exception|Warning): ")
EXECUTADOS: set[str] = set()


def _normalizar(texto: str) -> str:
    return "\n".join(l.rstrip() for l in texto.strip("\n").split("\n")).strip("\n")


def _coletar():
    itens, falhas = [], []
    for pagina in paginas():
        try:
            itens += blocos_da_pagina(pagina)
        except Exception as e:  # snippet ausente, cerca aberta, saída órfã…
            falhas.append((pagina.relative_to(DOCS), e))
    return itens, falhas


BLOCOS, FALHAS_DE_EXTRACAO = _coletar()


def _erro_esperado(b: Bloco) -> bool:
    if not b.saida or not b.saida.codigo.strip():
        return False
    return bool(ERRO_MOSTRADO.match(b.saida.codigo.strip().split("\n")[-1]))


def _rodar_pagina(pagina: Path, tmp_path_factory) -> dict[str, dict]:
    blocos = [b for b in BLOCOS if b.pagina == pagina]
    entrada = [{"nome": b.nome, "codigo": b.codigo, "erro_esperado": _erro_esperado(b)} for b in blocos]
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")
    env["PYTHONPATH"] = os.pathsep.join([str(RAIZ / "src"), env.get("PYTHONPATH", "")])
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("executar_pagina.py"))],
        input=json.dumps(entrada),
        capture_output=True,
        text=True,
        cwd=tmp_path_factory.mktemp("pagina"),
        env=env,
        timeout=600,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"O processo da página {pagina} falhou:\n{proc.stderr}")
    return {r["nome"]: r for r in json.loads(proc.stdout)}


def _atualizar(pagina: Path, resultados: dict[str, dict]) -> None:
    linhas = pagina.read_text(encoding="utf-8").split("\n")
    for b in reversed([b for b in BLOCOS if b.pagina == pagina]):
        r = resultados.get(b.nome)
        if r is None:
            continue
        if r["erro"] and not _erro_esperado(b):
            continue
        real = _normalizar(r["saida"].rstrip("\n") + ("\n" + r["erro"] if r["erro"] else ""))
        corpo = [b.recuo + l if l else "" for l in real.split("\n")] if real else []
        if b.saida is not None:
            linhas[b.saida.inicio + 1 : b.saida.fim] = corpo
        elif real:
            linhas[b.fim + 1 : b.fim + 1] = ["", f"{b.recuo}```{TITULO_SAIDA}", *corpo, f"{b.recuo}```"]
    pagina.write_text("\n".join(linhas), encoding="utf-8")


@pytest.fixture(scope="session")
def resultados_das_paginas(request, tmp_path_factory):
    cache: dict[Path, dict[str, dict]] = {}

    def obter(pagina: Path) -> dict[str, dict]:
        if pagina not in cache:
            cache[pagina] = _rodar_pagina(pagina, tmp_path_factory)
            if request.config.getoption("--atualizar-saidas"):
                _atualizar(pagina, cache[pagina])
        return cache[pagina]

    return obter


@pytest.mark.parametrize("bloco", BLOCOS, ids=[b.nome for b in BLOCOS])
def test_bloco_roda_e_mostra_a_saida_real(bloco: Bloco, resultados_das_paginas):
    r = resultados_das_paginas(bloco.pagina).get(bloco.nome)
    assert r is not None, f"{bloco.nome} não rodou: um bloco anterior da página falhou."
    EXECUTADOS.add(bloco.nome)
    esperado = _normalizar(bloco.saida.codigo) if bloco.saida else ""
    real = _normalizar(r["saida"])
    if r["erro"]:
        assert _erro_esperado(bloco), f"{bloco.nome} falhou:\n{r['traceback']}"
        real = _normalizar(real + "\n" + r["erro"])  # `real` já sem \n no fim
    assert not r["stderr"].strip(), f"{bloco.nome} escreveu em stderr:\n{r['stderr']}"
    assert not r["avisos"], f"{bloco.nome} emitiu avisos: {r['avisos']}"
    if real and bloco.saida is None:
        pytest.fail(f"{bloco.nome} imprime algo, mas a página não mostra a saída:\n{real}")
    assert real == esperado, (
        f"A saída mostrada em {bloco.nome} não é a real.\n--- real ---\n{real}\n"
        f"--- na página ---\n{esperado}\n(use pytest --atualizar-saidas para reescrevê-la)"
    )


def test_toda_pagina_extrai_sem_erro():
    """Snippet ausente, cerca sem fechamento ou saída sem bloco: falha aqui, com o motivo."""
    assert not FALHAS_DE_EXTRACAO, "\n".join(f"{p}: {e}" for p, e in FALHAS_DE_EXTRACAO)


def test_zz_todo_bloco_python_foi_executado(request):
    """Contagem independente (expressão regular nas páginas cruas): nada fica de fora."""
    if request.config.getoption("-k") or request.config.getoption("--lf"):
        pytest.skip("execução parcial (-k/--lf): a contagem só vale para a suíte inteira")
    cercas = re.compile(r"^[ \t]*(`{3,}|~{3,})\s*\{?\.?(\w+)", re.M)
    esperados = sum(
        1
        for p in paginas()
        for m in cercas.finditer(p.read_text(encoding="utf-8"))
        if eh_python(m.group(2))
    )
    assert esperados > 0
    assert len(EXECUTADOS) == esperados == len(BLOCOS), (
        f"{esperados} blocos Python nas páginas, {len(BLOCOS)} coletados, "
        f"{len(EXECUTADOS)} executados com sucesso."
    )
