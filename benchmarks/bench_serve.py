"""Quanto tempo um clone novo leva, com `make serve`, até mostrar a primeira página.

Clona o commit atual (`git clone` do repositório local: mudanças não commitadas
ficam de fora) numa pasta temporária, roda `make serve` lá e cronometra:

- a instalação (do início até o MkDocs dizer "Building documentation");
- o build frio (figuras, Python do navegador, páginas) até "Serving on";
- a primeira página servida (HTTP 200 em /redes-neurais/).

Os caches do pip, do uv e do npm da máquina são usados como estiverem (quem já
baixou os pacotes uma vez); os caches do projeto (`.cache/`, `.venv`,
`node_modules`) começam vazios, como num clone novo. Sai com código 1 se passar do
orçamento (60 s até a primeira página, em 2 núcleos).

    .venv/bin/python benchmarks/bench_serve.py            # ou: make bench-serve
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
ORCAMENTO_S = 60.0


def _porta_livre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _carga() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def medir(limite_s: float = 600.0) -> dict[str, float]:
    pasta = Path(tempfile.mkdtemp(prefix="redes-serve-"))
    processo = None
    try:
        subprocess.run(["git", "clone", "--quiet", str(RAIZ), str(pasta / "clone")], check=True)
        clone = pasta / "clone"
        porta = _porta_livre()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH"))}
        env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
        inicio = time.monotonic()
        processo = subprocess.Popen(
            ["make", "serve", f"ENDERECO=127.0.0.1:{porta}"],
            cwd=clone,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        marcas: dict[str, float] = {}
        log: list[str] = []
        assert processo.stdout is not None
        for linha in processo.stdout:
            agora = time.monotonic() - inicio
            log.append(linha.rstrip())
            if "Building documentation" in linha and "instalacao" not in marcas:
                marcas["instalacao"] = agora
            if re.search(r"Serving on", linha) and "INFO" in linha:
                marcas["serving"] = agora
                break
            if agora > limite_s:
                break
        if "serving" not in marcas:
            raise SystemExit("make serve não chegou a 'Serving on':\n" + "\n".join(log[-40:]))
        url = f"http://127.0.0.1:{porta}/redes-neurais/"
        while True:
            try:
                with urllib.request.urlopen(url, timeout=10) as resposta:
                    if resposta.status == 200 and b"<html" in resposta.read(2000).lower():
                        break
            except OSError:
                pass
            if time.monotonic() - inicio > limite_s:
                raise SystemExit(f"{url} não respondeu 200")
            time.sleep(0.1)
        marcas["primeira_pagina"] = time.monotonic() - inicio
        return marcas
    finally:
        if processo is not None and processo.poll() is None:
            os.killpg(processo.pid, signal.SIGTERM)
            try:
                processo.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(processo.pid, signal.SIGKILL)
        shutil.rmtree(pasta, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--orcamento", type=float, default=ORCAMENTO_S, help="segundos (padrão: 60)")
    opcoes = argumentos.parse_args(argv)
    carga_antes = _carga()
    marcas = medir()
    instalacao = marcas["instalacao"]
    build = marcas["serving"] - instalacao
    total = marcas["primeira_pagina"]
    print(f"núcleos: {os.cpu_count()}; carga da máquina (1, 5, 15 min) antes: {carga_antes}; depois: {_carga()}")
    print("| etapa | segundos |")
    print("|---|---:|")
    print(f"| instalação (.venv com o extra docs, node_modules de produção) | {instalacao:.1f} |")
    print(f"| build frio até 'Serving on' | {build:.1f} |")
    print(f"| **até a primeira página (HTTP 200)** | **{total:.1f}** |")
    if total > opcoes.orcamento:
        print(f"ACIMA DO ORÇAMENTO: {total:.1f} s > {opcoes.orcamento:.0f} s")
        return 1
    print(f"dentro do orçamento ({opcoes.orcamento:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
