import { ref } from 'vue'
import { fieldErrors, problemText } from '@/api/problem'
import type { Locale } from '@/format'

type Call = () => Promise<{ error?: unknown; response: Response }>

/**
 * One action on a case (suspend, decide, rate …): busy while it runs, the problem's Chinese reason
 * next to the field it names (or above the form), the case read again once it is done.
 */
export function useAction(locale: () => Locale, done: () => Promise<void> | void) {
  const busy = ref('')
  const error = ref('')
  const fields = ref<Record<string, string>>({})

  async function run(name: string, call: Call, success: string): Promise<boolean> {
    busy.value = name
    error.value = ''
    fields.value = {}
    try {
      const { error: problem, response } = await call()
      if (!response.ok) {
        error.value = problemText(problem, locale(), response.status)
        fields.value = fieldErrors(problem, locale())
        return false
      }
      await done() // the message comes with the page showing what the back office stored
      ElMessage.success(success)
      return true
    } catch {
      error.value = problemText(undefined, locale())
      return false
    } finally {
      busy.value = ''
    }
  }

  return { busy, error, fields, run }
}
