"""Benchmark: o botão "Executar" no Chromium headless, servido em localhost.

Mede, numa só execução:

- os bytes transferidos no primeiro clique da primeira página (leitor novo, sem
  cache) e no primeiro clique da página seguinte (deve ser 0 MB do runtime: ele
  sai do Cache Storage);
- o tempo do clique até a primeira saída (primeiro bloco da primeira página, com
  o download e a compilação do runtime);
- o tempo do bloco de treino da espiral no navegador (Python com NumPy em
  WebAssembly) e no Python nativo desta máquina, e a razão entre os dois.

Orçamentos (saída com código 1 se algum passar): primeira saída em até 5 s,
no máximo 30 MB na primeira execução, 0 MB do runtime baixados de novo na
página seguinte. A razão navegador/nativo é informada, sem orçamento.

Uso:  python benchmarks/bench_navegador.py [--site PASTA_DO_SITE_CONSTRUÍDO]
Sem --site, constrói o site (mkdocs build) numa pasta temporária.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import io
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ / "tests"))
sys.path.insert(0, str(RAIZ / "src"))

from blocos import DOCS, blocos_da_pagina, paginas  # noqa: E402

ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions",
]
ORCAMENTO_PRIMEIRA_SAIDA_S = 5.0
ORCAMENTO_MB = 30.0
ESPERA_MS = 900_000


def _url(md: Path) -> str:
    rel = md.relative_to(DOCS).with_suffix("")
    return "" if rel.name == "index" else f"{rel.as_posix()}/"


def bloco_de_treino_da_espiral() -> tuple[Path, int]:
    """O primeiro bloco que treina (10 000 épocas) nos dados da espiral."""
    for md in paginas():
        blocos = blocos_da_pagina(md)
        usa_espiral = False
        for k, b in enumerate(blocos):
            usa_espiral = usa_espiral or "spiral_data" in b.codigo
            if usa_espiral and re.search(r"range\(10001\)|range\(10_001\)|epocas=10000|epochs=10000", b.codigo):
                return md, k
    raise SystemExit("nenhum bloco de treino da espiral com 10 000 épocas nas páginas")


def tempo_nativo(md: Path, k: int) -> float:
    """Roda os blocos 0..k da página no Python desta máquina; devolve o tempo do bloco k."""
    nomes = {"__name__": "__main__"}
    with tempfile.TemporaryDirectory() as pasta, contextlib.chdir(pasta):
        for i, b in enumerate(blocos_da_pagina(md)[: k + 1]):
            codigo = compile(b.codigo, b.nome, "exec")
            t0 = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                exec(codigo, nomes)
            if i == k:
                return time.perf_counter() - t0
    raise AssertionError


class Servidor(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def medir(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(Servidor, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    md_treino, k_treino = bloco_de_treino_da_espiral()
    com_codigo = [md for md in paginas() if blocos_da_pagina(md)]
    primeira = com_codigo[0]
    segunda = next(md for md in com_codigo if md not in (primeira, md_treino))
    r: dict = {"treino": f"{md_treino.relative_to(DOCS)} (bloco {k_treino + 1})"}
    try:
        with sync_playwright() as p:
            nav = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS, headless=True)
            ctx = nav.new_context()
            bytes_por_url: list[tuple[str, int]] = []

            def anotar(req):
                try:
                    bytes_por_url.append((req.url, req.sizes()["responseBodySize"]))
                except Exception:  # noqa: BLE001
                    bytes_por_url.append((req.url, 0))

            ctx.on("requestfinished", anotar)

            def clicar(md, indice):
                pg = ctx.new_page()
                pg.goto(base + _url(md), wait_until="load")
                pg.wait_for_load_state("networkidle")
                antes = len(bytes_por_url)
                t0 = time.perf_counter()
                pg.locator(".executar-rodar").nth(indice).dispatch_event("click")
                pg.wait_for_function(
                    "() => ['pronto', 'falhou'].includes(document.documentElement.dataset.executar)",
                    timeout=ESPERA_MS,
                )
                dt = time.perf_counter() - t0
                estado = pg.evaluate("document.documentElement.dataset.executar")
                if estado != "pronto":
                    raise SystemExit(f"{_url(md)}: a execução no navegador falhou")
                novos = bytes_por_url[antes:]
                return pg, dt, sum(n for _, n in novos), sum(n for u, n in novos if "/executar/runtime/" in u)

            pg, r["primeira_saida_s"], r["bytes_primeira"], _ = clicar(primeira, 0)
            info = pg.evaluate("window.__executarInfo")
            r["baixar_s"], r["iniciar_s"] = info["msBaixar"] / 1000, info["msIniciar"] / 1000
            pg.close()
            pg, r["segunda_s"], r["bytes_segunda"], r["bytes_runtime_segunda"] = clicar(segunda, 0)
            pg.close()
            pg, _, _, _ = clicar(md_treino, k_treino)
            r["treino_navegador_s"] = pg.evaluate(f"window.__executarBlocos[{k_treino}].resultado.ms") / 1000
            pg.close()
            nav.close()
    finally:
        httpd.shutdown()
    r["treino_nativo_s"] = tempo_nativo(md_treino, k_treino)
    return r


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site", type=Path, help="site já construído (senão, constrói numa pasta temporária)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        site = args.site
        if site is None:
            site = Path(temp) / "site"
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=RAIZ,
                           check=True, capture_output=True)
        r = medir(site)
    mb = lambda n: n / 1e6  # noqa: E731
    linhas = [
        ("primeira saída (clique → saída do 1º bloco)", f"{r['primeira_saida_s']:.2f} s",
         f"≤ {ORCAMENTO_PRIMEIRA_SAIDA_S:.0f} s", r["primeira_saida_s"] <= ORCAMENTO_PRIMEIRA_SAIDA_S),
        ("  dos quais: baixar o runtime", f"{r['baixar_s']:.2f} s", "", None),
        ("  dos quais: compilar e iniciar o Python", f"{r['iniciar_s']:.2f} s", "", None),
        ("bytes na 1ª execução da 1ª página", f"{mb(r['bytes_primeira']):.1f} MB", f"≤ {ORCAMENTO_MB:.0f} MB",
         mb(r["bytes_primeira"]) <= ORCAMENTO_MB),
        ("runtime baixado de novo na página seguinte", f"{mb(r['bytes_runtime_segunda']):.1f} MB", "0 MB",
         r["bytes_runtime_segunda"] == 0),
        ("  (todos os bytes do clique nessa página)", f"{mb(r['bytes_segunda']) * 1000:.1f} kB", "", None),
        ("  (clique → saída nessa página)", f"{r['segunda_s']:.2f} s", "", None),
        (f"treino da espiral no navegador: {r['treino']}", f"{r['treino_navegador_s']:.2f} s", "", None),
        ("o mesmo bloco no Python nativo", f"{r['treino_nativo_s']:.2f} s", "", None),
        ("razão navegador/nativo", f"{r['treino_navegador_s'] / r['treino_nativo_s']:.2f}", "", None),
    ]
    largura = max(len(l[0]) for l in linhas)
    print(f"{'medida':{largura}}  {'valor':>10}  {'orçamento':>10}  ok")
    for nome, valor, orc, ok in linhas:
        print(f"{nome:{largura}}  {valor:>10}  {orc:>10}  {'' if ok is None else ('sim' if ok else 'NÃO')}")
    return 0 if all(l[3] for l in linhas if l[3] is not None) else 1


if __name__ == "__main__":
    sys.exit(main())
