import { ref } from 'vue'
import { cases } from '@/api/client'
import { caseLists, inboxes, type CaseLine, type TaskLine } from '@/api/services'
import type { Locale } from '@/format'
import { newestFirst } from '@/cases/sla'
import { DESK_MATTERS, SUPERVISION, supervisedOf, tasksOf, type Desk, type Supervised } from './desks'

/** A supervisor's step with what its 督办 or 整改 is about (read from the order's case). */
export type DeskTask = TaskLine & { about: Supervised }

/**
 * One desk of the supervisor's workspace: its cases of the jurisdiction (open and closed) and the
 * supervisor's open steps on them. {@link load} again after every action.
 */
export function useDesk(desk: Desk, locale: () => Locale) {
  const tasks = ref<DeskTask[]>([])
  const rows = ref<CaseLine[]>([])
  /** the reasons the supervision service gave instead of an answer, in the user's language */
  const failed = ref<string[]>([])
  const loading = ref(false)
  // set once a load has answered (or failed): the desk is whole (browser tests wait for it)
  const ready = ref(false)

  async function load() {
    loading.value = true
    ready.value = false
    const [inbox, ...lists] = await Promise.all([
      desk === 'appeals' ? Promise.resolve({ rows: [], failed: [] }) : inboxes([SUPERVISION], locale()),
      ...DESK_MATTERS[desk].map((matter) => caseLists([SUPERVISION], { matter, limit: 200 }, locale())),
    ])
    const steps = tasksOf(desk, inbox.rows)
    tasks.value = await withWhatTheyAreAbout(steps)
    // the case list filters by one matter: 超时督办 and 提级督办 are asked apart and shown as one list
    rows.value = lists.flatMap((l) => l.rows).sort(newestFirst)
    failed.value = [...new Set([inbox, ...lists].flatMap((l) => l.failed.map((f) => f.reason)))]
    loading.value = false
    ready.value = true
  }

  return { tasks, rows, failed, loading, ready, load }
}

// A task line does not name the supervised case or department: the order's case does, so each
// case is read once (a supervisor has a handful of open steps, not hundreds).
async function withWhatTheyAreAbout(steps: TaskLine[]): Promise<DeskTask[]> {
  const numbers = [...new Set(steps.map((s) => s.caseNumber ?? ''))].filter(Boolean)
  const views = await Promise.all(
    numbers.map(async (caseNumber) => {
      try {
        const { data } = await cases.GET('/api/v1/cases/{caseNumber}', { params: { path: { caseNumber } } })
        return [caseNumber, data ? supervisedOf(data) : {}] as const
      } catch {
        return [caseNumber, {}] as const
      }
    }),
  )
  const about = new Map<string, Supervised>(views)
  return steps.map((s) => ({ ...s, about: about.get(s.caseNumber ?? '') ?? {} }))
}
