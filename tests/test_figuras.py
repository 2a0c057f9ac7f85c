"""As figuras geradas: texto de verdade (<text>) com vírgula decimal, como a prosa."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.figuras import com_virgula  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
MILHAR = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+(?![\d.])")
PONTO_DECIMAL = re.compile(r"\d\.\d")


@pytest.mark.parametrize("antes, depois", [
    ("0.5", "0,5"), ("erro teste: 0.094", "erro teste: 0,094"), ("−1.25", "−1,25"),
    ("10.000 amostras", "10.000 amostras"), ("b = 20.000", "b = 20.000"),
    ("$w = 0.5$ e 0.2", "$w = 0{,}5$ e 0,2"), ("1.ª coluna", "1.ª coluna"), ("rate = 0.1", "rate = 0,1"),
])
def test_com_virgula(antes, depois):
    assert com_virgula(antes) == depois


def _textos(arquivo):
    raiz = ET.parse(arquivo).getroot()
    return ["".join(t.itertext()) for t in raiz.iter(SVG + "text")]


def test_figuras_tem_texto_com_virgula_decimal(site):
    destino, _ = site
    svgs = sorted((destino / "figuras").glob("*.svg"))
    assert len(svgs) >= 49
    com_ponto = []
    for arquivo in svgs:
        textos = _textos(arquivo)
        assert textos, f"{arquivo.name}: sem <text> (texto como curvas não pode ser conferido)"
        for texto in textos:
            if PONTO_DECIMAL.search(MILHAR.sub("", texto)):
                com_ponto.append(f"{arquivo.name}: {texto!r}")
    assert not com_ponto, "números com ponto decimal em figuras:\n" + "\n".join(com_ponto)
