"""Figuras do capítulo Otimização (busca aleatória e derivadas)."""

import matplotlib.pyplot as plt
import numpy as np
from nnfs.datasets import spiral_data, vertical_data

from redes import (Activation_ReLU, Activation_Softmax, Activation_Softmax_Loss_CategoricalCrossentropy,
                   Layer_Dense, Loss_CategoricalCrossentropy, Optimizer_Adam)

CORES = plt.get_cmap("tab10").colors


def _br(valor):
    """Número no formato brasileiro: vírgula decimal e sinal de menos tipográfico."""
    return f"{valor:g}".replace(".", ",").replace("-", "\u2212")


def _dados():
    """Os mesmos dados da página: semente 0, vertical e depois espiral."""
    np.random.seed(0)
    vertical = vertical_data(samples=100, classes=3)
    espiral = spiral_data(samples=100, classes=3)
    return vertical, espiral


def _busca(X, y, estrategia, iteracoes=1000, escala=0.05, neuronios=3):
    """Mesma busca da página (semente 0, rede nova); devolve a menor perda até cada iteração."""
    np.random.seed(0)
    camada1, relu = Layer_Dense(2, neuronios), Activation_ReLU()
    camada2, softmax = Layer_Dense(neuronios, 3), Activation_Softmax()
    perda_fn = Loss_CategoricalCrossentropy()
    parametros = [camada1.weights, camada1.biases, camada2.weights, camada2.biases]
    melhores = [p.copy() for p in parametros]
    melhor_perda, historico = np.inf, []
    for _ in range(iteracoes):
        for p, m in zip(parametros, melhores):
            if estrategia == "sortear":
                p[...] = escala * np.random.randn(*p.shape)
            else:
                p[...] = m + escala * np.random.randn(*p.shape)
        camada1.forward(X)
        relu.forward(camada1.output)
        camada2.forward(relu.output)
        softmax.forward(camada2.output)
        perda = perda_fn.calculate(softmax.output, y)
        if perda < melhor_perda:
            melhor_perda = perda
            melhores = [p.copy() for p in parametros]
        historico.append(melhor_perda)
    return historico


def _gradiente(X, y, neuronios, passos=1000):
    """Mesmo treino de `treinar_gradiente` da página; devolve a menor perda até cada passo."""
    np.random.seed(0)
    densa1, relu1, densa2 = Layer_Dense(2, neuronios), Activation_ReLU(), Layer_Dense(neuronios, 3)
    saida = Activation_Softmax_Loss_CategoricalCrossentropy()
    otimizador = Optimizer_Adam(learning_rate=0.05)
    historico = []
    for _ in range(passos):
        densa1.forward(X)
        relu1.forward(densa1.output)
        densa2.forward(relu1.output)
        perda = saida.forward(densa2.output, y)
        historico.append(min(perda, historico[-1]) if historico else perda)
        saida.backward(saida.output, y)
        densa2.backward(saida.dinputs)
        relu1.backward(densa2.dinputs)
        densa1.backward(relu1.dinputs)
        otimizador.pre_update_params()
        otimizador.update_params(densa1)
        otimizador.update_params(densa2)
        otimizador.post_update_params()
    return historico


def fig_otim_dados():
    """Os dois conjuntos de dados: vertical (fácil) e espiral (difícil)."""
    (Xv, yv), (Xs, ys) = _dados()
    fig, axes = plt.subplots(1, 2, figsize=(7, 3.4))
    for ax, (X, y), titulo in zip(axes, [(Xv, yv), (Xs, ys)], ["vertical_data", "spiral_data"]):
        for c in range(3):
            ax.scatter(X[y == c, 0], X[y == c, 1], s=12, color=CORES[c], label=f"classe {c}")
        ax.set_title(titulo, fontsize=11)
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
        ax.set_aspect("equal", adjustable="datalim")
    axes[0].legend(fontsize=9, loc="lower right")
    fig.tight_layout()
    return fig


