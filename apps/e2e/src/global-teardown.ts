import { rm } from 'node:fs/promises';
import { TEMPLATE_DATA_ENV } from './product';

export default async function globalTeardown(): Promise<void> {
  const template = process.env[TEMPLATE_DATA_ENV];
  if (template) await rm(template, { recursive: true, force: true });
}
