import { ApiProperty } from '@nestjs/swagger';
import { EVIDENCE_KINDS, type EvidenceKind } from '@spct/contracts';
import { IsIn, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { ListOf } from '../common/list';
import { NotBlank } from '../common/validation';

export const MAX_TITLE_LENGTH = 300;
export const MAX_URL_LENGTH = 2000;

/** `POST .../evidence` as JSON: a link. Files are sent as multipart/form-data instead. */
export class CreateLinkEvidenceDto {
  @ApiProperty({ enum: ['LINK'], description: 'Files are sent as multipart/form-data' })
  @IsIn(['LINK'], { message: 'must be LINK (send a file as multipart/form-data)' })
  kind: 'LINK';

  @ApiProperty({ maxLength: MAX_URL_LENGTH, example: 'https://example.org/report.pdf' })
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  @IsUrl(
    {
      protocols: ['http', 'https'],
      require_protocol: true,
      require_tld: false,
      disallow_auth: true,
    },
    { message: 'must be an http or https URL' },
  )
  url: string;

  @ApiProperty({ minLength: 1, maxLength: MAX_TITLE_LENGTH })
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  @NotBlank()
  title: string;
}

/** The text fields of `POST .../evidence` as multipart/form-data, beside its `file`. */
export class UploadEvidenceFieldsDto {
  @ApiProperty({
    required: false,
    minLength: 1,
    maxLength: MAX_TITLE_LENGTH,
    description: 'Defaults to the file name',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  @NotBlank()
  title?: string;
}

/** `POST .../evidence` as multipart/form-data (for the OpenAPI document: the form is streamed). */
export class UploadEvidenceForm extends UploadEvidenceFieldsDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'At most 25 MB: PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX, PPTX, ODT, ODS, or UTF-8 .txt/.csv',
  })
  file: unknown;
}

export class EvidenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind: EvidenceKind;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Detected from the content' })
  mimeType: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Hex SHA-256 of the file' })
  sha256: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Path of the download route (files only), relative to the API origin',
  })
  downloadUrl: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  progressUpdateId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  uploadedById: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class EvidenceListDto extends ListOf(EvidenceDto, 'EvidenceList') {}
