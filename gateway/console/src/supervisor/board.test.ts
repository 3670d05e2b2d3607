import { describe, expect, it } from 'vitest'
import { countsByService, monthSoFar, sharePercent } from './board'

describe('督办看板', () => {
  it('counts the open cases per service and state', () => {
    const rows = countsByService([
      { service: 'utility-hookup', state: 'RED', cases: 2 },
      { service: 'enterprise-opening', state: 'GREEN', cases: 5 },
      { service: 'utility-hookup', state: 'PAUSED', cases: 1 },
      { service: 'utility-hookup', state: 'GREEN', cases: 3 },
    ])
    expect(rows).toEqual([
      { service: 'enterprise-opening', GREEN: 5, YELLOW: 0, RED: 0, PAUSED: 0, total: 5 },
      { service: 'utility-hookup', GREEN: 3, YELLOW: 0, RED: 2, PAUSED: 1, total: 6 },
    ])
  })

  it('gives the share within the promise to one decimal, and a dash when nothing was decided', () => {
    expect(sharePercent({ decided: 3, onTime: 2 })).toBe('66.7%')
    expect(sharePercent({ decided: 0, onTime: 0 })).toBe('—')
  })

  it('takes the month in Beijing, where a UTC evening is already the next day', () => {
    expect(monthSoFar(new Date('2026-11-30T17:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-01' })
    expect(monthSoFar(new Date('2026-12-15T03:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-15' })
  })
})
