// Destaque na página depois de clicar num resultado da busca, sem depender de acentos.
// O Material põe os termos achados em "?h=" (recurso search.highlight), mas os
// termos do índice são radicais sem acento ("neuroni"), e o destaque do próprio
// tema só acha o texto escrito igual. Aqui, o texto e os termos são comparados
// sem acentos e sem maiúsculas, e a palavra inteira que começa com o termo é
// marcada (<mark data-md-highlight>, o mesmo estilo do tema).
(function () {
  var DIACRITICOS = /[\u0300-\u036f]/g;
  var FORA = "pre, code, script, style, mark, .katex, .arithmatex, .headerlink";

  // Mesmo comprimento do original: a posição de cada letra não muda.
  function dobrar(texto) {
    var saida = "";
    for (var i = 0; i < texto.length; i++) {
      var c = texto[i];
      var d = c.normalize("NFD").replace(DIACRITICOS, "").toLowerCase();
      saida += d.length === 1 ? d : c;
    }
    return saida;
  }

  function escapar(termo) {
    return termo.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function destacar() {
    var h = new URL(window.location.href).searchParams.get("h");
    var raiz = document.querySelector(".md-content article");
    if (!h || !raiz) return;
    var termos = dobrar(h).split(/[\s*+\-:~^]+/).filter(function (t) {
      return t.length > 1;
    });
    if (!termos.length) return;
    var padrao = new RegExp(
      "(^|[^\\p{L}\\p{N}])((?:" + termos.map(escapar).join("|") + ")[\\p{L}\\p{N}]*)", "gu"
    );
    var nos = [];
    var it = document.createNodeIterator(raiz, NodeFilter.SHOW_TEXT);
    for (var no = it.nextNode(); no; no = it.nextNode()) {
      if (no.parentElement && !no.parentElement.closest(FORA)) nos.push(no);
    }
    nos.forEach(function (no) {
      var texto = no.textContent;
      var dobrado = dobrar(texto);
      var pedacos = [];
      var cursor = 0;
      var m;
      padrao.lastIndex = 0;
      while ((m = padrao.exec(dobrado)) !== null) {
        var inicio = m.index + m[1].length;
        var fim = inicio + m[2].length;
        pedacos.push(document.createTextNode(texto.slice(cursor, inicio)));
        var marca = document.createElement("mark");
        marca.setAttribute("data-md-highlight", "");
        marca.textContent = texto.slice(inicio, fim);
        pedacos.push(marca);
        cursor = fim;
      }
      if (!pedacos.length) return;
      pedacos.push(document.createTextNode(texto.slice(cursor)));
      no.replaceWith.apply(no, pedacos);
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(destacar);
  } else {
    document.addEventListener("DOMContentLoaded", destacar);
  }
})();
