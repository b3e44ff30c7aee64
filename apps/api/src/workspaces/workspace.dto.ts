import { ApiProperty } from '@nestjs/swagger';
import { ListOf } from '../common/list';

export class WorkspaceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'viet-nam' })
  slug: string;

  @ApiProperty({ example: 'Việt Nam' })
  name: string;

  @ApiProperty({ description: 'Holds demonstration data' })
  isDemo: boolean;
}

export class WorkspaceListDto extends ListOf(WorkspaceDto, 'WorkspaceList') {}
