"""O site construído no Chromium, em duas telas: celular (390 px) e laptop (1280 px).

- Figuras: a 390 px, toda figura cabe na coluna (nenhuma rola de lado) e o menor texto
  de toda figura fica pelo menos do tamanho do menor texto do corpo do Material
  (0.64rem = 12,8 px: tabelas, admonições e notas), medido como tamanho da fonte no
  SVG × largura mostrada / largura do viewBox. Sem lista de exceções.
- Saídas: a 1280 px, nenhum bloco "Saída" é mais largo que a coluna (o resultado não
  fica escondido à direita); os blocos de código mais largos são listados, sem falhar.
- Fórmulas em bloco, código e saídas mais largos que a coluna a 390 px rolam dentro de
  uma moldura com sombra nas bordas (o sinal de que há mais à direita).
- Controles: o botão de copiar não cobre a primeira linha de código; o "¶" dos títulos
  não cai sozinho numa linha nova no celular; nenhuma página rola de lado; no laptop,
  nada cobre os links da barra lateral (o título do site grudado cobria "Início").
"""

from __future__ import annotations

import re
import threading
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

import pytest

from test_navegador import ARGS, CHROMIUM, _sem_chromium, _urls, servidor  # noqa: F401 (fixture)

LIMIAR_PX = 12.8
CELULAR = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
SVG = "{http://www.w3.org/2000/svg}"
TAMANHO = re.compile(r"font(?:-size)?:[^;]*?([\d.]+)px")

ESPERAR = """async () => {
  document.querySelectorAll('img[loading="lazy"]').forEach(i => { i.loading = 'eager'; });
  await Promise.all([...document.querySelectorAll('article img')].map(i =>
    i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));
  if (document.querySelector('.arithmatex')) {
    for (let k = 0; k < 100 && ![...document.querySelectorAll('.arithmatex')].every(
      e => e.querySelector('.katex')); k++) await new Promise(r => setTimeout(r, 50));
  }
}"""


@pytest.fixture(scope="module")
def navegador():
    """Roda trabalhos num Chromium próprio, numa thread própria.

    O Playwright síncrono só aceita uma instância por thread, e a de
    tests/test_navegador.py (de sessão) pode estar aberta: estes testes abrem a sua
    numa thread separada. Sem o Chromium: pula (ou falha na CI), como lá.
    """
    from pathlib import Path as _P

    if not _P(CHROMIUM).exists():
        _sem_chromium(f"{CHROMIUM} não existe")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _sem_chromium("o pacote playwright não está instalado")

    def rodar(trabalho):
        resultado = {}

        def alvo():
            try:
                from playwright.sync_api import sync_playwright

                with sync_playwright() as p:
                    browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
                    try:
                        resultado["ok"] = trabalho(browser)
                    finally:
                        browser.close()
            except BaseException as erro:  # levado de volta para a thread do teste
                resultado["erro"] = erro

        t = threading.Thread(target=alvo)
        t.start()
        t.join()
        if "erro" in resultado:
            raise resultado["erro"]
        return resultado["ok"]

    return rodar


def _visitar(navegador, tela):
    contexto = navegador.new_context(viewport=tela, device_scale_factor=1)
    pagina = contexto.new_page()
    pagina.route("**/*", lambda r: r.continue_() if urlparse(r.request.url).hostname in
                 {"127.0.0.1", "localhost"} or r.request.url.startswith("data:") else r.abort())
    return contexto, pagina


def _abrir(pagina, url):
    pagina.goto(url, wait_until="load")
    pagina.evaluate(ESPERAR)


