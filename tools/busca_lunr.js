
/* Redes Neurais: busca sem acentos (acrescentado pelo gancho tools/ganchos_busca.py).
 *
 * Este trecho vai no fim do lunr.pt.min.js publicado, que o worker de busca do
 * Material carrega antes de montar o índice. Ele troca o stemmer português do
 * lunr por duas funções:
 *
 * - no índice, cada palavra vira o radical sem acentos, calculado de dois jeitos
 *   (radical da palavra acentuada, depois sem acentos; e radical da palavra já
 *   sem acentos), porque o stemmer trata "ação" e "acao" de modos diferentes;
 * - na consulta, cada termo vira o radical sem acentos (também os termos com *,
 *   que o lunr não passaria pelo pipeline).
 *
 * Assim "neuronio" acha "neurônio" e "retropropagação" acha "retropropagacao".
 * As posições das palavras no texto original não mudam, então o destaque
 * (<mark>) dos resultados continua marcando o texto com acento.
 */
(function (lunr) {
  if (!lunr || !lunr.pt || lunr.pt.semAcentos) return;

  function dobrar(texto) {
    return texto.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  var original = lunr.pt;
  var radical = original.stemmer;
  var paradas = original.stopWordFilter;

  function variantes(token) {
    var palavra = token.toString();
    var a = dobrar(radical(palavra));
    var b = dobrar(radical(dobrar(palavra)));
    if (a === b) return token.update(function () { return a; });
    return [token.clone(function () { return a; }), token.clone(function () { return b; })];
  }
  lunr.Pipeline.registerFunction(variantes, "radicalSemAcentos-pt");

  function ehPalavraVazia(palavra) {
    return paradas(palavra) === undefined || paradas(dobrar(palavra)) === undefined;
  }

  function termoDaConsulta(termo) {
    var m = /^(\**)(.*?)(\**)$/.exec(termo);
    var nucleo = m[2];
    if (!nucleo) return termo;
    var normal = ehPalavraVazia(nucleo) ? dobrar(nucleo) : dobrar(radical(nucleo));
    return m[1] + normal + m[3];
  }

  lunr.pt = function () {
    original.apply(this, arguments);
    this.pipeline.after(radical, variantes);
    this.pipeline.remove(radical);
    this.searchPipeline.remove(radical);
  };
  for (var chave in original) {
    if (Object.prototype.hasOwnProperty.call(original, chave)) lunr.pt[chave] = original[chave];
  }
  lunr.pt.semAcentos = true;

  // O Material anota como "faltando" os termos da consulta que não acharam nada,
  // menos as palavras vazias segundo lunr.stopWordFilter (a lista em inglês):
  // as do português também contam.
  var paradasIngles = lunr.stopWordFilter;
  lunr.stopWordFilter = function (token) {
    return ehPalavraVazia(token.toString()) ? undefined : paradasIngles(token);
  };
  lunr.Pipeline.registerFunction(lunr.stopWordFilter, "stopWordFilter-pt-en");

  // Toda cláusula de consulta (inclusive as com curinga, que o lunr não passa
  // pelo pipeline) chega aqui: o termo vira radical sem acentos uma vez só.
  var clausula = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    if (c && typeof c.term === "string" && !c.semAcentos) {
      c.palavraVazia = ehPalavraVazia(c.term.toLowerCase().replace(/^\*+|\*+$/g, ""));
      c.term = termoDaConsulta(c.term.toLowerCase());
      c.usePipeline = false;
      c.semAcentos = true;
    }
    return clausula.call(this, c);
  };

  // As duas variantes de uma palavra têm a mesma posição no texto; se a consulta
  // casa com as duas, o Material marcaria o mesmo trecho duas vezes (e o <mark>
  // sairia torto). Cada posição fica só no primeiro termo que a encontrou.
  // Palavras vazias ("de", "a", "que") com curinga casariam com qualquer palavra
  // que começa igual ("de*" acha "derivada"); numa consulta com outras palavras,
  // elas saem. Sozinhas, ficam: o leitor pode estar no meio de "derivada".
  var consultar = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (fn) {
    var resultados = consultar.call(this, function (q) {
      fn.call(q, q);
      var uteis = q.clauses.filter(function (c) { return !c.palavraVazia; });
      if (uteis.length && uteis.length < q.clauses.length) q.clauses = uteis;
      // O Material põe * em todo termo; só o último pode estar pela metade. Nos
      // outros, o radical inteiro basta ("regra*" acharia "regressão").
      q.clauses.slice(0, -1).forEach(function (c) {
        if (c.semAcentos && /[^*]\*$/.test(c.term)) c.term = c.term.slice(0, -1);
      });
    });
    // Nada aqui é alterado no lugar: o lunr guarda nos resultados referências
    // aos objetos do próprio índice.
    resultados.forEach(function (r) {
      var vistos = {};
      var limpo = Object.create(null);
      Object.keys(r.matchData.metadata).forEach(function (termo) {
        var campos = r.matchData.metadata[termo];
        limpo[termo] = Object.create(null);
        Object.keys(campos).forEach(function (campo) {
          var dados = Object.assign({}, campos[campo]);
          var visto = vistos[campo] || (vistos[campo] = {});
          if (dados.position) {
            dados.position = dados.position.filter(function (p) {
              if (visto[p]) return false;
              visto[p] = true;
              return true;
            });
          }
          limpo[termo][campo] = dados;
        });
      });
      r.matchData = Object.assign(Object.create(Object.getPrototypeOf(r.matchData)), r.matchData, { metadata: limpo });
    });
    return resultados;
  };
})(typeof self !== "undefined" ? self.lunr : this.lunr);
