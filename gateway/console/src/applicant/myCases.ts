// 我的办件: the applicant's own cases in every service and jurisdiction, from one call to the
// supervision service's board (GET /api/v1/supervision/my-cases) rather than one per service.
import { supervision } from '@/api/client'
import type { components } from '@/api/supervision'
import { problemText } from '@/api/problem'
import { caseLists, type CaseLine, type FanOut } from '@/api/services'
import type { Locale } from '@/format'
import { newestFirst } from '@/cases/sla'

type BoardCase = components['schemas']['Found']

export interface MyCases extends FanOut<CaseLine> {
  /** why the board did not answer, when the list was asked of each service instead */
  boardFailed?: string
}

/** A board line as the case table reads it (the board keeps no names, so no applicant's name). */
export function caseLineOf(found: BoardCase): CaseLine {
  return {
    service: found.service ?? '',
    caseNumber: found.caseNumber,
    jurisdiction: found.jurisdiction,
    matterCode: found.matterCode,
    channel: found.channel,
    status: found.status,
    department: found.department,
    acceptedAt: found.acceptedAt,
    dueAt: found.dueAt,
    level: found.level,
  }
}

type Answer = { data?: BoardCase[]; error?: unknown; response: Response }

const askBoard = (): Promise<Answer> =>
  supervision.GET('/api/v1/supervision/my-cases', { params: { query: { limit: 200 } } })

/**
 * The board's list; if the supervision service answers an error (or nothing), each service's own
 * list, so the applicant still sees their cases, with the board's reason to show above them.
 */
export async function myCases(
  services: string[],
  locale: Locale,
  board: () => Promise<Answer> = askBoard,
  each: typeof caseLists = caseLists,
): Promise<MyCases> {
  let reason: string
  try {
    const { data, error, response } = await board()
    if (data) return { rows: data.map(caseLineOf).sort(newestFirst), failed: [] }
    reason = problemText(error, locale, response.status)
  } catch {
    reason = problemText(undefined, locale)
  }
  const fanned = await each(services, {}, locale)
  return { ...fanned, rows: [...fanned.rows].sort(newestFirst), boardFailed: reason }
}
