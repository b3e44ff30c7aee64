import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, type Locale } from '@spct/contracts';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { ListOf } from '../common/list';
import { OptionalNotNull } from '../common/optional-not-null';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords';
import { Trim } from '../common/validation';

/** A new password: 12–256 characters. */
function NewPassword(description: string) {
  return applyDecorators(
    ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, description }),
    IsString(),
    Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, {
      message: `must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`,
    }),
  );
}

export class UpdateMeDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 120, example: 'Nguyễn Thị Lan' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 120)
  displayName?: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'Preferred language of the interface' })
  @OptionalNotNull()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @NewPassword('The new password')
  newPassword: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'The token of the set-password link' })
  @IsString()
  @Length(1, 200)
  token: string;

  @NewPassword('The password to set')
  password: string;
}

/** What a set-password link is for, shown on the page before the password is chosen. */
export class PasswordTokenInfoDto {
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The workspace the user was invited to',
  })
  workspaceName: string | null;
}

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Reporting script' }) name: string;
  @ApiProperty({ description: 'The first characters of the token', example: 'spct_t_Ab3dE' })
  prefix: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
}

export class ApiTokenListDto extends ListOf(ApiTokenDto, 'ApiTokenList') {}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({ description: 'The token itself: shown this once, never again' })
  token: string;
}

export class CreateApiTokenDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Reporting script' })
  @Trim()
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 365,
    description: 'Days until the token stops working; none means it never expires',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number;
}
