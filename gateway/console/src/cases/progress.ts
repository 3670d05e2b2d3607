// 物流式 tracking: a case's way from 受理 to 出件 as milestones, built from the case the API gives.
import type { components } from '@/api/cases'
import { localized, type AnyText, type Locale } from '@/format'
import type { CaseNotice } from './notices'

/** The case as the API gives it; `notices` (staff only) is newer than the generated types. */
export type CaseView = components['schemas']['CaseView'] & { notices?: CaseNotice[] }

export type MilestoneState = 'done' | 'current' | 'pending' | 'failed'

export interface Milestone {
  key: string
  title: string
  state: MilestoneState
  /** when it happened */
  at?: string
  /** when it was promised (a step's or the decision's due instant) */
  promised?: string
  note?: string
}

/** The names the console needs: the matter's components (catalogue) and its own words for the rest. */
export interface ProgressWords {
  accepted: string
  decision: string
  approved: string
  denied: string
  withdrawn: string
  delivered: string
  rated: string
  stepName: (step: string) => string
}

/** A step's name: the matter's component of that id, else the console's word for it, else the id. */
export function stepNamer(
  components: { id?: string; name?: AnyText }[] | undefined,
  words: Record<string, string>,
  locale: Locale,
): (step: string) => string {
  return (step) => {
    const component = components?.find((c) => c.id === step)
    return component?.name ? localized(component.name, locale) : words[step] ?? step
  }
}

/**
 * The milestones of a case in order: 受理, each step of the back office (done, under way), the
 * decision (with its promised instant), 出件 and 好差评. A withdrawn or denied case ends there.
 */
export function progress(view: CaseView, words: ProgressWords): Milestone[] {
  const status = view.status ?? 'IN_PROGRESS'
  const milestones: Milestone[] = [
    { key: 'accepted', title: words.accepted, state: 'done', at: view.acceptedAt },
  ]
  for (const step of view.steps ?? []) {
    milestones.push({
      key: `step:${step.step}`,
      title: words.stepName(step.step ?? ''),
      state: step.status === 'DONE' ? 'done' : status === 'WITHDRAWN' ? 'pending' : 'current',
      at: step.status === 'DONE' ? step.completedAt : step.startedAt,
    })
  }
  if (status === 'WITHDRAWN') {
    milestones.push({ key: 'withdrawn', title: words.withdrawn, state: 'failed' })
    return milestones
  }
  const decided = status !== 'IN_PROGRESS'
  const denied = status === 'DENIED'
  milestones.push({
    key: 'decision',
    title: !decided ? words.decision : denied ? words.denied : words.approved,
    state: !decided ? (milestones.some((m) => m.state === 'current') ? 'pending' : 'current') : denied ? 'failed' : 'done',
    promised: view.dueAt,
  })
  if (denied) return milestones
  milestones.push({
    key: 'delivered',
    title: words.delivered,
    state: status === 'DELIVERED' ? 'done' : status === 'APPROVED' ? 'current' : 'pending',
    at: view.deliveredAt,
    promised: view.wholeProcessDueAt,
  })
  if (status === 'DELIVERED') {
    milestones.push({
      key: 'rated',
      title: words.rated,
      state: view.rating ? 'done' : 'current',
      note: view.rating ? '★'.repeat(view.rating) : undefined,
    })
  }
  return milestones
}
