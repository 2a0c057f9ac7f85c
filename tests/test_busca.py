"""A busca do site como um leitor a usa: sem acentos, em inglês, no Chromium.

A busca é a do Material (lunr, num worker), com o stemmer português; o gancho
tools/ganchos_busca.py a torna insensível a acentos e o separador de palavras do
mkdocs.yml corta na pontuação. Também aqui: âncoras sem acento, página 404 em
português, link "editar esta página" e títulos iguais aos rótulos da navegação.
"""

from __future__ import annotations

import functools
import http.server
import io
import re
import threading
import unicodedata
from pathlib import Path
from html.parser import HTMLParser
from urllib.parse import unquote, urlparse

import pytest

from site_build import paginas_html
from test_navegador import Visita, navegador, servidor  # noqa: F401 (fixtures)


def _sem_acento(texto: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texto) if not unicodedata.combining(c))


# Conta as consultas mandadas ao worker de busca e as respostas recebidas: a
# resposta da última consulta é a que fica na tela.
CONTAR_CONSULTAS = """
(() => {
  const Original = window.Worker;
  window.__busca = { enviadas: 0, recebidas: 0 };
  window.Worker = function (url, opcoes) {
    const w = new Original(url, opcoes);
    const postar = w.postMessage.bind(w);
    w.postMessage = (m, ...resto) => {
      if (m && m.type === 2) window.__busca.enviadas++;
      return postar(m, ...resto);
    };
    w.addEventListener("message", (e) => {
      if (e.data && e.data.type === 3) window.__busca.recebidas++;
    });
    return w;
  };
})();
"""


def _buscar(p, consulta: str) -> dict:
    """Digita a consulta (teclas de verdade) e lê os resultados da última resposta."""
    campo = p.locator("input.md-search__input")
    campo.click()
    p.keyboard.press("Control+A")
    p.keyboard.press("Backspace")
    p.keyboard.type(consulta, delay=20)
    assert campo.input_value() == consulta
    p.wait_for_function(
        "() => __busca.enviadas > 0 && __busca.enviadas === __busca.recebidas", timeout=15_000
    )
    p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return p.evaluate(
        """() => {
            const meta = document.querySelector('.md-search-result__meta');
            const itens = [...document.querySelectorAll('.md-search-result__item > a')];
            return {
                meta: meta ? meta.innerText : '',
                links: itens.map(a => a.getAttribute('href')),
                marcas: [...document.querySelectorAll('.md-search-result mark')].map(m => m.innerText),
            };
        }"""
    )


def _total(resultado: dict) -> int:
    m = re.search(r"\d+", resultado["meta"])
    assert m, resultado["meta"]
    return int(m.group())


@pytest.fixture(scope="module")
def busca(servidor, navegador):  # noqa: F811
    base, _ = servidor
    v = Visita(navegador, base)
    v.pagina.set_viewport_size({"width": 1280, "height": 800})
    v.pagina.add_init_script(CONTAR_CONSULTAS)
    v.pagina.reload(wait_until="load")
    yield v
    v.fechar()


# Consulta como um aluno digitaria (sem acento, ou o termo em inglês que a página
# dá entre parênteses) → a página que ensina aquilo é o primeiro resultado.
PRIMEIRO = [
    ("retropropagacao camada densa", "retropropagacao/camadas/"),
    ("funcao de ativacao", "ativacao/funcoes/"),
    ("backpropagation", "retropropagacao/camadas/"),
    ("hidden", "camadas/tipos-de-camada/"),
    ("sparse", "camadas/tipos-de-camada/"),
    ("acuracia", "perda/acuracia/"),
    ("vies", "fundamentos/pesos-e-vies/"),
    ("regularizacao", "generalizacao/regularizacao/"),
    ("validacao cruzada", "generalizacao/validacao/"),
    ("early stopping", "generalizacao/validacao/"),
    ("regra da cadeia", "otimizacao/derivadas/"),
    ("dot product", "fundamentos/produto-escalar/"),
]


