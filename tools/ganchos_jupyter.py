"""Gancho do MkDocs: o kernel que executa o notebook não assusta quem lê o log.

O ipykernel avisa ``[IPKernelApp] WARNING | Kernel is running over TCP without
encryption`` toda vez que sobe. O kernel roda nesta máquina, só para o build, e o
aviso não diz nada a quem está construindo o site. Um perfil do IPython só do
build (em ``.cache/ipython``) baixa o nível de log do kernel para ERROR; o
ambiente do usuário não é tocado.
"""

from __future__ import annotations

import os
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
PERFIL = RAIZ / ".cache" / "ipython"


def on_config(config):
    if "IPYTHONDIR" not in os.environ:
        arquivo = PERFIL / "profile_default" / "ipython_kernel_config.py"
        arquivo.parent.mkdir(parents=True, exist_ok=True)
        arquivo.write_text('c.IPKernelApp.log_level = "ERROR"\n', encoding="utf-8")
        os.environ["IPYTHONDIR"] = str(PERFIL)
    return config
