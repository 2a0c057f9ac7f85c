"""Um leitor novo instala o ``redes`` com a linha do site e roda as páginas.

- O site construído (fixture ``site``) é servido em 127.0.0.1; num venv novo, a
  linha que "Como rodar o código" mostra (só com o endereço trocado pelo do
  servidor local) instala o ``redes``; o código de páginas que usam o pacote roda
  nesse venv, como um leitor faria, e imprime as saídas que as páginas mostram.
- O wheel e o sdist publicados em ``pacote/`` têm só o pacote e os metadados, e os
  metadados passam no ``twine check``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from blocos import DOCS, RAIZ, Bloco, blocos_da_pagina
from leitor import SITE_URL, ambiente

PAGINAS_DO_LEITOR = ["modelo/modelo.md", "perda/entropia-cruzada.md", "camadas/camada-densa.md", "como-rodar.md"]
ERRO_MOSTRADO = re.compile(r"^[A-Za-z_.]*(Error|Exception|Warning): ")


def _normalizar(texto: str) -> str:
    return "\n".join(l.rstrip() for l in texto.strip("\n").split("\n")).strip("\n")


def _erro_esperado(b: Bloco) -> bool:
    return bool(b.saida and b.saida.codigo.strip()
                and ERRO_MOSTRADO.match(b.saida.codigo.strip().split("\n")[-1]))


@pytest.fixture(scope="module")
def leitor(site, tmp_path_factory):
    amb = ambiente(site[0], tmp_path_factory.mktemp("leitor"))
    assert amb.instalacao.returncode == 0, (
        f"A linha de 'Como rodar o código' não instalou o redes:\n$ {amb.linha_local}\n"
        f"{amb.instalacao.stdout[-3000:]}\n{amb.instalacao.stderr[-3000:]}"
    )
    return amb


def _wheel(site_dir: Path) -> Path:
    wheels = sorted((site_dir / "pacote").glob("redes-*-py3-none-any.whl"))
    assert len(wheels) == 1, f"o site devia publicar um só wheel em pacote/: {wheels}"
    return wheels[0]


def test_linha_da_pagina_aponta_para_o_wheel_publicado(site, leitor):
    wheel = _wheel(site[0])
    assert leitor.linha_da_pagina == f'pip install "{SITE_URL}pacote/{wheel.name}"'


def test_redes_vem_do_wheel_do_site_e_nao_do_repositorio(leitor):
    proc = subprocess.run(
        [str(leitor.python), "-c", "import redes, numpy, nnfs; print(redes.__file__)"],
        capture_output=True, text=True, env=leitor.env(), cwd=leitor.venv, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    arquivo = Path(proc.stdout.strip())
    assert leitor.venv in arquivo.parents and "site-packages" in arquivo.parts, arquivo
    direct_url = next(leitor.venv.glob("lib/python*/site-packages/redes-*.dist-info/direct_url.json"))
    assert json.loads(direct_url.read_text())["url"].startswith(leitor.url), "o wheel não veio do site"


@pytest.mark.parametrize("pagina", PAGINAS_DO_LEITOR)
def test_pagina_roda_no_venv_do_leitor(pagina, leitor):
    blocos = blocos_da_pagina(DOCS / pagina)
    assert blocos
    entrada = [{"nome": b.nome, "codigo": b.codigo, "erro_esperado": _erro_esperado(b)} for b in blocos]
    proc = subprocess.run(
        [str(leitor.python), str(RAIZ / "tests" / "executar_pagina.py")],
        input=json.dumps(entrada), capture_output=True, text=True,
        cwd=leitor.venv, env=leitor.env(), timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    resultados = {r["nome"]: r for r in json.loads(proc.stdout)}
    for b in blocos:
        r = resultados.get(b.nome)
        assert r is not None, f"{b.nome} não rodou: um bloco anterior falhou."
        real = _normalizar(r["saida"])
        if r["erro"]:
            assert _erro_esperado(b), f"{b.nome} falhou no venv do leitor:\n{r['traceback']}"
            real = _normalizar(real + "\n" + r["erro"])
        esperado = _normalizar(b.saida.codigo) if b.saida else ""
        assert real == esperado, f"{b.nome}, no venv do leitor:\n--- real ---\n{real}\n--- na página ---\n{esperado}"


# --- o conteúdo do pacote publicado ------------------------------------------------

def test_wheel_tem_so_o_pacote_e_os_metadados(site):
    wheel = _wheel(site[0])
    versao = wheel.name.split("-")[1]
    with zipfile.ZipFile(wheel) as z:
        nomes = z.namelist()
        metadata = z.read(f"redes-{versao}.dist-info/METADATA").decode()
    modulos = {n for n in nomes if not n.startswith(f"redes-{versao}.dist-info/")}
    assert modulos == {f"redes/{p.name}" for p in (RAIZ / "src" / "redes").glob("*.py")}
    info = {n.split("/", 1)[1] for n in nomes if n.startswith(f"redes-{versao}.dist-info/")}
    assert info <= {"METADATA", "WHEEL", "RECORD", "top_level.txt"} and "METADATA" in info, info
    assert not any(re.search(r"(^|/)(tests?|docs|tools)(/|$)|conftest|test_", n) for n in nomes), nomes
    for campo in ["Name: redes", f"Version: {versao}", "Summary: Redes neurais do zero com NumPy",
                  "License-Expression: MIT", "Requires-Python: >=3.10", "Requires-Dist: numpy",
                  "Requires-Dist: nnfs", f"Project-URL: Homepage, {SITE_URL}",
                  "Classifier: Natural Language :: Portuguese (Brazilian)"]:
        assert campo in metadata, f"falta {campo!r} nos metadados do wheel"


def test_sdist_tem_so_o_codigo_do_pacote(site):
    sdists = sorted((site[0] / "pacote").glob("redes-*.tar.gz"))
    assert len(sdists) == 1
    with tarfile.open(sdists[0]) as t:
        nomes = [n.split("/", 1)[1] for n in t.getnames() if "/" in n]
    for nome in nomes:
        assert re.match(r"^(PKG-INFO|README\.md|pyproject\.toml|setup\.cfg|src(/redes(\.egg-info)?(/[\w.-]+)?)?)$", nome), nome


def test_twine_check_passa(site):
    arquivos = sorted(str(p) for p in (site[0] / "pacote").iterdir())
    proc = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *arquivos],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mkdocs_serve_mostra_e_confere_a_linha_publica():
    """O `mkdocs serve` troca o site_url pelo endereço local; a linha continua a pública."""
    sys.path.insert(0, str(RAIZ))
    from tools.ganchos_pacote import site_url_publico

    config = {"site_url": "http://127.0.0.1:8000/redes-neurais/", "config_file_path": str(RAIZ / "mkdocs.yml")}
    assert site_url_publico(config) == SITE_URL
