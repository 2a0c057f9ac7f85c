"""Benchmark: treino na espiral com `redes` contra NumPy direto (sem classes).

Rede 2-64-3 (ReLU, softmax + entropia cruzada combinados), Adam com taxa 0.05 e
decaimento 5e-7, lote completo, 10 000 épocas. As versões fazem a mesma conta a
partir dos mesmos pesos iniciais e terminam com a mesma perda (o script confere).
Os treinos avançam juntos, um trecho de épocas de cada vez e alternando a ordem,
para que todos sintam a mesma carga da máquina; a razão é a mediana das razões
trecho a trecho, e o tempo total de cada versão é a soma dos seus trechos.

Uso:  PYTHONPATH=src python benchmarks/bench_espiral.py [--epochs 10000] [--repeats 3] [--chunk 500]
Sai com código 1 se `redes` for mais lento que o NumPy direto (razão > 1,00), e com
código 2 se as versões não terminarem com a mesma perda.
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


def train_redes(X, y, params, chunks):
    """Gerador: treina um trecho de épocas por vez e devolve (perda, acurácia) ao fim de cada um."""
    dense1, dense2 = redes.Layer_Dense(2, 64), redes.Layer_Dense(64, 3)
    dense1.weights, dense1.biases, dense2.weights, dense2.biases = [p.copy() for p in params]
    relu = redes.Activation_ReLU()
    softmax_loss = redes.Activation_Softmax_Loss_CategoricalCrossentropy()
    optimizer = redes.Optimizer_Adam(learning_rate=0.05, decay=5e-7)
    for epochs in chunks:
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
        yield float(loss), acc


@contextlib.contextmanager
def checks_off():
    """Só para medir: troca as verificações de entrada de `redes` por funções que
    não conferem nada, para separar o custo delas do custo das contas."""
    import redes._checks as checks

    nothing = {
        "batch": lambda inputs, n, who: inputs, "dense_output": lambda layer, inputs: None,
        "predictions": lambda y_pred, who: y_pred, "scores": lambda inputs, who: inputs,
        "softmax_output": lambda layer, who: None, "mean_loss": lambda losses, who: losses.mean(),
        "class_labels": lambda y_pred, y_true, who: y_true, "numeric": lambda inputs, who, what="": inputs,
        "layer_output": lambda layer, who: None, "gradient": lambda layer, dvalues, who, check_values=True: dvalues,
        "outputs": lambda values, who: values, "trainable": lambda layer, who: None,
        "dense_gradient": lambda layer, dvalues: None, "parameters": lambda layer, who: None,
        "backward_output": lambda layer, who: None,
    }
    original = {name: getattr(checks, name) for name in nothing}
    for name, function in nothing.items():
        setattr(checks, name, function)
    try:
        yield
    finally:
        for name, function in original.items():
            setattr(checks, name, function)


def train_redes_unchecked(X, y, params, chunks):
    """O mesmo treino, com as verificações desligadas só enquanto roda o seu trecho."""
    training = train_redes(X, y, params, chunks)
    while True:
        with checks_off():
            result = next(training, None)
        if result is None:
            return
        yield result


def train_direct(X, y, params, chunks):
    """A mesma conta em NumPy direto: sem classes, sem verificações (também por trechos)."""
    W1, b1, W2, b2 = [p.copy() for p in params]
    m = [np.zeros_like(p) for p in (W1, b1, W2, b2)]
    v = [np.zeros_like(p) for p in (W1, b1, W2, b2)]
    lr0, decay, beta1, beta2, eps = 0.05, 5e-7, 0.9, 0.999, 1e-7
    n = len(X)
    rows = np.arange(n)
    t = 0  # épocas já treinadas (o passo do Adam é t + 1)
    for epochs in chunks:
        for _ in range(epochs):
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
            t += 1
        yield float(loss), float(acc)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=3, help="treinos completos de cada versão")
    parser.add_argument("--chunk", type=int, default=500, help="épocas por trecho cronometrado")
    parser.add_argument("--tolerance", type=float, default=1.00,
                        help="maior razão redes/direto aceita (padrão 1,00: não pode ser mais lento)")
    args = parser.parse_args()
    X, y, params = initial_state(seed=0)
    versions = [("redes", train_redes), ("direto", train_direct),
                ("redes sem verificações", train_redes_unchecked)]
    chunks = [args.chunk] * (args.epochs // args.chunk) + [args.epochs % args.chunk] * (args.epochs % args.chunk > 0)
    totals = {name: [] for name, _ in versions}    # tempo de cada treino completo
    pieces = {name: [] for name, _ in versions}    # tempo de cada trecho
    results = {}
    for repeat in range(args.repeats):
        trainings = {name: train(X, y, params, chunks) for name, train in versions}
        for i in range(len(chunks)):
            # Os três treinos avançam juntos, um trecho de cada vez, alternando a
            # ordem: cada trio de trechos roda sob a mesma carga da máquina.
            for name, _ in (versions if (repeat + i) % 2 == 0 else versions[::-1]):
                start = time.process_time()
                results[name] = next(trainings[name])
                pieces[name].append(time.process_time() - start)
        for name in totals:
            totals[name].append(sum(pieces[name][-len(chunks):]))
    print(f"espiral 2-64-3, {args.epochs} épocas, {args.repeats} treinos de cada versão, "
          f"cronometrados em trechos de {args.chunk} épocas intercalados")
    for name in totals:
        med = statistics.median(totals[name])
        loss, acc = results[name]
        print(f"  {name:23s} total (mediana) {med:.3f} s · {1e6 * med / args.epochs:.1f} µs/época · "
              f"perda final {loss:.6f} · acurácia {acc:.3f}")

    def ratio(name):
        # Razão trecho a trecho (cada par rodou sob a mesma carga) e a mediana delas,
        # pouco sensível a outros processos que roubem a CPU por um momento.
        return statistics.median(r / d for r, d in zip(pieces[name], pieces["direto"]))

    n_pairs = len(pieces["direto"])
    print(f"  razão redes/direto (mediana de {n_pairs} trechos pareados): {ratio('redes'):.3f}")
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
