import { useState } from 'react';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ifMatch, staleCurrent } from '../../api/concurrency';
import type { CreateProgressUpdateBody, ProgressUpdate } from '../../api/types';
import { commitmentKeys } from '../commitments/queries';
import { evidenceKey, postEvidenceLink, type LinkInput } from '../evidence/queries';
import { reportEvidenceUrl, uploadEvidenceFile } from '../evidence/upload';
import { dashboardKeys } from '../dashboard/queries';
import { frameworkKeys } from '../frameworks/queries';
import { showSuccess, type SuccessKey } from '../layout/toasts';
import { myWorkKeys } from '../my-work/queries';

type Path = { slug: string; commitmentId: string };
type UpdatePath = Path & { updateId: string };

/**
 * After a decision the report's state changes (and the work queues and history with it); after an
 * approval also the commitment's official status and progress, its parents', the frameworks'
 * progress, the lists and the dashboard. Everything about commitments (history included),
 * frameworks, the dashboard and the My work queues is marked stale; only what is on screen
 * refetches at once.
 */
export function invalidateAfterDecision(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: commitmentKeys.all }),
    queryClient.invalidateQueries({ queryKey: frameworkKeys.all }),
    queryClient.invalidateQueries({ queryKey: myWorkKeys.all }),
    queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
  ]);
}

/**
 * Saves a report: creates a draft, or edits the author's draft or returned report naming the
 * `version` it was loaded at (If-Match): a 412 carries the report as stored now.
 */
export function useSaveReport(path: Path) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      body,
    }: {
      id?: string;
      version?: number;
      body: CreateProgressUpdateBody;
    }) =>
      id && version !== undefined
        ? unwrap(
            api.PATCH('/api/workspaces/{slug}/commitments/{commitmentId}/updates/{updateId}', {
              params: {
                path: { ...path, updateId: id },
                header: { 'If-Match': ifMatch(version) },
              },
              body,
            }),
          )
        : unwrap(
            api.POST('/api/workspaces/{slug}/commitments/{commitmentId}/updates', {
              params: { path },
              body,
            }),
          ),
    onSettled: () =>
      Promise.all([
        // The report list and the history both live under the commitment's key.
        queryClient.invalidateQueries({
          queryKey: commitmentKeys.detail(path.slug, path.commitmentId),
        }),
        queryClient.invalidateQueries({ queryKey: myWorkKeys.all }),
      ]),
  });
}

export type Decision = 'submit' | 'approve' | 'return';

function decide(
  path: UpdatePath,
  decision: Decision,
  reason?: string,
  version?: number,
): Promise<ProgressUpdate> {
  // If-Match is optional on a decision but honoured: a report changed meanwhile answers 412.
  const header = version !== undefined ? { 'If-Match': ifMatch(version) } : undefined;
  const params = { params: { path, header } };
  switch (decision) {
    case 'submit':
      return unwrap(
        api.POST(
          '/api/workspaces/{slug}/commitments/{commitmentId}/updates/{updateId}/submit',
          params,
        ),
      );
    case 'approve':
      return unwrap(
        api.POST(
          '/api/workspaces/{slug}/commitments/{commitmentId}/updates/{updateId}/approve',
          params,
        ),
      );
    case 'return':
      return unwrap(
        api.POST('/api/workspaces/{slug}/commitments/{commitmentId}/updates/{updateId}/return', {
          ...params,
          body: { reason: reason ?? '' },
        }),
      );
  }
}

const DECIDED: Record<Decision, SuccessKey> = {
  submit: 'reportSubmitted',
  approve: 'reportApproved',
  return: 'reportReturned',
};

/** Submits, approves or returns a report; a 409 (it changed state meanwhile) refreshes it too. */
export function useReportDecision(path: Path) {
  const queryClient = useQueryClient();
  return useMutation({
    onSuccess: (_report, { decision }) => showSuccess(DECIDED[decision]),
    mutationFn: ({
      updateId,
      decision,
      reason,
      version,
    }: {
      updateId: string;
      decision: Decision;
      reason?: string;
      /** The version the user decided on, sent as If-Match. */
      version?: number;
    }) => decide({ ...path, updateId }, decision, reason, version),
    onSettled: () => invalidateAfterDecision(queryClient),
  });
}

/** A link typed into the report form, sent once the report exists. */
export interface PendingLink extends LinkInput {
  key: string;
}

