import { describe, expect, it } from 'vitest'
import { byUrgency, levelType, newestFirst, remaining } from './sla'

const now = new Date('2026-03-02T02:00:00Z')

describe('remaining', () => {
  it('counts the days and hours left', () => {
    expect(remaining('2026-03-04T05:30:00Z', now, 'zh-CN')).toBe('剩余 2天3小时')
    expect(remaining('2026-03-02T07:00:00Z', now, 'zh-CN')).toBe('剩余 5小时')
    expect(remaining('2026-03-02T02:20:00Z', now, 'en')).toBe('under 1 h left')
  })
  it('says how long a case is overdue', () => {
    expect(remaining('2026-03-01T21:00:00Z', now, 'zh-CN')).toBe('已超期 5小时')
    expect(remaining('2026-02-27T02:00:00Z', now, 'en')).toBe('3 d overdue')
  })
  it('names a matter without a published limit', () => {
    expect(remaining(undefined, now, 'zh-CN')).toBe('未公布时限')
  })
})

describe('levelType', () => {
  it('shows red as danger and yellow as a warning', () => {
    expect(levelType('RED')).toBe('danger')
    expect(levelType('YELLOW')).toBe('warning')
    expect(levelType('GREEN')).toBe('success')
    expect(levelType('PAUSED')).toBe('info')
  })
})

describe('byUrgency', () => {
  it('puts the soonest due first and cases without a limit last', () => {
    const tasks = [{ id: 'none' }, { id: 'later', dueAt: '2026-03-05T00:00:00Z' }, { id: 'soon', dueAt: '2026-03-03T00:00:00+08:00' }]
    expect([...tasks].sort(byUrgency).map((t) => t.id)).toEqual(['soon', 'later', 'none'])
  })
})

describe('newestFirst', () => {
  it('puts the latest accepted first, whatever zone the instants are written in', () => {
    const cases = [
      { id: 'old', acceptedAt: '2026-12-01T10:00:00+08:00' },
      { id: 'undated' },
      { id: 'new', acceptedAt: '2026-12-04T01:00:00Z' },
      { id: 'mid', acceptedAt: '2026-12-03T10:00:00+08:00' },
    ]
    expect([...cases].sort(newestFirst).map((c) => c.id)).toEqual(['new', 'mid', 'old', 'undated'])
  })
})
