import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, CSRF_HEADERS, unwrap } from '../../api/client';
import { clearPreloaded } from '../../api/preloaded';
import type { ApiErrorBody, ImportJob, ImportRow } from '../../api/types';
import { commitmentKeys } from '../commitments/queries';
import { dashboardKeys } from '../dashboard/queries';
import { frameworkKeys } from '../frameworks/queries';

export const importKeys = {
  all: ['imports'] as const,
  history: (slug: string) => [...importKeys.all, 'history', slug] as const,
  detail: (slug: string, id: string) => [...importKeys.all, 'detail', slug, id] as const,
};

/** How often a queued or running import is asked for its progress. */
export const POLL_MS = 1000;

export const isRunning = (job: Pick<ImportJob, 'state'>) =>
  job.state === 'QUEUED' || job.state === 'RUNNING';

/**
 * One import; polled while it is queued or running, so a reloaded page picks the run up again.
 * The rows and sheets never change after the dry run: a poll asks without them and keeps those it has.
 */
export const importQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: importKeys.detail(slug, id),
    queryFn: async ({ client, queryKey }) => {
      const known = client.getQueryData<ImportJob>(queryKey);
      const job = await unwrap(
        api.GET('/api/workspaces/{slug}/imports/{id}', {
          params: { path: { slug, id }, query: known ? { rows: false } : {} },
        }),
      );
      return known ? { ...job, rows: known.rows, sheets: known.sheets } : job;
    },
    refetchInterval: (query) => (query.state.data && isRunning(query.state.data) ? POLL_MS : false),
  });

export const importHistoryQuery = (slug: string) =>
  queryOptions({
    queryKey: importKeys.history(slug),
    queryFn: () =>
      unwrap(api.GET('/api/workspaces/{slug}/imports', { params: { path: { slug } } })),
    select: (page) => page.items,
  });

const base = (slug: string) => `/api/workspaces/${encodeURIComponent(slug)}`;

/** The template, its headers in `lang`; a CSV holds one kind (commitments unless asked). */
export const templateHref = (
  slug: string,
  format: 'xlsx' | 'csv',
  lang: string,
  kind?: ImportRow['kind'],
) =>
  `${base(slug)}/imports/template.${format}?lang=${encodeURIComponent(lang)}${kind ? `&kind=${kind}` : ''}`;

/** The rejected rows of an import with their errors, in `lang`. */
export const errorsHref = (slug: string, id: string, lang: string) =>
  `${base(slug)}/imports/${encodeURIComponent(id)}/errors.xlsx?lang=${encodeURIComponent(lang)}`;

/** The text encodings the API reads a CSV in (UTF-8 is recognised by itself). */
export const CSV_ENCODINGS = ['utf-8', 'windows-1258', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** What a sheet holds (or skip: not read) and header → column key (null: ignored). */
export interface SheetChoice {
  sheet: number;
  kind: 'commitment' | 'indicator' | 'skip';
  mapping: Record<string, string | null>;
}

export interface UploadInput {
  file: File;
  encoding?: CsvEncoding;
  /** Per sheet of the dry run (by its index): its kind and columns, chosen by the user. */
  sheets?: SheetChoice[];
}

/**
 * Sends the file for a dry run (multipart, which the typed client does not build): the import
 * with each row's outcome. Rejects with an ApiError like the typed client.
 */
export async function uploadImport(
  slug: string,
  { file, sheets, encoding }: UploadInput,
): Promise<ImportJob> {
  const form = new FormData();
  if (sheets) form.append('sheets', JSON.stringify(sheets));
  if (encoding) form.append('encoding', encoding);
  form.append('file', file, file.name);
  clearPreloaded();
  let response: Response;
  try {
    response = await globalThis.fetch(`${base(slug)}/imports`, {
      method: 'POST',
      headers: { ...CSRF_HEADERS, Accept: 'application/json' },
      body: form,
    });
  } catch (cause) {
    throw new ApiError(0, cause instanceof Error ? cause.message : String(cause));
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = body && typeof body === 'object' ? (body as ApiErrorBody) : null;
    throw new ApiError(response.status, error?.message ?? response.statusText, error);
  }
  return body as ImportJob;
}

export function useUploadImport(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UploadInput) => uploadImport(slug, input),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.detail(slug, job.id), job);
      void queryClient.invalidateQueries({ queryKey: importKeys.history(slug) });
    },
  });
}

export function useRunImport(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/workspaces/{slug}/imports/{id}/run', { params: { path: { slug, id } } }),
      ),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.detail(slug, id), job);
      void queryClient.invalidateQueries({ queryKey: importKeys.history(slug) });
    },
  });
}

/** After a run: the lists, the trees and the dashboard show the imported commitments. */
export function useInvalidateImported(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: commitmentKeys.all }),
      queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      queryClient.invalidateQueries({ queryKey: frameworkKeys.all }),
      queryClient.invalidateQueries({ queryKey: importKeys.history(slug) }),
    ]);
}
