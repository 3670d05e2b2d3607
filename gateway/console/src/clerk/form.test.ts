import { describe, expect, it } from 'vitest'
import {
  buildPayload,
  check,
  conditionFields,
  emptyForm,
  formsFor,
  inputKey,
  jointPayload,
  jointUtilities,
  mergeMatters,
  missingErrors,
  needsReference,
  problemErrors,
  residentIdCheckFails,
  selectionQuery,
  usccValid,
  type Matter,
} from './form'

// EO-1 of FC as the 办事指南 answers it (shortened), and a utility matter with routing inputs
const EO1: Matter = {
  jurisdiction: 'FC',
  code: 'EO-1',
  name: { zh: '企业开办', en: 'Enterprise opening bundle' },
  materials: [
    { code: 'application-form', name: { zh: '企业设立登记申请书', en: '' }, core: true, commitmentAllowed: false },
    { code: 'articles-of-association', name: { zh: '公司章程', en: '' }, core: true, commitmentAllowed: false },
    { code: 'legal-representative-id', name: { zh: '法定代表人身份证件', en: '' }, core: true, commitmentAllowed: false, eLicence: 'ID_CARD' },
    { code: 'premises-proof', name: { zh: '住所使用证明', en: '' }, core: false, commitmentAllowed: true, eLicence: 'PROPERTY_CERTIFICATE' },
    { code: 'officer-appointment', name: { zh: '任职文件', en: '' }, core: false, commitmentAllowed: false },
  ],
  conditions: [],
}

const UTILITY: Matter = {
  code: 'UT-E1',
  materials: [{ code: 'application-form', core: true, commitmentAllowed: false }],
  conditions: [
    { input: 'VOLTAGE', op: 'EQ', values: ['LOW'] },
    { input: 'EXTERNAL_WORKS', op: 'EQ', values: [false] },
    { input: 'CAPACITY_KVA', op: 'LE', values: [160] },
    { input: 'VOLTAGE', op: 'IN', values: ['LOW', 'MEDIUM'] },
  ],
}

function filled(matter: Matter = EO1) {
  const form = emptyForm(matter)
  form.applicant.name = '示例商贸有限公司（筹）'
  form.applicant.idNumber = '110105194912310029'.slice(0, 17) + 'X'
  return form
}

describe('material rules', () => {
  it('offers paper and upload always, e-licence and commitment only where the catalogue allows them', () => {
    expect(formsFor(EO1.materials![0])).toEqual(['PAPER', 'UPLOAD', 'NONE'])
    expect(formsFor(EO1.materials![2])).toEqual(['PAPER', 'UPLOAD', 'E_LICENCE', 'NONE'])
    expect(formsFor(EO1.materials![3])).toEqual(['PAPER', 'UPLOAD', 'E_LICENCE', 'COMMITMENT', 'NONE'])
  })

  it('asks for a reference with an upload and an e-licence only', () => {
    expect(['PAPER', 'UPLOAD', 'E_LICENCE', 'COMMITMENT', 'NONE'].map((f) => needsReference(f as never))).toEqual([
      false, true, true, false, false,
    ])
  })

  it('starts with every material of the matter not yet given', () => {
    const form = emptyForm(EO1)
    expect(form.materials.map((m) => [m.code, m.form])).toEqual(EO1.materials!.map((m) => [m.code, 'NONE']))
  })

  it('names a missing reference and a form the catalogue does not allow, all at once', () => {
    const form = filled()
    form.materials[2].form = 'E_LICENCE'
    form.materials[1].form = 'COMMITMENT'
    form.materials[4].form = 'UPLOAD'
    form.materials[4].reference = '   '
    const errors = check(form, EO1)
    expect(Object.keys(errors).sort()).toEqual([
      'materials.articles-of-association.form',
      'materials.legal-representative-id.reference',
      'materials.officer-appointment.reference',
    ])
    expect(errors['materials.legal-representative-id.reference'][0].zh).toBe('请填写文件编号或电子证照编号')
  })
})

describe('the applicant', () => {
  it('checks a credit code by its GB 32100 check character', () => {
    expect(usccValid('91110105MA01FC010D')).toBe(true)
    expect(usccValid('91310115MA02LC022T')).toBe(true)
    expect(usccValid('91110105MA01FC010E')).toBe(false)
    expect(usccValid('91110105MA01FC01')).toBe(false)
  })

  it('checks an 18-character resident identity number by its check digit, passes other documents', () => {
    expect(residentIdCheckFails('11010519491231002X')).toBe(false)
    expect(residentIdCheckFails('370402199001011238')).toBe(false)
    expect(residentIdCheckFails('370402199001011234')).toBe(true)
    expect(residentIdCheckFails('E12345678')).toBe(false)
  })

  it('needs a name and the identity that goes with the type', () => {
    const form = emptyForm(EO1)
    expect(Object.keys(check(form, EO1)).sort()).toEqual(['applicant.idNumber', 'applicant.name'])
    form.applicant.type = 'ENTERPRISE'
    form.applicant.uscc = '91110105ma01fc010e'
    const errors = check(form, EO1)
    expect(errors['applicant.uscc'][0].zh).toBe('统一社会信用代码有误，请核对：91110105MA01FC010E')
  })
})

