/** The compliance page's URL: the period shown (the current one when absent). */
export interface ComplianceSearch {
  periodId?: string;
}

export function validateComplianceSearch(search: Record<string, unknown>): ComplianceSearch {
  return typeof search.periodId === 'string' ? { periodId: search.periodId } : {};
}
