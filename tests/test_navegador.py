"""O site construído, aberto de verdade no Chromium (headless) via Playwright.

Sem o Chromium (num laptop), estes testes são pulados com uma mensagem clara; com
REDES_EXIGIR_NAVEGADOR=1 (o que o .ci/run faz), a falta dele é uma falha.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import exigir_navegador
from site_build import paginas_html

CHROMIUM = os.environ.get("REDES_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions",
]
LOCAIS = {"127.0.0.1", "localhost"}


def filtrar_externos(route, externos: list[str]) -> None:
    """Deixa passar só pedidos locais (e data:/blob:); anota e aborta os de outro host."""
    host = urlparse(route.request.url).hostname
    if route.request.url.startswith(("data:", "blob:")) or host in LOCAIS:
        route.continue_()
    else:
        externos.append(route.request.url)
        route.abort()


def _sem_chromium(motivo: str):
    if exigir_navegador():
        pytest.fail(f"Chromium obrigatório na CI: {motivo}")
    pytest.skip(f"{motivo}. Instale o Chromium (apt-get install chromium) para rodar o teste do navegador.")


@pytest.fixture(scope="session")
def servidor(site):
    destino, _ = site
    handler = functools.partial(_Silencioso, directory=str(destino))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", destino
    httpd.shutdown()


class _Silencioso(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


_ABERTO: dict = {"usos": 0}


@pytest.fixture(scope="session")
def navegador():
    # Um só Playwright/Chromium por sessão, mesmo quando outros arquivos de teste
    # importam esta fixture (cada módulo que a importa ganha a sua cópia, e o
    # Playwright síncrono não aceita dois ao mesmo tempo).
    if not _ABERTO["usos"]:
        if not Path(CHROMIUM).exists():
            _sem_chromium(f"{CHROMIUM} não existe")
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            _sem_chromium("o pacote playwright não está instalado")
        _ABERTO["playwright"] = sync_playwright().start()
        _ABERTO["browser"] = _ABERTO["playwright"].chromium.launch(
            executable_path=CHROMIUM, args=ARGS, headless=True
        )
    _ABERTO["usos"] += 1
    try:
        yield _ABERTO["browser"]
    finally:
        _ABERTO["usos"] -= 1
        if not _ABERTO["usos"]:
            _ABERTO.pop("browser").close()
            _ABERTO.pop("playwright").stop()


class Visita:
    """Abre uma página e anota erros do console, pedidos que falharam e hosts externos."""

    def __init__(self, navegador, url: str):
        self.erros, self.falhas, self.externos = [], [], []
        self.contexto = navegador.new_context()
        self.pagina = self.contexto.new_page()
        self.pagina.on("console", lambda m: m.type == "error" and self.erros.append(m.text))
        self.pagina.on("pageerror", lambda e: self.erros.append(str(e)))
        self.pagina.on("requestfailed", lambda r: self.falhas.append(f"{r.url} ({r.failure})"))
        self.pagina.on("response", lambda r: r.status >= 400 and self.falhas.append(f"{r.url} ({r.status})"))
        self.pagina.route("**/*", self._filtrar)
        self.pagina.goto(url, wait_until="load")
        self.pagina.wait_for_load_state("networkidle")

    def _filtrar(self, route):
        filtrar_externos(route, self.externos)

    def fechar(self):
        self.contexto.close()


def _urls() -> list[str]:
    from blocos import DOCS

    rels = []
    for md in sorted(DOCS.rglob("*.md")) + sorted(DOCS.rglob("*.ipynb")):
        rel = md.relative_to(DOCS).with_suffix("")
        rels.append("" if rel.name == "index" else f"{rel.as_posix()}/")
    return rels


@pytest.mark.navegador
@pytest.mark.parametrize("rel", _urls())
def test_pagina_abre_limpa_e_com_formulas(rel, servidor, navegador):
    base, destino = servidor
    v = Visita(navegador, base + rel)
    try:
        p = v.pagina
        assert not v.externos, f"pedidos a outros hosts: {v.externos}"
        assert not v.falhas, f"pedidos que falharam: {v.falhas}"
        assert not v.erros, f"erros no console: {v.erros}"
        # As fórmulas já chegam renderizadas do build: nada de KaTeX em JavaScript.
        assert p.evaluate(
            "() => [...document.querySelectorAll('.arithmatex')].every(e => e.querySelector('.katex'))"
        ), "fórmula sem o HTML do KaTeX"
        assert p.locator(".katex-error").count() == 0
        assert p.evaluate("() => typeof window.katex === 'undefined' && typeof window.renderMathInElement === 'undefined'")
        scripts = p.evaluate(
            "() => performance.getEntriesByType('resource').map(r => r.name).filter(n => /katex.*\\.js/i.test(n))"
        )
        assert not scripts, f"JavaScript do KaTeX carregado: {scripts}"
        # Texto da página fora de blocos de código (onde `\(` pode aparecer de propósito).
        texto = p.evaluate(
            "() => { const a = document.querySelector('article').cloneNode(true);"
            " a.querySelectorAll('pre, code, script, style, .katex-mathml').forEach(e => e.remove()); return a.innerText; }"
        )
        for bruto in ("\\(", "\\[", "$$"):
            assert bruto not in texto, f"TeX cru ({bruto}) visível na página"
        # Figuras preguiçosas (loading="lazy", abaixo da dobra): pede todas antes de conferir.
        p.evaluate(
            "async () => { const l = [...document.querySelectorAll('article img[loading=\"lazy\"]')];"
            " l.forEach(i => { i.loading = 'eager'; });"
            " await Promise.all(l.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; }))); }"
        )
        imagens = p.evaluate(
            "() => [...document.querySelectorAll('article img')]"
            ".filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
        )
        assert not imagens, f"imagens que não carregaram: {imagens}"
    finally:
        v.fechar()


@pytest.mark.navegador
def test_katex_renderiza_a_pagina_da_camada_densa(servidor, navegador):
    base, _ = servidor
    v = Visita(navegador, base + "camadas/camada-densa/")
    try:
        p = v.pagina
        assert p.locator(".katex-display .katex-html").count() >= 2
        assert p.locator(".katex").count() >= 5
        # As fontes do KaTeX vieram do próprio site e foram de fato usadas.
        carregadas = p.evaluate(
            "async () => { await document.fonts.ready; return [...document.fonts]"
            ".filter(f => f.family.replace(/\"/g, '').startsWith('KaTeX_') && f.status === 'loaded')"
            ".map(f => f.family.replace(/\"/g, '')); }"
        )
        assert "KaTeX_Main" in carregadas and "KaTeX_Math" in carregadas, carregadas
    finally:
        v.fechar()


@pytest.mark.navegador
def test_busca_em_portugues_encontra_softmax(servidor, navegador):
    base, _ = servidor
    v = Visita(navegador, base)
    try:
        p = v.pagina
        p.set_viewport_size({"width": 1280, "height": 800})
        p.locator("input.md-search__input").click()
        p.keyboard.type("softmax", delay=30)  # teclas de verdade, como um leitor
        p.wait_for_selector(".md-search-result__item", timeout=15_000)
        links = p.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
        assert any("ativacao/softmax/" in l for l in links), links
        assert not v.erros, v.erros
    finally:
        v.fechar()