def _menor_texto(arquivo: Path) -> tuple[float, float]:
    """(largura do viewBox, menor texto) de um SVG; o texto de um <text> é o maior trecho dele."""
    raiz = ET.parse(arquivo).getroot()
    largura = float(raiz.get("viewBox").split()[2])
    pais = {f: p for p in raiz.iter() for f in p}
    tamanhos = []
    for texto in raiz.iter(SVG + "text"):
        if not "".join(texto.itertext()).strip():
            continue
        estilos = [texto.get("style", "")] + [t.get("style", "") for t in texto.iter(SVG + "tspan")]
        estilos += [pais[texto].get("style", "")] if texto in pais else []
        valores = [float(m.group(1)) for e in estilos for m in [TAMANHO.search(e)] if m]
        assert valores, f"{arquivo.name}: texto sem tamanho de fonte"
        tamanhos.append(max(valores))
    assert tamanhos, f"{arquivo.name}: nenhum <text> (o texto virou curvas?)"
    return largura, min(tamanhos)


@pytest.mark.navegador
def test_limiar_e_o_menor_texto_do_corpo(servidor, navegador):
    """O limiar declarado é o menor texto do corpo do Material a 390 px."""
    base, _ = servidor
    navegador(lambda b: _limiar(b, base))


def _limiar(navegador, base):
    contexto, p = _visitar(navegador, CELULAR)
    try:
        _abrir(p, base)
        tamanhos = p.evaluate("""() => {
          const art = document.querySelector('article');
          const caixa = document.createElement('div');
          caixa.innerHTML = '<p>p</p><div class="admonition note"><p>a</p></div>'
            + '<table><tr><td>t</td></tr></table><figure><figcaption>f</figcaption></figure>'
            + '<div class="highlight"><pre><code>c</code></pre></div>';
          art.appendChild(caixa);
          const r = {};
          for (const s of ['p', '.admonition p', 'td', 'figcaption', 'code'])
            r[s] = parseFloat(getComputedStyle(caixa.querySelector(s)).fontSize);
          caixa.remove();
          return r;
        }""")
    finally:
        contexto.close()
    assert min(tamanhos.values()) == pytest.approx(LIMIAR_PX, abs=0.05), tamanhos


# Cada imagem: a largura mostrada, se passa da coluna (o <article>) e se alguma caixa
# entre ela e a coluna rola de lado (a figura não cabe e o leitor teria de arrastar).
FIGURAS_JS = """() => {
  const art = document.querySelector('article'); const col = art.getBoundingClientRect();
  return [...art.querySelectorAll('img')].map(i => {
    const r = i.getBoundingClientRect();
    let rola = false;
    for (let c = i.parentElement; c && c !== art; c = c.parentElement)
      if (c.scrollWidth > c.clientWidth + 1 && getComputedStyle(c).overflowX !== 'visible') rola = true;
    return {src: i.currentSrc, w: r.width, fora: Math.max(col.left - r.left, r.right - col.right),
            coluna: col.width, rola};
  });
}"""

BLOCOS_JS = """() => [...document.querySelectorAll('article .highlight')].map(b => {
  const c = b.querySelector('pre > code'); const t = b.querySelector('.filename');
  return c && {titulo: t ? t.textContent.trim() : '', a: c.scrollWidth, b: c.clientWidth,
               inicio: c.textContent.trim().slice(0, 40)};
}).filter(x => x && x.a > x.b + 1)"""

FORMULAS_JS = """() => [...document.querySelectorAll('article .katex-display')].map(d => {
  let c = d.parentElement;
  while (c && c.tagName !== 'ARTICLE' && !['auto', 'scroll'].includes(getComputedStyle(c).overflowX))
    c = c.parentElement;
  const k = d.querySelector('.katex') || d;
  const caixa = c && c.tagName !== 'ARTICLE' ? c : d.parentElement;
  return {largura: k.scrollWidth, coluna: caixa.clientWidth, rola: !!c && c.tagName !== 'ARTICLE',
          sombra: getComputedStyle(caixa).backgroundImage.includes('gradient'),
          tex: (d.textContent || '').slice(0, 30)};
}).filter(f => f.largura > f.coluna + 1)"""

