// The supervisor's desks beside the board: 督办 (SV-2a/2b), 差评整改 (SV-3) and 企业诉求 (SV-1).
// Each is a matter family of the supervision service's own cases; a desk shows its cases and
// the supervisor's open steps on them.
import { byUrgency } from '@/cases/sla'

export type Desk = 'orders' | 'rectifications' | 'appeals'

/** The supervision service's id among the services the front door routes. */
export const SUPERVISION = 'supervision'

/** The matters each desk works (catalogue supervision.yaml); 提级督办 is a matter of its own. */
export const DESK_MATTERS: Record<Desk, readonly string[]> = {
  orders: ['SV-2a', 'SV-2b'],
  rectifications: ['SV-3'],
  appeals: ['SV-1'],
}

/** 提级督办: the department broke a limit again this month, so the order starts with 顶格协调. */
export const ESCALATED_MATTER = 'SV-2b'

export function deskOf(matterCode: string | undefined): Desk | undefined {
  return (Object.keys(DESK_MATTERS) as Desk[]).find((d) => DESK_MATTERS[d].includes(matterCode ?? ''))
}

/** The desk's steps out of the supervisor's inbox, least time left first. */
export function tasksOf<T extends { matterCode?: string; dueAt?: string | null }>(desk: Desk, tasks: T[]): T[] {
  return tasks.filter((t) => deskOf(t.matterCode) === desk).sort(byUrgency)
}

/** What a 督办 or 整改 is about: the supervised department and the case that broke its limit or was rated. */
export interface Supervised {
  department?: string
  caseNumber?: string
  service?: string
}

/**
 * The supervised case of a 督办 or 整改. The opening writes it into the case's data; the cause
 * (breach:<case>, rating:<case>) names it too, for a case whose data a reader cannot see.
 */
export function supervisedOf(view: { department?: string; causedBy?: string; data?: Record<string, unknown> }): Supervised {
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined)
  const cause = view.causedBy?.match(/^(?:breach|rating):(.+)$/)?.[1]
  return {
    department: view.department,
    caseNumber: text(view.data?.supervisedCase) ?? cause,
    service: text(view.data?.supervisedService),
  }
}

export type Outcome = 'APPROVED' | 'DENIED'

/**
 * The outcomes a supervisor's step offers. Only 督办办结 branches (APPROVED closes the order,
 * DENIED withdraws it); every other step records what its comment says, and the runtime still
 * wants a decision on it, so it goes as APPROVED.
 */
export function outcomesOf(activity: string | undefined): Outcome[] {
  return activity === 'close-supervision' ? ['APPROVED', 'DENIED'] : ['APPROVED']
}
