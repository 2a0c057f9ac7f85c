"""Páginas leves: o que só serve quando o leitor pede só é baixado quando ele pede.

O índice da busca (o maior arquivo de cada página) espera o leitor ir buscar
(tools/tema/partials/busca-adiada.html); o GLightbox espera o primeiro toque numa
figura (docs/assets/figuras-ampliar.js); o editor e o Python do "Executar" esperam
o primeiro clique (docs/assets/executar/executar.js). Os orçamentos de peso e
velocidade estão em benchmarks/lighthouse.py.
"""

from __future__ import annotations

import pytest

from site_build import paginas_html
from test_navegador import filtrar_externos, navegador, servidor  # noqa: F401 (fixtures)

SOB_DEMANDA = (
    "search/search_index.json",
    "assets/glightbox/",
    "assets/executar/executar-pleno.js",
    "assets/executar/trabalhador.js",
    "assets/executar/manifesto.json",
)


def test_paginas_nao_pedem_no_carregamento_o_que_e_sob_demanda(site):
    destino, _ = site
    for html in paginas_html(destino):
        texto = html.read_text(encoding="utf-8")
        rel = html.relative_to(destino).as_posix()
        assert "__indiceBusca" in texto, f"{rel}: sem o trecho que adia o índice da busca"
        assert texto.index("__indiceBusca") < texto.index("assets/javascripts/bundle."), (
            f"{rel}: o trecho que adia o índice precisa vir antes do bundle do Material")
        assert "glightbox" not in texto, f"{rel}: GLightbox no carregamento"


@pytest.mark.navegador
def test_busca_figura_e_executar_chegam_quando_o_leitor_pede(servidor, navegador):  # noqa: F811
    base, _ = servidor
    externos, pedidos, erros = [], [], []
    contexto = navegador.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        p = contexto.new_page()
        p.route("**/*", lambda route: filtrar_externos(route, externos))
        p.on("request", lambda r: pedidos.append(r.url))
        p.on("pageerror", lambda e: erros.append(str(e)))
        p.goto(base + "generalizacao/dropout/", wait_until="load")
        p.wait_for_load_state("networkidle")

        def pedidos_de(trecho):
            return [u for u in pedidos if trecho in u]

        no_carregamento = [u for u in pedidos if any(t in u for t in SOB_DEMANDA)]
        assert not no_carregamento, f"baixados sem o leitor pedir: {no_carregamento}"
        assert p.locator("div.executar-bloco .executar-rodar").count() > 0

        # Busca pelo atalho "/": o índice chega, e o que foi digitado antes dele vale.
        p.keyboard.press("/")
        p.keyboard.type("retropropagacao camada densa", delay=10)
        p.wait_for_function(
            "() => { const a = document.querySelector('.md-search-result__item > a');"
            " return a && a.href.includes('retropropagacao/camadas/'); }", timeout=15_000)
        assert len(pedidos_de("search/search_index.json")) == 1
        p.keyboard.press("Escape")

        # Figura: o GLightbox chega no primeiro toque e abre a figura tocada.
        p.locator("article a.figura-ampliar").first.click()
        p.wait_for_selector(".glightbox-container .gslide-image img", state="visible", timeout=10_000)
        assert pedidos_de("glightbox.min.js") and pedidos_de("glightbox.min.css")
        p.keyboard.press("Escape")
        p.wait_for_selector(".glightbox-container", state="detached", timeout=10_000)

        # Editar: a segunda parte do "Executar" chega no clique (sem baixar o Python).
        bloco = p.locator("div.executar-bloco").first
        bloco.get_by_role("button", name="Editar").click()
        p.wait_for_selector("textarea.executar-editor", timeout=10_000)
        assert pedidos_de("executar-pleno.js") and not pedidos_de("trabalhador.js")
    finally:
        contexto.close()
    assert not erros, erros
    assert not externos, externos
