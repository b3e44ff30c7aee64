import { ApiProperty } from '@nestjs/swagger';
import { CONSTITUENCIES, type Constituency } from '@spct/contracts';
import { ListOf } from '../common/list';
import { LocalizedText } from '../common/localized';

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'MOLISA' })
  shortName: string;

  @ApiProperty({ type: LocalizedText })
  name: LocalizedText;

  @ApiProperty({ enum: CONSTITUENCIES })
  constituency: Constituency;
}

export class OrganizationListDto extends ListOf(OrganizationDto, 'OrganizationList') {}
