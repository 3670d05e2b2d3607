import type { components } from '@/api/supervision'

type Count = components['schemas']['Count']
type Share = components['schemas']['Share']

/** The board's states, in the order the table shows them. */
export const STATES = ['GREEN', 'YELLOW', 'RED', 'PAUSED'] as const

export interface ServiceCounts {
  service: string
  GREEN: number
  YELLOW: number
  RED: number
  PAUSED: number
  total: number
}

/** One row per service: how many open cases stand in each state, and in all. */
export function countsByService(open: Count[]): ServiceCounts[] {
  const rows = new Map<string, ServiceCounts>()
  for (const c of open) {
    const service = c.service ?? ''
    const row = rows.get(service) ?? { service, GREEN: 0, YELLOW: 0, RED: 0, PAUSED: 0, total: 0 }
    const state = (STATES as readonly string[]).includes(c.state ?? '') ? (c.state as (typeof STATES)[number]) : 'GREEN'
    row[state] += c.cases ?? 0
    row.total += c.cases ?? 0
    rows.set(service, row)
  }
  return [...rows.values()].sort((a, b) => a.service.localeCompare(b.service))
}

/** 按时办结率 as a person reads it: 66.7%, or — when nothing was decided. */
export function sharePercent(s: Share): string {
  return s.decided ? `${Math.round(((s.onTime ?? 0) * 1000) / s.decided) / 10}%` : '—'
}

/** This month so far in Beijing: the 1st to today, as the period query wants it. */
export function monthSoFar(now: Date = new Date()): { from: string; to: string } {
  const today = now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
  return { from: `${today.slice(0, 8)}01`, to: today }
}
