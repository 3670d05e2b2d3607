import { describe, expect, it } from 'vitest'
import { deskOf, outcomesOf, supervisedOf, tasksOf } from './desks'

const step = (id: string, matterCode: string, dueAt?: string) => ({ id, matterCode, dueAt })

describe('the supervisor desks', () => {
  it('puts 超时督办 and 提级督办 on 督办, 差评整改 and 企业诉求 on their own desks', () => {
    expect(deskOf('SV-2a')).toBe('orders')
    expect(deskOf('SV-2b')).toBe('orders')
    expect(deskOf('SV-3')).toBe('rectifications')
    expect(deskOf('SV-1')).toBe('appeals')
    expect(deskOf('EO-1')).toBeUndefined()
    expect(deskOf(undefined)).toBeUndefined()
  })

  it('takes a desk its own steps out of the inbox, least time left first', () => {
    const inbox = [
      step('visit', 'SV-3', '2026-12-03T09:00:00+08:00'),
      step('later', 'SV-2a', '2026-12-05T09:00:00+08:00'),
      step('coordinate', 'SV-2b', '2026-12-02T09:00:00+08:00'),
      step('no-limit', 'SV-2a'),
    ]
    expect(tasksOf('orders', inbox).map((t) => t.id)).toEqual(['coordinate', 'later', 'no-limit'])
    expect(tasksOf('rectifications', inbox).map((t) => t.id)).toEqual(['visit'])
    expect(tasksOf('appeals', inbox)).toEqual([])
  })

  it('names the supervised case from the order data, else from its cause', () => {
    expect(
      supervisedOf({
        department: 'planning',
        causedBy: 'breach:FC-CP-20261201-000001-X',
        data: { supervisedCase: 'FC-CP-20261201-000001-X', supervisedService: 'construction-permit' },
      }),
    ).toEqual({ department: 'planning', caseNumber: 'FC-CP-20261201-000001-X', service: 'construction-permit' })
    expect(supervisedOf({ department: 'tax', causedBy: 'rating:FC-EO-20261122-000042-C' }).caseNumber).toBe(
      'FC-EO-20261122-000042-C',
    )
    expect(supervisedOf({ causedBy: 'window' }).caseNumber).toBeUndefined()
  })

  it('offers 撤销督办 only when closing a 督办; other steps record their comment', () => {
    expect(outcomesOf('close-supervision')).toEqual(['APPROVED', 'DENIED'])
    expect(outcomesOf('record-response')).toEqual(['APPROVED'])
    expect(outcomesOf('coordinate')).toEqual(['APPROVED'])
    expect(outcomesOf('follow-up-visit')).toEqual(['APPROVED'])
  })
})
