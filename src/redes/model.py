"""Model: junta camadas, perda e otimizador, e cuida do laço de treino."""

import numpy as np

from . import _checks, _model_io
from .activations import Activation_Softmax
from .losses import (Activation_Softmax_Loss_CategoricalCrossentropy,
                     Loss_CategoricalCrossentropy, Loss_MeanAbsoluteError, Loss_MeanSquaredError)
from .metrics import accuracy, accuracy_regression


# --8<-- [start:Model]
class Model:
    """Uma rede sequencial: a saída de cada camada é a entrada da seguinte."""

    def __init__(self):
        self.layers = []
        self.loss = self.optimizer = self.accuracy = None

    def add(self, layer):
        self.layers.append(layer)

    def set(self, *, loss, optimizer=None, accuracy=None):
        """Escolhe a perda, o otimizador e a métrica (padrão: conforme a perda)."""
        _model_io.check_settings(loss, optimizer, accuracy)
        self.loss, self.optimizer, self.accuracy = loss, optimizer, accuracy

    # --8<-- [start:Model-finalize]
    def finalize(self):
        """Confere se as camadas encadeiam e prepara atalhos para o treino."""
        _model_io.check_chain(self.layers)
        if self.loss is None:
            raise ValueError("Model: defina a perda com model.set(loss=...) antes de finalize().")
        self.trainable_layers = [layer for layer in self.layers if hasattr(layer, "weights")]
        if self.accuracy is None:
            regression = isinstance(self.loss, (Loss_MeanSquaredError, Loss_MeanAbsoluteError))
            self.accuracy = accuracy_regression if regression else accuracy
        # Softmax + entropia cruzada: usamos o gradiente combinado, (softmax - one_hot) / n.
        self.softmax_cce = None
        if isinstance(self.layers[-1], Activation_Softmax) and isinstance(self.loss, Loss_CategoricalCrossentropy):
            self.softmax_cce = Activation_Softmax_Loss_CategoricalCrossentropy()
    # --8<-- [end:Model-finalize]

    # --8<-- [start:Model-forward]
    def forward(self, X, training):
        _model_io.check_chain(self.layers)
        for layer in self.layers:
            layer.forward(X, training=training)
            X = layer.output
        return X

    def backward(self, output, y):
        if not hasattr(self, "softmax_cce"):
            raise ValueError("Model: chame finalize() antes de backward().")
        layers = self.layers
        if self.softmax_cce is not None:
            self.softmax_cce.backward(output, y)
            dvalues, layers = self.softmax_cce.dinputs, layers[:-1]
        else:
            self.loss.backward(output, y)
            dvalues = self.loss.dinputs
        for layer in reversed(layers):
            layer.backward(dvalues)
            dvalues = layer.dinputs
    # --8<-- [end:Model-forward]

    # --8<-- [start:Model-train]
    def train(self, X, y, *, epochs=1, batch_size=None, print_every=1, validation_data=None, shuffle=False):
        """Treina por `epochs` épocas e devolve o histórico (listas por época).

        Com `batch_size`, cada época percorre o conjunto em lotes; com
        `shuffle=True` a ordem é sorteada a cada época com np.random (semeie antes).
        """
        self.finalize()
        if self.optimizer is None:
            raise ValueError("Model: defina o otimizador com model.set(optimizer=...) antes de train().")
        X, y = _model_io.check_xy(X, y, "train")
        epochs = _checks.positive_int(epochs, "epochs", "Model.train")
        print_every = _checks.positive_int(print_every, "print_every", "Model.train") if print_every else 0
        if validation_data is not None:
            validation_data = _model_io.check_validation(validation_data)
        measure = self.metric(y)
        history = {"loss": [], "data_loss": [], "regularization_loss": [], "accuracy": [], "learning_rate": []}
        for epoch in range(1, epochs + 1):
            order = np.random.permutation(len(X)) if shuffle else None
            loss_sum = acc_sum = 0.0  # somas ponderadas pelo tamanho de cada lote
            for X_batch, y_batch in _model_io.batches(X, y, batch_size, order):
                output = self.forward(X_batch, training=True)
                data_loss = self.loss.calculate(output, y_batch)
                acc = measure(self.layers[-1].predictions(output), y_batch)
                loss_sum += data_loss * len(X_batch)
                acc_sum += acc * len(X_batch)
                self.backward(output, y_batch)
                self.optimizer.pre_update_params()
                for layer in self.trainable_layers:
                    self.optimizer.update_params(layer)
                self.optimizer.post_update_params()
            reg_loss = float(sum(self.loss.regularization_loss(layer) for layer in self.trainable_layers))
            data_loss, acc = loss_sum / len(X), acc_sum / len(X)
            for key, value in zip(history, (data_loss + reg_loss, data_loss, reg_loss, acc,
                                            self.optimizer.current_learning_rate)):
                history[key].append(float(value))
            if validation_data is not None:
                val_loss, val_acc = self.evaluate(*validation_data, batch_size=batch_size)
                history.setdefault("val_loss", []).append(val_loss)
                history.setdefault("val_accuracy", []).append(val_acc)
            if print_every and (epoch % print_every == 0 or epoch == epochs):
                print(_model_io.report(epoch, epochs, history))
        return history

    def metric(self, y):
        """A acurácia usada no treino. A de regressão mede a precisão com TODOS os
        alvos: lote a lote, com batch_size=1, o desvio-padrão seria sempre 0."""
        if self.accuracy is not accuracy_regression:
            return self.accuracy
        precision = _model_io.regression_precision(y)
        return lambda y_pred, y_true: accuracy_regression(y_pred, y_true, precision)
    # --8<-- [end:Model-train]

    # --8<-- [start:Model-evaluate]
    def evaluate(self, X, y, *, batch_size=None):
        """Devolve (perda dos dados, acurácia) sem treinar (dropout desligado)."""
        self.finalize()
        X, y = _model_io.check_xy(X, y, "evaluate")
        output = self.predict(X, batch_size=batch_size)
        return float(self.loss.calculate(output, y)), float(self.accuracy(self.layers[-1].predictions(output), y))

    def predict(self, X, *, batch_size=None):
        """Saídas da rede (por exemplo, probabilidades) para as amostras de X."""
        X = _model_io.check_x(X, "predict")
        outputs = [self.forward(X_batch, training=False) for X_batch, _ in _model_io.batches(X, None, batch_size)]
        return np.concatenate(outputs) if len(outputs) > 1 else outputs[0]
    # --8<-- [end:Model-evaluate]

    # --8<-- [start:Model-save]
    def save_parameters(self, path):
        """Salva só os parâmetros (pesos e vieses) num .npz, sem pickle."""
        _model_io.save(path, self, with_loss=False)

    def load_parameters(self, path):
        """Carrega parâmetros salvos; a arquitetura do arquivo precisa ser igual à desta rede."""
        _model_io.load_parameters_into(self, path)

    def save(self, path):
        """Salva arquitetura (JSON), perda e parâmetros num único .npz, sem pickle."""
        _model_io.save(path, self, with_loss=True)

    @classmethod
    def load(cls, path):
        """Reconstrói um Model salvo com `save` (camadas, perda e parâmetros)."""
        return _model_io.load_model(cls, path)
    # --8<-- [end:Model-save]
# --8<-- [end:Model]
