// The per-service endpoints of the case runtime (/api/v1/<service>/cases and …/tasks). Every
// service runs the same runtime controllers, so enterprise-opening's OpenAPI document types them
// all; the console asks each service the front door routes (GET /api/v1/console/config).
import { cases } from './client'
import type { components } from './cases'
import { fieldErrors, problemText } from './problem'
import type { BatchAnswer } from '@/admin/recompute'
import type { Locale } from '@/format'

export type CaseLine = components['schemas']['CaseLine'] & { service: string }
/** `supervised`: the supervision service sent a 督办 or 整改 notice about the task's case. */
export type TaskLine = components['schemas']['TaskLine'] & { service: string }
export type Completion = components['schemas']['Completion']

type CasesPath = '/api/v1/enterprise-opening/cases'
type TasksPath = '/api/v1/enterprise-opening/tasks'
type ClaimPath = '/api/v1/enterprise-opening/tasks/{taskId}/claim'
type CompletePath = '/api/v1/enterprise-opening/tasks/{taskId}/complete'

const casesOf = (service: string) => `/api/v1/${service}/cases` as CasesPath
const tasksOf = (service: string) => `/api/v1/${service}/tasks` as TasksPath
const claimOf = (service: string) => `/api/v1/${service}/tasks/{taskId}/claim` as ClaimPath
const completeOf = (service: string) => `/api/v1/${service}/tasks/{taskId}/complete` as CompletePath

/** What the services answered, and which of them could not (with the reason, in the user's words). */
export interface FanOut<T> {
  rows: T[]
  failed: { service: string; reason: string }[]
}

export interface CaseFilter {
  status?: string
  matter?: string
  department?: string
  level?: string
  limit?: number
}

async function fanOut<T>(
  services: string[],
  locale: Locale,
  ask: (service: string) => Promise<{ data?: T[]; error?: unknown; response: Response }>,
): Promise<FanOut<T & { service: string }>> {
  const out: FanOut<T & { service: string }> = { rows: [], failed: [] }
  await Promise.all(
    services.map(async (service) => {
      try {
        const { data, error, response } = await ask(service)
        if (data) out.rows.push(...data.map((row) => ({ ...row, service })))
        else out.failed.push({ service, reason: problemText(error, locale, response.status) })
      } catch {
        out.failed.push({ service, reason: problemText(undefined, locale) })
      }
    }),
  )
  return out
}

/** The cases the caller may see in each service (staff: the jurisdiction's; an applicant: their own). */
export function caseLists(services: string[], filter: CaseFilter, locale: Locale): Promise<FanOut<CaseLine>> {
  const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''))
  return fanOut(services, locale, (service) =>
    cases.GET(casesOf(service), { params: { query: query as never } }),
  )
}

/** 待办: the open tasks of the caller's department in each service. */
export function inboxes(services: string[], locale: Locale): Promise<FanOut<TaskLine>> {
  return fanOut(services, locale, (service) => cases.GET(tasksOf(service)))
}

export function claim(service: string, taskId: string) {
  return cases.POST(claimOf(service), { params: { path: { taskId } } })
}

/** 签收 from a list: '' when done, else the reason in the user's language. */
export async function claimTask(row: TaskLine, locale: Locale): Promise<string> {
  try {
    const { error, response } = await claim(row.service, row.id ?? '')
    return response.ok ? '' : problemText(error, locale, response.status)
  } catch {
    return problemText(undefined, locale)
  }
}

export function complete(service: string, taskId: string, completion: Completion) {
  return cases.POST(completeOf(service), { params: { path: { taskId } }, body: completion })
}

type RecomputationPath = '/api/v1/enterprise-opening/calendar-recomputation'
const recomputationOf = (service: string) => `/api/v1/${service}/calendar-recomputation` as RecomputationPath

/** How many open cases of a service still run on an older holiday calendar (administrators). */
export function recomputationStanding(service: string) {
  return cases.GET(recomputationOf(service))
}

/** The next batch of them recomputed onto the calendar now published (one transaction). */
export async function recomputeBatch(service: string, reason: string, locale: Locale): Promise<BatchAnswer> {
  try {
    const { data, error, response } = await cases.POST(recomputationOf(service), { body: { reason } })
    if (data) return { ok: true, recomputed: data.recomputed ?? [], remaining: data.remaining ?? 0 }
    return { ok: false, reason: problemText(error, locale, response.status), fields: fieldErrors(error, locale) }
  } catch {
    return { ok: false, reason: problemText(undefined, locale) }
  }
}
