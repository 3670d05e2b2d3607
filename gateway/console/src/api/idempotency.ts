/**
 * The Idempotency-Key of one submission: kept while the same application is sent again (a retry
 * after a time-out or a 503 gets the first answer, never a second case), new when the application
 * changed, and dropped once a case was opened, so the next applicant's case is a new one.
 */
export class Submission {
  private body: string | undefined
  private key: string | undefined

  constructor(private readonly newKey: () => string = uuid) {}

  /** The body to send and the key to send it with. */
  prepare(payload: unknown): { body: string; key: string } {
    const body = JSON.stringify(payload)
    if (body !== this.body || this.key === undefined) {
      this.body = body
      this.key = this.newKey()
    }
    return { body, key: this.key }
  }

  /** After a case was opened: the next submission is another application. */
  reset(): void {
    this.body = undefined
    this.key = undefined
  }
}

/** A random (version 4) UUID, also where crypto.randomUUID is missing (not a secure context). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
