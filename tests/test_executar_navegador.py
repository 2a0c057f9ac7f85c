"""Os blocos das páginas rodam no navegador (botão "Executar") e imprimem o que a página mostra.

O Python do navegador (CPython com NumPy em WebAssembly, servido pelo próprio site
em ``assets/executar/``) roda no Chromium headless, com a mesma configuração de
``test_navegador.py``. Todas as páginas usam o mesmo contexto do navegador: o
runtime é baixado uma vez e as páginas seguintes o tiram do Cache Storage, como
um leitor que passa de uma página a outra.
"""

from __future__ import annotations

import re
import time
from urllib.parse import urlparse

import pytest

from blocos import DOCS, blocos_da_pagina, paginas
from test_navegador import LOCAIS, filtrar_externos, navegador, servidor  # noqa: F401 - fixtures

# Páginas com código que não rodam no navegador, com o motivo (lista curta).
# O notebook não está aqui: é uma página .ipynb, cujas células não são blocos
# ```python (não ganham o botão "Executar"); ele usa scikit-learn e matplotlib.
FORA: dict[str, str] = {}

# Páginas onde o Python do navegador imprime outros números, com a tolerância
# relativa declarada e o motivo. Nelas, um bloco cuja saída não é idêntica
# precisa ter o mesmo texto (números trocados por #, espaços de alinhamento à
# parte) e cada número dentro da tolerância; o teste imprime quais blocos
# precisaram dela. Nas outras páginas, a comparação é exata.
ULTIMOS_DIGITOS = 1e-6  # float32 tem uns 7 dígitos: 1 ou 2 unidades no último
TREINO_LONGO = 0.6
MOTIVO_LIBM = ("a libm do WebAssembly arredonda exp/log de outro jeito que a do Linux: "
               "muda o último dígito impresso")
MOTIVO_TREINO = ("treino de milhares de épocas: a soma em float32 sem BLAS (WebAssembly) tem outra "
                 "ordem que a do OpenBLAS, e o treino caótico amplia a diferença (medido: até 53% "
                 "numa perda ou acurácia final); as linhas e rótulos são os mesmos")
MOTIVO_BLAS = ("conta em quantos elementos np.dot e @ diferem em float32: isso depende da ordem "
               "das somas de cada implementação (OpenBLAS aqui, laço simples no WebAssembly)")
COM_TOLERANCIA: dict[str, tuple[float, str]] = {
    "camadas/camada-densa/": (0.5, MOTIVO_BLAS),
    "otimizacao/busca-aleatoria/": (0.1, MOTIVO_TREINO),
    "modelo/modelo/": (0.05, MOTIVO_TREINO),
    "ativacao/softmax/": (ULTIMOS_DIGITOS, MOTIVO_LIBM),
    "perda/entropia-cruzada/": (ULTIMOS_DIGITOS, MOTIVO_LIBM),
    "generalizacao/dropout/": (TREINO_LONGO, MOTIVO_TREINO),
    "generalizacao/regularizacao/": (TREINO_LONGO, MOTIVO_TREINO),
    "generalizacao/validacao/": (TREINO_LONGO, MOTIVO_TREINO),
    "modelo/salvar-carregar/": (TREINO_LONGO, MOTIVO_TREINO),
    "otimizadores/adaptativos/": (TREINO_LONGO, MOTIVO_TREINO),
    "otimizadores/sgd/": (TREINO_LONGO, MOTIVO_TREINO),
    "outros-problemas/classificacao-binaria/": (TREINO_LONGO, MOTIVO_TREINO),
    "outros-problemas/regressao/": (TREINO_LONGO, MOTIVO_TREINO),
}

ESPERA_MS = 600_000  # uma página inteira, com os treinos de 10 000 épocas
NUMERO = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
JS_RESULTADOS = """() => window.__executarBlocos.map(b => ({
    codigo: b.codigo(),
    saida: b.caixa ? b.caixa.code.textContent : null,
    erro: b.resultado ? b.resultado.erro : null,
}))"""


def _normalizar(texto: str) -> str:
    return "\n".join(l.rstrip() for l in texto.strip("\n").split("\n")).strip("\n")


