"""Figuras do site, geradas por código (matplotlib, SVG) durante o build.

Cada módulo deste pacote define funções ``fig_<nome>()`` que devolvem uma
``matplotlib.figure.Figure``. ``gerar_todas`` chama todas e devolve o SVG de
cada uma, com nome ``<nome>`` trocando ``_`` por ``-``. O resultado fica em
cache (``.cache/figuras``), indexado pelo código do módulo e do pacote ``redes``,
para que ``mkdocs serve`` não refaça figuras que não mudaram.

Celular: o texto de uma figura precisa ficar legível numa tela de 390 px, onde a
coluna do Material tem 358 px e o menor texto do corpo (tabelas, admonições e
notas, ``0.64rem``) tem 12,8 px. Uma figura cujo menor texto ficaria abaixo disso
ganha uma **variante estreita** ``<nome>-estreita`` (painéis empilhados numa
coluna de ``LARGURA_ESTREITA`` polegadas, texto de pelo menos ``FONTE_MINIMA`` pt),
que o gancho ``tools/ganchos_figuras.py`` serve às telas estreitas num ``<picture>``.
Diagramas largos de um painel só são redesenhados à mão: a função aceita
``estreita=True`` e devolve a versão para a coluna estreita (veja ``gerar``).

Vírgula decimal: as marcas dos eixos e todo texto das figuras saem com vírgula
decimal (``_virgulas``), como a prosa; o ponto fica como separador de milhar.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import pkgutil
import re
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2]
CACHE = RAIZ / ".cache" / "figuras"

COLUNA_390_PX = 358  # largura do texto do Material numa tela de 390 px (margens de 16 px)
LIMIAR_PX = 12.8  # menor texto do corpo no Material a 390 px: 0.64rem × 20 px
LARGURA_ESTREITA = 4.2  # polegadas: 302 pt ≈ 403 px no tamanho natural
FONTE_MINIMA = 11.0  # pt, na variante estreita
SUFIXO_ESTREITA = "-estreita"


def _estilo():
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update(
        {
            "svg.hashsalt": "redes-neurais",  # ids estáveis: o mesmo SVG a cada build
            # Texto como <text> (e não curvas): SVG mais leve, texto selecionável e
            # medível; a fonte é a sans-serif do leitor (DejaVu Sans se houver).
            "svg.fonttype": "none",
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica", "Liberation Sans"],
            "figure.dpi": 100,
            "savefig.dpi": 200,  # camadas rasterizadas (regiões, nuvens de pontos)
            "font.size": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.formatter.use_mathtext": False,
        }
    )


# --------------------------------------------------------------------------
# Vírgula decimal
# --------------------------------------------------------------------------
_MILHAR = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+(?![\d.])")
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")


def com_virgula(texto: str) -> str:
    """Troca o ponto decimal por vírgula; ``10.000`` (milhar) fica como está.

    Dentro de fórmulas (``$...$``) a vírgula vai entre chaves (``{,}``) para o
    mathtext não pôr espaço depois dela.
    """
    partes = texto.split("$")
    for i, parte in enumerate(partes):
        milhares = {}

        def guardar(m):
            milhares[f"\0{len(milhares)}\0"] = m.group(0)
            return f"\0{len(milhares) - 1}\0"

        parte = _MILHAR.sub(guardar, parte)
        parte = _DECIMAL.sub("{,}" if i % 2 else ",", parte)
        for chave, valor in milhares.items():
            parte = parte.replace(chave, valor)
        partes[i] = parte
    return "$".join(partes)


def _formatador_virgula():
    from matplotlib.ticker import ScalarFormatter

    class FormatadorVirgula(ScalarFormatter):
        """As marcas do ScalarFormatter, com vírgula decimal."""

        def __call__(self, x, pos=None):
            return com_virgula(super().__call__(x, pos))

        def get_offset(self):
            return com_virgula(super().get_offset())

    return FormatadorVirgula


def _virgulas(fig):
    """Vírgula decimal em todas as marcas de eixo e em todo texto da figura."""
    from matplotlib.text import Text
    from matplotlib.ticker import FixedFormatter, FuncFormatter, ScalarFormatter

    formatador = _formatador_virgula()
    for ax in fig.axes:
        for eixo in (ax.xaxis, ax.yaxis):
            atual = eixo.get_major_formatter()
            if isinstance(atual, FixedFormatter):
                atual.seq = [com_virgula(str(r)) for r in atual.seq]
            elif isinstance(atual, FuncFormatter) and not getattr(atual, "_virgula", False):
                # rótulos dados em set_xticks(..., rótulos) e formatadores próprios
                funcao = atual.func
                atual.func = lambda x, pos=None, f=funcao: com_virgula(str(f(x, pos)))
                atual._virgula = True
            elif type(atual) is ScalarFormatter:
                novo = formatador(useOffset=atual._useOffset, useMathText=atual._useMathText)
                eixo.set_major_formatter(novo)
    for texto in fig.findobj(Text):
        bruto = texto.get_text()
        if bruto and "." in bruto:
            texto.set_text(com_virgula(bruto))


# --------------------------------------------------------------------------
# Medidas do SVG e variante estreita
# --------------------------------------------------------------------------
_TAMANHO = re.compile(r"font(?:-size)?:[^;]*?([\d.]+)px")


def medir_svg(svg: bytes) -> tuple[float, float, float]:
    """(largura, altura, menor texto), nas unidades do viewBox (pt).

    O tamanho de um ``<text>`` é o maior dos seus trechos: índices e expoentes de
    fórmulas (menores) acompanham o símbolo a que pertencem.
    """
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    raiz = ET.fromstring(svg)
    _, _, largura, altura = (float(v) for v in raiz.get("viewBox").split())
    tamanhos = []
    pais = {filho: pai for pai in raiz.iter() for filho in pai}
    for texto in raiz.iter(ns + "text"):
        if not "".join(texto.itertext()).strip():
            continue
        estilos = [texto.get("style", "")] + [t.get("style", "") for t in texto.iter(ns + "tspan")]
        valores = [float(m.group(1)) for e in estilos for m in [_TAMANHO.search(e)] if m]
        pai = pais.get(texto)
        if not valores and pai is not None:
            m = _TAMANHO.search(pai.get("style", ""))
            valores = [float(m.group(1))] if m else []
        if valores:
            tamanhos.append(max(valores))
    return largura, altura, min(tamanhos) if tamanhos else float("inf")


def texto_a_390(svg: bytes) -> float:
    """Tamanho (px) do menor texto da figura mostrada na coluna de uma tela de 390 px."""
    largura, _, fonte = medir_svg(svg)
    mostrada = min(COLUNA_390_PX, largura * 4 / 3)  # não amplia além do tamanho natural
    return fonte * mostrada / largura


def _principais(fig):
    return [ax for ax in fig.axes if ax.get_subplotspec() is not None]


def _estreitar(fig) -> bool:
    """Reorganiza a figura numa coluna estreita; devolve False se não souber fazer.

    Gráficos (eixos visíveis): painéis empilhados, largura ``LARGURA_ESTREITA``,
    texto de pelo menos ``FONTE_MINIMA``. Diagramas (eixos ocultos) só se tiverem
    vários painéis que, empilhados, ficam pelo menos tão largos quanto eram.
    """
    from matplotlib.gridspec import GridSpec
    from matplotlib.text import Text

    eixos = _principais(fig)
    if not eixos:
        return False
    geo = eixos[0].get_subplotspec().get_gridspec().get_geometry()
    nlin, ncol = geo
    larg, alt = fig.get_size_inches()
    graficos = all(ax.axison for ax in eixos)
    painel_larg, painel_alt = larg / ncol, alt / nlin
    if not graficos and (ncol == 1 or painel_larg > LARGURA_ESTREITA * 1.05):
        return False
    n = nlin * ncol
    if ncol > 1:
        grade = GridSpec(n, 1, figure=fig)
        for ax in eixos:
            spec = ax.get_subplotspec()
            k = spec.rowspan.start * ncol + spec.colspan.start
            ax.set_subplotspec(grade[k, 0])
    escala = LARGURA_ESTREITA / painel_larg
    novo_painel = min(max(painel_alt * escala, 2.6), 3.6) if graficos else painel_alt * escala
    fig.set_size_inches(LARGURA_ESTREITA, novo_painel * n + 0.3)
    if graficos:
        from matplotlib.ticker import AutoLocator, MaxNLocator

        for ax in eixos:
            ax.tick_params(labelleft=True, labelbottom=True)
            if type(ax.xaxis.get_major_locator()) is AutoLocator and ax.get_xscale() == "linear":
                # menos marcas no eixo x: "1500 2000 2500" não se encostam numa coluna estreita
                ax.xaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
            for eixo in (ax.xaxis, ax.yaxis):
                for marca in eixo.get_major_ticks() + eixo.get_minor_ticks():
                    marca.label1.set_fontsize(max(marca.label1.get_fontsize(), FONTE_MINIMA))
            ax.tick_params(labelsize=max(FONTE_MINIMA, 0))
        for texto in fig.findobj(Text):
            if texto.get_text() and texto.get_fontsize() < FONTE_MINIMA:
                texto.set_fontsize(FONTE_MINIMA)
        for ax in eixos:  # legendas de várias colunas viram uma coluna: não alargam a figura
            legenda = ax.get_legend()
            if legenda is not None and legenda._ncols > 1:
                ax.legend(handles=legenda.legend_handles,
                          labels=[t.get_text() for t in legenda.get_texts()],
                          loc=legenda._loc, bbox_to_anchor=tuple(legenda.get_bbox_to_anchor().transformed(
                              ax.transAxes.inverted()).bounds), bbox_transform=ax.transAxes, ncols=1,
                          fontsize=max(legenda.get_texts()[0].get_fontsize(), FONTE_MINIMA),
                          frameon=legenda.get_frame_on())
    rotulos = [ax.xaxis.label for ax in eixos] + [ax.yaxis.label for ax in eixos]
    for texto in [ax.title for ax in eixos] + rotulos + ([fig._suptitle] if fig._suptitle else []):
        texto.set_wrap(True)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fig.canvas.draw()
        base = 0.0
        for legenda in fig.legends:
            base = max(base, legenda.get_window_extent().y1 / fig.bbox.height)
        fig.tight_layout(rect=(0, base, 1, 1))
        if graficos and _legendas_para_baixo(fig, eixos):
            # a figura cresce a altura das legendas, e elas são repostas sob o rótulo do
            # eixo x depois de cada arrumação (o tight_layout muda o tamanho dos eixos)
            altura = sum(ax.get_legend().get_window_extent().height for ax in eixos
                         if getattr(ax, "_legenda_embaixo", False)) / fig.dpi
            fig.set_size_inches(LARGURA_ESTREITA, fig.get_size_inches()[1] + altura)
            for _ in range(3):
                fig.tight_layout(rect=(0, base, 1, 1))
                fig.canvas.draw()
                _legendas_para_baixo(fig, eixos)
    return True


def _legendas_para_baixo(fig, eixos) -> bool:
    """Legendas de 3 ou mais linhas dentro do gráfico vão para baixo dele.

    Numa coluna estreita o gráfico encolhe e a legenda, do mesmo tamanho, cobre as
    curvas; embaixo do rótulo do eixo x ela não cobre nada. Devolve True se mexeu.
    """
    mexeu = False
    for ax in eixos:
        legenda = ax.get_legend()
        if legenda is None or len(legenda.get_texts()) < 3 or ax.get_aspect() != "auto":
            continue  # mapas (aspecto 1:1) não crescem para baixo: a legenda fica
        caixa = legenda.get_bbox_to_anchor().transformed(ax.transAxes.inverted())
        dentro = not (abs(caixa.x0) > 1e-6 or abs(caixa.y0) > 1e-6 or abs(caixa.x1 - 1) > 1e-6
                      or abs(caixa.y1 - 1) > 1e-6)
        if not dentro and not getattr(ax, "_legenda_embaixo", False):
            continue  # já posta fora do gráfico pela própria figura
        legenda.remove()
        fundo = ax.xaxis.get_tightbbox(fig.canvas.get_renderer()).y0
        y = ax.transAxes.inverted().transform((0, fundo))[1] - 0.02
        ax.legend(handles=legenda.legend_handles, labels=[t.get_text() for t in legenda.get_texts()],
                  loc="upper center", bbox_to_anchor=(0.5, y), ncols=1, frameon=False,
                  fontsize=max(legenda.get_texts()[0].get_fontsize(), FONTE_MINIMA))
        ax._legenda_embaixo = True
        mexeu = True
    return mexeu


def _para_svg(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    return buf.getvalue()


def desenha_estreita(func) -> bool:
    """A função da figura desenha a própria variante estreita (parâmetro ``estreita``)?"""
    import inspect

    return "estreita" in inspect.signature(func).parameters


def gerar(func) -> dict[str, bytes]:
    """SVG(s) de uma figura: ``{"": larga}`` e, se preciso, ``{SUFIXO_ESTREITA: estreita}``.

    Uma função ``fig_<nome>(estreita=False)`` desenha ela mesma a variante estreita
    (diagramas redesenhados: empilhados, em menos colunas, com rótulos mais curtos);
    as outras são reorganizadas por ``_estreitar`` quando o texto ficaria miúdo.
    """
    import matplotlib.pyplot as plt

    fig = func()
    try:
        _virgulas(fig)
        svgs = {"": _para_svg(fig)}
        if not desenha_estreita(func) and texto_a_390(svgs[""]) < LIMIAR_PX and _estreitar(fig):
            _virgulas(fig)
            svgs[SUFIXO_ESTREITA] = _para_svg(fig)
    finally:
        plt.close(fig)
    if desenha_estreita(func):
        fig = func(estreita=True)
        try:
            _virgulas(fig)
            svgs[SUFIXO_ESTREITA] = _para_svg(fig)
        finally:
            plt.close(fig)
    return svgs


def _impressao() -> str:
    """Resumo do código das figuras e do pacote ``redes``: muda se algum mudar."""
    h = hashlib.sha256()
    pastas = [Path(__file__).parent, RAIZ / "src" / "redes"]
    for arq in sorted(a for p in pastas for a in p.glob("*.py")):
        h.update(arq.read_bytes())
    return h.hexdigest()[:16]


def funcoes():
    """(nome, função) de toda figura, na ordem dos módulos."""
    for info in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if info.name.startswith("_"):
            continue
        modulo = importlib.import_module(f"tools.figuras.{info.name}")
        modulo = importlib.reload(modulo)  # `mkdocs serve`: pega o código novo
        for nome_func in sorted(dir(modulo)):
            if nome_func.startswith("fig_"):
                yield nome_func[4:].replace("_", "-"), getattr(modulo, nome_func)


def _guardar(nome: str, func, impressao: str) -> None:
    """Gera a figura ``nome`` e a guarda no cache (SVG larga, estreita se houver, e o ``.ok``)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    for velho in CACHE.glob(f"{nome}.*"):
        velho.unlink()
    for sufixo, svg in gerar(func).items():
        (CACHE / f"{nome}.{impressao}{sufixo}.svg").write_bytes(svg)
    (CACHE / f"{nome}.{impressao}.ok").touch()


