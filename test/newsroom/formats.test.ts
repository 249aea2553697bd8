import t from 'tap'
import { buildTestApp, json } from '../helpers.js'
import { flatten, neutraliseFormula, toCsv } from '../../src/http/formats.js'

// A strict RFC 4180 reader for the tests, written independently of the writer under test.
function parseCsv (text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { cell += '"'; i++ } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') {
      if (cell !== '') throw new Error(`a quote inside an unquoted cell at ${i}`)
      quoted = true
    } else if (char === ',') {
      row.push(cell); cell = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; i++
    } else if (char === '\n' || char === '\r') {
      throw new Error(`a bare line break outside quotes at ${i}`)
    } else {
      cell += char
    }
  }
  if (quoted) throw new Error('an unterminated quoted cell')
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row) }
  return rows
}

const app = await buildTestApp()
t.teardown(() => app.close())

t.test('toCsv quotes commas, quotes and line breaks the RFC 4180 way, with CRLF rows', async (t) => {
  const text = toCsv([
    { id: 'a', title: 'Comma, inside', note: 'He said "no"' },
    { id: 'b', title: 'Two\nlines', extra: 'only here' }
  ])
  t.ok(text.endsWith('\r\n'), 'rows end with CRLF')
  t.match(text, /"Comma, inside"/)
  t.match(text, /"He said ""no"""/)
  const rows = parseCsv(text)
  t.same(rows[0], ['id', 'title', 'note', 'extra'], 'the header is the union of columns, in order of first appearance')
  t.same(rows[1], ['a', 'Comma, inside', 'He said "no"', ''])
  t.same(rows[2], ['b', 'Two\nlines', '', 'only here'])
})

t.test('cells that a spreadsheet would run as a formula get a leading apostrophe', async (t) => {
  for (const dangerous of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
    t.equal(neutraliseFormula(dangerous), `'${dangerous}`, JSON.stringify(dangerous))
  }
  t.equal(neutraliseFormula('Red Notice'), 'Red Notice')
  t.equal(neutraliseFormula("'already"), "'already", 'idempotent')
  const rows = parseCsv(toCsv([{ id: 'x', title: '=1+2', tags: ['fine', '@evil'], n: -5 }]))
  t.equal(rows[1][1], "'=1+2")
  t.equal(rows[1][2], 'fine; @evil', 'a joined list cell is judged by its first character')
  t.equal(rows[1][3], '-5', 'numbers are data, not text, and stay as they are')
  t.equal(parseCsv(toCsv([{ list: ['@evil', 'fine'] }]))[1][0], "'@evil; fine")
})

t.test('flatten turns nested objects into dotted columns and lists of objects into readable phrases', async (t) => {
  const flat = flatten({
    labels: { en: 'Red Notice', fr: 'Notice rouge' },
    sources: [{ title: 'A', url: 'https://a.example' }, { title: 'B', url: 'https://b.example' }],
    timeline: [{ date: '1946', event: 'created' }],
    empty: []
  })
  t.same(flat, {
    'labels.en': 'Red Notice',
    'labels.fr': 'Notice rouge',
    sources: 'https://a.example; https://b.example',
    timeline: '1946: created',
    empty: ''
  })
})

t.test('every list answers CSV by Accept or ?format=csv, one row per record', async (t) => {
  for (const resource of ['notice-types', 'instruments', 'provisions', 'grounds', 'requesting-entities', 'countries', 'cases', 'terms']) {
    const total = json(await app.inject(`/v1/${resource}?limit=1`)).total as number
    const limit = Math.min(total, 100)
    const byAccept = await app.inject({ url: `/v1/${resource}?limit=${limit}`, headers: { accept: 'text/csv' } })
    t.equal(byAccept.statusCode, 200, resource)
    t.match(byAccept.headers['content-type'], /^text\/csv; charset=utf-8/)
    t.equal(byAccept.headers['content-disposition'], `attachment; filename="${resource}.csv"`)
    const rows = parseCsv(byAccept.body)
    t.equal(rows.length, limit + 1, `${resource}: a header row and ${limit} records`)
    t.ok(rows.every((row) => row.length === rows[0].length), `${resource}: every row has every column`)
    const idColumn = rows[0].includes('id') ? 'id' : 'iso2'
    t.equal(rows[0][0], idColumn, `${resource}: the id comes first`)
    const byFormat = await app.inject(`/v1/${resource}?limit=${limit}&format=csv`)
    t.equal(byFormat.body, byAccept.body, `${resource}: ?format=csv is the same document`)
  }
})

t.test('a CSV page with every notice type has total rows and flat columns', async (t) => {
  const total = json(await app.inject('/v1/notice-types?limit=100')).total as number
  const rows = parseCsv((await app.inject('/v1/notice-types?limit=100&format=csv')).body)
  t.equal(rows.length - 1, total)
  const header = rows[0]
  for (const column of ['id', 'labels.en', 'translations.fr.name.text', 'translations.fr.name.translation', 'publicExtract.rule', 'purpose', 'sources', 'localized.nameTranslation']) t.ok(header.includes(column), column)
  const red = rows.find((row) => row[0] === 'red') as string[]
  t.equal(red[header.indexOf('translations.fr.name.text')], 'Notice rouge')
  t.equal(red[header.indexOf('translations.fr.name.translation')], 'official', 'the marking travels with the translation')
  t.equal(red[header.indexOf('translations.es.summary.translation')], 'editorial')
  t.match(red[header.indexOf('sources')], /^https:\/\/\S+(; https:\/\/\S+)*$/)
  t.notOk(header.some((column) => column.includes('[object')), 'no object leaks into a column name')
  t.notOk(rows.flat().some((cell) => cell.includes('[object Object]')), 'no cell says [object Object]')
})

