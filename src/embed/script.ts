// The text of /embed.js: a <notice-card ref="notice-types/red" lang="fr"> element that fetches the record's JSON
// from the origin the script was loaded from (CORS) and draws the card of card.ts in a shadow root, so the host
// page's styles neither leak in nor get overridden. Kept as a string so that `tsc` output needs no asset copying.
import { CARD_CSS, EMBED_RESOURCES, KICKERS, SUMMARY_LIMIT, UI_TEXT } from './card.js'
import { LANGUAGES } from '../http/language.js'

const CLIENT = String.raw`
(function () {
  'use strict';
  if (!window.customElements || customElements.get('notice-card')) return;
  // document.currentScript is only set while the script first runs: read the origin now.
  var script = document.currentScript;
  var ORIGIN = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  var REF = /^(__RESOURCES__)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;
  var LOCALIZED = { 'notice-types': true, terms: true };

  function el (tag, cls, text, lang) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    if (lang) { node.lang = lang; node.dir = RTL[lang] ? 'rtl' : 'ltr'; }
    return node;
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
  // Same fields as buildCard() in card.ts.
  function model (resource, record, lang) {
    var loc = record.localized;
    var card = { title: { text: record.title, lang: 'en' }, summary: null, facts: [], colour: null };
    if (resource === 'notice-types' || resource === 'terms') {
      card.title = { text: loc.name, lang: loc.nameLang };
      card.summary = { text: shorten(loc.summary), lang: loc.summaryLang };
      if (resource === 'notice-types') { card.facts = [record.kind, record.status]; card.colour = record.colour && record.colour.hex; }
    } else if (resource === 'grounds') {
      card.summary = { text: shorten(record.description), lang: 'en' };
      card.facts = [record.family];
    } else {
      card.summary = { text: shorten(record.summary), lang: 'en' };
      card.facts = [record.date, record.outcome, record.decidedBy].filter(Boolean);
    }
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
      if (!match) return this.fail('notice-card: "ref" must look like "notice-types/red" (notice-types, grounds, terms or cases).');
      var resource = match[1];
      var id = match[2];
      var lang = pickLang(this.getAttribute('lang') || document.documentElement.lang);
      var url = ORIGIN + '/v1/' + resource + '/' + id + (LOCALIZED[resource] ? '?lang=' + lang : '');
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
      root.appendChild(el('p', 'kicker', KICKERS[resource], 'en'));
      root.appendChild(el('h2', 'title', card.title.text, card.title.lang));
      root.appendChild(el('p', 'summary', card.summary.text, card.summary.lang));
      if (card.facts.length) {
        var facts = el('ul', 'facts', null, 'en');
        card.facts.forEach(function (fact) { facts.appendChild(el('li', null, fact)); });
        root.appendChild(facts);
      }
      var meta = el('p', 'meta');
      if (card.source) {
        meta.appendChild(document.createTextNode(ui.source + ': '));
        meta.appendChild(link(card.source.url, card.source.title));
        meta.appendChild(document.createTextNode(' \u00b7 '));
      }
      meta.appendChild(link(ORIGIN + '/v1/' + resource + '/' + id, ui.record));
      meta.appendChild(document.createTextNode(' \u00b7 ' + ui.dataset + ' '));
      meta.appendChild(el('span', null, version, 'en'));
      root.appendChild(meta);
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
    `var KICKERS = ${JSON.stringify(KICKERS)};`,
    `var LANGS = ${JSON.stringify(LANGUAGES)};`,
    'var RTL = { ar: true };',
    `var LIMIT = ${SUMMARY_LIMIT};`
  ].join('\n')
  return `/* <notice-card> for interpol-notice-api */\n${CLIENT.replace("'use strict';", `'use strict';\n  ${constants}`)
    .replace('__RESOURCES__', EMBED_RESOURCES.join('|'))}`
}
