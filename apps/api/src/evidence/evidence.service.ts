import type { Readable } from 'node:stream';
import type { WorkspaceActor } from '../auth/actor';
import { ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { CommitmentsService } from '../commitments/commitments.service';
import { type ApiException, conflict } from '../common/api-error';
import { type List, listOf } from '../common/list';
import type { Evidence, UpdateState } from '../generated/prisma/client';
import { PolicyService } from '../permissions/policy.service';
import { EDITABLE_STATES, isEditable } from '../progress-updates/editable-states';
import { StoredFileNotFoundError } from '../storage/file-storage';
import type { EvidenceInput, UploadForm } from './evidence-input';
import { type EvidenceDto } from './evidence.dto';
import { EvidenceRepository, type NewEvidence } from './evidence.repository';
import { EvidenceUploads, type StoredUpload } from './evidence-uploads';

/** Where new evidence goes: a commitment, or one of its progress updates. */
export interface EvidenceTarget {
  commitmentId: string;
  updateId?: string;
}

/** A file to send back: its bytes and how to label them. */
export interface EvidenceDownload {
  content: Readable;
  fileName: string;
  mimeType: string;
  sizeBytes: number | null;
}

/** The 409 for adding evidence to an update in `state`, or null when it is still open. */
function closedUpdateRefusal(state: UpdateState): ApiException | null {
  return isEditable(state)
    ? null
    : conflict(
        'invalidState',
        `Evidence can be added to a ${EDITABLE_STATES.join(' or ')} update, not a ${state} one`,
      );
}

@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    private readonly commitments: CommitmentsService,
    private readonly evidence: EvidenceRepository,
    private readonly uploads: EvidenceUploads,
    private readonly policy: PolicyService,
  ) {}

  async list(member: WorkspaceActor, commitmentId: string): Promise<List<EvidenceDto>> {
    await this.commitments.requireInWorkspace(member, commitmentId);
    const rows = await this.evidence.findForCommitment(member.workspaceId, commitmentId);
    return listOf(rows.map((row) => this.toDto(member, row)));
  }

  async create(
    member: WorkspaceActor,
    target: EvidenceTarget,
    input: EvidenceInput,
  ): Promise<EvidenceDto> {
    await this.authorizeWrite(member, target);
    const base = {
      workspaceId: member.workspaceId,
      commitmentId: target.commitmentId,
      progressUpdateId: target.updateId ?? null,
      uploadedById: member.userId,
    };
    const row =
      input.kind === 'LINK'
        ? await this.evidence.create(
            { ...base, kind: 'LINK', url: input.link.url, title: input.link.title },
            closedUpdateRefusal,
          )
        : await this.createFile(member, base, input.form);
    return this.toDto(member, row);
  }

  async download(
    member: WorkspaceActor,
    commitmentId: string,
    evidenceId: string,
  ): Promise<EvidenceDownload> {
    const row = await this.evidence.findOne(member.workspaceId, commitmentId, evidenceId);
    if (!row || row.kind !== 'FILE' || !row.storageKey) {
      throw new NotFoundException(`Evidence file ${evidenceId} not found`);
    }
    const content = await this.uploads.open(row.storageKey).catch((error: unknown) => {
      if (!(error instanceof StoredFileNotFoundError)) throw error;
      this.logger.error(`Evidence ${row.id} has no stored file (${row.storageKey})`);
      throw new NotFoundException(`Evidence file ${evidenceId} not found`);
    });
    return {
      content,
      fileName: row.fileName ?? 'file',
      mimeType: row.mimeType ?? 'application/octet-stream',
      sizeBytes: row.sizeBytes,
    };
  }

  async remove(member: WorkspaceActor, commitmentId: string, evidenceId: string): Promise<void> {
    const { organizationIds } = await this.commitments.requireFacts(member, commitmentId);
    const row = await this.evidence.findOne(member.workspaceId, commitmentId, evidenceId);
    if (!row) throw new NotFoundException(`Evidence ${evidenceId} not found`);
    this.policy.assert(member, 'evidence.write', { organizationIds });
    this.assertAuthorOrUnrestricted(member, row.uploadedById, 'Only who added this evidence');
    if (row.progressUpdate && !isEditable(row.progressUpdate.state)) {
      throw conflict(
        'invalidState',
        `The evidence of a ${row.progressUpdate.state} progress update cannot change`,
      );
    }
    await this.evidence.delete(row, member.userId, ({ status, evidenceCount }) =>
      status === 'COMPLETED' && evidenceCount === 0
        ? conflict('evidenceRequired', 'A COMPLETED commitment keeps at least one evidence item')
        : null,
    );
    if (row.storageKey) {
      // After the commit: a failure here leaves an unreferenced file, never a broken row.
      await this.uploads.remove(row.storageKey).catch((error: unknown) => {
        this.logger.warn(
          `Could not remove the file of deleted evidence ${row.id}: ${String(error)}`,
        );
      });
    }
  }

  /** 404 unless the target exists in the member's workspace; 403/409 unless they may add to it. */
  private async authorizeWrite(member: WorkspaceActor, target: EvidenceTarget): Promise<void> {
    const { organizationIds } = await this.commitments.requireFacts(member, target.commitmentId);
    const update =
      target.updateId === undefined
        ? null
        : await this.evidence.findUpdate(member.workspaceId, target.commitmentId, target.updateId);
    if (target.updateId !== undefined && !update) {
      throw new NotFoundException(`Progress update ${target.updateId} not found`);
    }
    this.policy.assert(member, 'evidence.write', { organizationIds });
    if (update) {
      this.assertAuthorOrUnrestricted(member, update.authorId, 'Only the author of this update');
      const refusal = closedUpdateRefusal(update.state);
      if (refusal) throw refusal;
    }
  }

  /**
   * Only `authorId`, or a member whose evidence.write right holds for any resource (an ADMIN, as
   * the policy has it), may do this.
   */
  private assertAuthorOrUnrestricted(
    member: WorkspaceActor,
    authorId: string | null,
    who: string,
  ): void {
    if (authorId !== member.userId && !this.policy.can(member, 'evidence.write')) {
      throw new ForbiddenException(`${who} or an administrator may do this`);
    }
  }

  private async createFile(
    member: WorkspaceActor,
    base: Omit<NewEvidence, 'kind' | 'title'>,
    form: UploadForm,
  ): Promise<Evidence> {
    let stored: StoredUpload | undefined;
    try {
      const fields = await form.receive(async (file) => {
        stored = await this.uploads.store(member.workspaceId, file);
      });
      const file = stored;
      if (!file) throw new Error('The upload form ended without storing its file');
      return await this.evidence.create(
        {
          ...base,
          kind: 'FILE',
          title: fields.title ?? file.fileName,
          fileName: file.fileName,
          mimeType: file.mimeType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          storageKey: file.storageKey,
        },
        closedUpdateRefusal,
      );
    } catch (error) {
      if (stored) await this.uploads.remove(stored.storageKey);
      throw error;
    }
  }

  private toDto(member: WorkspaceActor, e: Evidence): EvidenceDto {
    return {
      id: e.id,
      kind: e.kind,
      title: e.title,
      url: e.url,
      fileName: e.fileName,
      mimeType: e.mimeType,
      sizeBytes: e.sizeBytes,
      sha256: e.sha256,
      downloadUrl:
        e.kind === 'FILE'
          ? `/api/workspaces/${encodeURIComponent(member.slug)}/commitments/${e.commitmentId}/evidence/${e.id}/download`
          : null,
      progressUpdateId: e.progressUpdateId,
      uploadedById: e.uploadedById,
      createdAt: e.createdAt.toISOString(),
    };
  }
}
