import { describe, expect, it } from 'vitest'
import { percent, recomputeAll, type BatchAnswer, type Progress } from './recompute'

function batches(...answers: BatchAnswer[]) {
  let i = 0
  const calls = () => i
  return { calls, batch: async () => answers[i++] }
}

describe('recomputing open cases onto a new calendar', () => {
  it('calls batch after batch until none remain, reporting progress after each', async () => {
    const b = batches(
      { ok: true, recomputed: [{ caseNumber: 'A' }, { caseNumber: 'B' }], remaining: 1 },
      { ok: true, recomputed: [{ caseNumber: 'C' }], remaining: 0 },
    )
    const seen: Progress[] = []
    expect(await recomputeAll(b.batch, (p) => seen.push(p), 'stalled')).toBeNull()
    expect(b.calls()).toBe(2)
    expect(seen.map((p) => [p.done, p.remaining])).toEqual([
      [2, 1],
      [3, 0],
    ])
    expect(seen[1].changed.map((c) => c.caseNumber)).toEqual(['A', 'B', 'C'])
  })

  it('stops with the reason when a batch is refused, keeping what was done', async () => {
    const b = batches(
      { ok: true, recomputed: [{ caseNumber: 'A' }], remaining: 5 },
      { ok: false, reason: '请求有误', fields: { reason: '请写明重算理由' } },
    )
    const seen: Progress[] = []
    expect(await recomputeAll(b.batch, (p) => seen.push(p), 'stalled')).toEqual({
      ok: false,
      reason: '请求有误',
      fields: { reason: '请写明重算理由' },
    })
    expect(seen).toHaveLength(1)
  })

  it('stops instead of spinning when a batch does nothing while cases remain', async () => {
    const b = batches({ ok: true, recomputed: [], remaining: 3 }, { ok: true, recomputed: [], remaining: 3 })
    expect(await recomputeAll(b.batch, () => {}, 'stalled')).toEqual({ ok: false, reason: 'stalled' })
    expect(b.calls()).toBe(1)
  })

  it('shows a service with nothing to do as complete', () => {
    expect(percent({ done: 0, remaining: 0 })).toBe(100)
    expect(percent({ done: 1, remaining: 2 })).toBe(33)
    expect(percent({ done: 3, remaining: 0 })).toBe(100)
  })
})