@pytest.mark.navegador
@pytest.mark.parametrize("consulta,pagina", PRIMEIRO, ids=[c for c, _ in PRIMEIRO])
def test_primeiro_resultado_e_a_pagina_certa(consulta, pagina, busca):
    r = _buscar(busca.pagina, consulta)
    assert r["links"], f"{consulta!r}: nenhum resultado"
    primeiro = urlparse(r["links"][0]).path
    assert primeiro.endswith(pagina), f"{consulta!r}: primeiro resultado {r['links'][0]}, esperado {pagina}"
    assert r["marcas"], f"{consulta!r}: nenhum termo destacado nos resultados"
    assert not busca.erros, busca.erros


@pytest.mark.navegador
@pytest.mark.parametrize(
    "sem,com",
    [("neuronio", "neurônio"), ("retropropagacao", "retropropagação"), ("funcao", "função")],
)
def test_com_e_sem_acento_acham_o_mesmo(sem, com, busca):
    r_sem, r_com = _buscar(busca.pagina, sem), _buscar(busca.pagina, com)
    assert _total(r_sem) == _total(r_com) > 0, (r_sem["meta"], r_com["meta"])
    # Os mesmos resultados e o mesmo primeiro (o ?h= de cada link traz o termo achado).
    # A ordem dos seguintes pode trocar: o termo sem acento casa com o radical sem
    # acento por prefixo, o com acento casa exato, e o lunr pontua os dois um pouco
    # diferente.
    sem_h = lambda r: [re.sub(r"\?h=[^#]*", "", l) for l in r["links"]]  # noqa: E731
    assert sem_h(r_sem)[0] == sem_h(r_com)[0]
    if len(r_sem["links"]) == len(r_com["links"]) == _total(r_sem):  # a lista inteira à vista
        assert sorted(sem_h(r_sem)) == sorted(sem_h(r_com))
    # O destaque marca a palavra escrita na página, com acento, nos dois sentidos.
    for r in (r_sem, r_com):
        marcadas = {_sem_acento(m).lower() for m in r["marcas"]}
        assert any(m.startswith(_sem_acento(com)[:6]) for m in marcadas), r["marcas"]
        assert any(m != _sem_acento(m) for m in r["marcas"]), f"nenhuma marca com acento: {r['marcas']}"


@pytest.mark.navegador
def test_destaque_na_pagina_sem_acento(busca):
    """Clicar num resultado de "neuronio" leva à página com "neurônio" destacado."""
    p = busca.pagina
    _buscar(p, "neuronio")
    p.locator(".md-search-result__item > a").first.click()
    p.wait_for_function("() => new URL(location.href).searchParams.has('h')")
    p.wait_for_selector("article mark[data-md-highlight]", timeout=10_000)
    marcas = p.eval_on_selector_all("article mark[data-md-highlight]", "els => els.map(e => e.innerText)")
    assert any(m.lower().startswith("neurônio") for m in marcas), marcas
    assert not busca.erros, busca.erros


class _Titulos(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.h1: list[str] = []
        self._no_h1 = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag) and a.get("id"):
            self.ids.append(a["id"])
        if tag == "h1":
            self._no_h1 = True
            self.h1.append("")
        if tag == "a" and self._no_h1 and "headerlink" in (a.get("class") or ""):
            self._no_h1 = False

    def handle_endtag(self, tag):
        if tag == "h1":
            self._no_h1 = False

    def handle_data(self, data):
        if self._no_h1:
            self.h1[-1] += data


def test_ancoras_dos_titulos_sem_acento(site):
    destino, _ = site
    ruins = {}
    for html in paginas_html(destino):
        t = _Titulos()
        t.feed(html.read_text(encoding="utf-8"))
        com_acento = [i for i in t.ids if not i.isascii()]
        if com_acento:
            ruins[str(html.relative_to(destino))] = com_acento
    assert not ruins, f"âncoras com acento (viram %C3%.. num link copiado): {ruins}"
    exercicios = (destino / "introducao" / "ajuste" / "index.html").read_text(encoding="utf-8")
    assert 'id="exercicios"' in exercicios


