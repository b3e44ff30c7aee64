import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useImportFileCheck, useUploadErrorMessage } from './messages';
import { type CsvEncoding, type SheetChoice, useUploadImport } from './queries';

/**
 * The file of each dry run made in this tab, so its columns can be mapped again and the file
 * checked anew without choosing it again. After a reload it is gone: the mapping is then shown
 * read only.
 */
const filesOfImports = new Map<string, { file: File; encoding?: CsvEncoding }>();

/** The file of a dry run made in this tab, and the CSV encoding it was read with. */
export const fileOfImport = (id: string) => filesOfImports.get(id);

export interface SendOptions {
  /** Per sheet: what it holds (or skip) and header → column key (or null). */
  sheets?: SheetChoice[];
  /** The CSV's text encoding; detected by the API when absent. */
  encoding?: CsvEncoding;
  /** Replace the current history entry (the same file checked again). */
  replace?: boolean;
}

/**
 * Checks a file here, sends it for a dry run, and opens the import's own page (replacing the
 * current entry when the file is checked again with another mapping).
 */
export function useImportFile(slug: string) {
  const check = useImportFileCheck();
  const message = useUploadErrorMessage();
  const upload = useUploadImport(slug);
  const navigate = useNavigate();
  const [localError, setLocalError] = useState<string | null>(null);

  const send = (file: File, { sheets, encoding, replace = false }: SendOptions = {}) => {
    const refused = check(file);
    setLocalError(refused);
    upload.reset();
    if (refused) return;
    upload.mutate(
      { file, sheets, encoding },
      {
        onSuccess: (job) => {
          filesOfImports.set(job.id, { file, encoding });
          void navigate({
            to: '/w/$slug/imports/$importId',
            params: { slug, importId: job.id },
            replace,
          });
        },
      },
    );
  };

  return {
    send,
    busy: upload.isPending,
    /** The name of the file being checked. */
    sending: upload.isPending ? (upload.variables?.file.name ?? null) : null,
    error: localError ?? (upload.error ? message(upload.error) : null),
  };
}
