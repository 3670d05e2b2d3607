import { describe, expect, it } from 'vitest'
import type { CaseLine, FanOut } from '@/api/services'
import { caseLineOf, myCases } from './myCases'

const boardLine = {
  caseNumber: 'FC-EO-20261122-000042-C',
  jurisdiction: 'FC',
  service: 'enterprise-opening',
  matterCode: 'EO-1',
  department: 'market-regulation',
  channel: 'WINDOW',
  status: 'DELIVERED',
  level: 'GREEN',
  acceptedAt: '2026-11-22T09:00:00+08:00',
  dueAt: '2026-11-23T09:00:00+08:00',
  decidedAt: '2026-11-22T15:00:00+08:00',
  onTime: true,
}

const answer = (status: number, body: unknown) => async () => ({
  data: status === 200 ? (body as (typeof boardLine)[]) : undefined,
  error: status === 200 ? undefined : body,
  response: new Response(null, { status }),
})

const perService = (rows: CaseLine[]) => {
  const asked: string[][] = []
  const each = async (services: string[]): Promise<FanOut<CaseLine>> => {
    asked.push(services)
    return { rows, failed: [] }
  }
  return { each, asked }
}

describe('我的办件', () => {
  it('reads a board line as the case table does', () => {
    expect(caseLineOf(boardLine)).toEqual({
      service: 'enterprise-opening',
      caseNumber: 'FC-EO-20261122-000042-C',
      jurisdiction: 'FC',
      matterCode: 'EO-1',
      channel: 'WINDOW',
      status: 'DELIVERED',
      department: 'market-regulation',
      acceptedAt: '2026-11-22T09:00:00+08:00',
      dueAt: '2026-11-23T09:00:00+08:00',
      level: 'GREEN',
    })
  })

  it('asks the board once and no service, newest first', async () => {
    const older = { ...boardLine, caseNumber: 'LC-UT-20261101-000001-A', acceptedAt: '2026-11-01T09:00:00+08:00' }
    const { each, asked } = perService([])
    const mine = await myCases(['enterprise-opening', 'utility-hookup'], 'zh-CN', answer(200, [older, boardLine]), each)
    expect(mine.rows.map((r) => r.caseNumber)).toEqual(['FC-EO-20261122-000042-C', 'LC-UT-20261101-000001-A'])
    expect(mine.boardFailed).toBeUndefined()
    expect(asked).toEqual([])
  })

  it('asks each service when the board answers an error, and says why', async () => {
    const line = { service: 'enterprise-opening', caseNumber: 'FC-EO-20261122-000042-C' }
    const { each, asked } = perService([line])
    const problem = { status: 503, code: 'back-office.unavailable', detailZh: '督查服务暂时不可用', detail: 'supervision is down' }
    const mine = await myCases(['enterprise-opening', 'supervision'], 'zh-CN', answer(503, problem), each)
    expect(asked).toEqual([['enterprise-opening', 'supervision']])
    expect(mine.rows).toEqual([line])
    expect(mine.boardFailed).toBe('督查服务暂时不可用')
  })

  it('asks each service when the board does not answer at all', async () => {
    const { each } = perService([])
    const mine = await myCases(['enterprise-opening'], 'en', async () => Promise.reject(new TypeError('fetch failed')), each)
    expect(mine.boardFailed).toBe('request failed (no answer)')
  })
})