def test_h1_igual_ao_rotulo_da_navegacao(site):
    """O título da página (H1) é o texto que a navegação mostra para ela."""
    import yaml

    from blocos import RAIZ

    class _Carregador(yaml.SafeLoader):
        pass

    _Carregador.add_multi_constructor("", lambda *a: None)  # !!python/... e !ENV
    config = yaml.load((RAIZ / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Carregador)
    rotulos = {}

    def percorrer(itens):
        for item in itens:
            for rotulo, alvo in item.items():
                if isinstance(alvo, list):
                    percorrer(alvo)
                else:
                    rotulos[alvo] = rotulo

    percorrer(config["nav"])
    destino, _ = site
    diferentes = []
    for caminho, rotulo in rotulos.items():
        if caminho == "index.md":  # a página inicial tem o nome do site como título
            continue
        html = destino / Path(caminho).with_suffix("") / "index.html"
        t = _Titulos()
        t.feed(html.read_text(encoding="utf-8"))
        if not t.h1 or t.h1[0].replace("¶", "").strip() != rotulo:
            diferentes.append(f"{caminho}: nav {rotulo!r}, H1 {t.h1[:1]}")
    assert not diferentes, "\n".join(diferentes)
    assert rotulos["ativacao/funcoes.md"] == "Step, sigmoide e tanh"


def test_link_para_editar_a_pagina(site):
    destino, _ = site
    html = (destino / "ativacao" / "funcoes" / "index.html").read_text(encoding="utf-8")
    m = re.search(r'<a href="([^"]+)"[^>]*class="md-content__button md-icon"[^>]*>', html)
    assert m, "sem o botão de editar (recurso content.action.edit)"
    assert m.group(1).endswith("/edit/main/docs/ativacao/funcoes.md"), m.group(1)


class _ComoOGitHubPages(http.server.SimpleHTTPRequestHandler):
    """Serve o site em /redes-neurais/ (o caminho do site_url) e responde 404.html
    com status 404 a qualquer endereço que não existe, como o GitHub Pages."""

    PREFIXO = "/redes-neurais/"

    def translate_path(self, path):
        caminho = urlparse(path).path
        if caminho.startswith(self.PREFIXO):
            path = "/" + caminho[len(self.PREFIXO):]
        return super().translate_path(path)

    def send_head(self):
        alvo = Path(self.translate_path(self.path))
        if not urlparse(self.path).path.startswith(self.PREFIXO) or not (
            alvo.is_file() or (alvo / "index.html").is_file()
        ):
            corpo = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(corpo)))
            self.end_headers()
            return io.BytesIO(corpo)
        return super().send_head()

    def log_message(self, *args):
        pass


@pytest.mark.navegador
def test_pagina_404_em_portugues_com_busca(site, navegador):  # noqa: F811
    destino, _ = site
    handler = functools.partial(_ComoOGitHubPages, directory=str(destino))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    raiz = f"http://127.0.0.1:{httpd.server_address[1]}/redes-neurais/"
    v = Visita(navegador, raiz + "retropropagacao/camada-densa-e-relu/")
    try:
        p = v.pagina
        assert p.locator("article h1").inner_text().strip() == "Página não encontrada"
        assert p.evaluate("() => document.documentElement.lang").startswith("pt")
        inicio = p.locator("article a", has_text="Voltar para o início")
        assert urlparse(inicio.evaluate("a => a.href")).path == "/redes-neurais/"
        # O campo já traz as palavras do endereço; buscar abre a busca do tema
        # na página inicial, com resultados.
        assert p.input_value("#rn-404-q") == "camada densa e relu"
        p.fill("#rn-404-q", "retropropagacao")
        p.locator("article button[type=submit]").click()
        p.wait_for_url(re.compile(r"/redes-neurais/\?q=retropropagacao"))
        p.wait_for_selector(".md-search-result__item > a", timeout=15_000)
        links = p.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
        assert any("retropropagacao/camadas/" in unquote(l) for l in links), links
        assert not v.externos, v.externos
        # O único erro aceito é o próprio 404 da página que não existe.
        outros = [e for e in v.erros if "status of 404" not in e]
        assert not outros, outros
    finally:
        v.fechar()
        httpd.shutdown()


# ---------------------------------------------------------------- glossário e dicas


