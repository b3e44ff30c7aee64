import { ApiProperty } from '@nestjs/swagger';
import { ListOf } from '../common/list';

/** A member's failed sign-ins from one address within the last day. */
export class SignInFailureDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'official@demo.test' }) email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: '203.0.113.7', description: 'The client address the attempts came from' })
  address: string;
  @ApiProperty({ example: 3 }) failures: number;
  @ApiProperty({ type: String, format: 'date-time' }) lastFailedAt: string;
}

export class SignInFailureListDto extends ListOf(SignInFailureDto, 'SignInFailureList') {}