# Blocos de código e saídas que rolam de lado a 390 px: o fundo tem a sombra que avisa
# que o texto continua (a saída não parece cortada).
ROLAM_JS = """() => [...document.querySelectorAll('article pre > code')]
  .filter(c => c.checkVisibility() && c.scrollWidth > c.clientWidth + 1)
  .map(c => ({sombra: getComputedStyle(c).backgroundImage.includes('gradient'),
              inicio: c.textContent.trim().slice(0, 40)}))"""

# Botão de copiar (Material 9.6+: nav.md-code__nav; antes: .md-clipboard) sobre o texto
# visível da primeira linha; "¶" de um título que caiu sozinho numa linha nova.
# Com content.lazy, o Material só põe o botão quando o bloco aparece na tela: a medida
# passa por todos os blocos visíveis (fora de <details> fechados), e um bloco que
# chega à tela e fica sem botão também é defeito.
CONTROLES_JS = """async () => {
  const botao = pre => pre.querySelector('.md-code__nav, .md-clipboard');
  const semBotao = [];
  for (const pre of document.querySelectorAll('article pre')) {
    if (botao(pre) || !pre.querySelector(':scope > code') || !pre.checkVisibility()) continue;
    pre.scrollIntoView({block: 'start'});
    for (let i = 0; i < 80 && !botao(pre); i++) await new Promise(r => setTimeout(r, 25));
    if (!botao(pre)) semBotao.push(pre.textContent.trim().slice(0, 40));
  }
  scrollTo(0, 0);
  const cobre = [];
  for (const pre of document.querySelectorAll('article pre')) {
    const bt = pre.querySelector('.md-code__nav, .md-clipboard'); const code = pre.querySelector('code');
    if (!bt || !code || !code.firstChild) continue;
    const b = bt.getBoundingClientRect();
    if (!b.width) continue;
    const rg = document.createRange(); const linha = code.querySelector(':scope > span') || code;
    rg.selectNodeContents(linha);
    const vis = code.getBoundingClientRect();
    for (const t of rg.getClientRects()) {
      const x0 = Math.max(t.left, vis.left), x1 = Math.min(t.right, vis.right);
      if (t.top < b.bottom - 1 && t.bottom > b.top + 1 && x0 < b.right - 1 && x1 > b.left + 1) {
        cobre.push(code.textContent.slice(0, 40)); break; }
    }
  }
  const pulos = [];
  for (const h of document.querySelectorAll('article h1, article h2, article h3')) {
    const a = h.querySelector('.headerlink'); if (!a) continue;
    const rg = document.createRange(); rg.setStartBefore(h.firstChild); rg.setEndBefore(a);
    const texto = rg.getBoundingClientRect(); const ar = a.getBoundingClientRect();
    if (ar.top >= texto.bottom - 1) pulos.push(h.textContent.slice(0, 40));
  }
  return {cobre, pulos, semBotao, largura: document.documentElement.scrollWidth};
}"""


# Barra lateral (laptop): todo link visível da navegação está por cima, sem nada
# cobrindo o seu centro (o título do site grudado no topo cobria "Início" e os
# seguintes quando a barra rola até a página atual).
NAVEGACAO_JS = """() => {
  const wrap = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
  if (!wrap || !wrap.checkVisibility()) return [];
  const w = wrap.getBoundingClientRect();
  const cobertos = [];
  for (const a of wrap.querySelectorAll('.md-nav--primary .md-nav__link')) {
    if (!a.checkVisibility()) continue;
    const r = a.getBoundingClientRect();
    const top = Math.max(r.top, w.top, 0), bottom = Math.min(r.bottom, w.bottom, innerHeight);
    if (bottom - top < 2 || r.width < 2) continue;
    const x = r.left + Math.min(r.width / 2, 20), y = (top + bottom) / 2;
    const e = document.elementFromPoint(x, y);
    if (e && !a.contains(e) && !e.contains(a)) cobertos.push(a.textContent.trim() + ' sob ' + e.className);
  }
  return cobertos;
}"""


