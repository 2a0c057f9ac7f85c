"""Figuras do capítulo Calculando a perda."""

import matplotlib.pyplot as plt
import numpy as np

CORES = plt.get_cmap("tab10").colors


def fig_perda_log(estreita=False):
    """-log(p) para p em (0, 1], com alguns pontos marcados.

    Na variante estreita (celular), cada ponto leva só a sua perda (o p está no eixo
    x), para os rótulos não se encostarem.
    """
    p = np.linspace(0.005, 1, 400)
    fig, ax = plt.subplots(figsize=(4.0, 3.8) if estreita else (7, 3.5))
    ax.plot(p, -np.log(p), color=CORES[0], lw=2.5)
    pontos = [(0.7, "p = 0,7", (-10, 22)), (1 / 3, "p = 1/3", (10, 6)), (0.05, "p = 0,05", (10, 6))]
    for pi, rotulo, deslocamento in pontos:
        perda = -np.log(pi)
        ax.plot([pi], [perda], "o", color=CORES[1], zorder=3)
        texto = f"{rotulo}: perda {perda:.3f}".replace(".", ",")
        if estreita:  # só a perda: o p de cada ponto está no eixo x
            ax.annotate(f"{perda:.3f}".replace(".", ","), (pi, perda), textcoords="offset points",
                        xytext=(7, 5), fontsize=11)
        else:
            ax.annotate(texto, (pi, perda), textcoords="offset points", xytext=deslocamento)
    ax.plot([1], [0], "o", color=CORES[2], zorder=3)
    if estreita:
        ax.annotate("0", (1, 0), textcoords="offset points", xytext=(-6, 8), fontsize=11)
        ax.tick_params(labelsize=11)
    else:
        ax.annotate("p = 1: perda 0", (1, 0), textcoords="offset points", xytext=(-75, 14))
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 5.5)
    ax.set_xlabel("probabilidade prevista para a classe certa, p")
    ax.set_ylabel("perda = −log(p)")
    ax.set_title("Entropia cruzada de uma amostra")
    ax.grid(alpha=0.3)
    if estreita:
        ax.set_xlabel("probabilidade prevista\npara a classe certa, p", fontsize=11)
        ax.set_ylabel("perda = −log(p)", fontsize=11)
        fig.tight_layout()
    return fig
