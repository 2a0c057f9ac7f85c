"""A cópia para ler sem internet (baixar/redes-neurais.zip) e a versão para imprimir.

O zip do site construído é extraído numa pasta e aberto direto do disco
(file://) no Chromium, como faria quem baixou: navegação, fórmulas, figuras e
busca precisam funcionar sem servidor e sem internet.
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from test_navegador import navegador  # noqa: F401 (fixture: um Chromium só por sessão)

ZIP = Path("baixar") / "redes-neurais.zip"


@pytest.fixture(scope="module")
def copia(site, tmp_path_factory) -> Path:
    destino, _ = site
    arquivo = destino / ZIP
    assert arquivo.is_file(), "o build não gerou baixar/redes-neurais.zip"
    pasta = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(arquivo) as z:
        assert z.testzip() is None
        z.extractall(pasta)
    assert (pasta / "LEIA-ME.txt").is_file()
    return pasta / "redes-neurais"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in {"a", "link"} and a.get("href"):
            self.links.append(a["href"])
        if tag in {"img", "script"} and a.get("src"):
            self.links.append(a["src"])


def test_zip_tem_todas_as_paginas_e_links_de_arquivo(site, copia):
    """Toda página do site está no zip, e todo link relativo de toda página do zip
    aponta para um arquivo que existe (nenhum link de pasta, que o navegador não
    abre a partir do disco)."""
    destino, _ = site
    paginas = sorted(p.relative_to(destino) for p in destino.rglob("index.html"))
    assert len(paginas) > 30
    quebrados = []
    for rel in paginas:
        html = copia / rel
        assert html.is_file(), f"{rel} não está no zip"
        p = _Links()
        p.feed(html.read_text(encoding="utf-8"))
        for link in p.links:
            if link.startswith(("#", "data:", "mailto:")) or re.match(r"^[a-z][a-z0-9+.-]*:", link):
                continue
            alvo = (html.parent / unquote(urlparse(link).path)).resolve()
            if not alvo.is_file():
                quebrados.append(f"{rel}: {link}")
    assert not quebrados, "links que não abrem a partir do disco:\n" + "\n".join(quebrados[:30])
    assert (copia / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")
    assert (copia / "imprimir.html").is_file()


class _Disco:
    """Abre uma página do disco e anota erros e pedidos que não são arquivos locais."""

    def __init__(self, navegador, url: str):  # noqa: F811
        self.erros, self.externos, self.falhas = [], [], []
        self.contexto = navegador.new_context(viewport={"width": 1280, "height": 800})
        self.pagina = self.contexto.new_page()
        self.pagina.on("console", lambda m: m.type == "error" and self.erros.append(m.text))
        self.pagina.on("pageerror", lambda e: self.erros.append(str(e)))
        self.pagina.on("requestfailed", lambda r: self.falhas.append(f"{r.url} ({r.failure})"))
        self.pagina.route("**/*", self._filtrar)
        self.pagina.goto(url, wait_until="load")

    def _filtrar(self, route):
        if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.externos.append(route.request.url)
            route.abort()

    def limpa(self):
        assert not self.externos, f"pedidos para fora do disco: {self.externos}"
        assert not self.falhas, f"arquivos que não abriram: {self.falhas}"
        assert not self.erros, f"erros no console: {self.erros}"


@pytest.mark.navegador
def test_zip_aberto_do_disco_navega_com_formulas_figuras_e_busca(copia, navegador):  # noqa: F811
    v = _Disco(navegador, (copia / "index.html").as_uri())
    try:
        p = v.pagina
        # Navegação: pelo menu lateral, de página em página.
        p.locator("nav.md-nav a", has_text="Densa, oculta e esparsa").first.click()
        p.wait_for_load_state("load")
        assert p.url.endswith("/camadas/tipos-de-camada/index.html"), p.url
        assert p.locator("article h1").inner_text().startswith("Densa, oculta e esparsa")
        # Figuras: todas carregadas do disco.
        assert p.locator("article img").count() >= 2
        p.wait_for_function(
            "() => [...document.querySelectorAll('article img')].every(i => i.complete && i.naturalWidth > 0)",
            timeout=10_000,
        )
        # "Próximo" no rodapé leva ao arquivo da página seguinte.
        p.locator("a.md-footer__link--next").click()
        p.wait_for_load_state("load")
        assert p.url.endswith("/ativacao/funcoes/index.html"), p.url
        # Fórmulas: toda fórmula renderizada pelo KaTeX (no navegador ou já no build),
        # com as fontes do próprio zip.
        p.wait_for_function(
            "() => document.querySelectorAll('article .katex').length > 5 &&"
            " [...document.querySelectorAll('.arithmatex')].every(e => e.querySelector('.katex'))",
            timeout=15_000,
        )
        assert p.locator(".katex-error").count() == 0
        p.evaluate("() => document.fonts.ready")
        assert p.evaluate("() => document.fonts.check('16px KaTeX_Main')")
        # Busca: o índice vem de search/search_index.js e o worker roda num iframe.
        p.locator("input.md-search__input").click()
        p.keyboard.type("backpropagation", delay=30)
        p.wait_for_selector(".md-search-result__item > a", timeout=20_000)
        primeiro = p.locator(".md-search-result__item > a").first
        assert "/retropropagacao/camadas/index.html" in primeiro.get_attribute("href")
        assert p.locator(".md-search-result mark").count() > 0
        primeiro.click()
        p.wait_for_load_state("load")
        assert urlparse(p.url).path.endswith("/retropropagacao/camadas/index.html"), p.url
        assert p.locator("article h1").count() == 1
        v.limpa()
    finally:
        v.contexto.close()


@pytest.mark.navegador
def test_busca_sem_acento_no_zip(copia, navegador):  # noqa: F811
    v = _Disco(navegador, (copia / "fundamentos" / "batches" / "index.html").as_uri())
    try:
        p = v.pagina
        p.locator("input.md-search__input").click()
        p.keyboard.type("retropropagacao", delay=30)
        p.wait_for_selector(".md-search-result__item > a", timeout=20_000)
        p.wait_for_function(
            "() => [...document.querySelectorAll('.md-search-result mark')].some(m => m.innerText.includes('ção'))",
            timeout=10_000,
        )
        v.limpa()
    finally:
        v.contexto.close()


class _Imprimir(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.capitulos = 0
        self.ancoras: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "section" and "rn-capitulo" in (a.get("class") or ""):
            self.capitulos += 1
        if tag == "a" and (a.get("href") or "").startswith("#"):
            self.ancoras.append(a["href"][1:])


def test_versao_para_imprimir_tem_o_livro_inteiro(site):
    """imprimir.html: todas as páginas, na ordem da navegação, sem ids repetidos,
    com links internos que levam a algum lugar da própria página."""
    from test_site import _nav_em_ordem

    destino, _ = site
    html = (destino / "imprimir.html").read_text(encoding="utf-8")
    p = _Imprimir()
    p.feed(html)
    nav = _nav_em_ordem()
    assert p.capitulos == len(nav)
    assert len(p.ids) == len(set(p.ids)), "ids repetidos na página única"
    sem_alvo = sorted({a for a in p.ancoras if a and a not in set(p.ids)})
    assert not sem_alvo, sem_alvo[:20]
    # Cada capítulo é uma página, na ordem da navegação (pelo título H1).
    def titulo(trecho: str) -> str:
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", trecho, re.S).group(1)
        return re.sub(r"<[^>]+>|¶|&para;", "", h1).strip()

    esperados = [
        titulo((destino / ("index.html" if c == "index.md" else Path(c).with_suffix("").as_posix() + "/index.html"))
               .read_text(encoding="utf-8"))
        for c in nav
    ]
    capitulos = re.split(r'<section class="rn-capitulo" id="p\d+">', html)[1:]
    assert [titulo(c) for c in capitulos] == esperados
    assert "@media print" in html and "break-before: page" in html
    # Todos os blocos de código e fórmulas do site estão lá.
    total_formulas = sum(
        pg.read_text(encoding="utf-8").count('class="arithmatex"')
        for pg in destino.rglob("index.html")
        if "assets" not in pg.parts
    )
    assert html.count('class="arithmatex"') == total_formulas
