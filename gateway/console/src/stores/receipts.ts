import { defineStore } from 'pinia'
import type { Receipt } from '@/api/application'
import type { AnyText } from '@/format'

export interface IssuedReceipt {
  receipt: Receipt
  matterName?: AnyText
  applicantName: string
  jurisdictionName?: AnyText
}

/** The receipts issued at this window in this session, for the printable 受理回执. */
export const useReceipts = defineStore('receipts', {
  state: () => ({ byCase: {} as Record<string, IssuedReceipt> }),
  actions: {
    keep(issued: IssuedReceipt) {
      if (issued.receipt.caseNumber) this.byCase[issued.receipt.caseNumber] = issued
    },
  },
})
