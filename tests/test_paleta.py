"""Modo claro/escuro e o trabalho do navegador ao abrir uma página.

A troca de modo do cabeçalho é do projeto (tools/tema/partials/palette.html e
partials/javascripts/palette.html), não do componente "palette" do Material: ao
montar, aquele componente mudava atributos do <body> e do <html> que recalculavam o
estilo da página inteira logo depois da primeira pintura (benchmarks/README.md).
Aqui: o modo certo desde a primeira pintura (o do sistema, ou o escolhido), a troca
por clique e por teclado, a escolha guardada entre páginas, o sistema seguido
enquanto o leitor não escolhe, e nenhuma das mudanças caras durante o carregamento.
"""

from __future__ import annotations

import contextlib

import pytest

from test_navegador import navegador, servidor  # noqa: F401 (fixtures)

PAGINA = "camadas/camada-densa/"

# Roda antes de qualquer script da página: anota toda mudança de atributo no <html> e
# no <body> (e o estado do <body> quando ele aparece, antes de o conteúdo ser lido).
ANOTAR = """
window.__mudancas = [];
new MutationObserver(ms => {
  for (const m of ms) {
    if (m.type === "attributes" && (m.target === document.documentElement || m.target === document.body)
        && m.oldValue !== m.target.getAttribute(m.attributeName))
      window.__mudancas.push([m.target.tagName, m.attributeName, m.target.getAttribute(m.attributeName),
                              document.querySelectorAll("article *").length]);
    if (m.type === "childList") for (const n of m.addedNodes)
      if (n === document.body) window.__body_ao_nascer = document.body.getAttribute("data-md-color-scheme");
  }
}).observe(document, {attributes: true, attributeOldValue: true, childList: true, subtree: true});
"""

ESTADO = """() => [
  document.body.dataset.mdColorScheme,
  document.querySelector('meta[name=color-scheme]').content,
  [...document.querySelectorAll('form[data-redes-paleta] label')].map(l => l.hidden),
  document.body.hasAttribute('data-md-color-switching'),
]"""


@contextlib.contextmanager
def _pagina(navegador, base, esquema):  # noqa: F811
    """Uma página nova (celular, modo do sistema dado) aberta em PAGINA, com as mudanças anotadas."""
    contexto = navegador.new_context(color_scheme=esquema, viewport={"width": 390, "height": 844})
    contexto.add_init_script(ANOTAR)
    try:
        p = contexto.new_page()
        p.erros = []
        p.on("pageerror", lambda e: p.erros.append(str(e)))
        p.goto(base + PAGINA, wait_until="load")
        yield p
    finally:
        contexto.close()


@pytest.mark.navegador
@pytest.mark.parametrize("esquema,esperado", [("light", "default"), ("dark", "slate")])
def test_modo_do_sistema_desde_o_inicio_sem_recalculos_da_pagina_inteira(navegador, servidor, esquema, esperado):  # noqa: F811
    base, _ = servidor
    with _pagina(navegador, base, esquema) as p:
        p.wait_for_timeout(300)
        esquema_pagina, meta, rotulos, trocando = p.evaluate(ESTADO)
        assert (esquema_pagina, meta) == (esperado, "dark" if esperado == "slate" else "light")
        # Só o botão que leva ao outro modo aparece; nada fica no meio de uma troca.
        assert rotulos == ([False, True] if esperado == "default" else [True, False])
        assert not trocando
        assert p.evaluate("() => document.documentElement.className.split(' ').sort()") == ["js", "js-focus-visible"]
        assert p.evaluate("() => localStorage.length") == 0, "abrir a página não é escolher um modo"
        mudancas = p.evaluate("() => window.__mudancas")
        # Com o artigo já lido (há elementos nele), nenhuma mudança de classe no <html>
        # nem de modo no <body>: cada uma recalculava o estilo de ~2 000 elementos. (O
        # polyfill de foco ainda põe data-js-focus-visible no <html>, mas nenhuma regra
        # de CSS usa esse atributo, e o navegador não recalcula nada por ele.)
        tardias = [m for m in mudancas if m[3] > 0 and (m[1] == "class" or m[1].startswith("data-md-color"))]
        assert not tardias, tardias
        assert not any(m[1] == "data-md-color-switching" for m in mudancas), mudancas
        assert not p.erros, p.erros


@pytest.mark.navegador
def test_troca_por_clique_e_teclado_guardada_entre_paginas(navegador, servidor):  # noqa: F811
    base, _ = servidor
    with _pagina(navegador, base, "light") as p:
        p.click("form[data-redes-paleta] label:not([hidden])")
        p.wait_for_timeout(100)
        assert p.evaluate(ESTADO) == ["slate", "dark", [True, False], False]
        # Na página seguinte, o modo escolhido vale desde o início, sem troca.
        p.goto(base + "introducao/o-que-sao/", wait_until="load")
        assert p.evaluate(ESTADO) == ["slate", "dark", [True, False], False]
        assert not any(m[1] == "data-md-color-switching" for m in p.evaluate("() => window.__mudancas"))
        # Enter no botão de rádio marcado passa ao próximo modo, e o foco vai com ele.
        p.focus("form[data-redes-paleta] input:checked")
        p.keyboard.press("Enter")
        p.wait_for_timeout(100)
        assert p.evaluate(ESTADO) == ["default", "light", [False, True], False]
        assert p.evaluate("() => document.activeElement.id") == "__palette_0"
        # A escolha guardada vence o sistema.
        p.emulate_media(color_scheme="dark")
        p.reload(wait_until="load")
        assert p.evaluate(ESTADO)[0] == "default"


@pytest.mark.navegador
def test_sem_escolha_segue_o_sistema_quando_ele_muda(navegador, servidor):  # noqa: F811
    base, _ = servidor
    with _pagina(navegador, base, "light") as p:
        p.emulate_media(color_scheme="dark")
        p.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'", timeout=3_000)
        p.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')", timeout=3_000)
        assert p.evaluate(ESTADO) == ["slate", "dark", [True, False], False]
        assert p.evaluate("() => localStorage.length") == 0
