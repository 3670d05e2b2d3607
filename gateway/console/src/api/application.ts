// The application contract of every case service (POST /api/v1/applications, docs/api.md), as
// the kernel defines it (org.onewindow.kernel.application.model.Application and Receipt).
// Written by hand: the runtime's OpenAPI describes this endpoint's body as raw bytes (it keeps
// them for the Idempotency-Key's fingerprint). Its path and header are checked against cases.d.ts.

export interface LocalizedText {
  zh: string
  en: string
}

export type MaterialForm = 'PAPER' | 'UPLOAD' | 'E_LICENCE' | 'COMMITMENT'
export type ApplicantType = 'ENTERPRISE' | 'PERSON'
export type Channel = 'WINDOW' | 'ONLINE' | 'BANK_BRANCH' | 'CROSS_REGION'

export interface ApplicationRequest {
  jurisdiction: string
  matterCode: string
  channel: Channel
  applicant: { type: ApplicantType; name: string; uscc?: string; idNumber?: string }
  materials: { code: string; form: MaterialForm; reference?: string }[]
  /** the routing inputs; 联合报装 adds utilities, the components ticked */
  data: Record<string, string | number | boolean | string[]>
}

export type AcceptanceOutcome = 'ACCEPTED' | 'ACCEPTED_WITH_DEFICIENCY' | 'RETURNED_FOR_CORRECTION' | 'REFUSED'

/** One item of the 一次性告知 list (or, after 容缺受理, of what is owed). */
export interface MissingMaterial {
  code: string
  name: LocalizedText
  core: boolean
  reason: LocalizedText
}

/** 受理回执: 201 when a case is opened, 422 for 补正 or 不予受理. */
export interface Receipt {
  caseNumber?: string
  jurisdiction: string
  matterCode: string
  outcome: AcceptanceOutcome
  acceptedAt?: string
  promisedDueAt?: string
  calendarKnown?: boolean
  missingMaterials?: MissingMaterial[]
  supplementDueAt?: string
  refusal?: LocalizedText
  stepPromises?: { step: string; dueAt: string }[]
  wholeProcessDueAt?: string
  results?: Record<string, unknown>
  /** what the applicant should know beyond the outcome (an application that was not required) */
  notices?: LocalizedText[]
}

/** 联合申报 (POST /api/v1/{service}/joint-applications): several matters, shared materials once. */
export interface JointApplicationRequest extends Omit<ApplicationRequest, 'matterCode'> {
  matterCodes: string[]
}

/** One item of the consolidated list (统一补正), with the matters that need it. */
export interface JointMissingItem extends MissingMaterial {
  matterCodes: string[]
}

/** 201 with every matter's receipt, or 422 with one list for all and no case opened. */
export interface JointReceipt {
  jurisdiction: string
  outcome: AcceptanceOutcome
  receipts: Receipt[]
  missingMaterials: JointMissingItem[]
  refusals: { matterCode: string; reason: LocalizedText }[]
}

export function isJointReceipt(body: unknown): body is JointReceipt {
  return isReceipt(body) && Array.isArray((body as unknown as JointReceipt).receipts)
}

/** application/problem+json, the shape of every error (docs/api.md#errors). */
export interface Problem {
  type?: string
  status: number
  code: string
  detail?: string
  detailZh?: string
  errors?: { field: string; code: string; en: string; zh: string }[]
}

export function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).code === 'string'
    && typeof (body as Problem).status === 'number'
}

export function isReceipt(body: unknown): body is Receipt {
  return typeof body === 'object' && body !== null && typeof (body as Receipt).outcome === 'string'
}
