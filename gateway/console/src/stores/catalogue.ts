import { defineStore } from 'pinia'
import { gateway } from '@/api/client'
import type { components } from '@/api/gateway'
import { localized, type Locale } from '@/format'

type MatterSummary = components['schemas']['MatterSummary']

/** The 办事指南 lists read so far, by jurisdiction: matter names for the case and task lists. */
export const useCatalogue = defineStore('catalogue', {
  state: () => ({ lists: {} as Record<string, MatterSummary[]>, asked: {} as Record<string, boolean> }),
  actions: {
    async need(jurisdictions: (string | undefined)[]): Promise<void> {
      const missing = [...new Set(jurisdictions.filter((j): j is string => !!j && !this.asked[j]))]
      await Promise.all(
        missing.map(async (j) => {
          this.asked[j] = true
          const { data } = await gateway.GET('/api/v1/catalogue/{jurisdiction}/matters', {
            params: { path: { jurisdiction: j } },
          })
          this.lists[j] = data?.matters ?? []
        }),
      )
    },
    matterName(jurisdiction: string | undefined, code: string | undefined, locale: Locale): string {
      const m = (this.lists[jurisdiction ?? ''] ?? []).find((x) => x.code === code)
      return m ? localized(m.name, locale) : code ?? ''
    },
    /** The matters of a jurisdiction, for a filter. */
    matters(jurisdiction: string | undefined): MatterSummary[] {
      return this.lists[jurisdiction ?? ''] ?? []
    },
  },
})
