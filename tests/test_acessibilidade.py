"""Acessibilidade de toda página do site construído, com o axe-core no Chromium.

O axe-core vem do npm (versão fixada em package-lock.json, devDependency) e é
injetado pelo Playwright em cada página; nada dele vai para o site. Toda página é
conferida no modo claro, numa tela de laptop, com todas as regras do axe (as de
WCAG 2.x A/AA e as de boas práticas, o que inclui as que o Lighthouse usa); e no
modo escuro, numa tela de celular, as regras de cor (contraste e links na prosa).

O Chromium daqui roda numa thread própria (a API síncrona do Playwright não
aceita duas instâncias na mesma thread, e `tests/test_navegador.py` já tem a sua):
uma passada abre todas as páginas, e cada página vira um teste com o seu resultado.

Sem o Chromium estes testes são pulados; na CI (REDES_EXIGIR_NAVEGADOR=1) falham.
"""

from __future__ import annotations

import concurrent.futures
import functools
import http.server
import threading
from pathlib import Path

import pytest

from blocos import RAIZ
from test_navegador import ARGS, CHROMIUM, _sem_chromium, _urls

AXE = RAIZ / "node_modules" / "axe-core" / "axe.min.js"
REGRAS_DE_COR = ["color-contrast", "link-in-text-block"]
# (nome, esquema de cores, largura, altura, opções do axe.run)
PASSADAS = [
    ("modo claro, 1280 px", "light", 1280, 800, {"resultTypes": ["violations"]}),
    ("modo escuro, 390 px", "dark", 390, 844, {"runOnly": REGRAS_DE_COR, "resultTypes": ["violations"]}),
]
RODAR_AXE = """async (opcoes) => {
  const r = await axe.run(document, opcoes);
  return r.violations.map(v => ({
    regra: v.id,
    ajuda: v.help,
    onde: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\\s+/g, " ")),
    total: v.nodes.length,
  }));
}"""


class _Silencioso(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _axe(pagina, opcoes: dict) -> list[dict]:
    pagina.add_script_tag(path=str(AXE))
    return pagina.evaluate(RODAR_AXE, opcoes)


def _verificar_tudo(destino: Path, rels: list[str], html_de_teste: str) -> dict:
    """Roda numa thread só dela: serve o site, abre cada página em cada passada e roda o axe."""
    from playwright.sync_api import sync_playwright

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Silencioso, directory=str(destino))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    resultados: dict = {}
    try:
        with sync_playwright() as p:
            navegador = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            for nome, esquema, largura, altura, opcoes in PASSADAS:
                contexto = navegador.new_context(
                    color_scheme=esquema, viewport={"width": largura, "height": altura}
                )
                pagina = contexto.new_page()
                for rel in rels:
                    # No "load" o Material já montou a página (scripts no fim do <body>);
                    # falta esperar as fontes, que mudam o tamanho do texto, e o que os
                    # scripts deixam para depois do primeiro quadro desenhado após o
                    # "load" (o tabindex dos blocos que rolam, em acessibilidade.js).
                    pagina.goto(base + rel, wait_until="load")
                    pagina.evaluate("""async () => {
                      await document.fonts.ready;
                      await new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)));
                    }""")
                    esquema_na_pagina = pagina.evaluate("() => document.body.dataset.mdColorScheme")
                    resultados[(rel, nome)] = (esquema_na_pagina, _axe(pagina, opcoes))
                contexto.close()
            # Uma página feita para falhar: o axe precisa acusar o que o site corrigiu.
            pagina = navegador.new_page()
            pagina.set_content(html_de_teste)
            resultados["teste"] = _axe(pagina, {"resultTypes": ["violations"]})
            navegador.close()
    finally:
        httpd.shutdown()
    return resultados


HTML_RUIM = (
    '<!doctype html><html lang="pt-BR"><head><title>t</title></head><body><main>'
    '<p style="color:#000">Um texto com um <a href="#x" style="color:#222;text-decoration:none">link</a>'
    " no meio da frase.</p>"
    '<p style="color:#777;background:#888">pouco contraste</p>'
    '<div role="dialog">sem nome</div></main></body></html>'
)


@pytest.fixture(scope="module")
def resultados(site):
    if not Path(CHROMIUM).exists():
        _sem_chromium(f"{CHROMIUM} não existe")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _sem_chromium("o pacote playwright não está instalado")
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(RAIZ)} não existe: rode `npm ci` (axe-core é devDependency)")
    destino, _ = site
    with concurrent.futures.ThreadPoolExecutor(1) as executor:
        return executor.submit(_verificar_tudo, destino, _urls(), HTML_RUIM).result()


def _relatorio(violacoes: list[dict]) -> str:
    linhas = []
    for v in violacoes:
        linhas.append(f"- {v['regra']} ({v['total']}×): {v['ajuda']}")
        linhas += [f"    {o[:300]}" for o in v["onde"]]
    return "\n".join(linhas)


@pytest.mark.navegador
@pytest.mark.parametrize("rel", _urls())
def test_pagina_sem_violacoes_do_axe(rel, resultados):
    for nome, esquema, *_ in PASSADAS:
        esquema_na_pagina, violacoes = resultados[(rel, nome)]
        assert esquema_na_pagina == ("slate" if esquema == "dark" else "default"), nome
        assert not violacoes, f"{rel or 'início'} ({nome}):\n{_relatorio(violacoes)}"


@pytest.mark.navegador
def test_axe_acusa_violacoes(resultados):
    """Os testes acima podem falhar: contraste baixo, link só pela cor e diálogo sem nome são acusados."""
    regras = {v["regra"] for v in resultados["teste"]}
    assert {"color-contrast", "link-in-text-block", "aria-dialog-name"} <= regras, regras
