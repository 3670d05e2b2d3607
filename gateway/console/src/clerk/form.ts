// The window's application form, generated from the 办事指南 entry of a matter: one row per
// material (paper / upload / e-licence / commitment, as the catalogue allows), the applicant, and
// the routing inputs the matter's conditions test. Plain functions, tested in form.test.ts.
import type { components } from '@/api/gateway'
import type {
  ApplicantType,
  Channel,
  ApplicationRequest,
  JointApplicationRequest,
  LocalizedText,
  MaterialForm,
  MissingMaterial,
  Problem,
} from '@/api/application'

export type Matter = components['schemas']['MatterGuide']
export type CatalogueMaterial = components['schemas']['Material']
export type Condition = components['schemas']['Condition']
export type Component = components['schemas']['Component']

/** How a material is presented at the window; NONE: not brought (容缺 or 补正 decides). */
export type Presented = MaterialForm | 'NONE'

export interface MaterialEntry {
  code: string
  form: Presented
  reference: string
}

export interface ApplicationForm {
  matterCode: string
  applicant: { type: ApplicantType; name: string; uscc: string; idNumber: string }
  materials: MaterialEntry[]
  data: Record<string, string | number | boolean | null>
}

/** Messages by form field: 'applicant.name', 'materials.<code>.reference', 'data.<key>'… */
export type FieldErrors = Record<string, LocalizedText[]>

const text = (zh: string, en: string): LocalizedText => ({ zh, en })

/** The forms the catalogue allows for a material, in the order the window offers them. */
export function formsFor(material: CatalogueMaterial): Presented[] {
  const forms: Presented[] = ['PAPER', 'UPLOAD']
  if (material.eLicence) forms.push('E_LICENCE')
  if (material.commitmentAllowed) forms.push('COMMITMENT')
  forms.push('NONE')
  return forms
}

/** An upload's file number or an e-licence's number travels with the material. */
export function needsReference(form: Presented): boolean {
  return form === 'UPLOAD' || form === 'E_LICENCE'
}

export function emptyForm(matter: Matter): ApplicationForm {
  return {
    matterCode: matter.code ?? '',
    applicant: { type: 'PERSON', name: '', uscc: '', idNumber: '' },
    materials: (matter.materials ?? []).map((m) => ({ code: m.code ?? '', form: 'NONE', reference: '' })),
    data: Object.fromEntries(conditionFields(matter).map((f) => [f.key, null])),
  }
}

export type ConditionInput = NonNullable<Condition['input']>

export interface ConditionField {
  /** the field in the application's data: CAPACITY_KVA → capacityKva */
  key: string
  input: ConditionInput
  kind: 'number' | 'boolean' | 'text'
  unit?: string
  /** the values the catalogue names (a TEXT input's choices) */
  values: unknown[]
}

const UNITS: Partial<Record<ConditionInput, string>> = {
  CAPACITY_KW: 'kW',
  CAPACITY_KVA: 'kVA',
  LINE_LENGTH_M: 'm',
  PIPE_LENGTH_M: 'm',
  INVESTMENT_CNY_10K: 'CNY_10K',
  FLOOR_AREA_M2: 'm2',
}

/** CAPACITY_KVA → capacityKva, INVESTMENT_CNY_10K → investmentCny10k (the kernel's ConditionInput keys). */
export function inputKey(input: string): string {
  return input
    .toLowerCase()
    .split('_')
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('')
}

// the kernel's ConditionInput types the OpenAPI enum does not carry: flags, and text with fixed choices
const FLAGS = new Set<string>([
  'LOW_RISK',
  'EXTERNAL_WORKS',
  'DIRECT_CONNECTION',
  'URBAN_PLANNING_AREA',
  'TAX_PREPAID',
  'NOTARISED',
  'UNDER_CONSTRUCTION',
  'TRANSFORMER_UPGRADE',
  'INTERESTED_THIRD_PARTY',
  'THREE_ZERO_SERVICE',
  'ARTERIAL_ROAD_DIGGING',
])
const CHOICES: Record<string, string[]> = {
  PROJECT_CATEGORY: [
    'gov-building',
    'gov-municipal-linear',
    'social-industrial-linear',
    'social-building',
    'social-land-with-scheme',
    'social-small-industrial-low-risk',
  ],
  ACCEPTANCE_MODE: ['COMPREHENSIVE', 'STAGED'],
  CONSTRUCTION_SECTION: ['foundation', 'underground', 'superstructure'],
  VOLTAGE: ['LOW', 'HIGH_10KV'],
}

/**
 * One field per input of the matter: what its conditions test (kW, metres, category …) and what
 * else it asks for (`inputs`: a construction project's code and name …), in the catalogue's order.
 */