def _medir(navegador, base, tela, extras):
    """Uma visita a cada página na tela dada; devolve {rel: {nome: resultado}}."""
    contexto, p = _visitar(navegador, tela)
    try:
        medidas = {}
        for rel in _urls():
            _abrir(p, base + rel)
            medidas[rel] = {nome: p.evaluate(js) for nome, js in extras.items()}
        return medidas
    finally:
        contexto.close()


# Tamanho da letra de cada bloco de código, também dos que estão em <details> fechados
# ("Código desta figura", "Solução"): o leitor abre e lê no celular.
LETRA_DO_CODIGO_JS = """() => [...document.querySelectorAll('article pre > code')].map(c => ({
  px: parseFloat(getComputedStyle(c).fontSize), inicio: c.textContent.trim().slice(0, 40)}))"""


@pytest.fixture(scope="module")
def a_390(servidor, navegador):
    base, _ = servidor
    return navegador(lambda b: _medir(b, base, CELULAR, {
        "figuras": FIGURAS_JS, "formulas": FORMULAS_JS, "controles": CONTROLES_JS, "rolam": ROLAM_JS,
        "letra": LETRA_DO_CODIGO_JS}))


@pytest.mark.navegador
def test_codigo_legivel_a_390_px(a_390):
    """Nenhum bloco de código abaixo de 12 px (o limite de texto legível do Lighthouse)."""
    blocos = [(rel, b) for rel, m in a_390.items() for b in m["letra"]]
    assert len(blocos) > 300, f"só {len(blocos)} blocos medidos"
    miudos = [f"{rel}: {b['px']} px {b['inicio']!r}" for rel, b in blocos if b["px"] < 12]
    assert not miudos, f"{len(miudos)} blocos de código com letra abaixo de 12 px:\n" + "\n".join(miudos[:20])


@pytest.fixture(scope="module")
def a_1280(servidor, navegador):
    base, _ = servidor
    return navegador(lambda b: _medir(b, base, LAPTOP, {"blocos": BLOCOS_JS, "controles": CONTROLES_JS,
                                                          "navegacao": NAVEGACAO_JS}))


@pytest.mark.navegador
def test_figuras_legiveis_a_390_px(a_390, servidor):
    """Toda figura cabe na coluna (sem rolar de lado) e tem texto legível; sem exceções."""
    _, destino = servidor
    miudas, largas, paginas, n = [], [], [], 0
    for rel, m in a_390.items():
        for f in m["figuras"]:
            caminho = urlparse(f["src"]).path
            if f["fora"] > 0.5 or f["rola"]:
                largas.append(f"{rel} {Path(caminho).name}: {f['w']:.0f} px numa coluna de {f['coluna']:.0f} px"
                              + (" (rola de lado)" if f["rola"] else ""))
            if "/figuras/" not in caminho or not caminho.endswith(".svg"):
                continue
            n += 1
            largura, fonte = _menor_texto(destino / caminho.lstrip("/"))
            mostrado = fonte * f["w"] / largura
            if mostrado < LIMIAR_PX - 0.01:
                miudas.append(f"{rel} {Path(caminho).name}: {mostrado:.1f} px")
        if m["controles"]["largura"] > CELULAR["width"]:
            paginas.append(rel)
    assert n >= 40, f"só {n} figuras SVG encontradas"
    assert not largas, "figuras mais largas que a coluna a 390 px:\n" + "\n".join(largas)
    assert not miudas, f"texto abaixo de {LIMIAR_PX} px a 390 px:\n" + "\n".join(miudas)
    assert not paginas, f"páginas que rolam de lado a 390 px: {paginas}"


@pytest.mark.navegador
def test_saidas_cabem_na_coluna_a_1280_px(a_1280):
    saidas, codigo = [], []
    for rel, m in a_1280.items():
        for b in m["blocos"]:
            item = f"{rel}: {b['titulo'] or 'código'} ({b['a']} > {b['b']} px) {b['inicio']!r}"
            (saidas if b["titulo"] == "Saída" else codigo).append(item)
    if codigo:
        warnings.warn(f"{len(codigo)} blocos de código mais largos que a coluna a 1280 px:\n"
                      + "\n".join(codigo), stacklevel=1)
    assert not saidas, f"{len(saidas)} saídas mais largas que a coluna a 1280 px:\n" + "\n".join(saidas)


