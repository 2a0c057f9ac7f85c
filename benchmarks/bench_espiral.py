"""Benchmark: treino na espiral com `redes` contra NumPy direto (sem classes).

Rede 2-64-3 (ReLU, softmax + entropia cruzada combinados), Adam com taxa 0.05 e
decaimento 5e-7, lote completo. As duas versões fazem a mesma conta a partir dos
mesmos pesos iniciais; rodamos as repetições intercaladas (redes, direto, redes,
direto...) para que ambas sintam a mesma carga da máquina, e comparamos medianas.

Uso:  PYTHONPATH=src python benchmarks/bench_espiral.py [--epochs 10000] [--repeats 5]
Sai com código 1 se `redes` for mais lento que o NumPy direto (razão > 1,00), e com
código 2 se as duas versões não terminarem com a mesma perda.
"""

import argparse
import contextlib
import statistics
import sys
import time

import numpy as np
from nnfs.datasets import spiral_data

import redes


def initial_state(seed):
    """Dados e pesos iniciais idênticos para as duas versões."""
    np.random.seed(seed)
    X, y = spiral_data(samples=100, classes=3)
    dense1, dense2 = redes.Layer_Dense(2, 64), redes.Layer_Dense(64, 3)
    return X, y, [dense1.weights, dense1.biases, dense2.weights, dense2.biases]


def train_redes(X, y, params, epochs):
    dense1, dense2 = redes.Layer_Dense(2, 64), redes.Layer_Dense(64, 3)
    dense1.weights, dense1.biases, dense2.weights, dense2.biases = [p.copy() for p in params]
    relu = redes.Activation_ReLU()
    softmax_loss = redes.Activation_Softmax_Loss_CategoricalCrossentropy()
    optimizer = redes.Optimizer_Adam(learning_rate=0.05, decay=5e-7)
    for _ in range(epochs):
        dense1.forward(X)
        relu.forward(dense1.output)
        dense2.forward(relu.output)
        loss = softmax_loss.forward(dense2.output, y)
        acc = redes.accuracy(softmax_loss.output, y)
        softmax_loss.backward(softmax_loss.output, y)
        dense2.backward(softmax_loss.dinputs)
        relu.backward(dense2.dinputs)
        dense1.backward(relu.dinputs)
        optimizer.pre_update_params()
        optimizer.update_params(dense1)
        optimizer.update_params(dense2)
        optimizer.post_update_params()
    return float(loss), acc


@contextlib.contextmanager
def checks_off():
    """Só para medir: troca as verificações de entrada de `redes` por funções que
    não conferem nada, para separar o custo delas do custo das contas."""
    import redes._checks as checks

    nothing = {
        "batch": lambda inputs, n, who: inputs, "dense_output": lambda layer, inputs: None,
        "predictions": lambda y_pred, who: y_pred, "scores": lambda inputs, who: inputs,
        "softmax_output": lambda output, inputs, who: None, "finite_loss": lambda v, y_pred, who: v,
        "class_labels": lambda y_pred, y_true, who: y_true,
    }
    original = {name: getattr(checks, name) for name in nothing}
    for name, function in nothing.items():
        setattr(checks, name, function)
    try:
        yield
    finally:
        for name, function in original.items():
            setattr(checks, name, function)


def train_redes_unchecked(X, y, params, epochs):
    with checks_off():
        return train_redes(X, y, params, epochs)


def train_direct(X, y, params, epochs):
    """A mesma conta em NumPy direto: sem classes, sem verificações."""
    W1, b1, W2, b2 = [p.copy() for p in params]
    m = [np.zeros_like(p) for p in (W1, b1, W2, b2)]
    v = [np.zeros_like(p) for p in (W1, b1, W2, b2)]
    lr0, decay, beta1, beta2, eps = 0.05, 5e-7, 0.9, 0.999, 1e-7
    n = len(X)
    rows = np.arange(n)
    for t in range(epochs):
        z1 = np.dot(X, W1) + b1
        a1 = np.maximum(0, z1)
        z2 = np.dot(a1, W2) + b2
        e = np.exp(z2 - np.max(z2, axis=1, keepdims=True))
        probs = e / np.sum(e, axis=1, keepdims=True)
        loss = np.mean(-np.log(np.clip(probs[rows, y], 1e-7, 1 - 1e-7)))
        acc = np.mean(np.argmax(probs, axis=1) == y)
        dz2 = probs.copy()
        dz2[rows, y] -= 1
        dz2 /= n
        dW2 = np.dot(a1.T, dz2)
        db2 = np.sum(dz2, axis=0, keepdims=True)
        da1 = np.dot(dz2, W2.T)
        dz1 = da1 * (z1 > 0)
        dW1 = np.dot(X.T, dz1)
        db1 = np.sum(dz1, axis=0, keepdims=True)
        lr = lr0 / (1 + decay * t)
        for i, (p, g) in enumerate(zip((W1, b1, W2, b2), (dW1, db1, dW2, db2))):
            m[i] = beta1 * m[i] + (1 - beta1) * g
            v[i] = beta2 * v[i] + (1 - beta2) * g ** 2
            m_hat = m[i] / (1 - beta1 ** (t + 1))
            v_hat = v[i] / (1 - beta2 ** (t + 1))
            p += -lr * m_hat / (np.sqrt(v_hat) + eps)
    return float(loss), float(acc)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--tolerance", type=float, default=1.00,
                        help="maior razão redes/direto aceita (padrão 1,00: não pode ser mais lento)")
    args = parser.parse_args()
    X, y, params = initial_state(seed=0)
    versions = [("redes", train_redes), ("direto", train_direct),
                ("redes sem verificações", train_redes_unchecked)]
    times = {name: [] for name, _ in versions}
    results = {}
    for repeat in range(args.repeats):
        # Alterna a ordem, para que nenhuma versão leve vantagem sistemática.
        for name, train in (versions if repeat % 2 == 0 else versions[::-1]):
            start = time.process_time()
            results[name] = train(X, y, params, args.epochs)
            times[name].append(time.process_time() - start)
    print(f"espiral 2-64-3, {args.epochs} épocas, {args.repeats} repetições intercaladas")
    for name in times:
        med = statistics.median(times[name])
        loss, acc = results[name]
        print(f"  {name:23s} mediana {med:.3f} s · {1e6 * med / args.epochs:.1f} µs/época · "
              f"perda final {loss:.6f} · acurácia {acc:.3f}")

    def ratio(name):
        # Cada repetição roda as versões uma logo após a outra, sob a mesma carga;
        # a mediana das razões por repetição é menos sensível a outros processos.
        return statistics.median(r / d for r, d in zip(times[name], times["direto"]))

    print(f"  razão redes/direto (mediana das {args.repeats} razões pareadas): {ratio('redes'):.3f}")
    print(f"  razão redes sem verificações/direto: {ratio('redes sem verificações'):.3f} "
          "(a diferença entre as duas razões é o custo das verificações de entrada)")
    slowdown = ratio("redes")
    if not all(np.isclose(results[n][0], results["direto"][0], rtol=1e-6, atol=1e-9) for n in results):
        print("ERRO: as perdas finais diferem; as duas versões não fazem a mesma conta.")
        return 2
    if slowdown > args.tolerance:
        print(f"ERRO: redes ficou mais lento que o NumPy direto (razão {slowdown:.3f} > {args.tolerance}).")
        return 1
    print(f"ok: mesma perda final, e redes não ficou mais lento (razão {slowdown:.3f} ≤ {args.tolerance}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
