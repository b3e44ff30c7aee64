import { startProduct, TEMPLATE_DATA_ENV } from './product';

/**
 * Starts the built product once on a new data folder (initialising, migrating and seeding its
 * database, as a first `npm start` does) and stops it: every test file's product starts on a copy.
 */
export default async function globalSetup(): Promise<void> {
  const product = await startProduct({ keepData: true });
  await product.stop();
  process.env[TEMPLATE_DATA_ENV] = product.dataDir;
}