describe('the payload', () => {
  it('is the window application of the clerk’s jurisdiction, with the materials given and only their references', () => {
    const form = filled()
    form.materials[0].form = 'PAPER'
    form.materials[0].reference = 'typed before switching to paper'
    form.materials[2].form = 'E_LICENCE'
    form.materials[2].reference = ' EL-ID-11010519491231002X '
    form.materials[3].form = 'COMMITMENT'
    expect(buildPayload(form, EO1, 'FC')).toEqual({
      jurisdiction: 'FC',
      matterCode: 'EO-1',
      channel: 'WINDOW',
      applicant: { type: 'PERSON', name: '示例商贸有限公司（筹）', idNumber: '11010519491231002X' },
      materials: [
        { code: 'application-form', form: 'PAPER' },
        { code: 'legal-representative-id', form: 'E_LICENCE', reference: 'EL-ID-11010519491231002X' },
        { code: 'premises-proof', form: 'COMMITMENT' },
      ],
      data: {},
    })
  })

  it('sends an enterprise by its credit code, in capitals, and no identity number', () => {
    const form = filled()
    form.applicant.type = 'ENTERPRISE'
    form.applicant.uscc = ' 91110105ma01fc010d'
    expect(buildPayload(form, EO1, 'FC').applicant).toEqual({
      type: 'ENTERPRISE',
      name: '示例商贸有限公司（筹）',
      uscc: '91110105MA01FC010D',
    })
  })

  it('carries the routing inputs the conditions test, typed, and leaves out what was not given', () => {
    expect(conditionFields(UTILITY).map((f) => [f.key, f.kind, f.unit, f.values])).toEqual([
      ['voltage', 'text', undefined, ['LOW', 'MEDIUM']],
      ['externalWorks', 'boolean', undefined, [false]],
      ['capacityKva', 'number', 'kVA', [160]],
    ])
    const form = filled(UTILITY)
    form.data.capacityKva = '120'
    form.data.externalWorks = false
    expect(buildPayload(form, UTILITY, 'FC').data).toEqual({ capacityKva: 120, externalWorks: false })
  })

  it('asks for what a matter lists beyond its conditions, with the choices a condition leaves', () => {
    const permit = {
      code: 'CP-2a',
      inputs: ['PROJECT_CODE', 'PROJECT_NAME', 'PROJECT_CATEGORY', 'FLOOR_AREA_M2', 'ACCEPTANCE_MODE', 'CONSTRUCTION_SECTION'],
      conditions: [{ input: 'PROJECT_CATEGORY', op: 'IN', values: ['social-industrial-linear', 'social-building'] }],
    } as unknown as Matter
    expect(conditionFields(permit).map((f) => [f.key, f.kind, f.unit, f.values])).toEqual([
      ['projectCode', 'text', undefined, []],
      ['projectName', 'text', undefined, []],
      ['projectCategory', 'text', undefined, ['social-industrial-linear', 'social-building']],
      ['floorAreaM2', 'number', 'm2', []],
      ['acceptanceMode', 'text', undefined, ['COMPREHENSIVE', 'STAGED']],
      ['constructionSection', 'text', undefined, ['foundation', 'underground', 'superstructure']],
    ])
  })

  it('names the data keys as the kernel does', () => {
    expect(['CAPACITY_KW', 'INVESTMENT_CNY_10K', 'FLOOR_AREA_M2', 'URBAN_PLANNING_AREA'].map(inputKey)).toEqual([
      'capacityKw', 'investmentCny10k', 'floorAreaM2', 'urbanPlanningArea',
    ])
  })
})

