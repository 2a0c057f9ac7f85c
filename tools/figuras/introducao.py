"""Figuras do capítulo Introdução (nomes com prefixo ``intro_``)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from ._desenho import _quadro_estreito


AZUL, LARANJA, VERDE, VERMELHO, ROXO, CINZA = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#7f7f7f",
)


def _seta(ax, xy0, xy1, cor="#444444", largura=1.4, estilo="-|>", curva=0.0, **kw):
    ax.add_patch(
        FancyArrowPatch(
            xy0, xy1, arrowstyle=estilo, mutation_scale=14, color=cor, lw=largura,
            connectionstyle=f"arc3,rad={curva}", shrinkA=0, shrinkB=0, **kw,
        )
    )


def _caixa(ax, x, y, texto, cor, larg=1.6, alt=0.7, fonte=11):
    ax.add_patch(
        FancyBboxPatch(
            (x - larg / 2, y - alt / 2), larg, alt, boxstyle="round,pad=0.05",
            facecolor=cor, edgecolor="#333333", alpha=0.9, lw=1.2,
        )
    )
    ax.text(x, y, texto, ha="center", va="center", fontsize=fonte, color="black")


def _limpo(ax):
    ax.set_aspect("equal")
    ax.axis("off")


# --------------------------------------------------------------------------
# O que são redes neurais
# --------------------------------------------------------------------------
def fig_intro_neuronio_artificial(estreita=False):
    if estreita:
        return _neuronio_artificial_estreita()
    fig, ax = plt.subplots(figsize=(8, 3.8))
    _limpo(ax)
    ys = [2.6, 1.5, 0.4]
    for i, y in enumerate(ys, start=1):
        ax.add_patch(Circle((0.6, y), 0.32, facecolor="#cfe3f3", edgecolor=AZUL, lw=1.5))
        ax.text(0.6, y, f"$x_{i}$", ha="center", va="center", fontsize=13)
        _seta(ax, (0.95, y), (3.05, 1.5 + (y - 1.5) * 0.18), cor=AZUL)
        ax.text(1.9, y + (1.5 - y) * 0.45 + 0.18, f"$w_{i}$", ha="center", fontsize=13, color=AZUL)
    ax.text(0.6, 3.35, "entradas", ha="center", fontsize=11)
    ax.text(1.9, 3.35, "pesos", ha="center", fontsize=11, color=AZUL)
    # soma
    ax.add_patch(Circle((3.5, 1.5), 0.45, facecolor="#ffe0c2", edgecolor=LARANJA, lw=1.8))
    ax.text(3.5, 1.5, r"$\Sigma$", ha="center", va="center", fontsize=18)
    ax.text(3.5, 0.75, "soma\nponderada", ha="center", va="top", fontsize=10)
    # viés
    ax.add_patch(Circle((3.5, 3.1), 0.3, facecolor="#d5efd5", edgecolor=VERDE, lw=1.5))
    ax.text(3.5, 3.1, "$b$", ha="center", va="center", fontsize=13)
    ax.text(3.95, 3.1, "viés", ha="left", va="center", fontsize=11, color=VERDE)
    _seta(ax, (3.5, 2.8), (3.5, 1.97), cor=VERDE)
    # ativação
    _seta(ax, (3.97, 1.5), (4.95, 1.5))
    ax.text(4.45, 1.62, "$z$", ha="center", fontsize=13)
    _caixa(ax, 5.7, 1.5, "$f(z)$", "#e6dcf2", larg=1.3, alt=0.8, fonte=13)
    ax.text(5.7, 0.85, "função de\nativação", ha="center", va="top", fontsize=10)
    _seta(ax, (6.42, 1.5), (7.4, 1.5))
    ax.text(7.55, 1.5, "$y$ (saída)", ha="left", va="center", fontsize=12)
    ax.set_xlim(0, 8.8)
    ax.set_ylim(-0.2, 3.6)
    return fig


# --------------------------------------------------------------------------
# Estrutura e funcionamento
# --------------------------------------------------------------------------
def _desenhar_rede(ax, camadas, xs, cores, raio=0.22, alt=3.2):
    posicoes = []
    for n, x in zip(camadas, xs):
        ys = np.linspace(alt / 2 + (n - 1) * 0.45, alt / 2 - (n - 1) * 0.45, n)
        posicoes.append([(x, y) for y in ys])
    for a, b in zip(posicoes[:-1], posicoes[1:]):
        for p in a:
            for q in b:
                ax.plot([p[0], q[0]], [p[1], q[1]], color="#9a9a9a", lw=0.8, zorder=1)
    for camada, cor in zip(posicoes, cores):
        for x, y in camada:
            ax.add_patch(Circle((x, y), raio, facecolor=cor, edgecolor="#333333", lw=1.2, zorder=2))
    return posicoes


def fig_intro_rede_camadas():
    fig, ax = plt.subplots(figsize=(8, 4))
    _limpo(ax)
    xs = [0.8, 2.8, 4.8, 6.8]
    cores = ["#cfe3f3", "#ffe0c2", "#ffe0c2", "#d5efd5"]
    pos = _desenhar_rede(ax, [3, 4, 4, 2], xs, cores)
    for i, (x, y) in enumerate(pos[0], start=1):
        ax.text(x - 0.35, y, f"$x_{i}$", ha="right", va="center", fontsize=13)
    for i, (x, y) in enumerate(pos[-1], start=1):
        ax.text(x + 0.35, y, f"$\\hat{{y}}_{i}$", ha="left", va="center", fontsize=13)
    ax.text(0.8, -0.55, "camada de\nentrada", ha="center", va="top", fontsize=13, color=AZUL)
    ax.text(3.8, -0.55, "camadas ocultas", ha="center", va="top", fontsize=13, color=LARANJA)
    ax.text(6.8, -0.55, "camada de\nsaída", ha="center", va="top", fontsize=13, color=VERDE)
    ax.annotate("", xy=(7.6, 3.7), xytext=(0.4, 3.7),
                arrowprops=dict(arrowstyle="-|>", color="#444444", lw=1.3))
    ax.text(4.0, 3.8, "sentido da propagação (feedforward)", ha="center", va="bottom", fontsize=13)
    ax.set_xlim(-0.2, 8.2)
    ax.set_ylim(-1.4, 4.2)
    return fig


def fig_intro_ciclo_treino():
    """As quatro etapas do treino num ciclo 2 × 2, estreito o bastante para o celular.

    A ativação não é uma etapa à parte: ela acontece dentro da propagação.
    """
    fig, ax = plt.subplots(figsize=(4.2, 3.4))
    _limpo(ax)
    etapas = [
        (1.25, 2.4, "1. Propagação\n(soma ponderada\ne ativação)", "#cfe3f3"),
        (4.3, 2.4, "2. Cálculo\nda perda", "#ffe0c2"),
        (4.3, 0.3, "3. Retropropagação\n(backpropagation)", "#f6d0d0"),
        (1.25, 0.3, "4. Atualização\ndos pesos", "#d5efd5"),
    ]
    for x, y, t, c in etapas:
        _caixa(ax, x, y, t, c, larg=2.7, alt=1.15, fonte=11)
    _seta(ax, (2.65, 2.4), (2.9, 2.4))
    _seta(ax, (4.3, 1.78), (4.3, 0.92))
    _seta(ax, (2.9, 0.3), (2.65, 0.3))
    _seta(ax, (1.25, 0.92), (1.25, 1.78))
    ax.text(1.4, 1.35, "próximo\nlote", ha="left", va="center", fontsize=11, color=CINZA)
    ax.set_xlim(-0.2, 5.75)
    ax.set_ylim(-0.4, 3.1)
    return fig


def fig_intro_passo_feedforward(estreita=False):
    """As contas de um neurônio com 3 entradas (os mesmos números da página).

    A variante estreita tem a mesma forma, com texto de 11 pt e as contas sem espaços
    em volta do ×, para os rótulos não se encostarem numa coluna de celular.
    """
    entradas = np.array([1.0, 2.0, 3.0])
    pesos = np.array([0.2, 0.8, -0.5])
    vies = 2.0
    produtos = entradas * pesos
    z = produtos.sum() + vies
    fig, ax = plt.subplots(figsize=(4.0, 3.4) if estreita else (7, 3.2))
    vezes = "×" if estreita else " × "
    rotulos = [f"$x_{i}w_{i}$\n{entradas[i-1]:g}{vezes}{pesos[i-1]:g}" for i in (1, 2, 3)] + ["$b$", "$z$"]
    valores = list(produtos) + [vies, z]
    cores = [AZUL, AZUL, AZUL, VERDE, LARANJA]
    barras = ax.bar(range(5), valores, color=cores, edgecolor="#333333")
    for b, v in zip(barras, valores):
        ax.text(b.get_x() + b.get_width() / 2, v + (0.08 if v >= 0 else -0.08), f"{v:.1f}",
                ha="center", va="bottom" if v >= 0 else "top", fontsize=10)
    ax.axhline(0, color="#333333", lw=0.8)
    ax.set_xticks(range(5), rotulos)
    ax.set_ylabel("valor")
    ax.set_ylim(-2.1, 3.4)
    ax.set_title("Parcelas da soma ponderada e o resultado $z$", fontsize=11)
    if estreita:
        ax.tick_params(labelsize=11)
        for t in ax.texts:
            t.set_fontsize(11)
        ax.yaxis.label.set_fontsize(11)
        fig.tight_layout()
    return fig


# --------------------------------------------------------------------------
# Tipos de redes
# --------------------------------------------------------------------------
def fig_intro_feedforward_vs_recorrente():
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(8, 3.4))
    for ax in (a1, a2):
        _limpo(ax)
        ax.set_xlim(-0.3, 4.3)
        ax.set_ylim(-0.6, 2.6)
    _desenhar_rede(a1, [2, 3, 1], [0.5, 2.0, 3.5], ["#cfe3f3", "#ffe0c2", "#d5efd5"], alt=2.0)
    a1.set_title("Feedforward: só para a frente", fontsize=11)
    # recorrente: x_t -> h_t -> y_t, com laço em h
    for x, t, c in [(0.4, "$x_t$", "#cfe3f3"), (2.0, "$h_t$", "#ffe0c2"), (3.6, "$y_t$", "#d5efd5")]:
        a2.add_patch(Circle((x, 1.0), 0.35, facecolor=c, edgecolor="#333333", lw=1.2))
        a2.text(x, 1.0, t, ha="center", va="center", fontsize=13)
    _seta(a2, (0.78, 1.0), (1.62, 1.0))
    _seta(a2, (2.38, 1.0), (3.22, 1.0))
    a2.add_patch(FancyArrowPatch((1.8, 1.32), (2.2, 1.32), connectionstyle="arc3,rad=-2.2",
                                 arrowstyle="-|>", mutation_scale=14, color=VERMELHO, lw=1.5))
    a2.text(2.0, 2.25, "estado volta\n(memória)", ha="center", va="center", fontsize=11, color=VERMELHO)
    a2.set_title("Recorrente: o estado oculto de um passo\nentra no passo seguinte", fontsize=11)
    return fig


def fig_intro_convolucao(estreita=False):
    if estreita:
        return _convolucao_estreita()
    rng = np.random.default_rng(3)
    img = rng.integers(0, 10, size=(6, 6))
    fig, ax = plt.subplots(figsize=(8, 3.4))
    _limpo(ax)
    for i in range(6):
        for j in range(6):
            dentro = 1 <= i <= 3 and 1 <= j <= 3
            ax.add_patch(plt.Rectangle((j * 0.5, (5 - i) * 0.5), 0.5, 0.5,
                                       facecolor="#ffe0c2" if dentro else "#f2f2f2",
                                       edgecolor="#555555", lw=0.8))
            ax.text(j * 0.5 + 0.25, (5 - i) * 0.5 + 0.25, str(img[i, j]), ha="center", va="center", fontsize=9)
    ax.add_patch(plt.Rectangle((0.5, 1.0), 1.5, 1.5, fill=False, edgecolor=LARANJA, lw=2.5))
    ax.text(1.5, -0.25, "imagem (6 × 6 pixels)", ha="center", va="top", fontsize=10)
    # filtro
    for i in range(3):
        for j in range(3):
            ax.add_patch(plt.Rectangle((4.0 + j * 0.5, 1.0 + (2 - i) * 0.5), 0.5, 0.5,
                                       facecolor="#e6dcf2", edgecolor="#555555", lw=0.8))
            ax.text(4.25 + j * 0.5, 1.25 + (2 - i) * 0.5, "$w$", ha="center", va="center", fontsize=9)
    ax.text(4.75, 0.75, "filtro 3 × 3\n(pesos aprendidos)", ha="center", va="top", fontsize=10)
    _seta(ax, (3.1, 1.75), (3.9, 1.75), cor=LARANJA)
    ax.text(3.5, 1.95, "desliza", ha="center", fontsize=9, color=LARANJA)
    # mapa de características
    for i in range(4):
        for j in range(4):
            alvo = i == 1 and j == 1
            ax.add_patch(plt.Rectangle((7.0 + j * 0.5, 0.75 + (3 - i) * 0.5), 0.5, 0.5,
                                       facecolor="#ffe0c2" if alvo else "#d5efd5",
                                       edgecolor="#555555", lw=0.8))
    _seta(ax, (5.6, 1.75), (6.9, 1.75))
    ax.text(8.0, 0.5, "mapa de características\n(4 × 4)", ha="center", va="top", fontsize=10)
    ax.set_xlim(-0.2, 9.8)
    ax.set_ylim(-0.9, 3.2)
    return fig


def fig_intro_gan(estreita=False):
    if estreita:
        return _gan_estreita()
    fig, ax = plt.subplots(figsize=(8, 3.2))
    _limpo(ax)
    _caixa(ax, 0.8, 1.0, "ruído\naleatório", "#f2f2f2", larg=1.3, alt=0.9, fonte=10)
    _caixa(ax, 2.9, 1.0, "rede\ngeradora", "#ffe0c2", larg=1.5, alt=0.9, fonte=10)
    _caixa(ax, 5.0, 1.0, "dados\nfalsos", "#f6d0d0", larg=1.3, alt=0.9, fonte=10)
    _caixa(ax, 5.0, 2.4, "dados\nreais", "#cfe3f3", larg=1.3, alt=0.9, fonte=10)
    _caixa(ax, 7.2, 1.7, "rede\ndiscriminadora", "#e6dcf2", larg=1.8, alt=0.9, fonte=10)
    _seta(ax, (1.5, 1.0), (2.1, 1.0))
    _seta(ax, (3.7, 1.0), (4.3, 1.0))
    _seta(ax, (5.7, 1.1), (6.3, 1.5))
    _seta(ax, (5.7, 2.3), (6.3, 1.9))
    ax.text(7.2, 0.95, "“real ou falso?”", ha="center", va="top", fontsize=10)
    _seta(ax, (7.2, 0.55), (2.9, 0.5), cor=VERMELHO, curva=-0.25, linestyle="--")
    ax.text(5.0, -0.35, "o erro do discriminador ensina o gerador", ha="center", fontsize=9, color=VERMELHO)
    ax.set_xlim(0, 8.3)
    ax.set_ylim(-0.6, 3.0)
    return fig


# --------------------------------------------------------------------------
# Underfitting e overfitting (os mesmos dados e graus da página ajuste.md)
# --------------------------------------------------------------------------
def _dados_ajuste():
    rng = np.random.default_rng(2)
    x_treino = np.linspace(0, 1, 10)
    y_treino = np.sin(2 * np.pi * x_treino) + rng.normal(0, 0.25, size=10)
    x_teste = np.linspace(0, 1, 101)
    y_teste = np.sin(2 * np.pi * x_teste) + rng.normal(0, 0.25, size=101)
    return x_treino, y_treino, x_teste, y_teste


def fig_intro_ajuste_polinomios():
    x_treino, y_treino, x_teste, y_teste = _dados_ajuste()
    grade = np.linspace(0, 1, 400)
    fig, eixos = plt.subplots(1, 3, figsize=(10, 3.4), sharey=True)
    titulos = {1: "Grau 1: underfitting", 3: "Grau 3: bom ajuste", 9: "Grau 9: overfitting"}
    for ax, grau in zip(eixos, (1, 3, 9)):
        coef = np.polyfit(x_treino, y_treino, grau)
        e_treino = np.mean((np.polyval(coef, x_treino) - y_treino) ** 2)
        e_teste = np.mean((np.polyval(coef, x_teste) - y_teste) ** 2)
        ax.scatter(x_teste, y_teste, s=8, color=CINZA, alpha=0.45, label="teste")
        ax.scatter(x_treino, y_treino, s=36, color=AZUL, edgecolor="black", zorder=3, label="treino")
        ax.plot(grade, np.sin(2 * np.pi * grade), color=VERDE, lw=1.2, ls="--", label="padrão real")
        ax.plot(grade, np.polyval(coef, grade), color=LARANJA, lw=2.2, label="modelo")
        ax.set_title(titulos[grau], fontsize=11)
        ax.text(0.03, 0.03, f"erro treino: {e_treino:.3f}\nerro teste: {e_teste:.3f}",
                transform=ax.transAxes, fontsize=9, va="bottom",
                bbox=dict(facecolor="white", edgecolor="#bbbbbb", alpha=0.9))
        ax.set_xlabel("$x$")
        ax.set_ylim(-2.8, 2.8)
    eixos[0].set_ylabel("$y$")
    eixos[2].legend(loc="upper right", fontsize=8, framealpha=0.9)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------
# Variantes estreitas (celular): o mesmo diagrama de cima para baixo, com texto de
# pelo menos 11 pt (veja tools/figuras/__init__.py)
# --------------------------------------------------------------------------
F = 11


def _neuronio_artificial_estreita():
    fig, ax = plt.subplots()
    ys = [4.2, 3.0, 1.8]
    centro = (3.3, 3.0)
    for i, y in enumerate(ys, start=1):
        ax.add_patch(Circle((0.5, y), 0.34, facecolor="#cfe3f3", edgecolor=AZUL, lw=1.5))
        ax.text(0.5, y, f"$x_{i}$", ha="center", va="center", fontsize=13)
        _seta(ax, (0.88, y), (2.82, 3.0 + (y - 3.0) * 0.25), cor=AZUL)
        ax.text(1.75, y + (3.0 - y) * 0.45 + 0.3, f"$w_{i}$", ha="center", fontsize=13, color=AZUL)
    ax.text(0.5, 4.75, "entradas", ha="center", fontsize=F)
    ax.text(1.75, 4.75, "pesos", ha="center", fontsize=F, color=AZUL)
    # soma, com o viés chegando de cima
    ax.add_patch(Circle(centro, 0.45, facecolor="#ffe0c2", edgecolor=LARANJA, lw=1.8))
    ax.text(*centro, r"$\Sigma$", ha="center", va="center", fontsize=18)
    ax.text(3.85, 3.0, "soma\nponderada", ha="left", va="center", fontsize=F)
    ax.add_patch(Circle((3.3, 4.6), 0.3, facecolor="#d5efd5", edgecolor=VERDE, lw=1.5))
    ax.text(3.3, 4.6, "$b$", ha="center", va="center", fontsize=13)
    ax.text(3.7, 4.6, "viés", ha="left", va="center", fontsize=F, color=VERDE)
    _seta(ax, (3.3, 4.3), (3.3, 3.47), cor=VERDE)
    # ativação, embaixo da soma
    _seta(ax, (3.3, 2.53), (3.3, 1.65))
    ax.text(3.45, 2.1, "$z$", ha="left", va="center", fontsize=13)
    _caixa(ax, 3.3, 1.2, "$f(z)$", "#e6dcf2", larg=1.2, alt=0.75, fonte=13)
    ax.text(4.05, 1.2, "função de\nativação", ha="left", va="center", fontsize=F)
    _seta(ax, (3.3, 0.78), (3.3, 0.1))
    ax.text(3.3, -0.05, "$y$ (saída)", ha="center", va="top", fontsize=13)
    return _quadro_estreito(fig, ax, (0.0, 5.3), (-0.55, 5.1))


def _convolucao_estreita():
    rng = np.random.default_rng(3)
    img = rng.integers(0, 10, size=(6, 6))  # a mesma imagem da versão larga
    fig, ax = plt.subplots()
    c = 0.5
    for i in range(6):
        for j in range(6):
            dentro = 1 <= i <= 3 and 1 <= j <= 3
            ax.add_patch(plt.Rectangle((j * c, 3.0 + (5 - i) * c), c, c,
                                       facecolor="#ffe0c2" if dentro else "#f2f2f2",
                                       edgecolor="#555555", lw=0.8))
            ax.text(j * c + c / 2, 3.0 + (5 - i) * c + c / 2, str(img[i, j]), ha="center", va="center",
                    fontsize=F)
    ax.add_patch(plt.Rectangle((c, 3.0 + 2 * c), 3 * c, 3 * c, fill=False, edgecolor=LARANJA, lw=2.5))
    ax.text(1.5, 2.9, "imagem (6 × 6 pixels)", ha="center", va="top", fontsize=F)
    # filtro, à direita da imagem
    for i in range(3):
        for j in range(3):
            ax.add_patch(plt.Rectangle((4.2 + j * c, 4.0 + (2 - i) * c), c, c,
                                       facecolor="#e6dcf2", edgecolor="#555555", lw=0.8))
            ax.text(4.2 + j * c + c / 2, 4.0 + (2 - i) * c + c / 2, "$w$", ha="center", va="center", fontsize=F)
    ax.text(4.95, 3.9, "filtro 3 × 3\n(pesos\naprendidos)", ha="center", va="top", fontsize=F)
    _seta(ax, (3.2, 4.75), (4.05, 4.75), cor=LARANJA)
    ax.text(3.62, 4.95, "desliza", ha="center", va="bottom", fontsize=F, color=LARANJA)
    # mapa de características, embaixo
    for i in range(4):
        for j in range(4):
            alvo = i == 1 and j == 1
            ax.add_patch(plt.Rectangle((2.0 + j * c, (3 - i) * c - 0.4), c, c,
                                       facecolor="#ffe0c2" if alvo else "#d5efd5",
                                       edgecolor="#555555", lw=0.8))
    _seta(ax, (4.95, 2.55), (3.1, 1.2), curva=-0.2)
    ax.text(3.0, -0.55, "mapa de características (4 × 4)", ha="center", va="top", fontsize=F)
    return _quadro_estreito(fig, ax, (-0.1, 6.0), (-1.05, 6.1))


def _gan_estreita():
    fig, ax = plt.subplots()
    _caixa(ax, 1.6, 5.0, "ruído aleatório", "#f2f2f2", larg=2.2, alt=0.6, fonte=F)
    _caixa(ax, 1.6, 3.7, "rede geradora", "#ffe0c2", larg=2.2, alt=0.6, fonte=F)
    _caixa(ax, 1.6, 2.4, "dados falsos", "#f6d0d0", larg=2.2, alt=0.6, fonte=F)
    _caixa(ax, 4.2, 2.4, "dados reais", "#cfe3f3", larg=2.0, alt=0.6, fonte=F)
    _caixa(ax, 2.9, 1.0, "rede discriminadora", "#e6dcf2", larg=3.0, alt=0.6, fonte=F)
    _seta(ax, (1.6, 4.65), (1.6, 4.05))
    _seta(ax, (1.6, 3.35), (1.6, 2.75))
    _seta(ax, (1.9, 2.05), (2.4, 1.35))
    _seta(ax, (3.9, 2.05), (3.4, 1.35))
    ax.text(2.9, 0.6, "“real ou falso?”", ha="center", va="top", fontsize=F)
    # o erro volta ao gerador pela esquerda
    _seta(ax, (1.35, 0.85), (0.45, 3.6), cor=VERMELHO, curva=-0.45, linestyle="--")
    ax.text(2.85, 3.7, "o erro do\ndiscriminador\nensina o gerador", ha="left", va="center",
            fontsize=F, color=VERMELHO)
    return _quadro_estreito(fig, ax, (0.0, 5.4), (-0.05, 5.45))
