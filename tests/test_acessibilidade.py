"""Acessibilidade de toda página do site construído, com o axe-core no Chromium.

O axe-core vem do npm (versão fixada em package-lock.json, devDependency) e é
injetado pelo Playwright em cada página; nada dele vai para o site. Toda página é
conferida no modo claro, numa tela de laptop, com todas as regras do axe (as de
WCAG 2.x A/AA e as de boas práticas, o que inclui as que o Lighthouse usa); e no
modo escuro, numa tela de celular, as regras de cor (contraste e links na prosa).

Sem o Chromium estes testes são pulados; na CI (REDES_EXIGIR_NAVEGADOR=1) falham.
"""

from __future__ import annotations

import pytest

from blocos import RAIZ
from test_navegador import _urls, navegador, servidor  # noqa: F401  (fixtures)

AXE = RAIZ / "node_modules" / "axe-core" / "axe.min.js"
REGRAS_DE_COR = ["color-contrast", "link-in-text-block"]


def _axe(pagina, opcoes: str) -> list[dict]:
    """Roda o axe na página aberta e devolve as violações, já resumidas."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(RAIZ)} não existe: rode `npm ci` (axe-core é devDependency)")
    pagina.add_script_tag(path=str(AXE))
    return pagina.evaluate(
        """async (opcoes) => {
          const r = await axe.run(document, opcoes);
          return r.violations.map(v => ({
            regra: v.id,
            ajuda: v.help,
            onde: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\\s+/g, " ")),
            total: v.nodes.length,
          }));
        }""",
        opcoes,
    )


def _relatorio(violacoes: list[dict]) -> str:
    linhas = []
    for v in violacoes:
        linhas.append(f"- {v['regra']} ({v['total']}×): {v['ajuda']}")
        linhas += [f"    {o[:300]}" for o in v["onde"]]
    return "\n".join(linhas)


def _abrir(navegador, url: str, esquema: str, largura: int, altura: int):  # noqa: F811
    """A página aberta já no esquema de cores e no tamanho de tela pedidos."""
    contexto = navegador.new_context(color_scheme=esquema, viewport={"width": largura, "height": altura})
    pagina = contexto.new_page()
    pagina.goto(url, wait_until="load")
    pagina.wait_for_load_state("networkidle")
    return contexto, pagina


@pytest.mark.navegador
@pytest.mark.parametrize("rel", _urls())
def test_pagina_sem_violacoes_do_axe(rel, servidor, navegador):  # noqa: F811
    base, _ = servidor
    contexto, pagina = _abrir(navegador, base + rel, "light", 1280, 800)
    try:
        violacoes = _axe(pagina, {"resultTypes": ["violations"]})
        assert not violacoes, f"{rel or 'início'} (modo claro, 1280 px):\n{_relatorio(violacoes)}"
    finally:
        contexto.close()
    contexto, pagina = _abrir(navegador, base + rel, "dark", 390, 844)
    try:
        assert pagina.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
        violacoes = _axe(pagina, {"runOnly": REGRAS_DE_COR, "resultTypes": ["violations"]})
        assert not violacoes, f"{rel or 'início'} (modo escuro, 390 px):\n{_relatorio(violacoes)}"
    finally:
        contexto.close()


@pytest.mark.navegador
def test_axe_acusa_violacoes(navegador):  # noqa: F811
    """O teste acima pode falhar: contraste baixo, link só pela cor e diálogo sem nome são acusados."""
    pagina = navegador.new_page()
    try:
        pagina.set_content(
            '<!doctype html><html lang="pt-BR"><head><title>t</title></head><body><main>'
            '<p style="color:#000">Um texto com um <a href="#x" style="color:#222;text-decoration:none">link</a> no meio.</p>'
            '<p style="color:#777;background:#888">pouco contraste</p>'
            '<div role="dialog">sem nome</div></main></body></html>'
        )
        regras = {v["regra"] for v in _axe(pagina, {"resultTypes": ["violations"]})}
        assert {"color-contrast", "link-in-text-block", "aria-dialog-name"} <= regras, regras
    finally:
        pagina.close()
