// Where a clock stands, in the words and colours of a service hall's board (绿灯/黄牌/红牌).
import type { Locale } from '@/format'

export type Level = 'GREEN' | 'YELLOW' | 'RED' | 'PAUSED' | 'STOPPED'

/** Element Plus tag type of a level: red is danger, yellow a warning, paused and stopped neutral. */
export function levelType(level: string | undefined | null): 'success' | 'warning' | 'danger' | 'info' {
  switch (level) {
    case 'GREEN':
      return 'success'
    case 'YELLOW':
      return 'warning'
    case 'RED':
      return 'danger'
    default:
      return 'info'
  }
}

const HOUR = 3_600_000

/**
 * Time left until a due instant, or the time past it, in whole hours and days of the calendar
 * (the due instant already counts only working time): "剩余 2天3小时", "已超期 5小时".
 */
export function remaining(dueAt: string | undefined | null, now: Date, locale: Locale): string {
  const zh = locale === 'zh-CN'
  if (!dueAt) return zh ? '未公布时限' : 'no limit'
  const due = new Date(dueAt).getTime()
  if (Number.isNaN(due)) return dueAt
  const left = due - now.getTime()
  const hours = Math.floor(Math.abs(left) / HOUR)
  const days = Math.floor(hours / 24)
  const rest = hours % 24
  const span = zh
    ? days ? `${days}天${rest ? `${rest}小时` : ''}` : hours ? `${hours}小时` : '不足1小时'
    : days ? `${days} d${rest ? ` ${rest} h` : ''}` : hours ? `${hours} h` : 'under 1 h'
  if (left >= 0) return zh ? `剩余 ${span}` : `${span} left`
  return zh ? `已超期 ${span}` : `${span} overdue`
}

/** Sorts by due instant, soonest first; no due instant last (the approver's inbox order). */
export function byUrgency<T extends { dueAt?: string | null }>(a: T, b: T): number {
  if (!a.dueAt && !b.dueAt) return 0
  if (!a.dueAt) return 1
  if (!b.dueAt) return -1
  return new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime()
}

/** Sorts by acceptance, newest first (我的办件, the supervisor's case lists); no date last. */
export function newestFirst<T extends { acceptedAt?: string | null }>(a: T, b: T): number {
  const time = (row: T) => (row.acceptedAt ? new Date(row.acceptedAt).getTime() : 0)
  return time(b) - time(a)
}
