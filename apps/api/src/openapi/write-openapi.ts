// Writes the API's OpenAPI document to packages/contracts/openapi.json and the TypeScript types
// the web client is built on to packages/contracts/src/openapi.ts (`npm run openapi`).
// The API test suite fails when either file is stale.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { generateOpenApiFiles } from './openapi-files';

void generateOpenApiFiles()
  .then(async (files) => {
    for (const file of files) await writeFile(file.path, file.content);
    console.log(files.map((f) => `wrote ${f.path}`).join('\n'));
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
