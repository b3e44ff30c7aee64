export * from './enums';
export * from './permissions';
export type { paths, components, operations } from './openapi';
export * from './errors';
