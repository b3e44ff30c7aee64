import { ApiProperty } from '@nestjs/swagger';
import { EVIDENCE_KINDS, type EvidenceKind } from '@spct/contracts';
import { ListOf } from '../common/list';

export class EvidenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind: EvidenceKind;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) url: string | null;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ type: String, nullable: true }) mimeType: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class EvidenceListDto extends ListOf(EvidenceDto, 'EvidenceList') {}