export function conditionFields(matter: Matter): ConditionField[] {
  const fields = new Map<string, ConditionField>()
  const listedOnly = new Set<string>() // inputs whose choices no condition has narrowed yet
  for (const input of matter.inputs ?? []) {
    const key = inputKey(input)
    const kind = UNITS[input] ? 'number' : FLAGS.has(input) ? 'boolean' : 'text'
    fields.set(key, { key, input, kind, unit: UNITS[input], values: [...(CHOICES[input] ?? [])] })
    listedOnly.add(key)
  }
  for (const c of matter.conditions ?? []) {
    if (!c.input) continue
    const values = c.values ?? []
    const key = inputKey(c.input)
    const known = fields.get(key)
    if (known) {
      // a condition narrows a listed input's choices to those this matter takes
      if (listedOnly.delete(key) && known.kind === 'text' && values.length) known.values = []
      for (const v of values) if (!known.values.includes(v)) known.values.push(v)
      continue
    }
    const kind = UNITS[c.input] ? 'number' : typeof values[0] === 'boolean' ? 'boolean' : 'text'
    fields.set(key, { key, input: c.input, kind, unit: UNITS[c.input], values: [...values] })
  }
  return [...fields.values()]
}

// GB 32100-2015: 18 characters, the last a check character over the first 17
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function usccValid(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(code[i]) * USCC_WEIGHTS[i]
  const check = (31 - (sum % 31)) % 31
  return code[17] === USCC_CHARS[check]
}

// GB 11643-1999: a resident identity number's check character
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** Only an 18-character resident identity number is checked; other documents pass as given. */
export function residentIdCheckFails(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0)
  return '10X98765432'[sum % 11] !== id[17]
}

const normalise = (s: string) => s.trim().toUpperCase()

/** What the window can see before sending: everything at once, as the server would say it. */
export function check(form: ApplicationForm, matter: Matter): FieldErrors {
  const errors: FieldErrors = {}
  const add = (field: string, message: LocalizedText) => (errors[field] ??= []).push(message)
  const a = form.applicant
  if (!a.name.trim()) add('applicant.name', text('请填写申请人名称', "the applicant's name is required"))
  if (a.type === 'ENTERPRISE') {
    const uscc = normalise(a.uscc)
    if (!uscc) add('applicant.uscc', text('请填写统一社会信用代码', 'the unified social credit code is required'))
    else if (!usccValid(uscc))
      add('applicant.uscc', text('统一社会信用代码有误，请核对：' + uscc, 'not a valid unified social credit code: ' + uscc))
  } else {
    const id = normalise(a.idNumber)
    if (!id) add('applicant.idNumber', text('请填写身份证件号码', 'the identity number is required'))
    else if (residentIdCheckFails(id))
      add('applicant.idNumber', text('身份证号码校验位不符，请核对：' + id, 'the identity number fails its check digit: ' + id))
  }
  for (const entry of form.materials) {
    const material = matter.materials?.find((m) => m.code === entry.code)
    if (!material || entry.form === 'NONE') continue
    if (!formsFor(material).includes(entry.form))
      add(`materials.${entry.code}.form`, text('本材料不能以该形式提交', 'this material cannot be given in that form'))
    if (needsReference(entry.form) && !entry.reference.trim())
      add(`materials.${entry.code}.reference`, text('请填写文件编号或电子证照编号', 'an upload or e-licence needs its reference'))
  }
  for (const field of conditionFields(matter)) {
    const value = form.data[field.key]
    if (field.kind === 'number' && value !== null && value !== '' && !Number.isFinite(Number(value)))
      add(`data.${field.key}`, text('请填写数字', 'give a number'))
  }
  return errors
}

/** The body of POST /api/v1/applications: a walk-in at the clerk's window, or an applicant online. */
export function buildPayload(
  form: ApplicationForm,
  matter: Matter,
  jurisdiction: string,
  channel: Channel = 'WINDOW',
): ApplicationRequest {
  const a = form.applicant
  const applicant: ApplicationRequest['applicant'] = { type: a.type, name: a.name.trim() }
  if (a.type === 'ENTERPRISE') applicant.uscc = normalise(a.uscc)
  else applicant.idNumber = normalise(a.idNumber)
  const materials: ApplicationRequest['materials'] = []
  for (const entry of form.materials) {
    if (entry.form === 'NONE') continue
    materials.push(
      needsReference(entry.form)
        ? { code: entry.code, form: entry.form, reference: entry.reference.trim() }
        : { code: entry.code, form: entry.form },
    )
  }
  const data: ApplicationRequest['data'] = {}
  for (const field of conditionFields(matter)) {
    const value = form.data[field.key]
    if (value === null || value === undefined || value === '') continue
    data[field.key] = field.kind === 'number' ? Number(value) : value
  }
  return { jurisdiction, matterCode: matter.code ?? form.matterCode, channel, applicant, materials, data }
}

