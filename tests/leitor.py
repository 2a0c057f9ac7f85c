"""O ambiente de um leitor novo: o site servido em 127.0.0.1 e um venv limpo.

Usado por ``test_instalacao.py`` e ``test_notebooks_paginas.py``. O venv é
criado uma vez por sessão de testes (``ambiente``), e o ``redes`` é instalado
nele com EXATAMENTE a linha que a página "Como rodar o código" mostra, só com o
endereço do site trocado pelo do servidor local. O numpy e o nnfs vêm do PyPI
(ou do cache do pip), nas versões de ``requirements.lock`` (``PIP_CONSTRAINT``):
as mesmas com que as saídas das páginas foram medidas.
"""

from __future__ import annotations

import functools
import html
import http.server
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
SITE_URL = re.search(r"^site_url:\s*(\S+)", (RAIZ / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
SITE_URL = SITE_URL.rstrip("/") + "/"


def linhas_de_instalacao(site: Path) -> list[str]:
    """As linhas ``pip install …`` dos blocos de código de "Como rodar o código" (HTML construído)."""
    pagina = (site / "como-rodar" / "index.html").read_text(encoding="utf-8")
    linhas = []
    for bloco in re.findall(r"<pre\b.*?</pre>", pagina, re.S):
        texto = html.unescape(re.sub(r"<[^>]+>", "", bloco))
        linhas += [l.strip() for l in texto.split("\n") if l.strip().startswith('pip install "http')]
    return linhas


class _Silencioso(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: D401 - sem log no stderr dos testes
        pass


@dataclass
class Ambiente:
    site: Path
    url: str  # http://127.0.0.1:PORTA/ (a raiz do site construído)
    venv: Path
    linha_da_pagina: str
    linha_local: str
    instalacao: subprocess.CompletedProcess

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
        env.update(
            PATH=f"{self.venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
            VIRTUAL_ENV=str(self.venv),
            PIP_CONSTRAINT=str(RAIZ / "requirements.lock"),
            PIP_DISABLE_PIP_VERSION_CHECK="1",
            MPLBACKEND="Agg",
            PYTHONHASHSEED="0",
        )
        return env


def servir(pasta: Path) -> str:
    """Serve ``pasta`` em 127.0.0.1, numa porta efêmera, até o fim do processo."""
    handler = functools.partial(_Silencioso, directory=str(pasta))
    servidor = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=servidor.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{servidor.server_address[1]}/"


_AMBIENTES: dict[Path, Ambiente] = {}


def ambiente(site: Path, tmp: Path) -> Ambiente:
    """Site servido + venv novo com o ``redes`` instalado pela linha da página (uma vez)."""
    if site in _AMBIENTES:
        return _AMBIENTES[site]
    linhas = set(linhas_de_instalacao(site))
    assert len(linhas) == 1, f"'Como rodar o código' devia mostrar uma só linha de instalação: {linhas}"
    (linha,) = linhas
    url = servir(site)
    venv = tmp / "venv-do-leitor"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    amb = Ambiente(site, url, venv, linha, linha.replace(SITE_URL, url), None)  # type: ignore[arg-type]
    assert amb.linha_local != linha, f"a linha não usa o endereço do site ({SITE_URL}): {linha}"
    # A linha exata, num shell, com o venv ativado (PATH e VIRTUAL_ENV), como o leitor faz.
    amb.instalacao = subprocess.run(
        ["bash", "-c", amb.linha_local], capture_output=True, text=True, env=amb.env(),
        cwd=tmp, timeout=600,
    )
    _AMBIENTES[site] = amb
    return amb