/** A file chosen in the report form, uploaded once the report exists. */
export interface PendingFile {
  key: string;
  file: File;
  /** 0–100 while uploading, null before. */
  progress: number | null;
}

/** A key for an item of a form's list (React needs one; no id exists before the save). */
export const newItemKey = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

interface Submission {
  body: CreateProgressUpdateBody;
  links: PendingLink[];
  andSubmit: boolean;
  /** The version to save over (a reapply after a 412 names the stored one). */
  baseVersion?: number;
}

/**
 * Saving a report from its form: save (create, or edit with If-Match), then attach the typed
 * links and upload the chosen files to it (with progress), then submit it when asked. Whatever
 * fails stops the sequence and stays on screen: a 412 as `conflict`, a refused save or submit as
 * `failure` (its field errors), evidence that could not be sent with its own message.
 */
export function useReportSubmission(path: Path, report: ProgressUpdate | null) {
  const queryClient = useQueryClient();
  const save = useSaveReport(path);
  const decision = useReportDecision(path);
  const [savedId, setSavedId] = useState(report?.id);
  const [version, setVersion] = useState(report?.version);
  const [conflict, setConflict] = useState<ProgressUpdate | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [linkErrors, setLinkErrors] = useState<Record<string, unknown>>({});
  const [fileErrors, setFileErrors] = useState<Record<string, unknown>>({});
  const updateFile = (key: string, patch: Partial<PendingFile>) =>
    setFiles((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  /** Sends the evidence; returns the keys of the links that were attached. */
  async function attach(updateId: string, links: PendingLink[], pending: PendingFile[]) {
    const sent: string[] = [];
    const refused: Record<string, unknown> = {};
    for (const link of links) {
      try {
        await postEvidenceLink(path, link, updateId);
        sent.push(link.key);
      } catch (error) {
        refused[link.key] = error;
      }
    }
    const failedFiles: Record<string, unknown> = {};
    for (const item of pending) {
      updateFile(item.key, { progress: 0 });
      try {
        await uploadEvidenceFile({
          url: reportEvidenceUrl(path.slug, path.commitmentId, updateId),
          file: item.file,
          onProgress: (percent) => updateFile(item.key, { progress: percent }),
        });
        setFiles((list) => list.filter((other) => other.key !== item.key));
      } catch (error) {
        updateFile(item.key, { progress: null });
        failedFiles[item.key] = error;
      }
    }
    setLinkErrors(refused);
    setFileErrors(failedFiles);
    if (links.length + pending.length > 0) {
      await queryClient.invalidateQueries({ queryKey: evidenceKey(path) });
    }
    const ok = Object.keys(refused).length + Object.keys(failedFiles).length === 0;
    return { sent, ok };
  }

  /** Runs the sequence; resolves to the links attached and whether everything succeeded. */
  async function run({ body, links, andSubmit, baseVersion = version }: Submission) {
    setBusy(true);
    setFailure(null);
    setConflict(null);
    try {
      let saved: ProgressUpdate;
      try {
        saved = await save.mutateAsync({ id: savedId, version: baseVersion, body });
      } catch (error) {
        // A 412: someone saved this report meanwhile; the user's input stays in the form.
        setConflict(staleCurrent<ProgressUpdate>(error));
        if (!staleCurrent(error)) setFailure(error);
        return { sent: [], done: false };
      }
      setSavedId(saved.id);
      setVersion(saved.version);
      const { sent, ok } = await attach(saved.id, links, files);
      if (!ok) return { sent, done: false };
      if (andSubmit) {
        try {
          await decision.mutateAsync({
            updateId: saved.id,
            decision: 'submit',
            version: saved.version,
          });
        } catch (error) {
          setFailure(error);
          setConflict(staleCurrent<ProgressUpdate>(error));
          return { sent, done: false };
        }
      } else {
        showSuccess('report');
      }
      return { sent, done: true };
    } finally {
      setBusy(false);
    }
  }

  return {
    run,
    busy,
    /** The report once saved (a new one has none before its first save). */
    savedId,
    version,
    setVersion,
    conflict,
    clearConflict: () => setConflict(null),
    failure,
    files,
    addFile: (file: File) =>
      setFiles((list) => [...list, { key: newItemKey(), file, progress: null }]),
    removeFile: (key: string) => setFiles((list) => list.filter((item) => item.key !== key)),
    linkErrors,
    fileErrors,
  };
}