def fig_otim_busca():
    """Menor perda por iteração: sortear × ajustar (verticais, rede 2-3-3); ajustar × gradiente (espiral, 2-64-3)."""
    (Xv, yv), (Xs, ys) = _dados()
    fig, axes = plt.subplots(1, 2, figsize=(7, 3.4), sharey=True)
    curvas = [
        [(_busca(Xv, yv, "sortear"), "sortear pesos"), (_busca(Xv, yv, "ajustar"), "pequenos ajustes")],
        [(_busca(Xs, ys, "ajustar", iteracoes=3000, neuronios=64), "pequenos ajustes"),
         (_gradiente(Xs, ys, neuronios=64), "gradiente")],
    ]
    cores = [[CORES[0], CORES[1]], [CORES[1], CORES[2]]]
    titulos = ["dados verticais, rede 2-3-3", "espiral, rede 2-64-3"]
    for ax, pares, cs, titulo in zip(axes, curvas, cores, titulos):
        for (historico, rotulo), cor in zip(pares, cs):
            ax.plot(historico, color=cor, lw=2, label=rotulo)
        ax.axhline(np.log(3), color="gray", ls=":", lw=1)
        ax.set_title(titulo, fontsize=11)
        ax.set_xlabel("iteração")
        ax.legend(fontsize=9, loc="center right")
    axes[0].set_ylabel("menor perda até agora")
    axes[0].text(990, np.log(3) - 0.04, "ln 3 (chute uniforme)", ha="right", va="top", fontsize=9, color="gray")
    fig.tight_layout()
    return fig


def _legenda_embaixo(fig, ax):
    """Variante estreita (celular): a legenda sai de cima das curvas e vai para baixo do gráfico."""
    ax.legend(fontsize=11, loc="upper center", bbox_to_anchor=(0.5, -0.2), frameon=False)
    ax.tick_params(labelsize=11)
    fig.tight_layout()
    return fig


def fig_otim_tangentes(estreita=False):
    """f(x) = 2x² com retas tangentes em três pontos (inclinação = 4x)."""
    x = np.linspace(-2, 2, 200)
    fig, ax = plt.subplots(figsize=(4.0, 4.8) if estreita else (7, 3.5))
    ax.plot(x, 2 * x**2, color="black", lw=2, label="$f(x) = 2x^2$")
    for i, x0 in enumerate([-1.5, 0.5, 1.25]):
        inclinacao = 4 * x0
        xt = np.linspace(x0 - 0.7, x0 + 0.7, 2)
        ax.plot(xt, 2 * x0**2 + inclinacao * (xt - x0), color=CORES[i], lw=2,
                label=f"tangente em x = {_br(x0)}: inclinação {_br(inclinacao)}")
        ax.plot(x0, 2 * x0**2, "o", color=CORES[i], ms=7)
    ax.set_xlabel("x")
    ax.set_ylabel("f(x)")
    ax.set_ylim(-1.5, 8.5)
    ax.axhline(0, color="gray", lw=0.6)
    if estreita:
        return _legenda_embaixo(fig, ax)
    ax.legend(fontsize=9, loc="upper center")
    fig.tight_layout()
    return fig


def fig_otim_erro_h(estreita=False):
    """Erro da derivada numérica de x³ em x = 1 (exata: 3), em função de h (escala log)."""
    hs = np.logspace(-13, 0, 53)
    f = lambda x: x * x * x  # noqa: E731
    x0, exata = 1.0, 3.0
    frente = np.abs((f(x0 + hs) - f(x0)) / hs - exata)
    central = np.abs((f(x0 + hs) - f(x0 - hs)) / (2 * hs) - exata)
    fig, ax = plt.subplots(figsize=(4.0, 4.4) if estreita else (7, 3.5))
    ax.loglog(hs, np.maximum(frente, 1e-16), "o-", ms=3, color=CORES[0], label="diferença para a frente")
    ax.loglog(hs, np.maximum(central, 1e-16), "s-", ms=3, color=CORES[1], label="diferença central")
    ax.set_ylim(1e-12, 10)
    ax.set_xlabel("h")
    ax.set_ylabel("erro absoluto")
    ax.set_title("Derivada numérica de $x^3$ em $x = 1$", fontsize=11)
    if estreita:
        from matplotlib.ticker import LogLocator

        ax.xaxis.set_major_locator(LogLocator(numticks=5))
        ax.set_xlabel("h", fontsize=11)
        ax.set_ylabel("erro absoluto", fontsize=11)
        return _legenda_embaixo(fig, ax)
    ax.legend(fontsize=9, loc="upper center")
    fig.tight_layout()
    return fig
