export const LARGE_WORKSPACE = {
  slug: 'large',
  name: 'Large workspace (synthetic, 100k commitments)',
};
