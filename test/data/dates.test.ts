import t from 'tap'
import { inForceOn, isRealDate, isRealPartialDate, periodStart } from '../../src/data/dates.js'

t.test('partial dates start at the first day of their period', async (t) => {
  t.equal(periodStart('2017-09'), '2017-09-01')
  t.equal(periodStart('1946'), '1946-01-01')
  t.equal(periodStart('2023-11-29'), '2023-11-29')
})

t.test('real dates', async (t) => {
  t.ok(isRealDate('2024-02-29'))
  t.notOk(isRealDate('2023-02-29'))
  t.notOk(isRealDate('2021-13-01'))
  t.ok(isRealPartialDate('2021-11'))
  t.notOk(isRealPartialDate('2021-02-30'))
  t.notOk(isRealPartialDate('2021-00'))
})

t.test('in force: from inclusive, to exclusive', async (t) => {
  const pilot = { effectiveFrom: '2025-01-01' }
  t.notOk(inForceOn(pilot, '2024-12-31'))
  t.ok(inForceOn(pilot, '2025-01-01'))
  const abolished = { effectiveTo: '2025-11' }
  t.ok(inForceOn(abolished, '2025-10-31'))
  t.notOk(inForceOn(abolished, '2025-11-01'))
  t.ok(inForceOn({}, '1900-01-01'))
})
