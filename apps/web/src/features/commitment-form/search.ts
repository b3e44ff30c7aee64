/** Search params of the create page: the framework and parent to start with. */
export interface NewCommitmentSearch {
  frameworkId?: string;
  parentId?: string;
}

export function validateNewCommitmentSearch(search: Record<string, unknown>): NewCommitmentSearch {
  const result: NewCommitmentSearch = {};
  if (typeof search.frameworkId === 'string' && search.frameworkId) {
    result.frameworkId = search.frameworkId;
  }
  if (typeof search.parentId === 'string' && search.parentId) result.parentId = search.parentId;
  return result;
}