def _iguais_com_tolerancia(real: str, esperado: str, tolerancia: float) -> bool:
    """O texto sem os números é igual, e cada número difere no máximo `tolerancia` (relativa)."""
    def molde(s):  # o texto sem os números (o NumPy alinha colunas pela largura deles)
        return re.sub(r"[ \t]+", "", NUMERO.sub("#", s))

    if molde(real) != molde(esperado):
        return False
    for a, b in zip(NUMERO.findall(real), NUMERO.findall(esperado)):
        x, y = float(a), float(b)
        if abs(x - y) > tolerancia * max(abs(x), abs(y)) and abs(x - y) > 10 ** -_casas(b):
            return False
    return True


def _casas(numero: str) -> int:
    """Casas decimais impressas (uma diferença de 1 na última casa é arredondamento)."""
    m = re.match(r"[-+]?\d*\.(\d*)", numero)
    return len(m[1]) if m else 0


def _url(md) -> str:
    rel = md.relative_to(DOCS).with_suffix("")
    return "" if rel.name == "index" else f"{rel.as_posix()}/"


PAGINAS = [md for md in paginas() if blocos_da_pagina(md)]


class Contexto:
    """Um contexto do Chromium que anota todo pedido (da página e do worker) e barra outros hosts."""

    def __init__(self, navegador):  # noqa: F811
        self.ctx = navegador.new_context()
        self.pedidos: list[tuple[str, int]] = []  # (url, bytes do corpo recebido)
        self.externos: list[str] = []
        self.ctx.route("**/*", self._filtrar)
        self.ctx.on("requestfinished", self._anotar)

    def _filtrar(self, route):
        filtrar_externos(route, self.externos)

    def _anotar(self, req):
        try:
            tamanho = req.sizes()["responseBodySize"]
        except Exception:  # noqa: BLE001 - pedido sem corpo
            tamanho = 0
        self.pedidos.append((req.url, tamanho))

    def fechar(self):
        self.ctx.close()


@pytest.fixture(scope="session")
def contexto(navegador):  # noqa: F811
    """Um contexto para todas as páginas: o Cache Storage é compartilhado entre elas."""
    c = Contexto(navegador)
    yield c
    c.fechar()


class Aba:
    """Uma página aberta num contexto, anotando os erros do console."""

    def __init__(self, contexto: Contexto, url: str):
        self.c = contexto
        self.erros = []
        self.p = contexto.ctx.new_page()
        self.p.on("console", lambda m: m.type == "error" and self.erros.append(m.text))
        self.p.on("pageerror", lambda e: self.erros.append(str(e)))
        self.p.goto(url, wait_until="load")
        self.p.wait_for_load_state("networkidle")

    def executar(self, indice: int = -1) -> str:
        # O bloco pode estar numa solução recolhida ou numa aba: o clique vai
        # direto no botão, como o de um leitor que abriu a solução.
        self.p.locator(".executar-rodar").nth(indice).dispatch_event("click")
        return self.esperar()

    def esperar(self) -> str:
        self.p.wait_for_function(
            "() => ['pronto', 'falhou'].includes(document.documentElement.dataset.executar)",
            timeout=ESPERA_MS,
        )
        return self.p.evaluate("document.documentElement.dataset.executar")

    def saida(self, indice: int) -> str:
        return self.p.evaluate(f"window.__executarBlocos.at({indice}).caixa.code.textContent")

    def fechar(self):
        self.p.close()


PARALELAS = 2  # páginas rodando ao mesmo tempo (a CI tem 2 núcleos)


@pytest.fixture(scope="session")
def no_navegador(servidor, contexto):  # noqa: F811
    """Clica "Executar" no último bloco de cada página e guarda o que cada bloco produziu.

    As páginas rodam duas de cada vez, cada uma com o seu worker; a primeira roda
    sozinha, para baixar o runtime uma vez só (as outras o tiram do Cache Storage).
    """
    base, _ = servidor
    pendentes, abertas, resultados = list(PAGINAS), {}, {}
    while pendentes or abertas:
        while pendentes and len(abertas) < (PARALELAS if resultados else 1):
            md = pendentes.pop(0)
            aba = Aba(contexto, base + _url(md))
            aba.codigos = aba.p.evaluate("() => window.__executarBlocos.map(b => b.original)")
            aba.p.locator(".executar-rodar").last.dispatch_event("click")
            aba.t0 = time.monotonic()
            abertas[md] = aba
        for md, aba in list(abertas.items()):
            estado = aba.p.evaluate("document.documentElement.dataset.executar")
            if estado in ("pronto", "falhou") or time.monotonic() - aba.t0 > ESPERA_MS / 1000:
                resultados[md] = {
                    "estado": estado, "segundos": time.monotonic() - aba.t0, "codigos": aba.codigos,
                    "blocos": aba.p.evaluate(JS_RESULTADOS), "erros": list(aba.erros),
                }
                aba.fechar()
                del abertas[md]
        time.sleep(0.25)
    duracoes = ", ".join(f"{_url(md) or 'index'} {r['segundos']:.0f} s" for md, r in resultados.items())
    print(f"\nTempo de cada página no navegador: {duracoes}")
    return resultados


