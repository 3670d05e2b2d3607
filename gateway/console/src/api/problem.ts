import type { Locale } from '@/format'
import { isProblem, type Problem } from './application'

/** The reason of a failed call in the user's language: the problem's detail, else its status. */
export function problemText(error: unknown, locale: Locale, status?: number): string {
  const p = error as Partial<Problem> | undefined
  const text = (locale === 'zh-CN' ? p?.detailZh : p?.detail) ?? p?.detailZh ?? p?.code
  if (text) return text
  return locale === 'zh-CN' ? `请求失败（${status ?? '无应答'}）` : `request failed (${status ?? 'no answer'})`
}

/** The problem's field messages by field name, in the user's language (shown next to the field). */
export function fieldErrors(error: unknown, locale: Locale): Record<string, string> {
  if (!isProblem(error)) return {}
  const out: Record<string, string> = {}
  for (const e of (error as Problem).errors ?? []) {
    const text = locale === 'zh-CN' ? e.zh : e.en
    out[e.field] = out[e.field] ? `${out[e.field]}；${text}` : text
  }
  return out
}
