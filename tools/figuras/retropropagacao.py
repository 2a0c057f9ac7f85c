"""Figuras do capítulo Retropropagação."""

import matplotlib.pyplot as plt
import numpy as np

from ._desenho import _quadro_estreito

CORES = plt.get_cmap("tab10").colors
VERDE, VERMELHO, AZUL, CINZA = CORES[2], CORES[3], CORES[0], "#7f7f7f"


def fig_retro_relu_derivada():
    """A ReLU e a sua derivada (um degrau)."""
    x = np.linspace(-3, 3, 301)
    fig, axes = plt.subplots(1, 2, figsize=(7, 3))
    axes[0].plot(x, np.maximum(x, 0), color=AZUL, lw=2)
    axes[0].set_title("ReLU(x) = max(x, 0)", fontsize=11)
    axes[1].plot(x[x < 0], np.zeros(np.sum(x < 0)), color=VERMELHO, lw=2)
    axes[1].plot(x[x > 0], np.ones(np.sum(x > 0)), color=VERMELHO, lw=2)
    axes[1].plot([0], [0], "o", color=VERMELHO, ms=6)
    axes[1].plot([0], [1], "o", mfc="white", mec=VERMELHO, ms=6)
    axes[1].set_title("derivada: 1 se x > 0, 0 se não", fontsize=11)
    axes[1].set_ylim(-0.3, 1.3)
    for ax in axes:
        ax.axhline(0, color=CINZA, lw=0.6)
        ax.axvline(0, color=CINZA, lw=0.6)
        ax.set_xlabel("x")
    fig.tight_layout()
    return fig


def _n(valor):
    """Número com sinal de menos tipográfico (−3 em vez de -3)."""
    return f"{valor:g}".replace("-", "\u2212")


def _caixa(ax, xy, texto, cor="white"):
    ax.text(*xy, texto, ha="center", va="center", fontsize=10,
            bbox=dict(boxstyle="round,pad=0.35", fc=cor, ec="black", lw=1))


def _seta(ax, a, b, cor, rotulo, acima=True):
    ax.annotate("", xy=b, xytext=a, arrowprops=dict(arrowstyle="-|>", color=cor, lw=1.6))
    meio = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + (0.18 if acima else -0.21))
    ax.text(*meio, rotulo, color=cor, ha="center", va="center", fontsize=9)


def fig_retro_grafo_neuronio(estreita=False):
    """Grafo do neurônio da página: valores para a frente (verde) e gradientes (vermelho)."""
    x = np.array([1.0, -2.0, 3.0])
    w = np.array([-3.0, -1.0, 2.0])
    b = 1.0
    z = float(x @ w + b)
    dz = 1.0 if z > 0 else 0.0
    if estreita:
        return _grafo_neuronio_estreita(x, w, b, z, dz)
    fig, ax = plt.subplots(figsize=(7.5, 4.4))
    ys = [1.5, 0.5, -0.5]
    for i, y in enumerate(ys):
        _caixa(ax, (0, y), f"$x_{i}$ = {_n(x[i])}\n$w_{i}$ = {_n(w[i])}", "#e8f0fb")
        _caixa(ax, (2, y), "×")
        _seta(ax, (0.55, y), (1.8, y), VERDE, _n(x[i] * w[i]))
        _seta(ax, (1.8, y - 0.18), (0.55, y - 0.18), VERMELHO,
              f"$dw_{i}$ = {_n(dz * x[i])}, $dx_{i}$ = {_n(dz * w[i])}", acima=False)
        _seta(ax, (2.2, y), (3.8, 0.5 + (y - 0.5) * 0.3), VERDE, "")
    _caixa(ax, (2, -1.5), f"$b$ = {_n(b)}", "#e8f0fb")
    _seta(ax, (2.4, -1.5), (3.8, 0.2), VERDE, "")
    ax.text(3.6, -1.2, f"$db$ = {_n(dz)}", color=VERMELHO, fontsize=9, ha="center")
    _caixa(ax, (4, 0.5), "+")
    _seta(ax, (4.2, 0.5), (5.6, 0.5), VERDE, f"z = {z:g}")
    _seta(ax, (5.6, 0.3), (4.2, 0.3), VERMELHO, f"dz = {dz:g}", acima=False)
    _caixa(ax, (6.1, 0.5), "ReLU")
    _seta(ax, (6.6, 0.5), (7.9, 0.5), VERDE, f"a = {max(z, 0):g}")
    _seta(ax, (7.9, 0.3), (6.6, 0.3), VERMELHO, "∂L/∂a = 1", acima=False)
    ax.text(0, -2.2, "para a frente", color=VERDE, fontsize=10, ha="left")
    ax.text(2.5, -2.2, "para trás (gradientes)", color=VERMELHO, fontsize=10, ha="left")
    ax.set_xlim(-0.7, 8.2)
    ax.set_ylim(-2.4, 2.1)
    ax.axis("off")
    return fig