@pytest.mark.navegador
@pytest.mark.parametrize("md", PAGINAS, ids=[_url(md) or "index" for md in PAGINAS])
def test_blocos_da_pagina_rodam_no_navegador_com_a_saida_mostrada(md, no_navegador, contexto):
    url = _url(md)
    if url in FORA:
        pytest.fail(f"{url} está em FORA ({FORA[url]}), mas a lista deve ficar só com páginas sem o botão")
    blocos = blocos_da_pagina(md)
    r = no_navegador[md]
    # O navegador roda exatamente os blocos que os testes rodam, com o mesmo código.
    assert len(r["codigos"]) == len(blocos), f"{len(r['codigos'])} botões Executar, {len(blocos)} blocos nos testes"
    for html, b in zip(r["codigos"], blocos):
        assert html.rstrip("\n") == b.codigo.rstrip("\n"), f"{b.nome}: o código no HTML difere do testado"
    problemas = []
    tolerados = []
    for res, b in zip(r["blocos"], blocos):
        if res["saida"] is None:
            problemas.append(f"{b.nome}: não rodou no navegador")
            continue
        real = _normalizar(res["saida"])
        if res["erro"]:
            real = _normalizar(real + "\n" + res["erro"])
        esperado = _normalizar(b.saida.codigo) if b.saida else ""
        if esperado.split("\n")[-1].startswith("FloatingPointError: ") and not res["erro"]:
            # WebAssembly não tem sinalizadores de exceção de ponto flutuante: o NumPy
            # do navegador não percebe o overflow (np.errstate não dispara). O resto
            # da saída tem de ser igual.
            esperado = _normalizar("\n".join(esperado.split("\n")[:-1]))
        if real == esperado:
            continue
        if url in COM_TOLERANCIA and _iguais_com_tolerancia(real, esperado, COM_TOLERANCIA[url][0]):
            tolerados.append(b.nome)
            continue
        problemas.append(f"{b.nome}:\n--- no navegador ---\n{real}\n--- na página ---\n{esperado}")
    if tolerados:
        print(f"\n{url}: iguais só com a tolerância relativa {COM_TOLERANCIA[url][0]}: {tolerados}")
    assert not problemas, "\n\n".join(problemas)
    assert r["estado"] == "pronto"
    assert not contexto.externos, f"pedidos a outros hosts: {contexto.externos}"
    assert not r["erros"], f"erros no console: {r['erros']}"


def test_tolerancia_acusa_numero_diferente():
    """A comparação com tolerância pode falhar."""
    assert _iguais_com_tolerancia("soma: 1.0", "soma: 0.9999999999999999", ULTIMOS_DIGITOS)
    assert _iguais_com_tolerancia("[0.3333332  0.1]", "[0.33333316 0.1]", ULTIMOS_DIGITOS)
    assert not _iguais_com_tolerancia("perda: 0.123", "perda: 0.125", ULTIMOS_DIGITOS)
    assert not _iguais_com_tolerancia("perda: 0.123", "acc: 0.123", TREINO_LONGO)
    assert not _iguais_com_tolerancia("acc: 0.3", "acc: 0.9", TREINO_LONGO)


def test_listas_so_tem_paginas_que_existem():
    urls = {_url(md) for md in PAGINAS}
    assert set(COM_TOLERANCIA) <= urls, set(COM_TOLERANCIA) - urls


def _runtime(pedidos) -> list[tuple[str, int]]:
    return [(u, n) for u, n in pedidos if "/assets/executar/runtime/" in u]


