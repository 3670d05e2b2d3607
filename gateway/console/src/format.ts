// Dates in Beijing time (the service centres' statutory clock), limits and fees in words.
/** Catalogue text in both languages (the OpenAPI types leave every field optional). */
export type AnyText = { zh?: string; en?: string }

export type Locale = 'zh-CN' | 'en'

const ZONE = 'Asia/Shanghai'

/** An instant as a clerk reads it: Beijing time, whatever the browser's zone. */
export function beijingTime(iso: string | undefined | null, locale: Locale = 'zh-CN'): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return locale === 'zh-CN'
    ? `${get('year')}年${get('month')}月${get('day')}日 ${get('hour')}:${get('minute')}`
    : `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} (Beijing)`
}

export function localized(text: AnyText | undefined | null, locale: Locale): string {
  if (!text) return ''
  return (locale === 'zh-CN' ? text.zh : text.en) ?? text.zh ?? ''
}

const UNITS: Record<string, { zh: string; en: string }> = {
  WORKING_HOURS: { zh: '个工作小时', en: 'working hours' },
  HOURS: { zh: '个工作小时', en: 'working hours' },
  WORKING_DAYS: { zh: '个工作日', en: 'working days' },
  NATURAL_DAYS: { zh: '个自然日', en: 'calendar days' },
  MONTHS: { zh: '个月', en: 'months' },
}

/** 0.5 WORKING_DAYS → "0.5 个工作日"; IMMEDIATE → "即时办结"; no limit → "未公布时限". */
export function limitText(limit: { amount?: number; unit?: string } | undefined | null, locale: Locale): string {
  if (!limit || !limit.unit) return locale === 'zh-CN' ? '未公布时限' : 'no limit published'
  if (limit.unit === 'IMMEDIATE') return locale === 'zh-CN' ? '即时办结' : 'decided on the spot'
  const unit = UNITS[limit.unit] ?? { zh: limit.unit, en: limit.unit }
  return locale === 'zh-CN' ? `${limit.amount} ${unit.zh}` : `${limit.amount} ${unit.en}`
}

/** A fee: "免费" when waived (and who pays instead), else the amount in yuan, else the rule. */
export function feeText(
  fee: { amount?: number; waived?: boolean; paidBy?: AnyText },
  locale: Locale,
): string {
  const zh = locale === 'zh-CN'
  if (fee.waived) {
    const payer = fee.paidBy ? localized(fee.paidBy, locale) : ''
    return zh ? (payer ? `免费（由${payer}承担）` : '免费') : payer ? `free (paid by ${payer})` : 'free'
  }
  if (fee.amount === undefined || fee.amount === null) return zh ? '按规定收取' : 'as the rules set'
  return zh ? `${fee.amount} 元` : `CNY ${fee.amount}`
}
