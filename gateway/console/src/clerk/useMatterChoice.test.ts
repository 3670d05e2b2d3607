import { describe, expect, it } from 'vitest'
import type { Receipt } from '@/api/application'
import type { Matter } from './form'
import { useMatterChoice } from './useMatterChoice'

const matter = (code: string) => ({ code, name: { zh: code, en: code }, materials: [] }) as unknown as Matter

describe('the matter a form is for', () => {
  it('is one matter, or several merged, and a new pick forgets the last answer', () => {
    const choice = useMatterChoice()
    choice.pickOne(matter('CP-3'))
    choice.outcome.value = { outcome: 'ACCEPTED' } as Receipt
    expect(choice.jointMatters.value).toBeNull()

    choice.pickJoint([matter('CP-3'), matter('CP-4')])
    expect(choice.matter.value?.code).toBe('CP-3+CP-4')
    expect(choice.outcome.value).toBeNull()
    expect(choice.matterOf('CP-4').code).toBe('CP-4')
    expect(choice.matterOf('CP-9').code).toBe('CP-3+CP-4')
  })
})
