"""Gancho do MkDocs: o pacote ``redes`` publicado junto com o site.

O build gera, a partir de ``src/``, o wheel e o sdist de ``redes`` e os publica
em ``pacote/``, num endereço estável (o nome do arquivo só muda com a versão).
Assim o leitor instala o pacote com uma linha só, servida pelo próprio site::

    pip install "https://<site>/pacote/redes-<versão>-py3-none-any.whl"

Um link direto para o wheel (e não ``--index-url``/``--extra-index-url``)
mantém o numpy e o nnfs vindo do PyPI sem abrir espaço para confusão de
dependência: o pip só baixa do site este arquivo exato.

A página "Como rodar o código" mostra essa linha; o build falha se ela não for
exatamente a linha do wheel que acabou de ser gerado. O resultado fica em cache
(``.cache/pacote``), indexado pelo código do pacote, e o ``mkdocs serve`` só
refaz o wheel quando algo em ``src/redes``, no ``pyproject.toml`` ou no README muda.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

RAIZ = Path(__file__).resolve().parent.parent
CACHE = RAIZ / ".cache" / "pacote"
PAGINA_COMO_RODAR = "como-rodar.md"
# Data fixa nos arquivos dos pacotes: o mesmo código gera o mesmo wheel, byte a byte.
DATA_FIXA = "315532800"  # 1980-01-01, a menor data que o formato zip aceita


def _fontes() -> list[Path]:
    return [RAIZ / "pyproject.toml", RAIZ / "README.md", *sorted((RAIZ / "src" / "redes").glob("*.py"))]


def _impressao() -> str:
    h = hashlib.sha256()
    for arq in _fontes():
        h.update(str(arq.relative_to(RAIZ)).encode() + b"\0" + arq.read_bytes())
    return h.hexdigest()[:16]


def construir_pacote() -> tuple[Path, Path]:
    """(wheel, sdist) de ``redes``, gerados a partir de ``src/`` (ou do cache)."""
    pasta = CACHE / _impressao()
    wheels, sdists = sorted(pasta.glob("redes-*.whl")), sorted(pasta.glob("redes-*.tar.gz"))
    if len(wheels) == 1 and len(sdists) == 1:
        return wheels[0], sdists[0]
    with tempfile.TemporaryDirectory(prefix="redes-pacote-") as tmp:
        # Uma cópia só com o que entra no pacote: nada de testes, docs ou
        # egg-info da instalação editável vazando para o wheel ou o sdist.
        copia = Path(tmp) / "fonte"
        (copia / "src").mkdir(parents=True)
        shutil.copy2(RAIZ / "pyproject.toml", copia)
        shutil.copy2(RAIZ / "README.md", copia)
        shutil.copytree(RAIZ / "src" / "redes", copia / "src" / "redes",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        saida = Path(tmp) / "dist"
        env = dict(os.environ, SOURCE_DATE_EPOCH=DATA_FIXA, PYTHONDONTWRITEBYTECODE="1")
        proc = subprocess.run(
            [sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel",
             "--outdir", str(saida), str(copia)],
            capture_output=True, text=True, env=env, timeout=300,
        )
        if proc.returncode != 0:
            raise PluginError(
                "Não consegui gerar o wheel de redes (python -m build). Rode `make instalar` "
                f"para ter `build` e `setuptools` no .venv.\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
            )
        if pasta.exists():
            shutil.rmtree(pasta)
        for velho in CACHE.glob("*") if CACHE.exists() else []:
            shutil.rmtree(velho, ignore_errors=True)
        pasta.mkdir(parents=True)
        for arq in saida.iterdir():
            shutil.copy2(arq, pasta / arq.name)
    wheels, sdists = sorted(pasta.glob("redes-*.whl")), sorted(pasta.glob("redes-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        raise PluginError(f"python -m build devia gerar um wheel e um sdist; gerou {list(pasta.iterdir())}.")
    return wheels[0], sdists[0]


def endereco_do_wheel(site_url: str, wheel: Path) -> str:
    return site_url.rstrip("/") + "/pacote/" + wheel.name


def linha_de_instalacao(site_url: str, wheel: Path) -> str:
    """A única linha que o site ensina para instalar ``redes``."""
    return f'pip install "{endereco_do_wheel(site_url, wheel)}"'


def site_url_publico(config) -> str:
    """O ``site_url`` do ``mkdocs.yml``: o ``mkdocs serve`` troca o da config pelo endereço local."""
    import re

    arquivo = config.get("config_file_path")
    if arquivo and Path(arquivo).exists():
        m = re.search(r"^site_url:\s*(\S+)", Path(arquivo).read_text(encoding="utf-8"), re.M)
        if m:
            return m[1]
    return config["site_url"]


def on_files(files, config):
    for arq in construir_pacote():
        files.append(File.generated(config, f"pacote/{arq.name}", abs_src_path=str(arq)))
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != PAGINA_COMO_RODAR:
        return markdown
    linha = linha_de_instalacao(site_url_publico(config), construir_pacote()[0])
    if linha not in (l.strip() for l in markdown.split("\n")):
        raise PluginError(
            f"{PAGINA_COMO_RODAR} precisa mostrar, numa linha só, a linha de instalação do "
            f"wheel gerado neste build:\n    {linha}\n(mudou a versão em pyproject.toml ou o site_url?)"
        )
    return markdown
