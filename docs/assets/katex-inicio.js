// Renderiza as fórmulas com o KaTeX servido pelo próprio site.
// - Páginas Markdown: o pymdownx.arithmatex (modo "generic") deixa as fórmulas
//   entre \( \) e \[ \]; só esses delimitadores são procurados, então um "R$"
//   no texto nunca vira fórmula.
// - Notebooks (mkdocs-jupyter, dentro de .jupyter-wrapper): as células de texto
//   usam $ e $$, como no Jupyter.
// `document$` é o observável do Material que dispara a cada página carregada,
// inclusive na navegação instantânea.
var DELIMITADORES = [
  { left: "\\(", right: "\\)", display: false },
  { left: "\\[", right: "\\]", display: true },
];
var DELIMITADORES_NOTEBOOK = [
  { left: "$$", right: "$$", display: true },
  { left: "$", right: "$", display: false },
].concat(DELIMITADORES);

function renderizar(elemento, delimitadores) {
  renderMathInElement(elemento, {
    delimiters: delimitadores,
    throwOnError: true,
    errorCallback: function (mensagem, erro) {
      console.error("Erro de TeX: " + mensagem, erro);
    },
  });
}

function renderizarFormulas() {
  document.querySelectorAll(".jupyter-wrapper").forEach(function (nb) {
    renderizar(nb, DELIMITADORES_NOTEBOOK);
  });
  renderizar(document.body, DELIMITADORES);
}

if (typeof document$ !== "undefined") {
  document$.subscribe(renderizarFormulas);
} else {
  document.addEventListener("DOMContentLoaded", renderizarFormulas);
}
