"""Gancho do MkDocs: a cópia do site para ler sem internet (``baixar/redes-neurais.zip``).

Depois do build, o site pronto vira um zip que funciona aberto direto do disco
(``file://``), sem servidor e sem um segundo build:

- links de pasta (``../camada-densa/``) passam a apontar para o arquivo
  (``../camada-densa/index.html``), porque o navegador não abre ``index.html``
  sozinho a partir do disco;
- a busca: o Material lê o índice de ``search/search_index.js`` quando a página
  vem de ``file://`` (o mesmo que o plugin ``offline`` do tema gera), e o worker
  da busca roda num iframe pelo ``iframe-worker`` (pacote npm fixado em
  ``package-lock.json``, copiado para ``assets/iframe-worker/``), porque o
  Chromium não cria workers a partir de arquivos locais;
- fórmulas, figuras, CSS e fontes já são arquivos do próprio site, com caminhos
  relativos.

Também gera ``imprimir.html``: o livro inteiro numa página só, na ordem da
navegação, com CSS de impressão (todo o conteúdo aberto, cada capítulo numa
folha nova), para imprimir ou salvar em PDF pelo navegador. O nome não é
``index.html`` de propósito: não é uma página do site (não entra na busca nem
nas contagens dos testes), é uma versão das outras.

O zip e a página de impressão não entram no site servido por ``mkdocs serve``
(só em ``mkdocs build``), para a recarga ao editar continuar rápida.
"""

from __future__ import annotations

import json
import logging
import re
import time
import zipfile
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

RAIZ = Path(__file__).resolve().parent.parent
SHIM = RAIZ / "node_modules" / "iframe-worker" / "shim" / "index.js"
LICENCA_SHIM = RAIZ / "node_modules" / "iframe-worker" / "LICENSE"
DESTINO = PurePosixPath("baixar") / "redes-neurais.zip"
PASTA = "redes-neurais"  # pasta dentro do zip
FORA = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
JA_COMPRIMIDOS = {".woff2", ".woff", ".png", ".jpg", ".jpeg", ".gz", ".zip"}
LEIA_ME = """Redes Neurais: cópia para ler sem internet
===========================================

Abra o arquivo redes-neurais/index.html no navegador (duplo clique). A navegação,
as fórmulas, as figuras e a busca funcionam a partir do disco, sem servidor.
Para rodar o código das páginas, veja a página "Como rodar o código".
"""

log = logging.getLogger("mkdocs.hooks.offline")
_comando = {"nome": "build"}


def on_startup(command, dirty):
    _comando["nome"] = command


_paginas: list = []


def on_nav(nav, config, files):
    _paginas[:] = [p.file.dest_uri for p in nav.pages]


_HREF = re.compile(r'(\shref=")([^"]*)(")')


def _href_de_arquivo(href: str, pasta_html: Path, site: Path) -> str:
    """``../camada-densa/#x`` → ``../camada-densa/index.html#x``; o resto fica igual."""
    if not href or href.startswith(("#", "/", "data:", "mailto:")) or re.match(r"^[a-z][a-z0-9+.-]*:", href):
        return href
    caminho, resto = re.match(r"([^?#]*)(.*)", href, re.S).groups()
    if caminho == "":
        return href
    if caminho.endswith("/"):
        caminho += "index.html"
    elif caminho in (".", "..") or caminho.endswith(("/.", "/..")):
        caminho += "/index.html"
    elif (pasta_html / caminho / "index.html").is_file():
        caminho += "/index.html"
    return caminho + resto


def html_offline(texto: str, arquivo: Path, site: Path, site_url: str = "") -> str:
    pasta = arquivo.parent
    profundidade = len(arquivo.relative_to(site).parts) - 1

    def trocar(m):
        href = m.group(2)
        # O próprio zip não vai dentro do zip: o link passa a ser o do site publicado.
        if site_url and href.split("#")[0].endswith(DESTINO.as_posix()):
            return m.group(1) + site_url.rstrip("/") + "/" + DESTINO.as_posix() + m.group(3)
        return m.group(1) + _href_de_arquivo(href, pasta, site) + m.group(3)

    texto = _HREF.sub(trocar, texto)
    shim = "../" * profundidade + "assets/iframe-worker/shim.js"
    return texto.replace("</head>", f'<script src="{shim}"></script>\n</head>', 1)