def _iniciar_processo() -> None:
    import sys

    if str(RAIZ) not in sys.path:
        sys.path.insert(0, str(RAIZ))
    _estilo()


def _guardar_em_processo(nome: str, modulo: str, nome_func: str, impressao: str) -> str:
    """O mesmo que ``_guardar``, num processo à parte (a função vem pelo nome)."""
    _guardar(nome, getattr(importlib.import_module(modulo), nome_func), impressao)
    return nome


def _gerar_faltantes(faltantes: list, impressao: str) -> None:
    """Gera as figuras que não estão no cache, em paralelo quando são várias.

    Cada figura sorteia com a própria semente e não mexe no estado global do NumPy,
    então o SVG é o mesmo num processo à parte ou em série (``tests/test_figuras.py``
    confere). Num clone novo, isso corta pela metade o tempo das figuras em 2 núcleos.
    """
    import logging
    import os

    if not faltantes:
        return
    processos = min(len(faltantes), os.cpu_count() or 1)
    logging.getLogger("mkdocs.hooks.figuras").info(
        "Gerando %d figura(s) em %d processo(s) (ficam em .cache/figuras; depois, só as que mudarem)…",
        len(faltantes),
        processos,
    )
    if processos < 2:
        for nome, func in faltantes:
            _guardar(nome, func, impressao)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import sys

    # "spawn": o MkDocs tem threads rodando (o runtime do navegador, o servidor do
    # `mkdocs serve`), e um fork com threads pode travar o processo filho. O processo
    # novo recebe o sys.path deste; o MkDocs tira a raiz do projeto dele depois de
    # carregar os ganchos, e o filho precisa dela para achar `tools.figuras`.
    sys.path.insert(0, str(RAIZ))
    try:
        with ProcessPoolExecutor(
            processos, mp_context=multiprocessing.get_context("spawn"), initializer=_iniciar_processo
        ) as executor:
            pedidos = [
                executor.submit(_guardar_em_processo, nome, func.__module__, func.__name__, impressao)
                for nome, func in faltantes
            ]
            for pedido in pedidos:
                pedido.result()
    finally:
        sys.path.remove(str(RAIZ))


def gerar_todas() -> dict[str, bytes]:
    """Todas as figuras: ``nome`` → SVG, mais ``nome-estreita`` quando há variante."""
    _estilo()
    svgs: dict[str, bytes] = {}
    impressao = _impressao()
    todas = list(funcoes())
    nomes = [nome for nome, _ in todas]
    repetidas = sorted({nome for nome in nomes if nomes.count(nome) > 1})
    if repetidas:
        raise ValueError(f"Figura repetida: {', '.join(repetidas)}.")
    _gerar_faltantes([(n, f) for n, f in todas if not (CACHE / f"{n}.{impressao}.ok").exists()], impressao)
    for nome, _ in todas:
        svgs[nome] = (CACHE / f"{nome}.{impressao}.svg").read_bytes()
        estreita = CACHE / f"{nome}.{impressao}{SUFIXO_ESTREITA}.svg"
        if estreita.exists():
            svgs[nome + SUFIXO_ESTREITA] = estreita.read_bytes()
    return svgs
