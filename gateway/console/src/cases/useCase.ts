import { computed, ref } from 'vue'
import { cases, gateway } from '@/api/client'
import type { components as CaseTypes } from '@/api/cases'
import { problemText } from '@/api/problem'
import type { Matter } from '@/clerk/form'
import type { Locale } from '@/format'
import type { CaseView } from './progress'

export type HistoryLine = CaseTypes['schemas']['HistoryLine']

/**
 * One case as a page shows it: the case, its matter's 办事指南 entry (names of materials and
 * steps, the pause reasons its limits allow) and, for staff, its history. {@link load} again after
 * every action, so the page shows what the back office stored.
 */
export function useCase(caseNumber: () => string, locale: () => Locale, withHistory: boolean) {
  const view = ref<CaseView | null>(null)
  const matter = ref<Matter | null>(null)
  const history = ref<HistoryLine[]>([])
  const error = ref('')
  const loading = ref(false)

  async function load() {
    loading.value = true
    error.value = ''
    const path = { caseNumber: caseNumber() }
    const read = await cases.GET('/api/v1/cases/{caseNumber}', { params: { path } })
    if (!read.data) {
      loading.value = false
      view.value = null
      error.value = problemText(read.error, locale(), read.response.status)
      return
    }
    view.value = read.data
    const [guide, trail] = await Promise.all([
      matter.value?.code === read.data.matterCode
        ? Promise.resolve({ data: matter.value })
        : gateway.GET('/api/v1/catalogue/{jurisdiction}/matters/{code}', {
            params: { path: { jurisdiction: read.data.jurisdiction ?? '', code: read.data.matterCode ?? '' } },
          }),
      withHistory ? cases.GET('/api/v1/cases/{caseNumber}/history', { params: { path } }) : Promise.resolve({ data: [] }),
    ])
    matter.value = guide.data ?? null
    history.value = trail.data ?? []
    loading.value = false
  }

  /** The pause reasons the matter's limits allow (不计入时限的情形), for 暂停计时. */
  const pauseReasons = computed(() => [
    ...new Set((matter.value?.limits ?? []).flatMap((l) => l.pausesFor ?? [])),
  ])

  return { view, matter, history, error, loading, load, pauseReasons }
}
