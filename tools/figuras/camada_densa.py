"""Figuras da página Camada densa."""

import math

import matplotlib.pyplot as plt
import numpy as np


def fig_cam_normal_padrao():
    x = np.linspace(-4, 4, 801)
    y = np.exp(-(x**2) / 2) / math.sqrt(2 * math.pi)
    fig, ax = plt.subplots(figsize=(7, 3.6))
    for k, cor in zip((3, 2, 1), ("#c6dbef", "#6baed6", "#2171b5")):
        faixa = np.abs(x) <= k
        ax.fill_between(x[faixa], y[faixa], color=cor, lw=0)
    ax.plot(x, y, color="black", lw=1.5)
    for k, altura in zip((1, 2, 3), (0.30, 0.2, 0.1)):
        pct = f"{math.erf(k / math.sqrt(2)) * 100:.1f}%".replace(".", ",")
        ax.annotate("", xy=(-k, altura), xytext=(k, altura),
                    arrowprops=dict(arrowstyle="<->", color="black", lw=1))
        ax.text(0, altura + 0.01, pct, ha="center", va="bottom", fontsize=10,
                bbox=dict(facecolor="white", edgecolor="none", pad=1))
    ax.set_xlabel("valor sorteado por np.random.randn (em desvios padrão)")
    ax.set_ylabel("densidade")
    ax.set_xticks(range(-4, 5))
    ax.set_ylim(0, 0.43)
    return fig
