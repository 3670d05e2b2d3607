import { ref } from 'vue'
import type { Receipt } from '@/api/application'
import { mergeMatters, type Matter } from './form'

/**
 * The matter a form is for: one picked in the 办事指南, or several applied for together (联合申报,
 * merged into one form), and the receipts that came back. Shared by the window and the applicant.
 */
export function useMatterChoice() {
  const matter = ref<Matter | null>(null)
  const jointMatters = ref<Matter[] | null>(null)
  const outcome = ref<Receipt | null>(null)
  const jointOutcome = ref<Receipt[] | null>(null)

  function reset(picked: Matter | null, joint: Matter[] | null) {
    matter.value = picked
    jointMatters.value = joint
    outcome.value = null
    jointOutcome.value = null
  }
  const pickOne = (picked: Matter | null) => reset(picked, null)
  const pickJoint = (picked: Matter[]) => reset(mergeMatters(picked), picked)
  /** The matter a receipt of a joint application is for (its name on the receipt). */
  const matterOf = (code: string) => jointMatters.value?.find((m) => m.code === code) ?? matter.value!

  return { matter, jointMatters, outcome, jointOutcome, pickOne, pickJoint, matterOf }
}
