// 督办通知 and 整改通知 on a case: what the supervision service told the case's department.

/**
 * A notice as GET /api/v1/cases/{n} gives it to staff (CaseController.NoticeView). The generated
 * cases.d.ts predates it, so it is declared here until the types are generated again.
 */
export interface CaseNotice {
  kind?: 'SUPERVISION_ORDER' | 'RECTIFICATION' | string
  /** the 督办 or 整改 case that sent it, where the department's response is recorded */
  fromCase?: string
  /** 提级督办: the department's repeated breach this month */
  escalated?: boolean
  respondBy?: string
  receivedAt?: string
}

export type NoticeTitle = 'order' | 'escalatedOrder' | 'rectification'

/** Which title a notice carries: 督办通知, 提级督办通知 or 整改通知. */
export function noticeTitle(notice: CaseNotice): NoticeTitle {
  if (notice.kind === 'RECTIFICATION') return 'rectification'
  return notice.escalated ? 'escalatedOrder' : 'order'
}

/** The notices to show, the nearest response date first (the one the department must answer next). */
export function byRespondBy(notices: CaseNotice[] | undefined): CaseNotice[] {
  const time = (n: CaseNotice) => (n.respondBy ? new Date(n.respondBy).getTime() : Number.MAX_SAFE_INTEGER)
  return [...(notices ?? [])].sort((a, b) => time(a) - time(b))
}
