import {
  NONE,
  TARGET_GROUPS,
  THEMES,
  TREND_GRANULARITIES,
  type TrendGranularity,
} from '@spct/contracts';
import {
  listOf,
  oneOf,
  texts,
  validateCommitmentSearch,
  type CommitmentFilters,
  type CommitmentSearch,
} from '../commitments/search';

/** The population the dashboard counts: the filters it shares with the commitments list. */
export type DashboardFilters = Pick<
  CommitmentFilters,
  'frameworkId' | 'leadOrgId' | 'theme' | 'targetGroup'
>;

/** Everything the dashboard keeps in its URL: the filters and the trend's period length. */
export interface DashboardSearch extends DashboardFilters {
  granularity?: TrendGranularity;
}

/** `validateSearch` of the dashboard route: anything unknown or invalid is dropped. */
export function validateDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  const granularity = oneOf(TREND_GRANULARITIES, search.granularity);
  const kept: DashboardSearch = {
    frameworkId: texts(search.frameworkId),
    leadOrgId: texts(search.leadOrgId),
    theme: listOf([...THEMES, NONE], search.theme),
    targetGroup: listOf(TARGET_GROUPS, search.targetGroup),
    // Quarters are the default: only a month choice is written to the URL.
    granularity: granularity === 'month' ? granularity : undefined,
  };
  return Object.fromEntries(
    Object.entries(kept).filter(([, value]) => value !== undefined),
  ) as DashboardSearch;
}

/** The population filters of a dashboard search (what the API's three routes take). */
export function dashboardFilters(search: DashboardSearch): DashboardFilters {
  const { granularity: _granularity, ...filters } = search;
  return filters;
}

/**
 * The commitments list behind one number of the dashboard: the trackable items of the
 * dashboard's population narrowed by the number's own dimension. A dimension that is also a
 * dashboard filter replaces it (the bar of framework X under "frameworks X or Y" is X alone).
 */
export function drillDown(
  filters: DashboardFilters,
  dimension: CommitmentFilters = {},
): CommitmentSearch {
  return validateCommitmentSearch({ ...filters, ...dimension, leaf: true });
}
