// Lê da entrada padrão uma lista JSON de {pagina, tex, display} e tenta
// renderizar cada fórmula com o KaTeX do node_modules, com throwOnError: true.
// Imprime uma lista JSON com os erros (vazia se tudo renderizou).
const katex = require("katex");
let dados = "";
process.stdin.on("data", (c) => (dados += c));
process.stdin.on("end", () => {
  const erros = [];
  for (const f of JSON.parse(dados)) {
    try {
      katex.renderToString(f.tex, { displayMode: f.display, throwOnError: true, strict: "error" });
    } catch (e) {
      erros.push({ pagina: f.pagina, tex: f.tex, erro: String(e.message) });
    }
  }
  process.stdout.write(JSON.stringify(erros));
});
