"""Figuras do capítulo Otimizadores: curvas de treino e fronteiras de decisão.

Todas treinam como as páginas: `np.random.seed(0)`, `spiral_data(samples=100, classes=3)`,
rede 2-64-3 (ReLU, softmax com entropia cruzada) e o lote inteiro a cada época.
"""

import functools

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from nnfs.datasets import spiral_data

from redes import (Activation_ReLU, Activation_Softmax_Loss_CategoricalCrossentropy, Layer_Dense,
                   Optimizer_Adagrad, Optimizer_Adam, Optimizer_RMSprop, Optimizer_SGD, accuracy)

CORES = plt.get_cmap("tab10").colors


EPOCA_COMPARACAO = 3000  # época em que as páginas comparam os quatro otimizadores


def _treinar(otimizador, epocas):
    """Treina como nas páginas; devolve (rede, perdas, acurácias, parâmetros na época 3000).

    Perdas e acurácias: uma por época. Os parâmetros guardados são os usados no passo para a
    frente da época 3000 (a linha "época 3000" impressa nas páginas).
    """
    np.random.seed(0)
    X, y = spiral_data(samples=100, classes=3)
    camada1, ativacao1 = Layer_Dense(2, 64), Activation_ReLU()
    camada2 = Layer_Dense(64, 3)
    perda_ativacao = Activation_Softmax_Loss_CategoricalCrossentropy()
    perdas, acuracias, copia = [], [], None
    for epoca in range(epocas + 1):
        if epoca == EPOCA_COMPARACAO:
            copia = tuple(p.copy() for p in (camada1.weights, camada1.biases,
                                              camada2.weights, camada2.biases))
        camada1.forward(X)
        ativacao1.forward(camada1.output)
        camada2.forward(ativacao1.output)
        perdas.append(perda_ativacao.forward(camada2.output, y))
        acuracias.append(accuracy(perda_ativacao.output, y))
        perda_ativacao.backward(perda_ativacao.output, y)
        camada2.backward(perda_ativacao.dinputs)
        ativacao1.backward(camada2.dinputs)
        camada1.backward(ativacao1.dinputs)
        otimizador.pre_update_params()
        otimizador.update_params(camada1)
        otimizador.update_params(camada2)
        otimizador.post_update_params()
    return ((camada1, ativacao1, camada2, perda_ativacao), np.array(perdas), np.array(acuracias),
            copia)


# Configurações das páginas (mesmos hiperparâmetros e épocas).
CONFIG = {
    "SGD": (lambda: Optimizer_SGD(learning_rate=1.0), 3000),
    "SGD + decaimento": (lambda: Optimizer_SGD(learning_rate=1.0, decay=1e-3), 3000),
    "SGD + decaimento + momento": (lambda: Optimizer_SGD(learning_rate=1.0, decay=1e-3, momentum=0.9), 3000),
    "Adagrad": (lambda: Optimizer_Adagrad(learning_rate=1.0, decay=1e-4), 3000),
    "RMSprop": (lambda: Optimizer_RMSprop(learning_rate=0.02, decay=1e-5, rho=0.999), 3000),
    "Adam": (lambda: Optimizer_Adam(learning_rate=0.05, decay=5e-7), 10000),
}


@functools.lru_cache(maxsize=None)
def _historico(nome):
    fabrica, epocas = CONFIG[nome]
    return _treinar(fabrica(), epocas)


def _curvas(nomes, epocas=3000):
    fig, (ax_perda, ax_acc) = plt.subplots(1, 2, figsize=(8, 3.5))
    for i, nome in enumerate(nomes):
        _, perdas, acuracias, _ = _historico(nome)
        # Curvas de 3000 pontos que oscilam: como imagem dentro do SVG (o texto continua texto).
        ax_perda.plot(perdas[: epocas + 1], color=CORES[i], lw=1, label=nome, rasterized=True)
        ax_acc.plot(acuracias[: epocas + 1], color=CORES[i], lw=1, label=nome, rasterized=True)
    ax_perda.set_ylabel("perda")
    ax_acc.set_ylabel("acurácia (treino)")
    ax_perda.set_ylim(0, 1.6)  # os picos das primeiras épocas passam disso e ficam cortados
    ax_acc.set_ylim(0.3, 1.0)
    for ax in (ax_perda, ax_acc):
        ax.set_xlabel("época")
    ax_perda.legend(fontsize=8)
    fig.tight_layout()
    return fig


