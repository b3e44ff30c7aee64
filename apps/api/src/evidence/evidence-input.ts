import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { FieldValidationException } from '../common/api-error';
import { findInputError } from '../common/input-rules';
import { createValidationPipe } from '../common/validation';
import { CreateLinkEvidenceDto, UploadEvidenceFieldsDto } from './evidence.dto';

/** A file part as it arrives, not yet read. */
export interface IncomingFile {
  /** The name the client gave (unsanitized). */
  clientFileName: string | undefined;
  content: Readable;
  /** Whether the parser cut the file at the size limit (known once `content` has ended). */
  truncated(): boolean;
}

/**
 * A multipart form whose one `file` part is streamed through `store` and whose other fields are
 * text. Reading starts only when `receive` is called, i.e. after the caller was authorized.
 */
export interface UploadForm {
  receive(store: (file: IncomingFile) => Promise<void>): Promise<UploadEvidenceFieldsDto>;
}

/** What an evidence POST carries: a validated link, or a form with a file. */
export type EvidenceInput =
  { kind: 'LINK'; link: CreateLinkEvidenceDto } | { kind: 'FILE'; form: UploadForm };

const FILE_FIELD = 'file';
const TEXT_FIELDS = ['title'];
const validationPipe = createValidationPipe();

/** Reads an evidence POST: JSON (validated like any body) or multipart/form-data. */
export async function readEvidenceInput(request: FastifyRequest): Promise<EvidenceInput> {
  if (request.isMultipart()) return { kind: 'FILE', form: multipartForm(request) };
  const link = (await validationPipe.transform(request.body, {
    type: 'body',
    metatype: CreateLinkEvidenceDto,
  })) as CreateLinkEvidenceDto;
  return { kind: 'LINK', link };
}

function multipartForm(request: FastifyRequest): UploadForm {
  return {
    async receive(store) {
      const fields: Record<string, string> = {};
      let sawFile = false;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== FILE_FIELD || sawFile) {
            part.file.resume();
            throw new FieldValidationException([
              {
                field: part.fieldname,
                code: 'unexpectedFile',
                message: `send the one file in the "${FILE_FIELD}" field`,
              },
            ]);
          }
          sawFile = true;
          const file = part.file as Readable & { truncated?: boolean };
          await store({
            clientFileName: part.filename,
            content: file,
            truncated: () => file.truncated === true,
          });
        } else if (!TEXT_FIELDS.includes(part.fieldname)) {
          throw new FieldValidationException([
            {
              field: part.fieldname,
              code: part.fieldname === FILE_FIELD ? 'notFile' : 'unknownField',
              message:
                part.fieldname === FILE_FIELD
                  ? 'must be a file'
                  : `property ${part.fieldname} should not exist`,
            },
          ]);
        } else if (part.valueTruncated || part.fieldname in fields) {
          throw new FieldValidationException([
            { field: part.fieldname, code: 'invalid', message: 'must be one short text value' },
          ]);
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
      const unclean = findInputError(fields);
      if (unclean) throw new FieldValidationException([unclean]);
      if (!sawFile) {
        throw new FieldValidationException([
          { field: FILE_FIELD, code: 'required', message: 'a file is required' },
        ]);
      }
      return (await validationPipe.transform(fields, {
        type: 'body',
        metatype: UploadEvidenceFieldsDto,
      })) as UploadEvidenceFieldsDto;
    },
  };
}