def _grafo_neuronio_estreita(x, w, b, z, dz):
    """Celular: as entradas em linhas, a soma e a ReLU descendo pela direita; texto de 11 pt."""
    f = 11

    def caixa(xy, texto, cor="white"):
        ax.text(*xy, texto, ha="center", va="center", fontsize=f,
                bbox=dict(boxstyle="round,pad=0.3", fc=cor, ec="black", lw=1))

    def seta(a, b_, cor):
        ax.annotate("", xy=b_, xytext=a, arrowprops=dict(arrowstyle="-|>", color=cor, lw=1.6))

    fig, ax = plt.subplots()
    ys = [6.0, 4.5, 3.0]
    xm, xs = 2.95, 4.75  # os nós "×" e a coluna da soma e da ReLU
    for i, y in enumerate(ys):
        caixa((0.75, y), f"$x_{i}$ = {_n(x[i])}\n$w_{i}$ = {_n(w[i])}", "#e8f0fb")
        caixa((xm, y), "×")
        seta((1.5, y), (2.7, y), VERDE)
        ax.text(2.1, y + 0.1, _n(x[i] * w[i]), color=VERDE, ha="center", va="bottom", fontsize=f)
        seta((2.7, y - 0.17), (1.5, y - 0.17), VERMELHO)
        ax.text(2.1, y - 0.3, f"$dw_{i}$ = {_n(dz * x[i])}\n$dx_{i}$ = {_n(dz * w[i])}", color=VERMELHO,
                ha="center", va="top", fontsize=f)
        seta((xm + 0.22, y + (4.5 - y) * 0.1), (xm + 1.55, 4.5 + (y - 4.5) * 0.12), VERDE)
    caixa((xs, 6.3), f"$b$ = {_n(b)}", "#e8f0fb")
    seta((xs, 6.0), (xs, 4.8), VERDE)
    ax.text(xs + 0.15, 5.4, f"$db$ = {_n(dz)}", color=VERMELHO, ha="left", va="center", fontsize=f)
    caixa((xs, 4.5), "+")
    seta((xs - 0.15, 4.2), (xs - 0.15, 2.75), VERDE)
    ax.text(xs - 0.3, 3.2, f"z = {z:g}", color=VERDE, ha="right", va="center", fontsize=f)
    seta((xs + 0.15, 2.75), (xs + 0.15, 4.2), VERMELHO)
    ax.text(xs + 0.3, 3.45, f"dz = {dz:g}", color=VERMELHO, ha="left", va="center", fontsize=f)
    caixa((xs, 2.45), "ReLU")
    seta((xs - 0.15, 2.15), (xs - 0.15, 0.95), VERDE)
    ax.text(xs - 0.3, 1.5, f"a = {max(z, 0):g}", color=VERDE, ha="right", va="center", fontsize=f)
    seta((xs + 0.15, 0.95), (xs + 0.15, 2.15), VERMELHO)
    ax.text(xs + 0.3, 1.5, "∂L/∂a\n= 1", color=VERMELHO, ha="left", va="center", fontsize=f)
    ax.text(0.05, 1.3, "para a frente", color=VERDE, fontsize=f, ha="left", va="center")
    ax.text(0.05, 0.8, "para trás (gradientes)", color=VERMELHO, fontsize=f, ha="left", va="center")
    return _quadro_estreito(fig, ax, (0.0, 6.3), (0.5, 6.75))
