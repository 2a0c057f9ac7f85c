"""Trabalho do navegador ao abrir uma página: compara sites construídos (A/B).

O TBT do Lighthouse varia muito de uma rodada para outra nesta máquina (a mesma
página já deu de 60 a 224 ms), porque vem do tempo de relógio de cada tarefa. Para
decidir se uma mudança deixa a página mais leve, este script mede outra coisa, bem
mais estável: o tempo de CPU do thread principal do Chromium (o `tdur` do trace, que
não conta o tempo em que o processo esperou pela máquina) ao abrir a página, numa
tela de celular, com o site servido com gzip como em `lighthouse.py`.

Para cada site e página, abre a página N vezes (alternando a ordem dos sites a cada
rodada, depois de uma visita de aquecimento) e imprime as medianas de:

- CPU total do thread principal, do início da navegação até 1,2 s depois do "load";
- CPU depois da primeira pintura (FCP), onde o Lighthouse conta o TBT;
- a maior tarefa depois da primeira pintura.

Uso:

    .venv/bin/python benchmarks/abrir_pagina.py --pagina camadas/camada-densa/ SITE_A SITE_B
    .venv/bin/python benchmarks/abrir_pagina.py --rodadas 9 --pagina sobre-as-anotacoes/ site

Um site é uma pasta de `mkdocs build` (por exemplo, `site/` antes e depois de uma
mudança, copiado para outro lugar). Use com a máquina livre.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lighthouse import servir  # noqa: E402

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIAS = ["devtools.timeline", "loading", "toplevel", "disabled-by-default-devtools.timeline"]


def uma_visita(navegador, url: str) -> tuple[float, float, float]:
    contexto = navegador.new_context(
        viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True, has_touch=True
    )
    pagina = contexto.new_page()
    navegador.start_tracing(page=pagina, categories=CATEGORIAS)
    pagina.goto(url, wait_until="load")
    pagina.wait_for_timeout(1200)
    eventos = json.loads(navegador.stop_tracing())["traceEvents"]
    contexto.close()
    nomes = {(e["pid"], e["tid"]): e["args"]["name"] for e in eventos if e.get("name") == "thread_name"}
    contagem = collections.Counter((e["pid"], e["tid"]) for e in eventos)
    principal = max((k for k, v in nomes.items() if v == "CrRendererMain"), key=lambda k: contagem[k])
    fcp = min(e["ts"] for e in eventos if e.get("name") == "firstContentfulPaint")
    tarefas = [e for e in eventos
               if (e["pid"], e["tid"]) == principal and e.get("ph") == "X" and e["name"] == "RunTask"]
    cpu = [(t["ts"], t.get("tdur", t["dur"]) / 1000) for t in tarefas]
    depois = [d for ts, d in cpu if ts >= fcp]
    return sum(d for _, d in cpu), sum(depois), max(depois, default=0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sites", nargs="+", type=Path, help="pastas de sites construídos")
    ap.add_argument("--pagina", action="append", required=True, help="caminho da página (ex.: camadas/camada-densa/)")
    ap.add_argument("--rodadas", type=int, default=7)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    servidores = [servir(s) for s in args.sites]
    try:
        with sync_playwright() as p:
            navegador = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for pagina in args.pagina:
                medidas: dict[int, list] = {i: [] for i in range(len(args.sites))}
                for i, (_, base) in enumerate(servidores):
                    uma_visita(navegador, base + pagina)  # aquecimento (caches do navegador)
                for r in range(args.rodadas):
                    ordem = range(len(args.sites)) if r % 2 == 0 else reversed(range(len(args.sites)))
                    for i in ordem:
                        medidas[i].append(uma_visita(navegador, servidores[i][1] + pagina))
                print(f"{pagina} (mediana de {args.rodadas} visitas, ms de CPU do thread principal)")
                for i, site in enumerate(args.sites):
                    total, depois, maior = (statistics.median(m[k] for m in medidas[i]) for k in range(3))
                    print(f"  {str(site):40} total {total:6.1f}   depois do FCP {depois:6.1f}   maior tarefa {maior:5.1f}")
            navegador.close()
    finally:
        for httpd, _ in servidores:
            httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
