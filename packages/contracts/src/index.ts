export * from './enums';
export type { paths, components, operations } from './openapi';
