import { describe, expect, it } from 'vitest'
import { errorsByDay, parseDays } from './calendar'

describe('a pasted holiday notice', () => {
  it('gives one day per line, whatever the separator', () => {
    expect(parseDays('2027-01-01,OFF,元旦\n\n# comment\n2027-02-06\twork\t春节\n2027-02-08 OFF 春节')).toEqual([
      { date: '2027-01-01', kind: 'OFF', name: '元旦' },
      { date: '2027-02-06', kind: 'WORK', name: '春节' },
      { date: '2027-02-08', kind: 'OFF', name: '春节' },
    ])
  })

  it('puts the server reasons next to their day', () => {
    const byDay = errorsByDay({ 'days[1].kind': '调休上班日只能在周六或周日', 'days[1].name': '请填写节日名称', notice: 'x' })
    expect(byDay.get(1)).toBe('调休上班日只能在周六或周日；请填写节日名称')
    expect(byDay.size).toBe(1)
  })
})
