import { describe, expect, it } from 'vitest'
import { progress, stepNamer, type CaseView, type ProgressWords } from './progress'

const words: ProgressWords = {
  accepted: '受理',
  decision: '审批决定',
  approved: '准予许可',
  denied: '不予许可',
  withdrawn: '已撤回',
  delivered: '统一出件',
  rated: '好差评',
  stepName: stepNamer([{ id: 'seal-engraving', name: { zh: '印章刻制', en: 'Seal engraving' } }], { review: '审核' }, 'zh-CN'),
}

const base: CaseView = {
  caseNumber: 'FC-EO-20260302-000001-A',
  status: 'IN_PROGRESS',
  acceptedAt: '2026-03-02T09:00:00+08:00',
  dueAt: '2026-03-02T17:30:00+08:00',
  steps: [
    { step: 'seal-engraving', status: 'DONE', startedAt: '2026-03-02T09:10:00+08:00', completedAt: '2026-03-02T10:00:00+08:00' },
    { step: 'review', status: 'IN_PROGRESS', startedAt: '2026-03-02T09:10:00+08:00' },
  ],
} as CaseView

describe('progress', () => {
  it('shows the steps done and under way, and the decision still to come with its promise', () => {
    const m = progress(base, words)
    expect(m.map((x) => [x.title, x.state])).toEqual([
      ['受理', 'done'],
      ['印章刻制', 'done'],
      ['审核', 'current'],
      ['审批决定', 'pending'],
      ['统一出件', 'pending'],
    ])
    expect(m[3].promised).toBe('2026-03-02T17:30:00+08:00')
    expect(m[1].at).toBe('2026-03-02T10:00:00+08:00')
  })

  it('ends a denied case at the decision', () => {
    const m = progress({ ...base, status: 'DENIED', steps: [] }, words)
    expect(m.map((x) => [x.title, x.state])).toEqual([
      ['受理', 'done'],
      ['不予许可', 'failed'],
    ])
  })

  it('asks for the rating once a case is delivered, and shows it once given', () => {
    const delivered = { ...base, status: 'DELIVERED', deliveredAt: '2026-03-02T15:00:00+08:00', steps: [] }
    expect(progress(delivered, words).map((x) => [x.key, x.state])).toEqual([
      ['accepted', 'done'],
      ['decision', 'done'],
      ['delivered', 'done'],
      ['rated', 'current'],
    ])
    expect(progress({ ...delivered, rating: 4 }, words).at(-1)).toMatchObject({ state: 'done', note: '★★★★' })
  })

  it('marks a withdrawn case as such', () => {
    expect(progress({ ...base, status: 'WITHDRAWN' }, words).at(-1)).toMatchObject({ title: '已撤回', state: 'failed' })
  })
})