@pytest.mark.navegador
def test_nada_antes_do_clique_so_o_proprio_site_depois_e_cache_na_pagina_seguinte(servidor, navegador):  # noqa: F811
    """Um leitor novo (contexto sem cache): a página só pede o Python depois do clique."""
    base, _ = servidor
    c = Contexto(navegador)
    try:
        primeira, segunda = (base + _url(md) for md in PAGINAS[:2])
        aba = Aba(c, primeira)
        aba.p.wait_for_timeout(1000)
        carregamento = list(c.pedidos)
        assert not [u for u, _ in carregamento if "/assets/executar/" in u and not u.endswith(("executar.js", "executar.css"))]
        assert aba.p.evaluate("typeof Worker !== 'undefined' && !('__executarInfo' in window)")
        assert aba.executar(0) == "pronto"
        depois = c.pedidos[len(carregamento):]
        assert _runtime(depois), "o clique não baixou o runtime"
        assert all(urlparse(u).hostname in LOCAIS for u, _ in depois)
        assert not c.externos, c.externos
        aba.fechar()
        # Página seguinte: o runtime sai do Cache Storage (nenhum pedido dele).
        antes = len(c.pedidos)
        aba = Aba(c, segunda)
        assert aba.executar(0) == "pronto"
        assert _runtime(c.pedidos[antes:]) == []
        info = aba.p.evaluate("window.__executarInfo")
        assert info["baixados"] == 0 and info["total"] > 0
        assert not aba.erros, aba.erros
        aba.fechar()
    finally:
        c.fechar()


@pytest.mark.navegador
def test_editar_rodar_de_novo_e_restaurar(servidor, contexto):  # noqa: F811
    """Muda a taxa de aprendizado de um treino: a saída muda; restaurado, volta à da página."""
    base, _ = servidor
    md, k, original, editado = _bloco_com_taxa()
    aba = Aba(contexto, base + _url(md))
    try:
        assert aba.executar(k) == "pronto"
        antes = aba.saida(k)  # (a comparação com a página é o teste acima)
        assert antes.strip()
        bloco = aba.p.locator("div.executar-bloco").nth(k)
        bloco.locator("button", has_text="Editar").dispatch_event("click")
        editor = bloco.locator("textarea.executar-editor")
        assert editor.input_value() == original
        editor.fill(editado)
        editor.press("Control+Enter")  # o atalho do teclado roda o bloco
        assert aba.esperar() == "pronto"
        depois = aba.saida(k)
        assert depois.strip() and depois != antes, "a saída não mudou com a taxa de aprendizado editada"
        bloco.locator("button", has_text="Restaurar original").dispatch_event("click")
        assert bloco.locator("textarea").count() == 0
        assert aba.executar(k) == "pronto"
        assert aba.saida(k) == antes
        assert not aba.erros, aba.erros
    finally:
        aba.fechar()


def _bloco_com_taxa():
    """O primeiro bloco que cria um otimizador com learning_rate e mostra a saída do treino."""
    taxa = re.compile(r"learning_rate=([0-9.]+)")
    # Primeiro a página do modelo (treino curto); se o texto mudar, qualquer outra.
    preferidas = sorted(PAGINAS, key=lambda md: md.relative_to(DOCS).as_posix() != "modelo/salvar-carregar.md")
    for md in preferidas:
        for k, b in enumerate(blocos_da_pagina(md)):
            m = taxa.search(b.codigo)
            if m and b.saida and re.search(r"\.train\(|for ep", b.codigo):
                novo = str(float(m[1]) / 10)
                return md, k, b.codigo.rstrip("\n"), b.codigo[: m.start(1)] + novo + b.codigo[m.end(1):].rstrip("\n")
    pytest.fail("nenhum bloco com learning_rate= e um treino com saída")


@pytest.mark.navegador
def test_parar_um_bloco_que_nao_termina(servidor, contexto):  # noqa: F811
    base, _ = servidor
    aba = Aba(contexto, base + _url(PAGINAS[0]))
    try:
        bloco = aba.p.locator("div.executar-bloco").first
        bloco.locator("button", has_text="Editar").dispatch_event("click")
        bloco.locator("textarea").fill("while True:\n    pass")
        bloco.locator(".executar-rodar").dispatch_event("click")
        parar = aba.p.locator(".executar-parar")
        parar.wait_for(timeout=ESPERA_MS)
        aba.p.wait_for_function(
            "() => /Rodando… [1-9]/.test(document.querySelector('.executar-relogio').textContent)", timeout=60_000
        )
        parar.click()  # um clique de verdade: a página responde com o Python ocupado
        assert aba.esperar() == "falhou"
        assert "Interrompido" in aba.p.locator(".executar-resultado").first.inner_text()
        bloco.locator("button", has_text="Restaurar original").dispatch_event("click")
        assert aba.executar(0) == "pronto"
        assert not aba.erros, aba.erros
    finally:
        aba.fechar()
