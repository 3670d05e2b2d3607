import { describe, expect, it } from 'vitest'
import { byRespondBy, noticeTitle } from './notices'

describe('notices on a case', () => {
  it('titles a 督办, a 提级督办 and a 整改', () => {
    expect(noticeTitle({ kind: 'SUPERVISION_ORDER', escalated: false })).toBe('order')
    expect(noticeTitle({ kind: 'SUPERVISION_ORDER', escalated: true })).toBe('escalatedOrder')
    expect(noticeTitle({ kind: 'RECTIFICATION' })).toBe('rectification')
  })

  it('shows the one to answer next first, and leaves the list it was given alone', () => {
    const given = [
      { fromCase: 'late', respondBy: '2026-12-09T17:00:00+08:00' },
      { fromCase: 'none' },
      { fromCase: 'soon', respondBy: '2026-12-04T17:00:00+08:00' },
    ]
    expect(byRespondBy(given).map((n) => n.fromCase)).toEqual(['soon', 'late', 'none'])
    expect(given[0].fromCase).toBe('late')
    expect(byRespondBy(undefined)).toEqual([])
  })
})
