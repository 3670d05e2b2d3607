/** One case whose dates a recomputation moved onto the newly published holiday calendar. */
export interface Recomputed {
  caseNumber?: string
  dueBefore?: string
  dueAfter?: string
  calendarKnown?: boolean
}

/** What one batch call answered: the cases it did and how many are left, or why it failed. */
export type BatchAnswer = { ok: true; recomputed: Recomputed[]; remaining: number } | Refusal

/** Why a batch failed, with the server's reasons by field (reason, batchSize) to show next to them. */
export interface Refusal {
  ok: false
  reason: string
  fields?: Record<string, string>
}

/** How far one service has got: cases done so far and left. */
export interface Progress {
  done: number
  remaining: number
  changed: Recomputed[]
}

/** Share done, 0–100: a service with nothing to do is complete. */
export function percent(p: { done: number; remaining: number }): number {
  const all = p.done + p.remaining
  return all === 0 ? 100 : Math.floor((100 * p.done) / all)
}

/**
 * Calls {@code batch} until no case remains, reporting after each call; null when done, else why
 * it stopped. Each batch is one transaction on the server, so stopping half-way leaves every
 * case either recomputed or untouched, and starting again goes on where it stopped. A batch that
 * does nothing while cases remain (another administrator is on them) stops the loop instead of
 * spinning.
 */
export async function recomputeAll(
  batch: () => Promise<BatchAnswer>,
  report: (progress: Progress) => void,
  stalled: string,
): Promise<Refusal | null> {
  const progress: Progress = { done: 0, remaining: 0, changed: [] }
  for (;;) {
    const answer = await batch()
    if (!answer.ok) return answer
    progress.done += answer.recomputed.length
    progress.remaining = answer.remaining
    progress.changed = [...progress.changed, ...answer.recomputed]
    report({ ...progress })
    if (answer.remaining === 0) return null
    if (answer.recomputed.length === 0) return { ok: false, reason: stalled }
  }
}