@pytest.mark.navegador
def test_formulas_largas_rolam_com_sinal_a_390_px(a_390):
    sem_sinal = [f"{rel}: {f['largura']} px > {f['coluna']} px {f['tex']!r}"
                 for rel, m in a_390.items() for f in m["formulas"] if not (f["rola"] and f["sombra"])]
    assert not sem_sinal, "fórmulas largas sem rolagem com sombra:\n" + "\n".join(sem_sinal)


@pytest.mark.navegador
def test_codigo_e_saidas_largos_rolam_com_sinal_a_390_px(a_390):
    rolam = [(rel, b) for rel, m in a_390.items() for b in m["rolam"]]
    sem_sinal = [f"{rel}: {b['inicio']!r}" for rel, b in rolam if not b["sombra"]]
    assert rolam, "nenhum bloco rola a 390 px: a medida não pegou os blocos"
    assert not sem_sinal, "blocos que rolam sem sombra na borda:\n" + "\n".join(sem_sinal)


@pytest.mark.navegador
@pytest.mark.parametrize("tela", ["390", "1280"])
def test_botao_de_copiar_e_permalink_nao_atrapalham(tela, request):
    medidas = request.getfixturevalue("a_" + tela)
    cobertos = [f"{rel}: {c!r}" for rel, m in medidas.items() for c in m["controles"]["cobre"]]
    pulos = [f"{rel}: {h!r}" for rel, m in medidas.items() for h in m["controles"]["pulos"]]
    sem_botao = [f"{rel}: {c!r}" for rel, m in medidas.items() for c in m["controles"]["semBotao"]]
    assert not sem_botao, "blocos de código que apareceram na tela sem o botão de copiar:\n" + "\n".join(sem_botao)
    assert not cobertos, "botão de copiar sobre a primeira linha:\n" + "\n".join(cobertos)
    assert not pulos, "¶ numa linha sozinho:\n" + "\n".join(pulos)


@pytest.mark.navegador
def test_nada_cobre_os_links_da_barra_lateral_a_1280_px(a_1280):
    cobertos = [f"{rel}: {c}" for rel, m in a_1280.items() for c in m["navegacao"]]
    assert not cobertos, "links da barra lateral cobertos:\n" + "\n".join(cobertos)


@pytest.mark.navegador
def test_tocar_na_figura_amplia_sem_sair_do_site(servidor, navegador):
    """O GLightbox (servido pelo site) abre a figura ampliada; as de baixo da dobra são preguiçosas."""
    base, _ = servidor
    navegador(lambda b: _ampliar(b, base))


def _ampliar(navegador, base):
    contexto, p = _visitar(navegador, CELULAR)
    externos = []
    p.on("request", lambda r: urlparse(r.url).hostname not in {"127.0.0.1", "localhost", None}
         and not r.url.startswith("data:") and externos.append(r.url))
    try:
        p.goto(base + "generalizacao/dropout/", wait_until="load")
        imgs = p.evaluate("() => [...document.querySelectorAll('article a.figura-ampliar img')].map(i => i.loading)")
        assert len(imgs) >= 2 and imgs[0] != "lazy" and all(x == "lazy" for x in imgs[1:]), imgs
        p.locator("article a.figura-ampliar").first.click()
        p.wait_for_selector(".glightbox-container .gslide-image img", state="visible", timeout=10_000)
        # A figura ampliada ocupa a largura da tela (depois da animação de abertura).
        p.wait_for_function("() => document.querySelector('.glightbox-container .gslide-image img')"
                            ".getBoundingClientRect().width > 300", timeout=10_000)
        assert p.evaluate("() => document.querySelector('.glightbox-container .gslide-image img').naturalWidth") > 0
    finally:
        contexto.close()
    assert not externos, externos
