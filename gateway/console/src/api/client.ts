import createClient, { type Middleware } from 'openapi-fetch'
import type { paths as GatewayPaths } from './gateway'
import type { paths as CasePaths } from './cases'
import type { paths as ConstructionPaths } from './construction'
import type { paths as PropertyPaths } from './property'
import type { paths as SupervisionPaths } from './supervision'
import {
  isJointReceipt,
  isProblem,
  isReceipt,
  type ApplicationRequest,
  type JointReceipt,
  type Problem,
  type Receipt,
} from './application'

/** Gives a fresh access token (refreshed shortly before it expires); rejects when logged out. */
export type TokenSource = () => Promise<string | undefined>

let tokenSource: TokenSource = async () => undefined

export function useTokens(source: TokenSource): void {
  tokenSource = source
}

const bearer: Middleware = {
  async onRequest({ request }) {
    const token = await tokenSource()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    return request
  },
}

/** The gateway's own API (办事指南, calendar, me, console settings): types from gateway.d.ts. */
export const gateway = createClient<GatewayPaths>({ baseUrl: '' })
gateway.use(bearer)

/** The case API every service shares, reached through the gateway: types from cases.d.ts. */
export const cases = createClient<CasePaths>({ baseUrl: '' })
cases.use(bearer)

/** The construction service's own API (its projects): types from construction.d.ts. */
export const construction = createClient<ConstructionPaths>({ baseUrl: '' })
construction.use(bearer)

/** The registration service's own API (the register: units, completed projects): types from property.d.ts. */
export const property = createClient<PropertyPaths>({ baseUrl: '' })
property.use(bearer)

/** The supervision service's board: types from supervision.d.ts. */
export const supervision = createClient<SupervisionPaths>({ baseUrl: '' })
supervision.use(bearer)

export type Answer =
  | { kind: 'receipt'; status: number; receipt: Receipt }
  | { kind: 'problem'; problem: Problem }
  /** No answer (network, a proxy's page): the outcome is unknown, so retry with the same key. */
  | { kind: 'unreachable'; status?: number }

/** POST /api/v1/applications with the submission's Idempotency-Key; never throws. */
export async function apply(body: string, idempotencyKey: string): Promise<Answer> {
  try {
    const { data, error, response } = await cases.POST('/api/v1/applications', {
      params: { header: { 'Idempotency-Key': idempotencyKey } },
      body,
      bodySerializer: (b) => b,
      headers: { 'Content-Type': 'application/json' },
    })
    return interpret(response.status, data ?? error)
  } catch {
    return { kind: 'unreachable' }
  }
}

export function interpret(status: number, body: unknown): Answer {
  if (isProblem(body)) return { kind: 'problem', problem: body }
  if ((status === 201 || status === 422) && isReceipt(body)) return { kind: 'receipt', status, receipt: body }
  return { kind: 'unreachable', status }
}

export type JointAnswer =
  | { kind: 'joint'; status: number; receipt: JointReceipt }
  | { kind: 'problem'; problem: Problem }
  | { kind: 'unreachable'; status?: number }

/**
 * POST /api/v1/{service}/joint-applications (联合申报) with the submission's Idempotency-Key;
 * never throws. The path is the service's own, so no generated client knows every one of them.
 */
export async function applyJointly(service: string, body: string, idempotencyKey: string): Promise<JointAnswer> {
  try {
    const token = await tokenSource()
    const response = await fetch(`/api/v1/${encodeURIComponent(service)}/joint-applications`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': idempotencyKey,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body,
    })
    const answer: unknown = await response.json().catch(() => undefined)
    if (isProblem(answer)) return { kind: 'problem', problem: answer }
    if ((response.status === 201 || response.status === 422) && isJointReceipt(answer)) {
      return { kind: 'joint', status: response.status, receipt: answer }
    }
    return { kind: 'unreachable', status: response.status }
  } catch {
    return { kind: 'unreachable' }
  }
}

export type { ApplicationRequest }