/**
 * A problem's errors next to the fields they name. The server names fields of the payload
 * ("materials[2].reference", "applicant.uscc"); the form names materials by code. What names no
 * field of the form (the jurisdiction, a header) is general, shown above the form.
 */
export function problemErrors(problem: Problem, payload: ApplicationRequest): { fields: FieldErrors; general: LocalizedText[] } {
  const fields: FieldErrors = {}
  const general: LocalizedText[] = []
  const dataKeys = new Set(Object.keys(payload.data))
  for (const e of problem.errors ?? []) {
    const message = text(e.zh, e.en)
    const field = formField(e.field, payload, dataKeys)
    if (field) (fields[field] ??= []).push(message)
    else general.push(message)
  }
  if (general.length === 0 && Object.keys(fields).length === 0)
    general.push(text(problem.detailZh ?? problem.detail ?? problem.code, problem.detail ?? problem.code))
  return { fields, general }
}

function formField(field: string, payload: ApplicationRequest, dataKeys: Set<string>): string | undefined {
  const material = /^materials\[(\d+)\](?:\.(\w+))?$/.exec(field)
  if (material) {
    const code = payload.materials[Number(material[1])]?.code
    if (!code) return undefined
    const prop = material[2] === 'reference' ? 'reference' : 'form'
    return `materials.${code}.${prop}`
  }
  if (field === 'applicant') return payload.applicant.type === 'ENTERPRISE' ? 'applicant.uscc' : 'applicant.idNumber'
  if (/^applicant\.(type|name|uscc|idNumber)$/.test(field)) return field
  if (field.startsWith('data.')) return field
  if (dataKeys.has(field)) return `data.${field}`
  return undefined
}

/** 补正 / 容缺: each missing item next to its row (materials by code, routing inputs by key). */
export function missingErrors(missing: MissingMaterial[], matter: Matter): FieldErrors {
  const fields: FieldErrors = {}
  const inputs = new Set(conditionFields(matter).map((f) => f.key))
  for (const m of missing) {
    const field = inputs.has(m.code) ? `data.${m.code}` : `materials.${m.code}.form`
    ;(fields[field] ??= []).push(m.reason)
  }
  return fields
}

/**
 * 联合申报: the matters chosen together as one form: every material once (core if any matter
 * needs it as core), every input once, every condition kept, the names joined.
 */
export function mergeMatters(matters: Matter[]): Matter {
  const materials = new Map<string, CatalogueMaterial>()
  for (const m of matters.flatMap((x) => x.materials ?? [])) {
    const had = materials.get(m.code ?? '')
    materials.set(m.code ?? '', had ? { ...had, core: Boolean(had.core || m.core) } : m)
  }
  return {
    ...matters[0],
    code: matters.map((m) => m.code).join('+'),
    name: {
      zh: matters.map((m) => m.name?.zh).join('、'),
      en: matters.map((m) => m.name?.en).join(', '),
    },
    materials: [...materials.values()],
    inputs: [...new Set(matters.flatMap((m) => m.inputs ?? []))],
    conditions: matters.flatMap((m) => m.conditions ?? []),
  }
}

/** The joint request: the form's payload for all the matters at once. */
export function jointPayload(payload: ApplicationRequest, matterCodes: string[]): JointApplicationRequest {
  const { matterCode: _merged, ...rest } = payload
  return { ...rest, matterCodes }
}

/**
 * 事项引导: the query asking the public guide which matter the form's routing inputs fit (the
 * matter's code family: UT-E for electricity, CP- for construction …), or null while the clerk has
 * given none of the inputs the matter's thresholds test.
 */
export function selectionQuery(matter: Matter, data: Record<string, unknown>): Record<string, string> | null {
  const tested = new Set((matter.conditions ?? []).flatMap((c) => (c.input ? [inputKey(c.input)] : [])))
  const given = Object.entries(data).filter(
    ([key, value]) => tested.has(key) && value !== null && value !== undefined && value !== '',
  )
  if (!given.length || !matter.code) return null
  return {
    family: matter.code.replace(/[0-9].*$/, ''),
    ...Object.fromEntries(given.map(([key, value]) => [key, String(value)])),
  }
}

/** The process of 联合报装 (UT-J1): its components are the utilities its one form connects. */
const JOINT_UTILITY_PROCESS = 'joint-utility-application'

/**
 * 联合报装: the utilities a joint connection matter offers (its catalogue components), for the
 * applicant to tick; none for any other matter. The intake chooses each utility's own matter.
 */
export function jointUtilities(matter: Matter): Component[] {
  return matter.processKey === JOINT_UTILITY_PROCESS ? (matter.components ?? []).filter((c) => !!c.id) : []
}
