// Renderiza as fórmulas (geradas pelo pymdownx.arithmatex, modo "generic") com o
// KaTeX servido pelo próprio site. `document$` é o observável do Material que
// dispara a cada página carregada, inclusive na navegação instantânea.
function renderizarFormulas() {
  renderMathInElement(document.body, {
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    throwOnError: true,
    errorCallback: function (mensagem, erro) {
      console.error("Erro de TeX: " + mensagem, erro);
    },
  });
}

if (typeof document$ !== "undefined") {
  document$.subscribe(renderizarFormulas);
} else {
  document.addEventListener("DOMContentLoaded", renderizarFormulas);
}
