"""O servidor do benchmark do Lighthouse comprime como o GitHub Pages (sem rodar o Lighthouse)."""

from __future__ import annotations

import gzip
import importlib.util
import urllib.request

from blocos import RAIZ


def _modulo():
    spec = importlib.util.spec_from_file_location("lighthouse_bench", RAIZ / "benchmarks/lighthouse.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_servidor_do_benchmark_serve_com_gzip(tmp_path):
    mod = _modulo()
    (tmp_path / "pagina").mkdir()
    html = ("<!doctype html><title>t</title>" + "conteúdo repetido " * 500).encode()
    (tmp_path / "pagina/index.html").write_bytes(html)
    (tmp_path / "figura.png").write_bytes(b"\x89PNG" + bytes(300))
    httpd, base = mod.servir(tmp_path)
    try:
        pedido = urllib.request.Request(base + "pagina/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(pedido) as r:
            assert r.headers["Content-Encoding"] == "gzip"
            corpo = r.read()
        assert len(corpo) < len(html) / 5 and gzip.decompress(corpo) == html
        # Sem "Accept-Encoding: gzip", ou para um PNG (já comprimido), vai como está.
        with urllib.request.urlopen(base + "pagina/") as r:
            assert r.headers["Content-Encoding"] is None and r.read() == html
        pedido = urllib.request.Request(base + "figura.png", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(pedido) as r:
            assert r.headers["Content-Encoding"] is None
    finally:
        httpd.shutdown()
    assert mod.paginas(tmp_path) == ["pagina/"]
    assert mod.estouros({"performance": 96, "accessibility": 100, "best-practices": 100, "seo": 100,
                         "tbt_ms": 60, "kb_sem_figuras": 100, "kb_com_figuras": 900}) == [
        "tbt_ms 60 > 50", "kb_com_figuras 900 > 800"]


def test_sob_demanda_conta_o_que_o_servidor_manda(tmp_path):
    mod = _modulo()
    (tmp_path / "search").mkdir()
    indice = ('{"docs": [' + ",".join('{"location": "p/", "text": "neurônio %d"}' % i for i in range(3000)) + "]}").encode()
    (tmp_path / "search/search_index.json").write_bytes(indice)
    linhas = dict(mod.kb_sob_demanda(tmp_path))
    # Só o índice existe aqui; os KB são os do gzip (o que o servidor manda), não os do arquivo.
    assert list(linhas) == ["índice da busca (ao abrir a busca)"]
    assert linhas["índice da busca (ao abrir a busca)"] == round(len(gzip.compress(indice, compresslevel=6)) / 1000)
    assert linhas["índice da busca (ao abrir a busca)"] < len(indice) / 1000 / 3


def test_rodadas_combinadas_pela_mediana():
    mod = _modulo()
    base = {"accessibility": 100, "best-practices": 100, "seo": 100, "kb_sem_figuras": 150,
            "kb_com_figuras": 160, "reprovadas": []}
    rodadas = [dict(base, performance=p, tbt_ms=t) for p, t in ((99, 20), (90, 300), (97, 45))]
    rodadas[1].update(accessibility=96, reprovadas=["color-contrast"])
    m = mod.combinar(rodadas)
    # Performance e TBT: a mediana (uma rodada ruim não decide); o resto: a pior rodada.
    assert (m["performance"], m["tbt_ms"], m["tbt_todas"]) == (97, 45, [20, 45, 300])
    assert m["accessibility"] == 96 and m["reprovadas"] == ["color-contrast"]
    assert mod.estouros(m) == ["accessibility 96 < 100"]
