export const LARGE_WORKSPACE = {
  slug: 'large',
  name: 'Large workspace (synthetic, 100k commitments)',
  /** The catalogue organization its member works for (it leads most real commitments). */
  leadOrganization: 'MOLISA',
  /** Its one member, who authors the synthetic progress reports. */
  editor: { email: 'editor@large.test', displayName: 'Synthetic editor' },
};
