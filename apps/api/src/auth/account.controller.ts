import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ChangePasswordDto,
  PasswordTokenInfoDto,
  SetPasswordDto,
  UpdateMeDto,
} from './account.dto';
import { AccountService } from './account.service';
import type { Actor } from './actor';
import { MeDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentActor } from './current-actor.decorator';
import { signInClient } from './login-throttle';
import { Public } from './public.decorator';
import { SECURITY_CONFIG, type SecurityConfig } from './security-config';
import { setSessionCookie } from './session-cookie';

/** The caller's own account, and passwords set through an invitation link. */
@ApiTags('auth')
@Controller('auth')
export class AccountController {
  constructor(
    private readonly account: AccountService,
    private readonly auth: AuthService,
    @Inject(SECURITY_CONFIG) private readonly config: SecurityConfig,
  ) {}

  @Patch('me')
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse()
  updateMe(@CurrentActor() actor: Actor, @Body() body: UpdateMeDto): Promise<MeDto> {
    return this.account.updateMe(actor, body);
  }

  /** Changes the password and ends the user's other sessions. */
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'Wrong current password, or a new one of bad length' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords; see Retry-After' })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.account.changePassword(actor, body, signInClient(request));
  }

  /** Who a set-password link is for; 404 when it is unknown, expired or used. */
  @Public()
  @Get('password-tokens/:token')
  @ApiOkResponse({ type: PasswordTokenInfoDto })
  @ApiNotFoundResponse()
  describePasswordToken(@Param('token') token: string): Promise<PasswordTokenInfoDto> {
    return this.account.describePasswordToken(token);
  }

  /** Sets the password through a one-time link and signs in (sets the session cookie). */
  @Public()
  @Post('set-password')
  @HttpCode(200)
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ description: 'The link is unknown, expired or used (field "token")' })
  async setPassword(
    @Body() body: SetPasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeDto> {
    const { token, userId } = await this.account.setPassword(body, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    setSessionCookie(reply, token, {
      secure: this.config.secureCookies,
      maxAgeSeconds: this.config.sessionAbsoluteHours * 3600,
    });
    return this.auth.me(userId);
  }
}
