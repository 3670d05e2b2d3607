import { describe, expect, it } from 'vitest'
import { Submission, uuid } from './idempotency'

describe('the Idempotency-Key of a submission', () => {
  let n = 0
  const keys = () => `key-${++n}`

  it('stays the same while the same application is sent again', () => {
    const s = new Submission(keys)
    const first = s.prepare({ matterCode: 'EO-1', materials: [] })
    const retry = s.prepare({ matterCode: 'EO-1', materials: [] })
    expect(retry).toEqual(first)
  })

  it('is new when the application changed (the key would be refused as reused)', () => {
    const s = new Submission(keys)
    const first = s.prepare({ matterCode: 'EO-1' })
    const changed = s.prepare({ matterCode: 'EO-4' })
    expect(changed.key).not.toBe(first.key)
  })

  it('is new for the next applicant once a case was opened', () => {
    const s = new Submission(keys)
    const first = s.prepare({ matterCode: 'EO-1' })
    s.reset()
    expect(s.prepare({ matterCode: 'EO-1' }).key).not.toBe(first.key)
  })

  it('is a version 4 UUID by default', () => {
    expect(uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Submission().prepare({}).key).toMatch(/^[0-9a-f-]{36}$/)
  })
})
