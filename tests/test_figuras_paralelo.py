"""As figuras geradas em paralelo no build são as mesmas que em série.

O build gera as figuras que faltam no cache em vários processos
(`tools/figuras/__init__.py::_gerar_faltantes`). Isso só vale se cada figura não
depender do que outra fez antes (estado global do NumPy, por exemplo). Aqui, duas
figuras que sorteiam dados e uma que treina uma rede são geradas de novo, em série,
num processo Python novo, e têm de sair idênticas, byte a byte, às do build.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
FIGURAS = ["ativ-espiral", "intro-rede-camadas", "outros-fronteira-binaria"]

GERAR_EM_SERIE = """
import hashlib, json, sys
sys.path.insert(0, sys.argv[1])
from tools import figuras
figuras._estilo()
todas = dict(figuras.funcoes())
saida = {}
for nome in sys.argv[2:]:
    for sufixo, svg in figuras.gerar(todas[nome]).items():
        saida[nome + sufixo] = hashlib.sha256(svg).hexdigest()
print(json.dumps({"impressao": figuras._impressao(), "svgs": saida}))
"""


def test_figuras_do_build_iguais_as_geradas_em_serie(site):
    proc = subprocess.run(
        [sys.executable, "-c", GERAR_EM_SERIE, str(RAIZ), *FIGURAS],
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, OPENBLAS_NUM_THREADS="1"),
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    resultado = json.loads(proc.stdout.strip().splitlines()[-1])
    cache = RAIZ / ".cache" / "figuras"
    for nome_svg, resumo in resultado["svgs"].items():
        nome = nome_svg.removesuffix("-estreita")
        sufixo = nome_svg[len(nome):]
        arquivo = cache / f"{nome}.{resultado['impressao']}{sufixo}.svg"
        assert arquivo.exists(), f"o build não deixou {arquivo.name} no cache"
        assert hashlib.sha256(arquivo.read_bytes()).hexdigest() == resumo, (
            f"{nome_svg}: a figura do build (gerada em paralelo) difere da gerada em série"
        )
