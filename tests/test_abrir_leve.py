"""Abrir uma página sem mudanças caras no DOM depois que o artigo foi lido.

Cada uma destas mudanças fazia o Chromium recalcular o estilo de muitos elementos (o
artigo inteiro, ou o código de cada bloco) dentro das tarefas do bundle do Material,
e era isso que mantinha o *total blocking time* acima de 50 ms (benchmarks/README.md):

- a caixa de rolagem que o bundle põe em volta de cada tabela trocava um filho do
  artigo: agora a tabela chega dentro de um <div> (tools/mkdocs_hooks.py);
- a barra "Executar" era posta no fim de cada bloco Python: agora o lugar dela já vem
  no HTML, vazio e escondido (tools/ganchos_navegador.py), e executar.js o preenche;
- cada termo do glossário e cada title (do cabeçalho, dos links "¶" das seções)
  virava uma dica montada pelo bundle (content.tooltips), com observadores e
  medidas: as dicas do glossário agora são de docs/assets/dicas.js, que só age
  quando o leitor chega num termo, e a da troca de modo é de CSS;
- o bundle lia a posição da janela assim que era avaliado, forçando o layout de tudo
  o que fora lido: esse layout agora é feito antes dele, por um script na página.
"""

from __future__ import annotations

import re

import pytest

from test_navegador import navegador, servidor  # noqa: F401 (fixtures)

PAGINAS = ["ativacao/softmax/", "ativacao/relu/", "glossario/"]

# Antes de qualquer script da página: anota, depois do DOMContentLoaded, todo filho
# posto ou tirado do artigo ou de um bloco de código.
ANOTAR = """
window.__caras = [];
addEventListener("DOMContentLoaded", () => {
  new MutationObserver(ms => {
    for (const m of ms) {
      const alvo = m.target;
      if (!(alvo instanceof Element)) continue;
      const nos = [...m.addedNodes, ...m.removedNodes].filter(n => n.nodeType === 1);
      if (nos.length && (alvo.matches("article.md-content__inner") || alvo.matches("div.highlight")))
        window.__caras.push(alvo.className + " <- " + nos.map(n => n.tagName + "." + n.className).join(", "));
    }
  }).observe(document.body, {childList: true, subtree: true});
});
"""


@pytest.mark.navegador
@pytest.mark.parametrize("pagina", PAGINAS)
def test_abrir_sem_trocar_filhos_do_artigo_nem_dos_blocos(navegador, servidor, pagina):  # noqa: F811
    base, destino = servidor
    contexto = navegador.new_context(viewport={"width": 390, "height": 844})
    contexto.add_init_script(ANOTAR)
    try:
        p = contexto.new_page()
        erros = []
        p.on("pageerror", lambda e: erros.append(str(e)))
        p.goto(base + pagina, wait_until="load")
        # Os botões do "Executar" montados (numa tarefa depois do DOMContentLoaded).
        p.wait_for_function("() => window.__executarBlocos !== undefined", timeout=5_000)
        p.wait_for_timeout(500)
        # Rola a página toda: os blocos de código são montados quando aparecem.
        p.evaluate("async () => { for (let y = 0; y < document.body.scrollHeight; y += 600) {"
                   " scrollTo(0, y); await new Promise(r => setTimeout(r, 20)); } }")
        p.wait_for_timeout(300)
        assert p.evaluate("() => window.__caras") == []
        assert not erros, erros

        # As tabelas continuam na caixa de rolagem do Material, agora dentro do <div>.
        tabelas = p.evaluate("""() => [...document.querySelectorAll('article table:not([class])')].map(t =>
            t.parentElement.className + ' < ' + t.parentElement.parentElement.className
            + ' < ' + t.parentElement.parentElement.parentElement.className)""")
        html = (destino / pagina / "index.html").read_text(encoding="utf-8")
        assert len(tabelas) == html.count("<table>")
        assert set(tabelas) <= {"md-typeset__table < md-typeset__scrollwrap < redes-tabela"}, tabelas

        # Todo bloco Python tem a sua barra, visível e com os botões, no fim do bloco.
        barras = p.evaluate("""() => window.__executarBlocos.map(b => {
            const barra = b.div.lastElementChild;
            return [barra.className, barra.hidden, barra.querySelectorAll('button:not([hidden])').length];
        })""")
        assert all(b == ["executar-barra", False, 2] for b in barras), barras
        assert len(barras) == html.count('class="executar-barra" hidden')
        assert barras or pagina == "glossario/"  # o glossário não tem código
    finally:
        contexto.close()


