"""Figuras do capítulo Camadas."""

import matplotlib.pyplot as plt
import numpy as np

AZUL, LARANJA, VERDE, CINZA = "#1f77b4", "#ff7f0e", "#2ca02c", "#7f7f7f"


def _posicoes(n, x):
    """Coordenadas de n neurônios empilhados na vertical, centrados em y = 0."""
    ys = (n - 1) / 2 - np.arange(n)  # o índice 0 fica em cima
    return [(x, y) for y in ys]


def _neuronios(ax, pontos, cor):
    for x, y in pontos:
        ax.add_patch(plt.Circle((x, y), 0.22, facecolor=cor, edgecolor="black", lw=1, zorder=3))


def _ligar(ax, a, b, **estilo):
    ax.plot([a[0], b[0]], [a[1], b[1]], zorder=1, **estilo)


def _limpar(ax):
    ax.set_aspect("equal")
    ax.axis("off")


def fig_cam_densa_esparsa():
    """Camada densa (todas as conexões) ao lado de uma camada esparsa (algumas)."""
    fig, axes = plt.subplots(1, 2, figsize=(7, 3.5))
    entradas, neuronios = _posicoes(4, 0), _posicoes(3, 2)
    # Máscara da camada esparsa: 1 = conexão mantida (linha = entrada, coluna = neurônio).
    mascara = np.array([[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 1, 0]])
    titulos = [f"Camada densa: {4 * 3} conexões", f"Camada esparsa: {mascara.sum()} conexões"]
    for ax, titulo, esparsa in zip(axes, titulos, [False, True]):
        for i, a in enumerate(entradas):
            for j, b in enumerate(neuronios):
                if not esparsa or mascara[i, j]:
                    _ligar(ax, a, b, color=CINZA, lw=1.4)
                else:
                    _ligar(ax, a, b, color=CINZA, lw=0.8, ls=":", alpha=0.5)
        _neuronios(ax, entradas, AZUL)
        _neuronios(ax, neuronios, LARANJA)
        for i, (x, y) in enumerate(entradas):
            ax.text(x - 0.35, y, str(i), ha="right", va="center", fontsize=10)
        for j, (x, y) in enumerate(neuronios):
            ax.text(x + 0.35, y, str(j), ha="left", va="center", fontsize=10)
        ax.text(0, -2.6, "entradas", ha="center")
        ax.text(2, -2.6, "neurônios", ha="center")
        ax.set_title(titulo, fontsize=11)
        ax.set_xlim(-0.8, 2.8)
        ax.set_ylim(-2.9, 2.2)
        _limpar(ax)
    return fig


def fig_cam_ocultas():
    """Rede 3 → 4 → 4 → 2 com as camadas ocultas destacadas."""
    fig, ax = plt.subplots(figsize=(7, 3.8))
    tamanhos = [3, 4, 4, 2]
    xs = [0, 2, 4, 6]
    camadas = [_posicoes(n, x) for n, x in zip(tamanhos, xs)]
    ax.add_patch(plt.Rectangle((1.5, -2.45), 3.0, 4.9, facecolor="#fdd9b5", edgecolor=LARANJA,
                               lw=1.5, ls="--", zorder=0))
    for anterior, seguinte in zip(camadas, camadas[1:]):
        for a in anterior:
            for b in seguinte:
                _ligar(ax, a, b, color=CINZA, lw=0.8)
    cores = [AZUL, LARANJA, LARANJA, VERDE]
    for pontos, cor in zip(camadas, cores):
        _neuronios(ax, pontos, cor)
    ax.text(0, -2.9, "camada de\nentrada", ha="center", va="top")
    ax.text(3, -2.9, "camadas ocultas", ha="center", va="top", color="#b35806", fontweight="bold")
    ax.text(6, -2.9, "camada de\nsaída", ha="center", va="top")
    ax.set_xlim(-0.7, 6.7)
    ax.set_ylim(-3.9, 2.6)
    _limpar(ax)
    return fig