def fig_otz_sgd_curvas():
    """Perda e acurácia por época das três variantes do SGD da página."""
    return _curvas(["SGD", "SGD + decaimento", "SGD + decaimento + momento"])


def fig_otz_adaptativos_curvas():
    """Perda e acurácia dos quatro otimizadores nas primeiras 3000 épocas."""
    return _curvas(["SGD + decaimento + momento", "Adagrad", "RMSprop", "Adam"])


def _cores_claras():
    """As três primeiras cores da tab10, clareadas, para o fundo das regiões."""
    return ListedColormap([tuple(0.55 + 0.45 * c for c in CORES[i]) for i in range(3)])


def _regioes(ax, xs, classes):
    """Pinta o plano com a classe prevista em cada ponto da grade.

    `imshow` guarda a grade como uma imagem dentro do SVG: bem mais leve que os polígonos
    de `contourf` para fronteiras recortadas.
    """
    ax.imshow(classes, extent=(xs[0], xs[-1], xs[0], xs[-1]), origin="lower", cmap=_cores_claras(),
              vmin=-0.5, vmax=2.5, interpolation="nearest")


def fig_otz_fronteira_adam():
    """Fronteira de decisão da rede treinada com Adam: dados de treino e de validação."""
    (camada1, ativacao1, camada2, perda_ativacao), _, _, _ = _historico("Adam")
    np.random.seed(0)
    X, y = spiral_data(samples=100, classes=3)
    np.random.seed(1)
    X_val, y_val = spiral_data(samples=100, classes=3)

    xs = np.linspace(-1.1, 1.1, 300)
    grade = np.array(np.meshgrid(xs, xs)).reshape(2, -1).T
    camada1.forward(grade)
    ativacao1.forward(camada1.output)
    camada2.forward(ativacao1.output)
    classes = np.argmax(camada2.output, axis=1).reshape(len(xs), len(xs))

    fig, axes = plt.subplots(1, 2, figsize=(8, 4))
    for ax, (Xp, yp), titulo in zip(axes, [(X, y), (X_val, y_val)], ["treino", "validação (dados novos)"]):
        _regioes(ax, xs, classes)
        for c in range(3):
            ax.scatter(Xp[yp == c, 0], Xp[yp == c, 1], s=10, color=CORES[c], edgecolor="black",
                       linewidth=0.3, label=f"classe {c}")
        ax.set_title(titulo, fontsize=11)
        ax.set_aspect("equal")
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    fig.legend(*axes[0].get_legend_handles_labels(), loc="lower center", ncol=3, fontsize=9, frameon=False)
    return fig


def fig_otz_fronteiras_comparacao():
    """Fronteiras de decisão dos quatro otimizadores na época 3000, com os dados de treino."""
    np.random.seed(0)
    X, y = spiral_data(samples=100, classes=3)
    xs = np.linspace(-1.1, 1.1, 250)
    grade = np.array(np.meshgrid(xs, xs)).reshape(2, -1).T
    nomes = ["SGD + decaimento + momento", "Adagrad", "RMSprop", "Adam"]
    fig, axes = plt.subplots(2, 2, figsize=(7.5, 7.8))
    for ax, nome in zip(axes.flat, nomes):
        _, _, acuracias, (w1, b1, w2, b2) = _historico(nome)
        saidas = np.maximum(grade @ w1 + b1, 0) @ w2 + b2  # densa → ReLU → densa
        classes = np.argmax(saidas, axis=1).reshape(len(xs), len(xs))
        _regioes(ax, xs, classes)
        for c in range(3):
            ax.scatter(X[y == c, 0], X[y == c, 1], s=8, color=CORES[c], edgecolor="black",
                       linewidth=0.3, label=f"classe {c}")
        acc = f"{acuracias[EPOCA_COMPARACAO]:.3f}".replace(".", ",")
        ax.set_title(f"{nome}\nacurácia de treino {acc}", fontsize=10)
        ax.set_aspect("equal")
        ax.set_xticks([-1, 0, 1])
        ax.set_yticks([-1, 0, 1])
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    fig.legend(*axes[0, 0].get_legend_handles_labels(), loc="lower center", ncol=3, fontsize=9,
               frameon=False)
    return fig