describe('problems next to their fields', () => {
  const form = filled()
  form.materials[0].form = 'PAPER'
  form.materials[2].form = 'UPLOAD'
  form.materials[2].reference = 'F-1'
  const payload = buildPayload(form, EO1, 'FC')

  it('puts each error of a 400 next to the field it names, materials by code', () => {
    const { fields, general } = problemErrors(
      {
        status: 400,
        code: 'request.invalid',
        detailZh: '请求数据有误',
        errors: [
          { field: 'materials[1].reference', code: 'material.reference-missing', zh: '请填写文件编号或电子证照编号', en: 'x' },
          { field: 'applicant.name', code: 'applicant.name-missing', zh: '请填写申请人名称', en: 'y' },
          { field: 'applicant', code: 'applicant.identity-missing', zh: '请填写统一社会信用代码或身份证件号码', en: 'z' },
          { field: 'jurisdiction', code: 'jurisdiction.malformed', zh: '请填写辖区代码（如 FC）', en: 'w' },
        ],
      },
      payload,
    )
    expect(fields).toEqual({
      'materials.legal-representative-id.reference': [{ zh: '请填写文件编号或电子证照编号', en: 'x' }],
      'applicant.name': [{ zh: '请填写申请人名称', en: 'y' }],
      'applicant.idNumber': [{ zh: '请填写统一社会信用代码或身份证件号码', en: 'z' }],
    })
    expect(general).toEqual([{ zh: '请填写辖区代码（如 FC）', en: 'w' }])
  })

  it('says the problem’s own text when it names no field', () => {
    expect(
      problemErrors({ status: 403, code: 'access.denied', detailZh: '只能受理本辖区的申请', detail: 'own jurisdiction only' }, payload),
    ).toEqual({ fields: {}, general: [{ zh: '只能受理本辖区的申请', en: 'own jurisdiction only' }] })
  })

  it('puts the 补正 list next to the materials and the routing inputs', () => {
    const reason = { zh: '未提交', en: 'missing' }
    expect(
      missingErrors(
        [
          { code: 'articles-of-association', name: { zh: '公司章程', en: '' }, core: true, reason },
          { code: 'capacityKva', name: { zh: 'capacityKva', en: 'capacityKva' }, core: true, reason },
        ],
        UTILITY,
      ),
    ).toEqual({ 'materials.articles-of-association.form': [reason], 'data.capacityKva': [reason] })
  })
})

describe('联合申报', () => {
  const cp3 = {
    code: 'CP-3',
    service: 'CONSTRUCTION_PERMIT',
    name: { zh: '建设工程规划许可', en: 'Planning permit' },
    inputs: ['PROJECT_CODE', 'PROJECT_CATEGORY'],
    materials: [
      { code: 'application-form', core: true },
      { code: 'design-scheme', core: true },
      { code: 'agent-authorisation', core: false },
    ],
  } as unknown as Matter
  const cp4 = {
    code: 'CP-4',
    service: 'CONSTRUCTION_PERMIT',
    name: { zh: '设计方案审查', en: 'Design-scheme review' },
    inputs: ['PROJECT_CODE', 'FLOOR_AREA_M2'],
    materials: [
      { code: 'application-form', core: true },
      { code: 'planning-conditions', core: true },
      { code: 'agent-authorisation', core: true },
    ],
  } as unknown as Matter

  it('asks for every shared material once, as core when any matter needs it so', () => {
    const merged = mergeMatters([cp3, cp4])
    expect(merged.code).toBe('CP-3+CP-4')
    expect(merged.name?.zh).toBe('建设工程规划许可、设计方案审查')
    expect(merged.materials?.map((m) => [m.code, m.core])).toEqual([
      ['application-form', true],
      ['design-scheme', true],
      ['agent-authorisation', true],
      ['planning-conditions', true],
    ])
    expect(conditionFields(merged).map((f) => f.key)).toEqual(['projectCode', 'projectCategory', 'floorAreaM2'])
  })

  it('sends the matters instead of one matter code', () => {
    const merged = mergeMatters([cp3, cp4])
    const form = filled(merged)
    for (const m of form.materials) m.form = 'PAPER'
    const joint = jointPayload(buildPayload(form, merged, 'FC'), ['CP-3', 'CP-4'])
    expect(joint.matterCodes).toEqual(['CP-3', 'CP-4'])
    expect('matterCode' in joint).toBe(false)
    expect(joint.materials.map((m) => m.code)).toEqual([
      'application-form', 'design-scheme', 'agent-authorisation', 'planning-conditions',
    ])
  })
})


describe('事项引导', () => {
  it('asks the guide with the routing inputs given so far, by the matter\'s code family', () => {
    expect(selectionQuery(UTILITY, { voltage: null, externalWorks: null, capacityKva: null })).toBeNull()
    expect(selectionQuery(UTILITY, { voltage: 'LOW', externalWorks: false, capacityKva: '', projectName: 'x' })).toEqual({
      family: 'UT-E',
      voltage: 'LOW',
      externalWorks: 'false',
    })
    expect(selectionQuery(EO1, { voltage: 'LOW' })).toBeNull()
  })
})

describe('联合报装', () => {
  const J1: Matter = {
    code: 'UT-J1',
    processKey: 'joint-utility-application',
    components: [
      { id: 'electricity', name: { zh: '供电', en: 'Electricity' }, parallel: true },
      { id: 'water', name: { zh: '供水', en: 'Water' }, parallel: true },
    ],
  }
  it('offers the joint matter\'s utilities, and no other matter\'s steps', () => {
    expect(jointUtilities(J1).map((c) => c.id)).toEqual(['electricity', 'water'])
    expect(jointUtilities({ ...UTILITY, components: [{ id: 'acceptance' }] })).toEqual([])
  })
  it('offers both voltages where no condition narrows them (the joint form asks, the intake chooses)', () => {
    expect(conditionFields({ ...J1, inputs: ['VOLTAGE'] }).find((f) => f.key === 'voltage')?.values).toEqual(['LOW', 'HIGH_10KV'])
  })
})
