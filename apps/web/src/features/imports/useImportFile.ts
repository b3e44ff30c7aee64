import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useImportFileCheck, useUploadErrorMessage } from './messages';
import { useUploadImport } from './queries';

/**
 * The file of each dry run made in this tab, so its columns can be mapped again and the file
 * checked anew without choosing it again. After a reload it is gone: the mapping is then shown
 * read only.
 */
const filesOfImports = new Map<string, File>();

export const fileOfImport = (id: string): File | undefined => filesOfImports.get(id);

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

  const send = (file: File, mapping?: Record<string, string | null>, replace = false) => {
    const refused = check(file);
    setLocalError(refused);
    upload.reset();
    if (refused) return;
    upload.mutate(
      { file, mapping },
      {
        onSuccess: (job) => {
          filesOfImports.set(job.id, file);
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
