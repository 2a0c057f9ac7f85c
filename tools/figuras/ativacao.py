"""Figuras do capítulo Funções de ativação."""

import matplotlib.pyplot as plt
import numpy as np

CORES = plt.get_cmap("tab10").colors


def _espiral(amostras, classes):
    """spiral_data com semente 0, sem mexer no estado global do NumPy (nem chamar nnfs.init)."""
    from nnfs.datasets import spiral_data

    estado = np.random.get_state()
    np.random.seed(0)
    try:
        return spiral_data(amostras, classes)
    finally:
        np.random.set_state(estado)


def _grafico_espiral(amostras, classes, estreita=False):
    """O gráfico dos dados; no celular (``estreita``), a legenda vai embaixo do gráfico."""
    X, y = _espiral(amostras, classes)
    fig, ax = plt.subplots(figsize=(3.9, 5.2) if estreita else (5.5, 4.5))
    marcadores = ["o", "s", "^", "D"]
    for c in range(classes):
        pts = X[y == c]
        ax.scatter(pts[:, 0], pts[:, 1], s=14, color=CORES[c], marker=marcadores[c],
                   label=f"classe {c} ({len(pts)} amostras)")
    ax.set_aspect("equal")
    ax.set_xlabel("x[:, 0]")
    ax.set_ylabel("x[:, 1]")
    ax.set_title(f"spiral_data({amostras}, {classes}): {len(X)} amostras")
    if estreita:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), frameon=False, fontsize=11)
        ax.tick_params(labelsize=11)
        fig.tight_layout()
    else:
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), frameon=False)
    return fig


def fig_ativ_espiral(estreita=False):
    """Os dados em espiral usados nas páginas: 3 classes, 100 amostras por classe."""
    return _grafico_espiral(100, 3, estreita)


def fig_ativ_espiral_4(estreita=False):
    """spiral_data(100, 4): 4 classes, 400 amostras."""
    return _grafico_espiral(100, 4, estreita)


def _eixos_ativacao(ax, titulo):
    ax.axhline(0, color="0.7", lw=0.8, zorder=0)
    ax.axvline(0, color="0.7", lw=0.8, zorder=0)
    ax.set_title(titulo, fontsize=11)
    ax.grid(alpha=0.3)


def fig_ativ_curvas():
    """Step, sigmoide, tanh e ReLU lado a lado, no intervalo [-5, 5]."""
    x = np.linspace(-5, 5, 501)
    curvas = [
        ("Step", np.where(x > 0, 1.0, 0.0)),
        ("Sigmoide", 1 / (1 + np.exp(-x))),
        ("Tangente hiperbólica", np.tanh(x)),
        ("ReLU", np.maximum(0, x)),
    ]
    fig, axes = plt.subplots(2, 2, figsize=(7, 5.2), sharex=True)
    for ax, (nome, yv), cor in zip(axes.flat, curvas, CORES):
        _eixos_ativacao(ax, nome)
        if nome == "Step":  # desenha o salto sem a linha vertical enganosa
            ax.plot(x[x <= 0], yv[x <= 0], color=cor, lw=2)
            ax.plot(x[x > 0], yv[x > 0], color=cor, lw=2)
            ax.plot([0], [0], "o", color=cor)
            ax.plot([0], [1], "o", mfc="white", color=cor)
        else:
            ax.plot(x, yv, color=cor, lw=2)
    for ax in axes[1]:
        ax.set_xlabel("entrada x")
    for ax in axes[:, 0]:
        ax.set_ylabel("saída f(x)")
    fig.tight_layout()
    return fig


def fig_ativ_relu():
    """ReLU: zero para x ≤ 0, a própria entrada para x > 0."""
    x = np.linspace(-5, 5, 501)
    fig, ax = plt.subplots(figsize=(7, 3.5))
    _eixos_ativacao(ax, "ReLU: f(x) = max(0, x)")
    ax.plot(x, np.maximum(0, x), color=CORES[0], lw=2.5)
    for xi in (-5, 2):
        ax.plot([xi], [max(0, xi)], "o", color=CORES[1], zorder=3)
        ax.annotate(f"f({xi}) = {max(0, xi)}", (xi, max(0, xi)), textcoords="offset points",
                    xytext=(8, 10))
    ax.text(-4.6, 3.6, "x ≤ 0: saída 0\n(derivada 0)", color="0.25")
    ax.text(2.6, 0.5, "x > 0: saída x\n(derivada 1)", color="0.25")
    ax.set_xlabel("entrada x")
    ax.set_ylabel("saída f(x)")
    return fig


