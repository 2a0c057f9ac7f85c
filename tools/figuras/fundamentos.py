"""Figuras do capítulo Fundamentos (nomes com prefixo ``fund_``)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, Polygon, Rectangle

from ._desenho import _quadro_estreito


AZUL, LARANJA, VERDE, VERMELHO, ROXO, CINZA = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#7f7f7f",
)
CLAROS = ["#cfe3f3", "#ffe0c2", "#d5efd5", "#f6d0d0", "#e6dcf2"]
FORTES = [AZUL, LARANJA, VERDE, VERMELHO, ROXO]

# A mesma matriz de pesos da página produto-escalar.md
PESOS = np.array([[0.2, 0.8, -0.5, 1.0],
                  [0.5, -0.91, 0.26, -0.5],
                  [-0.26, -0.27, 0.17, 0.87]])
ENTRADAS = np.array([1.0, 2.0, 3.0, 2.5])


def _limpo(ax):
    ax.set_aspect("equal")
    ax.axis("off")


def _seta(ax, xy0, xy1, cor="#444444", lw=1.4, curva=0.0):
    ax.add_patch(FancyArrowPatch(xy0, xy1, arrowstyle="-|>", mutation_scale=14, color=cor,
                                 lw=lw, connectionstyle=f"arc3,rad={curva}", shrinkA=0, shrinkB=0))


def _grade(ax, x0, y0, valores, cores=None, tam=0.6, fonte=11, fmt="{}", borda="#444444"):
    """Desenha uma matriz 2-D com o canto superior esquerdo em (x0, y0)."""
    valores = np.atleast_2d(valores)
    nl, nc = valores.shape
    for i in range(nl):
        for j in range(nc):
            cor = cores[i][j] if cores is not None else "#f2f2f2"
            ax.add_patch(Rectangle((x0 + j * tam, y0 - (i + 1) * tam), tam, tam,
                                   facecolor=cor, edgecolor=borda, lw=1.0))
            v = valores[i, j]
            if v is not None and fmt:
                ax.text(x0 + (j + 0.5) * tam, y0 - (i + 0.5) * tam, fmt.format(v),
                        ha="center", va="center", fontsize=fonte)


# --------------------------------------------------------------------------
# Pesos e viés: o exemplo da casa
# --------------------------------------------------------------------------
def fig_fund_casa_contribuicoes(estreita=False):
    w1, w2, b = 100, 50, 20000
    casos = [("tamanho em m² (x₁ = 120)", 120, 3), ("tamanho em centenas de m² (x₁ = 1,2)", 1.2, 3)]
    if estreita:
        return _casa_contribuicoes_estreita(w1, w2, b, casos)
    fig, eixos = plt.subplots(1, 2, figsize=(10, 3.8))
    for ax, (titulo, x1, x2) in zip(eixos, casos):
        valores = [x1 * w1, x2 * w2, b, x1 * w1 + x2 * w2 + b]
        rotulos = ["$x_1 w_1$\n(área)", "$x_2 w_2$\n(quartos)", "$b$\n(terreno)", "$z$\n(preço)"]
        barras = ax.bar(range(4), valores, color=[AZUL, LARANJA, VERDE, ROXO], edgecolor="#333333")
        for bar, v in zip(barras, valores):
            ax.text(bar.get_x() + bar.get_width() / 2, v + 400, f"{v:,.0f}".replace(",", "."),
                    ha="center", va="bottom", fontsize=10)
        ax.set_xticks(range(4), rotulos)
        ax.set_ylim(0, 36000)
        ax.set_title(titulo, fontsize=11)
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}".replace(",", ".")))
    eixos[0].set_ylabel("contribuição para o preço")
    fig.suptitle("Mesmos pesos ($w_1 = 100$, $w_2 = 50$, $b = 20.000$), unidades diferentes", fontsize=12)
    fig.tight_layout()
    return fig


def _casa_contribuicoes_estreita(w1, w2, b, casos):
    """Celular: um gráfico embaixo do outro, barras deitadas (os rótulos cabem à esquerda)."""
    fig, eixos = plt.subplots(2, 1, figsize=(4.0, 5.6), sharex=True)
    rotulos = ["$x_1 w_1$ (área)", "$x_2 w_2$ (quartos)", "$b$ (terreno)", "$z$ (preço)"]
    for ax, (titulo, x1, x2) in zip(eixos, casos):
        valores = [x1 * w1, x2 * w2, b, x1 * w1 + x2 * w2 + b]
        ax.barh(range(4), valores, color=[AZUL, LARANJA, VERDE, ROXO], edgecolor="#333333")
        for k, v in enumerate(valores):
            ax.text(v + 500, k, f"{v:,.0f}".replace(",", "."), ha="left", va="center", fontsize=11)
        ax.set_yticks(range(4), rotulos, fontsize=11)
        ax.invert_yaxis()
        ax.set_xlim(0, 46000)
        ax.set_title(titulo, fontsize=11)
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:,.0f}".replace(",", ".")))
        ax.set_xticks([0, 20000, 40000])
        ax.tick_params(labelsize=11, labelbottom=True)
    eixos[1].set_xlabel("contribuição para o preço", fontsize=11)
    fig.suptitle("Mesmos pesos ($w_1 = 100$, $w_2 = 50$,\n$b = 20.000$), unidades diferentes", fontsize=12)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------
# Shape
# --------------------------------------------------------------------------
def fig_fund_shape_vetor():
    fig, ax = plt.subplots(figsize=(4.5, 1.8))
    _limpo(ax)
    _grade(ax, 0, 1, [[0, 1, 2]], cores=[[CLAROS[0]] * 3], tam=0.8, fonte=13)
    for j in range(3):
        ax.text(0.4 + 0.8 * j, 1.12, f"[{j}]", ha="center", va="bottom", fontsize=10, color=CINZA)
    ax.annotate("", xy=(2.4, -0.15), xytext=(0, -0.15), arrowprops=dict(arrowstyle="<->", color=AZUL))
    ax.text(1.2, -0.25, "3 elementos: shape (3,)", ha="center", va="top", fontsize=11, color=AZUL)
    ax.set_xlim(-0.3, 2.7)
    ax.set_ylim(-0.8, 1.5)
    return fig


def fig_fund_shape_matriz():
    fig, ax = plt.subplots(figsize=(5.5, 2.8))
    _limpo(ax)
    valores = np.arange(1, 9).reshape(2, 4)
    cores = [[CLAROS[0]] * 4, [CLAROS[1]] * 4]
    _grade(ax, 0, 1.6, valores, cores=cores, tam=0.8, fonte=13)
    ax.annotate("", xy=(-0.2, 0.0), xytext=(-0.2, 1.6), arrowprops=dict(arrowstyle="<->", color=VERMELHO))
    ax.text(-0.3, 0.8, "2 linhas\n(eixo 0)", ha="right", va="center", fontsize=10, color=VERMELHO)
    ax.annotate("", xy=(3.2, 1.8), xytext=(0, 1.8), arrowprops=dict(arrowstyle="<->", color=AZUL))
    ax.text(1.6, 1.9, "4 colunas (eixo 1)", ha="center", va="bottom", fontsize=10, color=AZUL)
    ax.text(1.6, -0.15, "shape (2, 4)", ha="center", va="top", fontsize=11)
    ax.set_xlim(-1.6, 3.4)
    ax.set_ylim(-0.6, 2.4)
    return fig


def _bloco_3d(ax, x0, y0, valores, tam=0.6, desloc=(0.35, 0.35), cores=None, fonte=10, fmt="{}"):
    """Desenha um array 3-D como grades empilhadas: a primeira fica na frente."""
    prof = valores.shape[0]
    for k in reversed(range(prof)):
        dx, dy = desloc[0] * k, desloc[1] * k
        cor = (cores or CLAROS)[k % len(cores or CLAROS)]
        nl, nc = valores.shape[1:]
        _grade(ax, x0 + dx, y0 + dy, valores[k], cores=[[cor] * nc for _ in range(nl)],
               tam=tam, fonte=fonte, fmt=fmt if k == 0 else "")
    return prof


def fig_fund_shape_tensor():
    fig, ax = plt.subplots(figsize=(4.5, 2.4))  # cabe numa coluna estreita
    _limpo(ax)
    a = np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])
    _bloco_3d(ax, 0, 1.4, a, tam=0.7, desloc=(0.5, 0.5), fonte=13)
    ax.text(0.7, -0.15, "shape (2, 2, 2)", ha="center", va="top", fontsize=12)
    # à direita: as duas "fatias" lado a lado
    for k, x in enumerate([3.2, 5.0]):
        _grade(ax, x, 1.4, a[k], cores=[[CLAROS[k]] * 2] * 2, tam=0.7, fonte=13)
        ax.text(x + 0.7, 1.5, f"arr[{k}]", ha="center", va="bottom", fontsize=12, color=FORTES[k])
    ax.text(4.6, -0.15, "as 2 matrizes 2 × 2\nque o compõem", ha="center", va="top", fontsize=12)
    ax.set_xlim(-0.3, 6.7)
    ax.set_ylim(-1.1, 2.5)
    return fig


def fig_fund_shape_4d():
    """Desenhada para uma coluna estreita (texto legível num celular)."""
    fig, ax = plt.subplots(figsize=(4.6, 3.3))
    _limpo(ax)
    for i, x0 in enumerate([0.0, 3.5]):
        vazio = np.full((3, 4, 5), None)
        _bloco_3d(ax, x0, 2.4, vazio, tam=0.45, desloc=(0.3, 0.3), fmt="",
                  cores=[CLAROS[i], CLAROS[i], CLAROS[i]])
        ax.text(x0 + 1.4, -0.1, f"arr[{i}]\nshape (3, 4, 5)", ha="center", va="top",
                fontsize=12, color=FORTES[i])
    ax.text(3.15, 3.5, "shape (2, 3, 4, 5): 2 blocos, cada um\ncom 3 matrizes de 4 linhas × 5 colunas",
            ha="center", va="bottom", fontsize=12)
    ax.set_xlim(-0.3, 6.6)
    ax.set_ylim(-1.1, 4.5)
    return fig


# --------------------------------------------------------------------------
# Produto escalar e transposição
# --------------------------------------------------------------------------
def fig_fund_produto_escalar_passos():
    """Desenhada para uma coluna estreita: os produtos à direita, a soma embaixo."""
    a, b = [1, 2, 3], [3, 2, 1]
    fig, ax = plt.subplots(figsize=(4.2, 3.1))
    _limpo(ax)
    cores = [[CLAROS[i]] for i in range(3)]
    _grade(ax, 0, 2.1, [[v] for v in a], cores=cores, tam=0.7, fonte=13)
    ax.text(1.0, 1.05, "×", ha="center", va="center", fontsize=16)
    _grade(ax, 1.3, 2.1, [[v] for v in b], cores=cores, tam=0.7, fonte=13)
    ax.text(0.35, 2.2, "a", ha="center", va="bottom", fontsize=12)
    ax.text(1.65, 2.2, "b", ha="center", va="bottom", fontsize=12)
    for i in range(3):
        y = 2.1 - (i + 0.5) * 0.7
        _seta(ax, (2.15, y), (2.75, y))
        ax.text(2.85, y, f"{a[i]} × {b[i]} = {a[i] * b[i]}", ha="left", va="center", fontsize=12,
                color=FORTES[i])
    ax.text(0.0, -0.25, f"soma: {a[0]*b[0]} + {a[1]*b[1]} + {a[2]*b[2]} = {np.dot(a, b)}",
            ha="left", va="top", fontsize=12)
    ax.set_xlim(-0.2, 4.4)
    ax.set_ylim(-0.8, 2.6)
    return fig


def fig_fund_shapes_incompativeis(estreita=False):
    """np.dot(entradas, pesos): o vetor (4,) contra uma coluna de 3 elementos."""
    if estreita:
        return _shapes_incompativeis_estreita()
    fig, ax = plt.subplots(figsize=(8, 3.6))
    _limpo(ax)
    # À esquerda: a matriz de pesos (3, 4) com a primeira coluna destacada.
    cores = [[CLAROS[0] if j == 0 else "#f2f2f2" for j in range(4)] for _ in range(3)]
    _grade(ax, 0, 2.7, PESOS, cores=cores, tam=0.75, fonte=10, fmt="{:g}")
    ax.text(1.5, 0.3, "pesos: shape (3, 4)", ha="center", va="top", fontsize=11)
    ax.text(0.375, 2.8, "1.ª coluna", ha="center", va="bottom", fontsize=10, color=AZUL)
    # À direita: as entradas (4,) ao lado da primeira coluna, elemento a elemento.
    x_e, x_c, tam = 4.6, 5.6, 0.6
    ax.text(x_e + tam / 2, 2.85, "entradas", ha="center", va="bottom", fontsize=10)
    ax.text(x_c + tam / 2, 2.85, "coluna", ha="center", va="bottom", fontsize=10, color=AZUL)
    _grade(ax, x_e, 2.8, [[v] for v in ENTRADAS], cores=[[CLAROS[1]]] * 4, tam=tam,
           fonte=10, fmt="{:g}")
    _grade(ax, x_c, 2.8, [[v] for v in PESOS[:, 0]], cores=[[CLAROS[0]]] * 3, tam=tam,
           fonte=10, fmt="{:g}")
    y_falta = 2.8 - 4 * tam
    ax.add_patch(Rectangle((x_c, y_falta), tam, tam, facecolor="white", edgecolor=VERMELHO,
                           lw=1.5, ls="--"))
    ax.text(x_c + tam / 2, y_falta + tam / 2, "?", ha="center", va="center", fontsize=13,
            color=VERMELHO, fontweight="bold")
    for i in range(4):
        y = 2.8 - (i + 0.5) * tam
        ax.text(x_c + tam / 2 - 0.5, y, "×", ha="center", va="center", fontsize=11)
        termo = f"{ENTRADAS[i]:g} × {PESOS[i, 0]:g}" if i < 3 else f"{ENTRADAS[i]:g} × ?"
        ax.text(x_c + tam + 0.3, y, termo, ha="left", va="center", fontsize=10,
                color=VERMELHO if i == 3 else "#333333")
    _seta(ax, (3.2, 1.6), (4.3, 1.6), cor=AZUL)
    ax.text(x_e + 0.6, 0.05, "4 entradas, mas a coluna só tem 3 pesos:\nfalta um número para o 2.5",
            ha="center", va="top", fontsize=10, color=VERMELHO)
    ax.set_xlim(-0.2, 8.6)
    ax.set_ylim(-0.8, 3.3)
    return fig


def fig_fund_transposicao(estreita=False):
    if estreita:
        return _transposicao_estreita()
    fig, ax = plt.subplots(figsize=(8, 3.4))
    _limpo(ax)
    cores = [[CLAROS[i]] * 4 for i in range(3)]
    _grade(ax, 0, 2.4, PESOS, cores=cores, tam=0.8, fonte=10, fmt="{:g}")
    ax.text(1.6, -0.1, "pesos: shape (3, 4)", ha="center", va="top", fontsize=11)
    _seta(ax, (3.5, 1.2), (4.5, 1.2))
    ax.text(4.0, 1.35, ".T", ha="center", va="bottom", fontsize=13, family="monospace")
    cores_t = [[CLAROS[j] for j in range(3)] for _ in range(4)]
    _grade(ax, 4.8, 2.8, PESOS.T, cores=cores_t, tam=0.7, fonte=10, fmt="{:g}")
    ax.text(5.85, -0.1, "pesos.T: shape (4, 3)", ha="center", va="top", fontsize=11)
    ax.text(7.2, 1.4, "cada linha vira\numa coluna", ha="left", va="center", fontsize=10, color="#333333")
    ax.set_xlim(-0.2, 9.0)
    ax.set_ylim(-0.6, 3.0)
    return fig


def fig_fund_pesos_por_neuronio(estreita=False):
    if estreita:
        return _pesos_por_neuronio_estreita()
    fig, ax = plt.subplots(figsize=(9, 3.8))
    _limpo(ax)
    ys_in = np.linspace(3.0, 0.0, 4)
    ys_out = np.linspace(2.6, 0.4, 3)
    for j, (y0, xv) in enumerate(zip(ys_in, ENTRADAS)):
        ax.add_patch(Circle((0.5, y0), 0.25, facecolor="#f2f2f2", edgecolor="#333333", zorder=3))
        ax.text(0.5, y0, f"$x_{j + 1}$", ha="center", va="center", fontsize=11, zorder=4)
        ax.text(0.1, y0, f"{xv:g}", ha="right", va="center", fontsize=10, color=CINZA)
    for i, y1 in enumerate(ys_out):
        for j, y0 in enumerate(ys_in):
            ax.plot([0.75, 3.25], [y0, y1], color=FORTES[i], lw=1.3, alpha=0.85, zorder=1)
        ax.add_patch(Circle((3.5, y1), 0.27, facecolor=CLAROS[i], edgecolor=FORTES[i], lw=2, zorder=3))
        ax.text(3.5, y1, f"n{i + 1}", ha="center", va="center", fontsize=10, zorder=4)
    ax.text(0.5, 3.5, "4 entradas", ha="center", fontsize=10)
    ax.text(3.5, 3.5, "3 neurônios", ha="center", fontsize=10)
    # matriz à direita
    cores = [[CLAROS[i]] * 4 for i in range(3)]
    _grade(ax, 5.2, 2.6, PESOS, cores=cores, tam=0.75, fonte=10, fmt="{:g}")
    for i in range(3):
        ax.text(5.1, 2.6 - (i + 0.5) * 0.75, f"n{i + 1} →", ha="right", va="center", fontsize=10,
                color=FORTES[i])
    for j in range(4):
        ax.text(5.2 + (j + 0.5) * 0.75, 2.7, f"$x_{j + 1}$", ha="center", va="bottom", fontsize=10)
    ax.text(6.7, 0.05, "pesos (3, 4): linha i = pesos\nque chegam ao neurônio i", ha="center",
            va="top", fontsize=10)
    ax.set_xlim(-0.3, 8.6)
    ax.set_ylim(-0.8, 3.8)
    return fig


# --------------------------------------------------------------------------
# Batches
# --------------------------------------------------------------------------
def fig_fund_batches_divisao(estreita=False):
    if estreita:
        return _batches_divisao_estreita()
    n, tam = 10_000, 32
    n_lotes = -(-n // tam)
    ultimo = n - (n_lotes - 1) * tam
    fig, ax = plt.subplots(figsize=(9, 2.8))
    _limpo(ax)
    ax.add_patch(Rectangle((0, 1.6), 9.0, 0.5, facecolor="#f2f2f2", edgecolor="#333333"))
    ax.text(4.5, 1.85, f"conjunto de dados: {n:,} amostras".replace(",", "."), ha="center",
            va="center", fontsize=11)
    larguras = [1.0, 1.0, 1.0, 1.0]
    x = 0.0
    for k, w in enumerate(larguras):
        ax.add_patch(Rectangle((x, 0.4), w - 0.08, 0.6, facecolor=CLAROS[k % 5], edgecolor="#333333"))
        ax.text(x + (w - 0.08) / 2, 0.7, f"lote {k + 1}\n{tam}", ha="center", va="center", fontsize=9)
        x += w
    ax.text(x + 1.5, 0.7, "…", ha="center", va="center", fontsize=18)
    x += 3.0
    ax.add_patch(Rectangle((x, 0.4), 0.92, 0.6, facecolor=CLAROS[0], edgecolor="#333333"))
    ax.text(x + 0.46, 0.7, f"lote {n_lotes - 1}\n{tam}", ha="center", va="center", fontsize=9)
    x += 1.0
    ax.add_patch(Rectangle((x, 0.4), 0.46, 0.6, facecolor=CLAROS[1], edgecolor="#333333", hatch="//"))
    ax.text(x + 0.7, 0.7, f"lote {n_lotes}\n{ultimo}", ha="left", va="center", fontsize=9)
    for xx in (0.46, 8.23):
        _seta(ax, (xx, 1.55), (xx, 1.05))
    ax.text(4.5, 1.3, "dividido em lotes de 32, na ordem (embaralhada a cada época)", ha="center",
            va="center", fontsize=9, color=CINZA)
    ax.text(4.5, 0.2, f"{n_lotes} lotes: {n_lotes - 1} com {tam} amostras e o último com {ultimo}",
            ha="center", va="top", fontsize=10)
    ax.set_xlim(-0.2, 9.8)
    ax.set_ylim(-0.3, 2.3)
    return fig


def _matriz_bloco(ax, x, y, larg, alt, cor, rotulo, forma, fonte=10):
    ax.add_patch(Rectangle((x, y - alt), larg, alt, facecolor=cor, edgecolor="#333333", lw=1.2))
    ax.text(x + larg / 2, y - alt / 2, rotulo, ha="center", va="center", fontsize=11)
    ax.text(x + larg / 2, y - alt - 0.12, forma, ha="center", va="top", fontsize=fonte, family="monospace")


def fig_fund_batch_camada(estreita=False):
    if estreita:
        return _batch_camada_estreita()
    fig, ax = plt.subplots(figsize=(9, 3.6))
    _limpo(ax)
    u = 0.28  # tamanho de uma "célula"
    topo = 3.0
    _matriz_bloco(ax, 0.0, topo, 4 * u, 8 * u, CLAROS[0], "X", "(32, 4)")
    ax.text(0.56, topo + 0.1, "32 amostras\n× 4 entradas", ha="center", va="bottom", fontsize=9)
    ax.text(1.45, topo - 4 * u, "·", ha="center", va="center", fontsize=22)
    _matriz_bloco(ax, 1.8, topo, 3 * u, 4 * u, CLAROS[1], "W.T", "(4, 3)")
    ax.text(2.22, topo + 0.1, "4 entradas\n× 3 neurônios", ha="center", va="bottom", fontsize=9)
    ax.text(3.05, topo - 4 * u, "+", ha="center", va="center", fontsize=18)
    _matriz_bloco(ax, 3.35, topo, 3 * u, 1 * u, CLAROS[2], "b", "(3,)")
    ax.text(4.55, topo - 4 * u, "=", ha="center", va="center", fontsize=18)
    _matriz_bloco(ax, 5.0, topo, 3 * u, 8 * u, CLAROS[4], "saída", "(32, 3)")
    ax.text(5.42, topo + 0.1, "32 amostras\n× 3 neurônios", ha="center", va="bottom", fontsize=9)
    ax.text(6.6, topo - 1.0,
            "(32, 4) · (4, 3) → (32, 3)\nos 4 internos precisam ser iguais\n\n"
            "b (3,) é somado a cada\numa das 32 linhas (broadcasting)",
            ha="left", va="center", fontsize=10)
    ax.set_xlim(-0.2, 10.0)
    ax.set_ylim(-0.4, 3.9)
    return fig


# --------------------------------------------------------------------------
# Variantes estreitas (celular): o mesmo desenho empilhado, numa coluna de
# 4,2 polegadas, com texto de pelo menos 11 pt (veja tools/figuras/__init__.py)
# --------------------------------------------------------------------------
F = 11  # menor fonte das variantes estreitas


def _shapes_incompativeis_estreita():
    fig, ax = plt.subplots()
    tam = 0.8
    x_e, x_c = 0.3, 1.6
    # Em cima: a matriz de pesos (3, 4), com a primeira coluna destacada logo acima da
    # coluna que desce para o produto.
    ax.text(x_c + 2 * tam, 7.45, "pesos: shape (3, 4)", ha="center", va="bottom", fontsize=F)
    cores = [[CLAROS[0] if j == 0 else "#f2f2f2" for j in range(4)] for _ in range(3)]
    _grade(ax, x_c, 7.3, PESOS, cores=cores, tam=tam, fonte=F, fmt="{:g}")
    _seta(ax, (x_c + tam / 2, 4.85), (x_c + tam / 2, 4.05), cor=AZUL)
    ax.text(x_c + tam / 2 + 0.15, 4.45, "1.ª coluna", ha="left", va="center", fontsize=F, color=AZUL)
    # Embaixo: as entradas (4,) ao lado da primeira coluna, elemento a elemento.
    topo = 3.4
    ax.text(x_e + tam / 2, topo + 0.08, "entradas", ha="center", va="bottom", fontsize=F)
    _grade(ax, x_e, topo, [[v] for v in ENTRADAS], cores=[[CLAROS[1]]] * 4, tam=tam, fonte=F, fmt="{:g}")
    _grade(ax, x_c, topo, [[v] for v in PESOS[:, 0]], cores=[[CLAROS[0]]] * 3, tam=tam, fonte=F, fmt="{:g}")
    y_falta = topo - 4 * tam
    ax.add_patch(Rectangle((x_c, y_falta), tam, tam, facecolor="white", edgecolor=VERMELHO, lw=1.5, ls="--"))
    ax.text(x_c + tam / 2, y_falta + tam / 2, "?", ha="center", va="center", fontsize=13,
            color=VERMELHO, fontweight="bold")
    for i in range(4):
        y = topo - (i + 0.5) * tam
        ax.text((x_e + tam + x_c) / 2, y, "×", ha="center", va="center", fontsize=F)
        termo = f"{ENTRADAS[i]:g} × {PESOS[i, 0]:g}" if i < 3 else f"{ENTRADAS[i]:g} × ?"
        ax.text(x_c + tam + 0.25, y, termo, ha="left", va="center", fontsize=F,
                color=VERMELHO if i == 3 else "#333333")
    ax.text(0.1, y_falta - 0.2, "4 entradas, mas a coluna só tem\n3 pesos: falta um número para o 2.5",
            ha="left", va="top", fontsize=F, color=VERMELHO)
    return _quadro_estreito(fig, ax, (0.0, 5.0), (-0.9, 7.9))


def _transposicao_estreita():
    fig, ax = plt.subplots()
    tam = 0.8
    cores = [[CLAROS[i]] * 4 for i in range(3)]
    _grade(ax, 0, 6.0, PESOS, cores=cores, tam=tam, fonte=F, fmt="{:g}")
    ax.text(1.6, 6.0 - 3 * tam - 0.1, "pesos: shape (3, 4)", ha="center", va="top", fontsize=F)
    _seta(ax, (1.2, 3.2), (1.2, 2.6))
    ax.text(1.4, 2.9, ".T", ha="left", va="center", fontsize=13, family="monospace")
    cores_t = [[CLAROS[j] for j in range(3)] for _ in range(4)]
    _grade(ax, 0, 2.5, PESOS.T, cores=cores_t, tam=tam, fonte=F, fmt="{:g}")
    ax.text(1.2, 2.5 - 4 * tam - 0.1, "pesos.T: shape (4, 3)", ha="center", va="top", fontsize=F)
    ax.text(2.65, 1.0, "cada linha\nvira uma\ncoluna", ha="left", va="center", fontsize=F, color="#333333")
    return _quadro_estreito(fig, ax, (-0.1, 4.2), (-0.95, 6.1))


def _pesos_por_neuronio_estreita():
    fig, ax = plt.subplots()
    # Em cima: a rede (4 entradas, 3 neurônios), como na versão larga.
    ys_in = np.linspace(7.0, 4.6, 4)
    ys_out = np.linspace(6.6, 5.0, 3)
    for j, (y0, xv) in enumerate(zip(ys_in, ENTRADAS)):
        ax.add_patch(Circle((0.9, y0), 0.28, facecolor="#f2f2f2", edgecolor="#333333", zorder=3))
        ax.text(0.9, y0, f"$x_{j + 1}$", ha="center", va="center", fontsize=F, zorder=4)
        ax.text(0.5, y0, f"{xv:g}", ha="right", va="center", fontsize=F, color=CINZA)
    for i, y1 in enumerate(ys_out):
        for y0 in ys_in:
            ax.plot([1.18, 3.22], [y0, y1], color=FORTES[i], lw=1.3, alpha=0.85, zorder=1)
        ax.add_patch(Circle((3.5, y1), 0.3, facecolor=CLAROS[i], edgecolor=FORTES[i], lw=2, zorder=3))
        ax.text(3.5, y1, f"n{i + 1}", ha="center", va="center", fontsize=F, zorder=4)
    ax.text(0.9, 7.45, "4 entradas", ha="center", fontsize=F)
    ax.text(3.5, 7.45, "3 neurônios", ha="center", fontsize=F)
    # Embaixo: a matriz de pesos, uma linha por neurônio.
    tam, x0, topo = 0.8, 1.1, 3.4
    cores = [[CLAROS[i]] * 4 for i in range(3)]
    _grade(ax, x0, topo, PESOS, cores=cores, tam=tam, fonte=F, fmt="{:g}")
    for i in range(3):
        ax.text(x0 - 0.1, topo - (i + 0.5) * tam, f"n{i + 1} →", ha="right", va="center", fontsize=F,
                color=FORTES[i])
    for j in range(4):
        ax.text(x0 + (j + 0.5) * tam, topo + 0.1, f"$x_{j + 1}$", ha="center", va="bottom", fontsize=F)
    ax.text(x0 + 2 * tam, topo - 3 * tam - 0.15, "pesos (3, 4): linha i = pesos\nque chegam ao neurônio i",
            ha="center", va="top", fontsize=F)
    return _quadro_estreito(fig, ax, (-0.2, 4.5), (0.1, 7.8))


def _batches_divisao_estreita():
    n, tam = 10_000, 32
    n_lotes = -(-n // tam)
    ultimo = n - (n_lotes - 1) * tam
    fig, ax = plt.subplots()
    ax.add_patch(Rectangle((0, 2.6), 6.0, 0.7, facecolor="#f2f2f2", edgecolor="#333333"))
    ax.text(3.0, 2.95, f"dados: {n:,} amostras".replace(",", "."), ha="center", va="center", fontsize=F)
    ax.text(3.0, 2.0, "em lotes de 32, na ordem\n(embaralhada a cada época)", ha="center",
            va="center", fontsize=F, color="#555555")
    caixas = [(0.0, 1.1, f"lote 1\n{tam}", CLAROS[0], None), (1.2, 1.1, f"lote 2\n{tam}", CLAROS[1], None),
              (3.1, 1.3, f"lote {n_lotes - 1}\n{tam}", CLAROS[0], None),
              (4.5, 1.5, f"lote {n_lotes}\n{ultimo}", CLAROS[1], "//")]
    for x, w, rotulo, cor, hachura in caixas:
        ax.add_patch(Rectangle((x, 0.2), w - 0.1, 1.0, facecolor=cor, edgecolor="#333333", hatch=hachura))
        ax.text(x + (w - 0.1) / 2, 0.7, rotulo, ha="center", va="center", fontsize=F,
                bbox=dict(fc="white", ec="none", pad=0.5, alpha=0.8) if hachura else None)
    ax.text(2.65, 0.7, "…", ha="center", va="center", fontsize=18)
    for xx in (0.5, 5.2):
        _seta(ax, (xx, 2.55), (xx, 1.25))
    ax.text(3.0, 0.0, f"{n_lotes} lotes: {n_lotes - 1} com {tam} amostras\ne o último com {ultimo}",
            ha="center", va="top", fontsize=F)
    return _quadro_estreito(fig, ax, (-0.1, 6.1), (-0.9, 3.4))


def _batch_camada_estreita():
    fig, ax = plt.subplots()
    u = 0.3  # tamanho de uma "célula"
    topo = 3.0
    _matriz_bloco(ax, 0.0, topo, 4 * u, 8 * u, CLAROS[0], "X", "(32, 4)", fonte=F)
    ax.text(1.45, topo - 4 * u, "·", ha="center", va="center", fontsize=22)
    _matriz_bloco(ax, 1.7, topo, 3 * u, 4 * u, CLAROS[1], "W.T", "(4, 3)", fonte=F)
    ax.text(2.95, topo - 4 * u, "+", ha="center", va="center", fontsize=18)
    _matriz_bloco(ax, 3.25, topo, 3 * u, 1 * u, CLAROS[2], "b", "(3,)", fonte=F)
    ax.text(4.45, topo - 4 * u, "=", ha="center", va="center", fontsize=18)
    _matriz_bloco(ax, 4.75, topo, 3 * u, 8 * u, CLAROS[4], "saída", "(32, 3)", fonte=F)
    ax.text(0.0, topo - 8 * u - 0.5,
            "X: 32 amostras × 4 entradas\n"
            "W.T: 4 entradas × 3 neurônios\n"
            "saída: 32 amostras × 3 neurônios\n\n"
            "(32, 4) · (4, 3) → (32, 3):\nos 4 internos precisam ser iguais\n\n"
            "b (3,) é somado a cada uma das\n32 linhas (broadcasting)",
            ha="left", va="top", fontsize=F)
    return _quadro_estreito(fig, ax, (-0.1, 5.8), (-2.75, 3.1))
