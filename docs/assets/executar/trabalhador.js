// Web Worker que baixa o runtime (com progresso e Cache Storage), inicia o Python
// e roda os blocos. A página continua respondendo enquanto um treino roda; para
// interromper, a página encerra este worker e cria outro.
//
// Mensagens recebidas: {tipo: "iniciar", manifesto} e {tipo: "rodar", id, codigo, nome}.
// Mensagens enviadas:  progresso, pronto, saida, fim, falha (veja abaixo).

import * as runtime from "./runtime.js";

const MARCA = "\x1e";
// O lado Python: roda cada bloco no mesmo dicionário de nomes (como tests/executar_pagina.py)
// e, depois dele, escreve no stderr MARCA + JSON com o resultado.
const BLOCO_PY = `"""Roda, no Python do navegador, os blocos de uma página (como tests/executar_pagina.py).

Os blocos rodam em ordem no mesmo dicionário de nomes, como um aluno que cola os
trechos, um após o outro, no mesmo arquivo. Depois de cada bloco, uma linha que
começa com o caractere separador de registros (U+001E) vai para o stderr com o
resultado em JSON: o trabalhador do navegador a lê e não a mostra.
"""

import json
import sys
import traceback

sys.stdout.reconfigure(line_buffering=True)  # a saída de um treino longo aparece enquanto ele roda
MARCA = "\\x1e"
nomes = {"__name__": "__main__"}


def recomecar():
    """Esquece tudo o que os blocos anteriores definiram."""
    nomes.clear()
    nomes["__name__"] = "__main__"


def rodar(codigo, nome):
    erro = rastro = None
    try:
        exec(compile(codigo, nome, "exec"), nomes)
    except BaseException as e:  # noqa: BLE001 - tudo vai para a página
        erro = f"{type(e).__name__}: {e}"
        rastro = "".join(traceback.format_exception(e))
    sys.stdout.flush()
    sys.stderr.flush()
    sys.__stderr__.write(MARCA + json.dumps({"erro": erro, "traceback": rastro}) + "\\n")
    sys.__stderr__.flush()
`;
const PREFIXO_CACHE = "redes-executar-";
let python = null;
let atual = null; // id do bloco que está rodando
let restoErr = "";

function enviarSaida(fluxo, texto) {
  if (!texto) return;
  postMessage({ tipo: "saida", id: atual, fluxo, texto });
}

// O stderr traz, depois de cada bloco, uma linha MARCA + JSON com o resultado.
function stderr(texto) {
  restoErr += texto;
  let i;
  while ((i = restoErr.indexOf(MARCA)) >= 0) {
    enviarSaida("stderr", restoErr.slice(0, i));
    const fim = restoErr.indexOf("\n", i);
    if (fim < 0) { restoErr = restoErr.slice(i); return; }
    const resultado = JSON.parse(restoErr.slice(i + 1, fim));
    restoErr = restoErr.slice(fim + 1);
    postMessage({ tipo: "resultado", id: atual, ...resultado });
  }
  // Guarda um possível começo de linha de resultado; o resto vai já.
  enviarSaida("stderr", restoErr);
  restoErr = "";
}

async function abrirCache(versao) {
  if (!("caches" in self)) return null; // página fora de contexto seguro: só o cache HTTP
  try {
    for (const nome of await caches.keys()) {
      if (nome.startsWith(PREFIXO_CACHE) && nome !== PREFIXO_CACHE + versao) await caches.delete(nome);
    }
    return await caches.open(PREFIXO_CACHE + versao);
  } catch {
    return null;
  }
}

// Baixa (ou tira do Cache Storage) cada arquivo, contando os bytes para a barra.
async function baixarTudo(manifesto, base) {
  const itens = [...manifesto.runtime, ...manifesto.pacotes];
  const total = itens.reduce((s, a) => s + a.bytes, 0);
  const cache = await abrirCache(manifesto.versao);
  let recebidos = 0;
  let baixados = 0;
  const avisar = () => postMessage({ tipo: "progresso", recebidos, total, baixados });
  const obter = async (item) => {
    const url = new URL(item.url, base).href;
    let resposta = cache && (await cache.match(url));
    let bytes;
    if (resposta) {
      bytes = new Uint8Array(await resposta.arrayBuffer());
      recebidos += bytes.length;
      avisar();
    } else {
      resposta = await fetch(url);
      if (!resposta.ok) throw new Error(`${item.url}: HTTP ${resposta.status}`);
      const partes = [];
      const leitor = resposta.body.getReader();
      for (;;) {
        const { done, value } = await leitor.read();
        if (done) break;
        partes.push(value);
        recebidos += value.length;
        baixados += value.length;
        avisar();
      }
      bytes = new Uint8Array(await new Blob(partes).arrayBuffer());
      if (cache) await cache.put(url, new Response(bytes)).catch(() => {});
    }
    if (item.gzip) {
      const fluxo = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      bytes = new Uint8Array(await new Response(fluxo).arrayBuffer());
    }
    return bytes;
  };
  const conteudos = await Promise.all(itens.map(obter));
  const arquivos = {};
  manifesto.runtime.forEach((a, i) => { arquivos[a.nome] = conteudos[i]; });
  const pacotes = manifesto.pacotes.map((p, i) => [p.caminho, conteudos[manifesto.runtime.length + i]]);
  pacotes.push(["_bloco_do_site.py", new TextEncoder().encode(BLOCO_PY)]);
  return { arquivos, pacotes, baixados, total };
}

async function iniciar(manifesto, base) {
  const t0 = performance.now();
  const { arquivos, pacotes, baixados, total } = await baixarTudo(manifesto, base);
  const tBaixar = performance.now() - t0;
  postMessage({ tipo: "preparando" });
  python = await runtime.criar(arquivos, pacotes, {
    stdout: (t) => enviarSaida("stdout", t),
    stderr,
  });
  const st = python.turno(
    `import sys; sys.path.insert(0, ${JSON.stringify(runtime.PASTA_PACOTES)}); import _bloco_do_site`,
  );
  if (st !== 0) throw new Error("o Python do navegador não conseguiu iniciar");
  postMessage({
    tipo: "pronto", runtime: runtime.descricao, baixados, total,
    msBaixar: tBaixar, msIniciar: performance.now() - t0 - tBaixar,
  });
}

onmessage = async (ev) => {
  const m = ev.data;
  try {
    if (m.tipo === "iniciar") {
      await iniciar(m.manifesto, m.base);
    } else if (m.tipo === "rodar") {
      atual = m.id;
      const t0 = performance.now();
      python.turno(`_bloco_do_site.rodar(${JSON.stringify(m.codigo)}, ${JSON.stringify(m.nome)})`);
      postMessage({ tipo: "fim", id: m.id, ms: performance.now() - t0 });
    } else if (m.tipo === "recomecar") {
      python.turno("_bloco_do_site.recomecar()");
      postMessage({ tipo: "recomecado" });
    }
  } catch (e) {
    postMessage({ tipo: "falha", id: atual, mensagem: String((e && e.message) || e) });
  }
};