def test_layout_antes_do_bundle_e_links_das_secoes_em_portugues(servidor):  # noqa: F811
    _, destino = servidor
    for pagina in PAGINAS:
        html = (destino / pagina / "index.html").read_text(encoding="utf-8")
        # O script que calcula o layout vem logo antes do bundle, e não depois.
        antes_do_bundle = re.search(r"<script>([^<]*)</script>\s*<script src=\"[./]*assets/javascripts/bundle\.", html)
        assert antes_do_bundle and antes_do_bundle.group(1) == "document.body.offsetTop", pagina
        # Os links das seções ("¶") com nome em português (era o title "Permanent link").
        links = re.findall(r'<a class="headerlink"[^>]*>', html)
        assert links and all(a.endswith(' aria-label="Link para esta seção">') for a in links), links[:3]
        # Sem JavaScript, o lugar da barra do "Executar" fica escondido.
        if pagina != "glossario/":
            assert '<div class="executar-barra" hidden></div></div>' in html, pagina


@pytest.mark.navegador
def test_dica_da_troca_de_modo_com_mouse_e_teclado(navegador, servidor):  # noqa: F811
    base, _ = servidor
    dica = """() => { const l = document.querySelector('form[data-redes-paleta] label:not([hidden])');
        const s = getComputedStyle(l, '::after'); return [s.content, s.opacity]; }"""
    p = navegador.new_page(viewport={"width": 1280, "height": 720})
    try:
        p.goto(base + "ativacao/relu/", wait_until="load")
        assert p.evaluate(dica) == ['"Mudar para o modo escuro"', "0"]
        p.hover("form[data-redes-paleta] label:not([hidden])")
        p.wait_for_timeout(400)
        assert p.evaluate(dica) == ['"Mudar para o modo escuro"', "1"]
        p.mouse.move(10, 700)
        p.focus("form[data-redes-paleta] input:checked")
        p.keyboard.press("Shift+Tab")
        p.keyboard.press("Tab")
        p.wait_for_timeout(400)
        assert p.evaluate("() => document.activeElement.matches('form[data-redes-paleta] input')")
        assert p.evaluate(dica)[1] == "1"
    finally:
        p.close()


@pytest.mark.navegador
def test_dicas_do_glossario_com_mouse_teclado_e_esc(navegador, servidor):  # noqa: F811
    """As dicas dos termos (docs/assets/dicas.js): nada ao abrir, e a definição com o
    mouse por cima, com o foco do teclado, e fechada com Esc."""
    base, _ = servidor
    p = navegador.new_page(viewport={"width": 1280, "height": 800})
    try:
        p.goto(base + "camadas/tipos-de-camada/", wait_until="load")
        p.wait_for_timeout(300)
        # Ao abrir, nenhuma dica montada e nenhum title tirado dos termos.
        assert p.locator(".md-tooltip2").count() == 0
        termos = p.locator("article abbr")
        assert termos.count() >= 5 and p.locator("article abbr[title]").count() == termos.count()
        primeiro, segundo = termos.nth(0), termos.nth(1)
        dica1, dica2 = primeiro.get_attribute("title"), segundo.get_attribute("title")
        caixa = p.locator("#redes-dica.md-tooltip2--active")

        primeiro.hover()
        caixa.wait_for(state="visible", timeout=3_000)
        assert caixa.inner_text().strip() == dica1
        assert primeiro.get_attribute("aria-describedby") == "redes-dica"
        assert primeiro.get_attribute("title") is None  # sem a dica do navegador por cima
        # Abaixo do termo e dentro da tela.
        t, c = primeiro.bounding_box(), p.locator("#redes-dica .md-tooltip2__inner").bounding_box()
        assert c["y"] >= t["y"] + t["height"] and c["x"] >= 0 and c["x"] + c["width"] <= 1280, (t, c)
        p.mouse.move(5, 790)
        caixa.wait_for(state="hidden", timeout=3_000)
        assert primeiro.get_attribute("aria-describedby") is None

        segundo.focus()
        caixa.wait_for(state="visible", timeout=3_000)
        assert caixa.inner_text().strip() == dica2
        p.keyboard.press("Escape")
        caixa.wait_for(state="hidden", timeout=3_000)
    finally:
        p.close()