def fig_ativ_softmax_barras():
    """Pontuações brutas [1, 2, 3] e as probabilidades da softmax, em barras."""
    nomes = ["cachorro", "gato", "humano"]
    z = np.array([1.0, 2.0, 3.0])
    p = np.exp(z) / np.exp(z).sum()
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(7, 3.3))
    a1.bar(nomes, z, color=CORES[:3])
    a1.set_title("Pontuações brutas (entrada)")
    a1.set_ylim(0, 3.5)
    for i, v in enumerate(z):
        a1.text(i, v + 0.05, f"{v:g}", ha="center", va="bottom")
    a2.bar(nomes, p, color=CORES[:3])
    a2.set_title("Probabilidades (saída da softmax)")
    a2.set_ylim(0, 1)
    for i, v in enumerate(p):
        a2.text(i, v + 0.02, f"{v:.3f}", ha="center", va="bottom")
    a2.text(2.4, 0.92, f"soma = {p.sum():.0f}", ha="right")
    fig.tight_layout()
    return fig


def _grade(ax, valores, x0, y0, cor="#dbe9f6", destaque=None):
    """Desenha uma matriz como grade de células, com o canto superior esquerdo em (x0, y0)."""
    valores = np.atleast_2d(valores)
    for i in range(valores.shape[0]):
        for j in range(valores.shape[1]):
            fc = destaque(i, j) if destaque else cor
            ax.add_patch(plt.Rectangle((x0 + j, y0 - i - 1), 1, 1, facecolor=fc, edgecolor="black"))
            ax.text(x0 + j + 0.5, y0 - i - 0.5, str(valores[i, j]), ha="center", va="center", fontsize=12)


def fig_ativ_axis():
    """O que axis=0, axis=1 e keepdims=True fazem na soma do array 2×3."""
    arr = np.array([[1, 2, 3], [4, 5, 6]])
    fig, axes = plt.subplots(1, 3, figsize=(9, 3.6))
    seta = dict(arrowstyle="-|>", color="black", lw=1.5)

    ax = axes[0]
    _grade(ax, arr, 0, 0, destaque=lambda i, j: CORES[j] + (0.35,))
    for j in range(3):
        ax.annotate("", xy=(j + 0.5, -2.7), xytext=(j + 0.5, -2.05), arrowprops=seta)
    _grade(ax, arr.sum(axis=0)[None, :], 0, -2.8, destaque=lambda i, j: CORES[j] + (0.35,))
    ax.set_title("axis=0: soma cada coluna\nshape (3,)", fontsize=11)
    ax.set_xlim(-0.3, 3.3)
    ax.set_ylim(-4.1, 0.3)

    for ax, keep in zip(axes[1:], [False, True]):
        _grade(ax, arr, 0, 0, destaque=lambda i, j: CORES[3 + i] + (0.35,))
        for i in range(2):
            ax.annotate("", xy=(3.75, -i - 0.5), xytext=(3.05, -i - 0.5), arrowprops=seta)
        somas = arr.sum(axis=1, keepdims=True)
        if keep:
            _grade(ax, somas, 3.8, 0, destaque=lambda i, j: CORES[3 + i] + (0.35,))
            ax.set_title("axis=1, keepdims=True\nshape (2, 1): uma coluna", fontsize=11)
        else:
            for i in range(2):
                ax.text(4.3, -i - 0.5, str(somas[i, 0]), ha="center", va="center", fontsize=12,
                        bbox=dict(boxstyle="round", fc=CORES[3 + i] + (0.35,)))
            ax.text(4.3, -2.5, "vetor [6 15]", ha="center", fontsize=11)
            ax.set_title("axis=1: soma cada linha\nshape (2,)", fontsize=11)
        ax.set_xlim(-0.3, 5.3)
        ax.set_ylim(-3.0, 0.3)
    for ax in axes:
        ax.set_aspect("equal")
        ax.axis("off")
    fig.tight_layout()
    return fig
