import { describe, expect, it } from 'vitest'
import { beijingTime, feeText, limitText, localized } from './format'

describe('formats', () => {
  it('shows instants in Beijing time whatever the offset they come with', () => {
    expect(beijingTime('2026-09-30T02:00:00Z')).toBe('2026年09月30日 10:00')
    expect(beijingTime('2026-09-30T23:30:00+08:00')).toBe('2026年09月30日 23:30')
    expect(beijingTime('2026-12-31T16:30:00Z', 'en')).toBe('2027-01-01 00:30 (Beijing)')
    expect(beijingTime(undefined)).toBe('—')
  })

  it('says limits in words', () => {
    expect(limitText({ amount: 0.5, unit: 'WORKING_DAYS' }, 'zh-CN')).toBe('0.5 个工作日')
    expect(limitText({ amount: 20, unit: 'NATURAL_DAYS' }, 'en')).toBe('20 calendar days')
    expect(limitText({ amount: 0, unit: 'IMMEDIATE' }, 'zh-CN')).toBe('即时办结')
    expect(limitText(undefined, 'zh-CN')).toBe('未公布时限')
  })

  it('says fees in words', () => {
    expect(feeText({ amount: 0, waived: true }, 'zh-CN')).toBe('免费')
    expect(feeText({ waived: true, paidBy: { zh: '区财政', en: 'the district' } }, 'zh-CN')).toBe('免费（由区财政承担）')
    expect(feeText({ amount: 80 }, 'zh-CN')).toBe('80 元')
    expect(feeText({}, 'en')).toBe('as the rules set')
  })

  it('picks the language of catalogue text', () => {
    expect(localized({ zh: '企业开办', en: 'Enterprise opening' }, 'en')).toBe('Enterprise opening')
    expect(localized({ zh: '企业开办' }, 'en')).toBe('企业开办')
  })
})
