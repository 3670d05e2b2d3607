import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

export type MessageSchema = typeof zhCN

/** zh-CN first (the service centres' language), English second; the choice is kept per browser. */
const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('onewindow.locale') : null

export const i18n = createI18n<[MessageSchema], 'zh-CN' | 'en', false>({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export function setLocale(locale: 'zh-CN' | 'en'): void {
  i18n.global.locale.value = locale
  localStorage.setItem('onewindow.locale', locale)
  document.documentElement.lang = locale
}
