/** The search of the frameworks administration: `edit` opens the form of that framework (linked from the overview). */
export function validateFrameworksAdminSearch(search: Record<string, unknown>): { edit?: string } {
  return typeof search.edit === 'string' && search.edit ? { edit: search.edit } : {};
}
