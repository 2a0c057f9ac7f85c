"""Roda, num processo novo, os blocos de uma página (JSON na entrada padrão).

Devolve na saída padrão, em JSON, o que cada bloco imprimiu e, se falhou, a
última linha da exceção (``Tipo: mensagem``) e o traceback completo.
"""

import contextlib
import io
import json
import sys
import traceback
import warnings


def main() -> None:
    blocos = json.load(sys.stdin)
    real = sys.stdout
    ns = {"__name__": "__main__"}
    resultados = []
    for bloco in blocos:
        saida, erros = io.StringIO(), io.StringIO()
        r = {"nome": bloco["nome"], "erro": None, "traceback": None}
        with warnings.catch_warnings(record=True) as avisos:
            warnings.simplefilter("always")
            try:
                with contextlib.redirect_stdout(saida), contextlib.redirect_stderr(erros):
                    exec(compile(bloco["codigo"], bloco["nome"], "exec"), ns)
            except BaseException as e:  # noqa: BLE001 - tudo vai para o relatório
                r["erro"] = f"{type(e).__name__}: {e}"
                r["traceback"] = traceback.format_exc()
        r["saida"] = saida.getvalue()
        r["stderr"] = erros.getvalue()
        r["avisos"] = [
            f"{a.category.__name__}: {a.message}"
            for a in avisos
            if not issubclass(a.category, (DeprecationWarning, PendingDeprecationWarning))
        ]
        resultados.append(r)
        if r["erro"] and not bloco.get("erro_esperado"):
            break  # os blocos seguintes dependem deste
    real.write(json.dumps(resultados))


if __name__ == "__main__":
    main()