def indice_offline(dados: str) -> str:
    """O índice da busca como script, com os endereços apontando para os arquivos."""
    indice = json.loads(dados)
    for doc in indice["docs"]:
        caminho, sep, ancora = doc["location"].partition("#")
        if caminho == "" or caminho.endswith("/"):
            caminho += "index.html"
        doc["location"] = caminho + sep + ancora
    return "var __index = " + json.dumps(indice, ensure_ascii=False, separators=(",", ":"))


def gerar_zip(site: Path, destino: Path, site_url: str = "") -> int:
    if not SHIM.exists():
        raise PluginError(
            "iframe-worker não encontrado em node_modules: rode `npm ci` (ou `make serve`); "
            "a busca da cópia offline (tools/ganchos_offline.py) precisa dele."
        )
    destino.parent.mkdir(parents=True, exist_ok=True)
    temporario = destino.with_suffix(".tmp")
    n = 0
    with zipfile.ZipFile(temporario, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("LEIA-ME.txt", LEIA_ME)
        for arquivo in sorted(site.rglob("*")):
            rel = arquivo.relative_to(site)
            if not arquivo.is_file() or rel.parts[0] == DESTINO.parts[0] or rel.as_posix() in FORA:
                continue
            nome = f"{PASTA}/{rel.as_posix()}"
            if arquivo.suffix == ".html":
                z.writestr(nome, html_offline(arquivo.read_text(encoding="utf-8"), arquivo, site, site_url))
            elif rel.as_posix() == "search/search_index.json":
                z.write(arquivo, nome)
                z.writestr(f"{PASTA}/search/search_index.js", indice_offline(arquivo.read_text(encoding="utf-8")))
            elif arquivo.suffix in JA_COMPRIMIDOS:
                z.write(arquivo, nome, compress_type=zipfile.ZIP_STORED)
            else:
                z.write(arquivo, nome)
            n += 1
        z.write(SHIM, f"{PASTA}/assets/iframe-worker/shim.js")
        z.write(LICENCA_SHIM, f"{PASTA}/assets/iframe-worker/LICENSE")
    temporario.replace(destino)
    return n


IMPRIMIR = "imprimir.html"
CSS_IMPRESSAO = """
body { background: #fff; }
.rn-imprimir { max-width: 48rem; margin: 0 auto; padding: 1rem; }
.rn-imprimir .md-typeset .headerlink, .rn-imprimir .md-content__button,
.rn-imprimir .md-clipboard, .rn-imprimir .md-source-file { display: none; }
.rn-capa { text-align: center; margin: 4rem 0; }
.rn-indice ol { columns: 2; }
.rn-imprimir .tabbed-set > .tabbed-content > .tabbed-block { display: block; }
.rn-imprimir .tabbed-set > .tabbed-labels { display: none; }
@media print {
  @page { margin: 1.6cm 1.4cm; }
  html { font-size: 11pt; }
  .rn-capitulo { break-before: page; }
  .rn-imprimir pre, .rn-imprimir code { white-space: pre-wrap; word-break: break-word; }
  .rn-imprimir figure, .rn-imprimir img, .rn-imprimir .katex-display,
  .rn-imprimir table, .rn-imprimir .highlight { break-inside: avoid; }
  .rn-imprimir h1, .rn-imprimir h2, .rn-imprimir h3 { break-after: avoid; }
  .rn-imprimir a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; }
  .rn-aviso-tela { display: none; }
}
"""
_ATRIBUTO = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_ID = re.compile(r'(\s(?:id|for)=")([^"]+)(")')
_ANCORA = re.compile(r'(\shref="#)([^"]+)(")')


def _para_raiz(url: str, pagina: PurePosixPath) -> str:
    """Um endereço relativo do HTML de ``pagina`` visto da raiz do site."""
    if not url or url.startswith(("#", "/", "data:", "mailto:")) or re.match(r"^[a-z][a-z0-9+.-]*:", url):
        return url
    partes = list(pagina.parent.parts)
    caminho, resto = re.match(r"([^?#]*)(.*)", url, re.S).groups()
    final_barra = caminho.endswith("/")
    for parte in caminho.split("/"):
        if parte in ("", "."):
            continue
        if parte == "..":
            if partes:
                partes.pop()
        else:
            partes.append(parte)
    novo = "/".join(partes)
    if final_barra and novo:
        novo += "/"
    return (novo or "./") + resto


def _artigo(html: str) -> str:
    inicio = html.find('<article class="md-content__inner md-typeset">')
    fim = html.rfind("</article>", 0, html.find("</main>"))
    if inicio < 0 or fim < 0:
        raise PluginError("imprimir.html: não achei o <article> do conteúdo numa página do site.")
    return html[inicio + len('<article class="md-content__inner md-typeset">') : fim]


def gerar_impressao(site: Path, config) -> Path:
    inicio_html = (site / "index.html").read_text(encoding="utf-8")
    cabeca = inicio_html[: inicio_html.find("</head>")]
    estilos = re.findall(r'<link rel="(?:stylesheet|icon)"[^>]*>', cabeca)
    scripts = [s for s in re.findall(r'<script src="[^"]*"></script>', inicio_html) if "katex" in s]
    capitulos, indice = [], []
    numero = {str(PurePosixPath(d).parent).replace(".", "") + "/": n for n, d in enumerate(_paginas, 1)}
    numero["./"] = numero.pop("/", 1)

    def interno(url: str) -> str:
        """Link para outra página do livro → âncora do capítulo nesta página."""
        caminho, _, ancora = url.partition("#")
        if caminho not in numero or "?" in caminho:
            return url
        n = numero[caminho]
        return f"#p{n}-{ancora}" if ancora else f"#p{n}"

    for n, dest in enumerate(_paginas, 1):
        pagina = PurePosixPath(dest)
        conteudo = _artigo((site / pagina).read_text(encoding="utf-8"))
        conteudo = re.sub(r'<a href="[^"]*"[^>]*class="md-content__button md-icon"[^>]*>.*?</a>', "", conteudo, flags=re.S)
        prefixo = f"p{n}-"
        conteudo = _ID.sub(lambda m: m.group(1) + prefixo + m.group(2) + m.group(3), conteudo)
        conteudo = _ANCORA.sub(lambda m: m.group(1) + prefixo + m.group(2) + m.group(3), conteudo)
        conteudo = _ATRIBUTO.sub(
            lambda m: m.group(1) + interno(_para_raiz(m.group(2), pagina)) + m.group(3), conteudo
        )
        conteudo = conteudo.replace("<details", "<details open")
        titulo = re.search(r"<h1[^>]*>(.*?)</h1>", conteudo, re.S)
        texto_titulo = re.sub(r"<[^>]+>|¶|&para;", "", titulo.group(1)).strip() if titulo else dest
        indice.append(f'<li><a href="#p{n}">{texto_titulo}</a></li>')
        capitulos.append(f'<section class="rn-capitulo" id="p{n}">{conteudo}</section>')
    lang = config.theme.get("language", "pt-BR")
    html = f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{config.site_name}: o livro inteiro para imprimir</title>
<meta name="robots" content="noindex">
{chr(10).join(estilos)}
<style>{CSS_IMPRESSAO}</style>
</head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="deep-orange">
<main class="rn-imprimir"><div class="md-content"><div class="md-content__inner md-typeset">
<div class="rn-capa">
<h1>{config.site_name}</h1>
<p>{config.site_description or ""}</p>
<p class="rn-aviso-tela">Esta é a versão de página única do site, para imprimir ou salvar em PDF
(no navegador: Imprimir → Salvar como PDF). <a href="index.html">Voltar ao site</a>.</p>
</div>
<nav class="rn-indice"><h2>Sumário</h2><ol>{"".join(indice)}</ol></nav>
{"".join(capitulos)}
</div></div></main>
{chr(10).join(scripts)}
</body>
</html>
"""
    alvo = site / IMPRIMIR
    alvo.write_text(html, encoding="utf-8")
    return alvo


def on_post_build(config):
    if _comando["nome"] == "serve":
        return
    inicio = time.perf_counter()
    site = Path(config.site_dir)
    impressao = gerar_impressao(site, config)
    log.info("Versão para imprimir: %s (%.1f MB)", IMPRIMIR, impressao.stat().st_size / 1e6)
    destino = site / DESTINO
    n = gerar_zip(site, destino, config.site_url or "")
    log.info(
        "Cópia offline: %s (%d arquivos, %.1f MB) em %.1f s",
        DESTINO, n, destino.stat().st_size / 1e6, time.perf_counter() - inicio,
    )
