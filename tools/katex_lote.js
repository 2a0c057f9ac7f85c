// Renderiza fórmulas com o KaTeX do node_modules, em lote, para o gancho
// tools/ganchos_katex.py. Um só processo atende o build inteiro: cada linha da
// entrada padrão é um pedido JSON [{tex, display}, ...]; para cada pedido sai
// uma linha JSON {html: [...]} (na mesma ordem) ou {erros: [{indice, tex, erro}]}.
// throwOnError e strict "error": um TeX inválido nunca vira HTML vermelho na página.
const katex = require("katex");
const readline = require("readline");

const entrada = readline.createInterface({ input: process.stdin, terminal: false });
entrada.on("line", (linha) => {
  if (!linha.trim()) return;
  const html = [];
  const erros = [];
  JSON.parse(linha).forEach((f, indice) => {
    try {
      html.push(
        katex.renderToString(f.tex, {
          displayMode: Boolean(f.display),
          throwOnError: true,
          strict: "error",
          output: "htmlAndMathml",
        })
      );
    } catch (e) {
      erros.push({ indice, tex: f.tex, erro: String(e.message) });
    }
  });
  process.stdout.write(JSON.stringify(erros.length ? { erros } : { html }) + "\n");
});
