"""Figuras do capítulo Outros problemas (classificação binária e regressão).

Os treinos repetem os das páginas (mesmas sementes, dados e hiperparâmetros).
"""

import matplotlib.pyplot as plt
import numpy as np
from nnfs.datasets import sine_data, spiral_data

from redes import (Activation_Linear, Activation_ReLU, Activation_Sigmoid, Layer_Dense,
                   Loss_BinaryCrossentropy, Loss_MeanSquaredError, Optimizer_Adam)


def _prever(camadas, entrada):
    for camada in camadas:
        camada.forward(entrada)
        entrada = camada.output
    return entrada


def _treinar(camadas, perda, otimizador, X, y, passos):
    """O laço das páginas: forward, perda, backward e um passo do otimizador."""
    densas = [c for c in camadas if isinstance(c, Layer_Dense)]
    for _ in range(passos):
        perda.backward(_prever(camadas, X), y)
        d = perda.dinputs
        for camada in reversed(camadas):
            camada.backward(d)
            d = camada.dinputs
        otimizador.pre_update_params()
        for camada in densas:
            otimizador.update_params(camada)
        otimizador.post_update_params()


def _treinar_binaria():
    """A rede 2-64-1 de classificacao-binaria.md (2001 passos de Adam)."""
    np.random.seed(0)
    X, y = spiral_data(samples=100, classes=2)
    y = y.reshape(-1, 1)
    spiral_data(samples=100, classes=2)  # a validação da página (consome o mesmo sorteio)
    np.random.seed(0)
    camadas = [Layer_Dense(2, 64), Activation_ReLU(), Layer_Dense(64, 1), Activation_Sigmoid()]
    perda = Loss_BinaryCrossentropy()
    otimizador = Optimizer_Adam(learning_rate=0.05, decay=5e-7)
    _treinar(camadas, perda, otimizador, X, y, 2001)

    def prever(entrada):
        return _prever(camadas, entrada)

    return X, y, prever


def fig_outros_fronteira_binaria(estreita=False):
    """A fronteira da rede binária; no celular (``estreita``), a barra de cores fica deitada embaixo."""
    X, y, prever = _treinar_binaria()
    xs = np.linspace(-1.1, 1.1, 300)
    gx, gy = np.meshgrid(xs, xs)
    prob = prever(np.c_[gx.ravel(), gy.ravel()]).reshape(gx.shape)
    fig, ax = plt.subplots(figsize=(4.0, 5.0) if estreita else (5.2, 4.4))
    fundo = ax.contourf(gx, gy, prob, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.45,
                        rasterized=True)  # regiões como imagem: SVG leve
    ax.contour(gx, gy, prob, levels=[0.5], colors="black", linewidths=1.2)
    for classe, cor, marca in ((0, "tab:blue", "o"), (1, "tab:red", "^")):
        pts = X[y[:, 0] == classe]
        ax.scatter(pts[:, 0], pts[:, 1], s=20, color=cor, marker=marca, edgecolor="black",
                   linewidth=0.5, label=f"classe {classe}")
    ax.set_aspect("equal")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if estreita:
        barra = fig.colorbar(fundo, ax=ax, orientation="horizontal", pad=0.14, fraction=0.06)
        barra.set_label("probabilidade prevista da classe 1", fontsize=11)
        barra.ax.tick_params(labelsize=11)
        barra.set_ticks([0, 0.5, 1])
        ax.tick_params(labelsize=11)
        ax.legend(loc="lower left", fontsize=11)
        return fig
    fig.colorbar(fundo, ax=ax, label="probabilidade prevista da classe 1")
    ax.legend(loc="lower left", fontsize=9)
    return fig


def _treinar_regressao(escala, epocas):
    """A rede 1-64-64-1 de regressao.md, com pesos iniciais na escala dada."""
    X, y = sine_data()
    np.random.seed(0)
    camadas = [Layer_Dense(1, 64), Activation_ReLU(), Layer_Dense(64, 64), Activation_ReLU(),
               Layer_Dense(64, 1), Activation_Linear()]
    densas = [c for c in camadas if isinstance(c, Layer_Dense)]
    for camada in densas:
        camada.weights *= escala / 0.01
    perda = Loss_MeanSquaredError()
    otimizador = Optimizer_Adam(learning_rate=0.005, decay=1e-3)
    _treinar(camadas, perda, otimizador, X, y, epocas + 1)
    return X, y, _prever(camadas, X)


def fig_outros_regressao_ajuste():
    X, y, prev_001 = _treinar_regressao(0.01, 500)
    _, _, prev_01 = _treinar_regressao(0.1, 1000)
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.plot(X[:, 0], y[:, 0], color="0.6", linewidth=5, label="dados: sen(2πx)")
    ax.plot(X[:, 0], prev_001[:, 0], color="tab:orange", linestyle="--", linewidth=2,
            label="rede, pesos iniciais × 0,01")
    ax.plot(X[:, 0], prev_01[:, 0], color="tab:blue", linewidth=1.5, label="rede, pesos iniciais × 0,1")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=9, loc="lower left")
    return fig
