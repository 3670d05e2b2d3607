import { describe, expect, it } from 'vitest'
import { interpret } from './client'

describe('answers to an application', () => {
  it('reads 201 and 422 as receipts and every problem as a problem', () => {
    expect(interpret(201, { caseNumber: 'FC-EO-20261122-000042-C', outcome: 'ACCEPTED' }).kind).toBe('receipt')
    expect(interpret(422, { outcome: 'RETURNED_FOR_CORRECTION', missingMaterials: [] }).kind).toBe('receipt')
    expect(interpret(503, { status: 503, code: 'back-office.unavailable', detailZh: '后台暂时不可用' }).kind).toBe('problem')
  })

  it('calls anything else no answer, so the same key is sent again', () => {
    expect(interpret(502, '<html>Bad Gateway</html>')).toEqual({ kind: 'unreachable', status: 502 })
  })
})