def _glossario():
    import sys

    from blocos import DOCS, RAIZ

    sys.path.insert(0, str(RAIZ))
    from tools.ganchos_glossario import ler_glossario

    return DOCS, ler_glossario(DOCS / "glossario.md")


def test_glossario_tem_todo_termo_apresentado_nas_paginas():
    """Todo termo que uma página apresenta como "**termo** (*nome em inglês*)" está
    no glossário (pela forma em português ou pelo nome em inglês), com definição e
    link para uma página do site."""
    docs, itens = _glossario()
    assert len(itens) >= 60
    formas = {f.lower() for i in itens for f in i["formas"]}
    ingles = " | ".join(i["ingles"].lower() for i in itens)
    for i in itens:
        assert re.fullmatch(r"\[[^\]]+\]\([a-z0-9/_-]+\.md(#[a-z0-9-]+)?\)", i["onde"]), i["onde"]
        assert i["definicao"].endswith("."), i
    fora = {"nnfs"}  # nome de livro, não termo técnico
    faltando = []
    for md in sorted(docs.rglob("*.md")):
        if md.name == "glossario.md":
            continue
        for m in re.finditer(r"\*\*([^*\n]+)\*\*\s*\((?:em inglês, )?\*([^*\n]+)\*", md.read_text(encoding="utf-8")):
            termo, nome = m.group(1).strip().lower(), m.group(2).strip().lower()
            if termo in formas or termo in fora or nome in ingles or nome.rstrip("s") in ingles:
                continue
            faltando.append(f"{md.relative_to(docs)}: {termo} ({nome})")
    assert not faltando, "termos fora do glossário (docs/glossario.md):\n" + "\n".join(faltando)


def test_dicas_so_no_texto_comum(site):
    """As dicas (abbr) nunca entram em código, fórmulas, títulos ou links; cada
    termo é marcado uma vez por página; os blocos de código ficam intactos."""
    destino, _ = site
    total = 0
    for html in paginas_html(destino):
        texto = html.read_text(encoding="utf-8")
        for padrao in (r"<pre\b.*?</pre>", r"<code\b.*?</code>", r'<span class="arithmatex">.*?</span>',
                       r"<h[1-6]\b.*?</h[1-6]>", r"<a\b[^>]*>.*?</a>"):
            for m in re.finditer(padrao, texto, re.S):
                assert "<abbr" not in m.group(0), f"{html.relative_to(destino)}: dica dentro de {m.group(0)[:120]}"
        titulos = re.findall(r'<abbr tabindex="0" title="([^"]*)"', texto)
        assert len(titulos) == len(set(titulos)), f"{html.relative_to(destino)}: termo marcado mais de uma vez"
        assert texto.count("<abbr") == len(titulos), "toda dica precisa ser focável (toque e teclado)"
        total += len(titulos)
    assert total > 200, total
    # A página do glossário não marca a si mesma.
    assert "<abbr" not in (destino / "glossario" / "index.html").read_text(encoding="utf-8")


@pytest.mark.navegador
def test_dica_abre_com_um_toque(servidor, navegador):  # noqa: F811
    base, _ = servidor
    contexto = navegador.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, device_scale_factor=2
    )
    try:
        p = contexto.new_page()
        p.goto(base + "camadas/tipos-de-camada/", wait_until="load")
        termo = p.locator("article abbr", has_text="camada oculta").first
        dica = termo.get_attribute("title")
        assert dica.startswith("Em inglês: hidden layer."), dica
        termo.scroll_into_view_if_needed()
        termo.tap()
        caixa = p.locator(".md-tooltip2--active")
        caixa.wait_for(state="visible", timeout=5_000)
        assert caixa.inner_text().strip() == dica
        fonte = float(caixa.evaluate(
            "e => getComputedStyle(e.querySelector('.md-tooltip2__inner')).fontSize"
        ).removesuffix("px"))
        assert fonte >= 14, f"dica com letra de {fonte}px num celular"
        r = caixa.bounding_box()
        assert r["x"] >= 0 and r["x"] + r["width"] <= 390, r
    finally:
        contexto.close()