t.test('search answers CSV too', async (t) => {
  const response = await app.inject({ url: '/v1/search?q=red%20notice&limit=5', headers: { accept: 'text/csv' } })
  t.equal(response.statusCode, 200)
  const rows = parseCsv(response.body)
  t.same(rows[0], ['type', 'id', 'title', 'score', 'href'])
  t.equal(rows.length, 6)
})

t.test('notice types and terms answer schema.org JSON-LD, a DefinedTermSet of DefinedTerms', async (t) => {
  const list = await app.inject({ url: '/v1/notice-types?limit=100', headers: { accept: 'application/ld+json' } })
  t.equal(list.statusCode, 200)
  t.match(list.headers['content-type'], /^application\/ld\+json/)
  const set = JSON.parse(list.body)
  t.equal(set['@context'], 'https://schema.org')
  t.equal(set['@type'], 'DefinedTermSet')
  t.ok(Array.isArray(set.hasDefinedTerm))
  t.equal(set.hasDefinedTerm.length, json(await app.inject('/v1/notice-types?limit=100')).data.length)
  const red = set.hasDefinedTerm.find((term: { termCode: string }) => term.termCode === 'red')
  t.equal(red['@type'], 'DefinedTerm')
  t.equal(red.name, 'Red Notice')
  t.equal(red.inDefinedTermSet, set['@id'])
  t.match(red['@id'], /^http:\/\/[^/]+\/v1\/notice-types\/red$/)

  const item = await app.inject({ url: '/v1/terms/red-notice', headers: { accept: 'application/ld+json' } })
  t.equal(item.statusCode, 200)
  const term = JSON.parse(item.body)
  t.equal(term['@context'], 'https://schema.org')
  t.equal(term['@type'], 'DefinedTerm')
  t.equal(term.name, 'Red Notice')
  t.equal(term.inDefinedTermSet['@type'], 'DefinedTermSet')

  const french = JSON.parse((await app.inject('/v1/terms/red-notice?format=jsonld&lang=fr')).body)
  t.equal(french.name, 'Notice rouge', 'the name in the requested language')
  const frenchSet = JSON.parse((await app.inject({ url: '/v1/terms?limit=100&format=jsonld', headers: { 'accept-language': 'fr' } })).body)
  t.equal(frenchSet.inLanguage, 'fr')
  t.equal(frenchSet.hasDefinedTerm.find((entry: { termCode: string }) => entry.termCode === 'red-notice').name, 'Notice rouge')
})

t.test('unsupported formats: a 406 that lists what is supported, a 400 for an unknown format name', async (t) => {
  const cases = await app.inject({ url: '/v1/cases', headers: { accept: 'application/ld+json' } })
  t.equal(cases.statusCode, 406, 'cases are not defined terms')
  t.same(json(cases).supported, ['application/json', 'text/csv'])
  const item = await app.inject({ url: '/v1/notice-types/red', headers: { accept: 'text/csv' } })
  t.equal(item.statusCode, 406, 'a single record is not a table')
  t.same(json(item).supported, ['application/json', 'application/ld+json'])
  const xml = await app.inject({ url: '/v1/terms', headers: { accept: 'application/xml' } })
  t.equal(xml.statusCode, 406)
  t.same(json(xml).supported, ['application/json', 'text/csv', 'application/ld+json'])
  const unknown = await app.inject('/v1/cases?format=xlsx')
  t.equal(unknown.statusCode, 400)
  t.equal(json(unknown).code, 'invalid-query')
  const ld = await app.inject('/v1/cases?format=jsonld')
  t.equal(ld.statusCode, 400, 'jsonld is not a format of cases')
})

t.test('JSON stays the default, also for browsers that ask for HTML first', async (t) => {
  const response = await app.inject({ url: '/v1/notice-types/red', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } })
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^application\/json/)
})

t.test('the OpenAPI document lists the extra media types', async (t) => {
  const doc = app.swagger() as unknown as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, unknown> }> }>> }
  t.same(Object.keys(doc.paths['/v1/cases'].get.responses['200'].content).sort(), ['application/json', 'text/csv'])
  t.same(Object.keys(doc.paths['/v1/terms'].get.responses['200'].content).sort(), ['application/json', 'application/ld+json', 'text/csv'])
  t.same(Object.keys(doc.paths['/v1/notice-types/{id}'].get.responses['200'].content).sort(), ['application/json', 'application/ld+json'])
  t.same(Object.keys(doc.paths['/v1/search'].get.responses['200'].content).sort(), ['application/json', 'text/csv'])
})
