// The text of /embed.js: a <notice-card ref="notice-types/red" lang="fr"> element that fetches the record's JSON
// from the origin the script was loaded from (CORS) and draws the card of card.ts in a shadow root, so the host
// page's styles neither leak in nor get overridden. Kept as a string so that `tsc` output needs no asset copying.
import { CARD_CSS, EMBED_RESOURCES, SUMMARY_LIMIT, UI_TEXT } from './card.js'
import { LANGUAGES } from '../http/language.js'

const CLIENT = String.raw`
(function () {
  'use strict';
  if (!window.customElements || customElements.get('notice-card')) return;
  // document.currentScript is only set while the script first runs: read the origin now.
  var script = document.currentScript;
  var ORIGIN = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  var REF = /^(__RESOURCES__)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

  function el (tag, cls, text, lang) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    if (lang) { node.lang = lang; node.dir = dirOf(lang); }
    return node;
  }
  function dirOf (lang) { return RTL[lang] ? 'rtl' : 'ltr'; }
  // Source titles in the data are English; one in Arabic script is marked as such (textLang() in card.ts).
  function textLang (text) { return /[\u0600-\u06ff]/.test(text) ? 'ar' : 'en'; }
  // A label in the card's language and a value in its own: one line when both run the same way, two otherwise,
  // so that no line mixes directions (labelled() in card.ts).
  function labelled (root, label, cardLang, value, valueLang) {
    var line = el('p', 'meta', null, cardLang);
    if (dirOf(cardLang) === dirOf(valueLang)) {
      line.appendChild(document.createTextNode(label + ': '));
      var span = el('span', null, null, valueLang);
      span.appendChild(value);
      line.appendChild(span);
      root.appendChild(line);
    } else {
      line.textContent = label + ':';
      root.appendChild(line);
      var own = el('p', 'meta', null, valueLang);
      own.appendChild(value);
      root.appendChild(own);
    }
  }
  function shorten (text) {
    if (text.length <= LIMIT) return text;
    var cut = text.slice(0, LIMIT);
    var sentence = cut.lastIndexOf('. ');
    if (sentence > LIMIT / 2) return cut.slice(0, sentence + 1);
    return cut.slice(0, cut.lastIndexOf(' ')) + '\u2026';
  }
  function pickLang (value) {
    var short = String(value || '').toLowerCase().split('-')[0];
    return LANGS.indexOf(short) >= 0 ? short : 'en';
  }
  // Same fields as buildCard() in card.ts: every resource answers a "localized" block.
  function model (resource, record, lang) {
    var loc = record.localized;
    var card = {
      title: { text: loc.name, lang: loc.nameLang, translation: loc.nameTranslation },
      summary: { text: shorten(loc.summary), lang: loc.summaryLang, translation: loc.summaryTranslation },
      facts: [], colour: null
    };
    if (resource === 'notice-types') { card.facts = [record.kind, record.status]; card.colour = record.colour && record.colour.hex; }
    else if (resource === 'grounds') card.facts = [record.family];
    else if (resource === 'cases') card.facts = [record.date, record.outcome, record.decidedBy].filter(Boolean);
    else if (resource === 'requesting-entities') card.facts = [record.kind];
    var name = loc.nameTranslation === 'editorial';
    var summary = loc.summaryTranslation === 'editorial';
    card.editorial = name && summary ? 'both' : name ? 'name' : summary ? 'summary' : null;
    card.source = record.sources && record.sources[0];
    return card;
  }
  function link (href, text) {
    var a = el('a', null, text);
    a.href = href; a.target = '_blank'; a.rel = 'noopener noreferrer';
    return a;
  }

  class NoticeCard extends HTMLElement {
    static get observedAttributes () { return ['ref', 'lang']; }
    constructor () {
      super();
      this.attachShadow({ mode: 'open' });
      var css = ':host{display:block;margin:1em 0}' + CSS;
      // A constructed stylesheet is not an inline style, so a host page whose CSP forbids inline styles still
      // shows the card; older browsers get a <style> element.
      if (window.CSSStyleSheet && 'adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        this.shadowRoot.adoptedStyleSheets = [sheet];
      } else {
        var style = document.createElement('style');
        style.textContent = css;
        this.shadowRoot.appendChild(style);
      }
      this._generation = 0;
    }
    connectedCallback () { this.load(); }
    attributeChangedCallback () { if (this.isConnected) this.load(); }
    show (node) {
      var old = this.shadowRoot.querySelector('.card');
      if (old) old.remove();
      this.shadowRoot.appendChild(node);
    }
    fail (message) {
      var card = el('div', 'card');
      card.setAttribute('role', 'note');
      card.appendChild(el('p', 'meta', message, 'en'));
      this.show(card);
    }
    load () {
      var self = this;
      var generation = ++this._generation;
      var match = REF.exec((this.getAttribute('ref') || '').trim());
      if (!match) return this.fail('notice-card: "ref" must look like "notice-types/red" (notice-types, grounds, terms, cases or requesting-entities).');
      var resource = match[1];
      var id = match[2];
      var lang = pickLang(this.getAttribute('lang') || document.documentElement.lang);
      var url = ORIGIN + '/v1/' + resource + '/' + id + '?lang=' + lang;
      fetch(url, { headers: { accept: 'application/json' }, credentials: 'omit' })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status + ' for ' + resource + '/' + id);
          return response.json().then(function (record) {
            return { record: record, version: response.headers.get('x-dataset-version') || '' };
          });
        })
        .then(function (result) {
          if (generation !== self._generation) return;
          self.show(self.render(resource, id, lang, result.record, result.version));
        })
        .catch(function (error) {
          if (generation === self._generation) self.fail('This card could not be loaded (' + error.message + ').');
        });
    }
    render (resource, id, lang, record, version) {
      var ui = UI[lang];
      var card = model(resource, record, lang);
      var root = el('article', 'card', null, lang);
      if (card.colour) root.style.setProperty('--accent', card.colour);
      root.appendChild(el('p', 'kicker', ui.kickers[resource], lang));
      var title = root.appendChild(el('h2', 'title', card.title.text, card.title.lang));
      title.setAttribute('data-translation', card.title.translation);
      var summary = root.appendChild(el('p', 'summary', card.summary.text, card.summary.lang));
      summary.setAttribute('data-translation', card.summary.translation);
      if (card.editorial) root.appendChild(el('p', 'note', ui.editorial[card.editorial], lang));
      if (card.facts.length) {
        var facts = el('ul', 'facts', null, 'en');
        card.facts.forEach(function (fact) { facts.appendChild(el('li', null, fact)); });
        root.appendChild(facts);
      }
      if (card.source) labelled(root, ui.source, lang, link(card.source.url, card.source.title), textLang(card.source.title));
      var record = el('p', 'meta', null, lang);
      record.appendChild(link(ORIGIN + '/v1/' + resource + '/' + id, ui.record));
      root.appendChild(record);
      labelled(root, ui.dataset, lang, document.createTextNode(version), 'en');
      return root;
    }
  }
  customElements.define('notice-card', NoticeCard);
})();
`

/** The script body, with the shared stylesheet, texts and limits filled in once. */
export function embedScript (): string {
  const constants = [
    `var CSS = ${JSON.stringify(CARD_CSS)};`,
    `var UI = ${JSON.stringify(UI_TEXT)};`,
    `var LANGS = ${JSON.stringify(LANGUAGES)};`,
    'var RTL = { ar: true };',
    `var LIMIT = ${SUMMARY_LIMIT};`
  ].join('\n')
  return `/* <notice-card> for interpol-notice-api */\n${CLIENT.replace("'use strict';", `'use strict';\n  ${constants}`)
    .replace('__RESOURCES__', EMBED_RESOURCES.join('|'))}`
}
