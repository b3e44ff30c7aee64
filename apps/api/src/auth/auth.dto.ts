import { ApiProperty } from '@nestjs/swagger';
import { LOCALES, type Locale, ROLES, type Role } from '@spct/contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { OrganizationDto } from '../organizations/organization.dto';
import { WorkspaceDto } from '../workspaces/workspace.dto';
import { MAX_PASSWORD_LENGTH } from './passwords';

export class LoginDto {
  @ApiProperty({ example: 'official@demo.test' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'tripartite-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'official@demo.test' })
  email: string;

  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  displayName: string;

  @ApiProperty({ enum: LOCALES, description: 'Preferred language of the interface' })
  locale: Locale;
}

export class MembershipDto {
  @ApiProperty({ type: WorkspaceDto })
  workspace: WorkspaceDto;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ type: OrganizationDto, nullable: true })
  organization: OrganizationDto | null;
}

/** The signed-in user and what they belong to. */
export class MeDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;

  @ApiProperty({ type: [MembershipDto] })
  memberships: MembershipDto[];
}
