import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@spct/contracts';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { ListOf } from '../common/list';
import { OptionalNotNull } from '../common/optional-not-null';
import { OrganizationDto } from '../organizations/organization.dto';
import { Trim } from '../common/validation';

export class MemberDto {
  @ApiProperty({ format: 'uuid', description: 'The membership' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ example: 'official@demo.test' })
  email: string;

  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  displayName: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ type: OrganizationDto, nullable: true })
  organization: OrganizationDto | null;

  @ApiProperty({ description: 'Inactive members are locked out of this workspace' })
  active: boolean;

  @ApiProperty({ description: 'Whether the user has chosen a password yet' })
  passwordSet: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ example: 1, description: 'Send it back as If-Match to edit' })
  version: number;
}

export class MemberListDto extends ListOf(MemberDto, 'MemberList') {}

export class InvitationDto {
  @ApiProperty({ type: MemberDto })
  member: MemberDto;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'One-time link (7 days) for the user to choose a password; null when they have one already',
  })
  setPasswordUrl: string | null;
}

export class InviteMemberDto {
  @ApiProperty({ example: 'focal.point@molisa.gov.vn' })
  @Trim()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 120,
    description: 'For a new user; defaults to the part of the e-mail before "@"',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 120)
  displayName?: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;
}

/** Only the fields sent change; `organizationId: null` removes the organization. */
export class UpdateMemberDto {
  @ApiPropertyOptional({ enum: ROLES })
  @OptionalNotNull()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ description: 'false locks the member out of this workspace at once' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
