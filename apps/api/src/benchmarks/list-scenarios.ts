import { COMMITMENT_SORTS, type CommitmentSort } from '@spct/contracts';
import { type CommitmentFilters } from '../commitments/commitment-filters';

/** The list requests the scale checks measure: no filter, each filter alone, and the search. */
export function listScenarios(ids: {
  frameworkId: string;
  leadOrgId: string;
}): { name: string; filters: CommitmentFilters }[] {
  return [
    { name: 'no filter', filters: {} },
    { name: 'status', filters: { status: ['AT_RISK'] } },
    { name: 'framework', filters: { frameworkId: [ids.frameworkId] } },
    { name: 'lead organization', filters: { leadOrgId: [ids.leadOrgId] } },
    { name: 'co-responsible organization', filters: { coOrgId: [ids.leadOrgId] } },
    { name: 'theme', filters: { theme: ['SOCIAL_DIALOGUE'] } },
    { name: 'target group', filters: { targetGroup: ['INFORMAL_WORKERS'] } },
    { name: 'overdue', filters: { overdue: true } },
    { name: 'needs an update', filters: { needsUpdate: true } },
    { name: 'search "san an sinh xa hoi"', filters: { q: 'san an sinh xa hoi' } },
    { name: 'search "dien bien"', filters: { q: 'dien bien' } },
    // The dashboard's drill-downs: trackable items needing attention.
    { name: 'trackable items', filters: { leaf: true } },
    { name: 'attention: off track', filters: { leaf: true, attention: 'off-track' } },
    { name: 'attention: overdue', filters: { leaf: true, attention: 'overdue' } },
    { name: 'attention: stale', filters: { leaf: true, attention: 'stale' } },
    { name: 'attention: pending', filters: { leaf: true, attention: 'pending' } },
    { name: 'attention: indicators', filters: { leaf: true, attention: 'indicators' } },
    { name: 'attention: disagreement', filters: { leaf: true, attention: 'disagreement' } },
  ];
}

/** The unfiltered list in each sort other than the default (reference), for the benchmark. */
export function sortScenarios(): {
  name: string;
  filters: CommitmentFilters;
  sort: CommitmentSort;
}[] {
  return COMMITMENT_SORTS.filter((sort) => sort !== 'reference').map((sort) => ({
    name: `sort=${sort}`,
    filters: {},
    sort,
  }));
}
