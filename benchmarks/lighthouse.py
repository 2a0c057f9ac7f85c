"""Lighthouse (modo celular) em toda página do site construído, servido com gzip.

O GitHub Pages comprime HTML, CSS, JS e SVG com gzip; o `http.server` do Python
não comprime. Este script serve o site com gzip (como o Pages), roda o Lighthouse
do npm (versão fixada no package-lock.json, devDependency) com o Chromium do
sistema (`CHROME_PATH`, padrão /usr/bin/chromium; nenhum navegador é baixado) em
cada página e imprime uma tabela com as notas e os orçamentos:

    performance ≥ 95, acessibilidade 100, boas práticas 100, SEO 100,
    total blocking time ≤ 50 ms, ≤ 300 KB transferidos sem as figuras e
    ≤ 800 KB com elas, por página.

"Figuras" são as imagens que a página carrega (pedidos do tipo Image: os SVG de
`figuras/`); imagens embutidas no HTML contam no HTML. Sai com código 1 se alguma
página estoura algum orçamento.

O que só é baixado quando o leitor pede (o índice da busca, ao abrir a busca; o
GLightbox, ao tocar numa figura; o resto do "Executar", no primeiro clique) não
entra nos KB por página; a tabela termina dizendo quanto isso pesa.

Cada página é medida `--rodadas` vezes (padrão 3): performance e TBT são a mediana
das rodadas (a tabela mostra também o TBT de cada uma), acessibilidade, boas práticas
e SEO a pior.

Uso: `make lighthouse` (constrói o site em site/ e mede), ou
`python benchmarks/lighthouse.py --site DIR [--pagina TRECHO ...] [--rodadas N] [--json DIR]`
(`--json` guarda o relatório inteiro de cada página, com as auditorias
`bootup-time`, `mainthread-work-breakdown`, `network-requests`…).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
LIGHTHOUSE = RAIZ / "node_modules" / "lighthouse" / "cli" / "index.js"
COMPRIMIR = {".html", ".css", ".js", ".svg", ".json", ".xml", ".txt", ".map"}
FLAGS_CHROMIUM = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-default-apps "
    "--disable-extensions"
)
ORCAMENTO = {
    "performance": 95,
    "accessibility": 100,
    "best-practices": 100,
    "seo": 100,
    "tbt_ms": 50,
    "kb_sem_figuras": 300,
    "kb_com_figuras": 800,
}


@functools.lru_cache(maxsize=None)
def _comprimido(caminho: str, _mtime_ns: int) -> bytes:
    """O arquivo comprimido uma vez só (a chave inclui a data de modificação).

    O GitHub Pages manda o que já tem comprimido; comprimir a cada pedido tomava CPU
    desta máquina (2 núcleos) enquanto o Chromium abria a página, e esse tempo
    entrava nas tarefas que o Lighthouse mede.
    """
    return gzip.compress(Path(caminho).read_bytes(), compresslevel=6)


class ServidorGzip(http.server.SimpleHTTPRequestHandler):
    """Serve arquivos estáticos e comprime os de texto quando o navegador aceita gzip."""

    def log_message(self, *args):
        pass

    def send_head(self):
        caminho = Path(self.translate_path(self.path))
        if caminho.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # o padrão redireciona para a barra final
            caminho = caminho / "index.html"
        aceita = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (aceita and caminho.suffix in COMPRIMIR and caminho.is_file()):
            return super().send_head()
        corpo = _comprimido(str(caminho), caminho.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(caminho)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(corpo)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(corpo)


def servir(site: Path):
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(ServidorGzip, directory=str(site))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def paginas(site: Path) -> list[str]:
    rels = []
    for p in sorted(site.rglob("index.html")):
        if "assets" in p.parts:
            continue
        rel = p.parent.relative_to(site).as_posix()
        rels.append("" if rel == "." else rel + "/")
    return rels


def medir(url: str, salvar: Path | None = None) -> dict:
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    proc = subprocess.run(
        [
            "node", str(LIGHTHOUSE), url,
            "--output=json", "--output-path=stdout", "--quiet",
            "--form-factor=mobile",
            f"--chrome-flags={FLAGS_CHROMIUM}",
        ],
        capture_output=True, text=True, env=env, timeout=300,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"Lighthouse falhou em {url}:\n{proc.stderr[-2000:]}")
    lhr = json.loads(proc.stdout)
    if salvar is not None:
        salvar.write_text(proc.stdout, encoding="utf-8")
    if lhr.get("runtimeError"):
        raise RuntimeError(f"Lighthouse: {lhr['runtimeError']}")
    notas = {c: round(100 * (lhr["categories"][c]["score"] or 0)) for c in ORCAMENTO if c in lhr["categories"]}
    pedidos = lhr["audits"]["network-requests"]["details"]["items"]
    total = sum(p.get("transferSize", 0) for p in pedidos)
    figuras = sum(p.get("transferSize", 0) for p in pedidos if p.get("resourceType") == "Image")
    falhas_a11y = [
        a for a, v in lhr["audits"].items()
        if v.get("score") == 0 and any(
            r["id"] == a for r in lhr["categories"]["accessibility"]["auditRefs"]
        )
    ]
    falhas = [
        a for cat in ("best-practices", "seo")
        for r in lhr["categories"][cat]["auditRefs"]
        if (a := r["id"]) and lhr["audits"][a].get("score") == 0
    ]
    return {
        **notas,
        "tbt_ms": round(lhr["audits"]["total-blocking-time"]["numericValue"]),
        "kb_sem_figuras": round((total - figuras) / 1000),
        "kb_com_figuras": round(total / 1000),
        "reprovadas": falhas_a11y + falhas,
    }


# Baixados só quando o leitor pede (não entram nos KB por página acima):
# (descrição, arquivos do site)
SOB_DEMANDA = [
    ("índice da busca (ao abrir a busca)", ["search/search_index.json"]),
    ("GLightbox (ao tocar numa figura)", ["assets/glightbox/js/glightbox.min.js", "assets/glightbox/css/glightbox.min.css"]),
    ("resto do Executar (no primeiro clique)", ["assets/executar/executar-pleno.js"]),
]


def kb_sob_demanda(site: Path) -> list[tuple[str, int]]:
    """KB (com gzip, como o servidor manda) do que só é baixado quando o leitor pede."""
    linhas = []
    for descricao, arquivos in SOB_DEMANDA:
        caminhos = [site / a for a in arquivos]
        if all(c.is_file() for c in caminhos):
            total = sum(len(gzip.compress(c.read_bytes(), compresslevel=6)) for c in caminhos)
            linhas.append((descricao, round(total / 1000)))
    return linhas


def combinar(rodadas: list[dict]) -> dict:
    """Uma linha da tabela a partir de várias medidas da mesma página.

    Performance e TBT dependem do tempo que cada tarefa levou nesta máquina e variam
    de uma rodada para outra (o TBT da mesma página já foi de 204 a 403 ms): vale a
    mediana, e o intervalo fica registrado. Acessibilidade, boas práticas e SEO não
    dependem do tempo; vale a pior rodada. Os KB são os mesmos em toda rodada.
    """
    m = dict(rodadas[0])
    for chave in ("performance", "tbt_ms"):
        m[chave] = round(statistics.median(r[chave] for r in rodadas))
    for chave in ("accessibility", "best-practices", "seo"):
        m[chave] = min(r[chave] for r in rodadas)
    m["tbt_todas"] = sorted(r["tbt_ms"] for r in rodadas)
    m["reprovadas"] = sorted({a for r in rodadas for a in r["reprovadas"]})
    return m


def estouros(m: dict) -> list[str]:
    ruins = []
    for chave, limite in ORCAMENTO.items():
        valor = m[chave]
        if chave in ("tbt_ms", "kb_sem_figuras", "kb_com_figuras"):
            if valor > limite:
                ruins.append(f"{chave} {valor} > {limite}")
        elif valor < limite:
            ruins.append(f"{chave} {valor} < {limite}")
    return ruins


def construir() -> Path:
    destino = Path(tempfile.mkdtemp(prefix="site-lighthouse-"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destino)],
        cwd=RAIZ, env=env, check=True,
    )
    return destino


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site", type=Path, help="site já construído (sem isto, constrói num diretório temporário)")
    ap.add_argument("--pagina", action="append", default=[], help="mede só as páginas cujo caminho contém o trecho")
    ap.add_argument("--json", type=Path, metavar="DIR",
                    help="guarda o relatório completo de cada página (JSON do Lighthouse) em DIR")
    ap.add_argument("--rodadas", type=int, default=3, metavar="N",
                    help="mede cada página N vezes e usa a mediana de performance e TBT (padrão: 3)")
    args = ap.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse não encontrado em node_modules: rode `npm ci`.", file=sys.stderr)
        return 2
    site = args.site or construir()
    httpd, base = servir(site)
    rels = [r for r in paginas(site) if not args.pagina or any(t in r for t in args.pagina)]
    cab = f"{'página':42} {'perf':>4} {'a11y':>4} {'boas':>4} {'seo':>4} {'TBT ms':>6} {'KB s/fig':>8} {'KB c/fig':>8}"
    print(cab)
    print("-" * len(cab))
    reprovadas = 0
    try:
        for rel in rels:
            salvar = None
            if args.json:
                args.json.mkdir(parents=True, exist_ok=True)
                salvar = args.json / ((rel.strip("/").replace("/", "__") or "inicio") + ".json")
            m = combinar([medir(base + rel, salvar if i == 0 else None) for i in range(max(1, args.rodadas))])
            ruins = estouros(m)
            reprovadas += bool(ruins)
            print(
                f"{(rel or '(início)'):42} {m['performance']:4} {m['accessibility']:4} {m['best-practices']:4} "
                f"{m['seo']:4} {m['tbt_ms']:6} {m['kb_sem_figuras']:8} {m['kb_com_figuras']:8}"
                + (f"  (TBT: {', '.join(map(str, m['tbt_todas']))})" if len(m["tbt_todas"]) > 1 else "")
                + (f"  ✗ {'; '.join(ruins)}" if ruins else "")
                + (f"  [auditorias reprovadas: {', '.join(m['reprovadas'])}]" if m["reprovadas"] else ""),
                flush=True,
            )
    finally:
        httpd.shutdown()
    lim = ORCAMENTO
    print(
        f"\nOrçamentos: performance ≥ {lim['performance']}, acessibilidade {lim['accessibility']}, "
        f"boas práticas {lim['best-practices']}, SEO {lim['seo']}, TBT ≤ {lim['tbt_ms']} ms, "
        f"≤ {lim['kb_sem_figuras']} KB sem figuras e ≤ {lim['kb_com_figuras']} KB com figuras."
    )
    print(f"{len(rels) - reprovadas} de {len(rels)} páginas dentro de todos os orçamentos.")
    sob = kb_sob_demanda(site)
    if sob:
        print("Só quando o leitor pede (fora dos KB por página): "
              + "; ".join(f"{d}: {kb} KB" for d, kb in sob) + ".")
    return 1 if reprovadas else 0


if __name__ == "__main__":
    sys.exit(main())
