import { Body, Controller, Get, HttpCode, Inject, Post, Res, Req } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './actor';
import { LoginDto, MeDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentActor } from './current-actor.decorator';
import { signInClient } from './login-throttle';
import { Public } from './public.decorator';
import { SECURITY_CONFIG, type SecurityConfig } from './security-config';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    @Inject(SECURITY_CONFIG) private readonly config: SecurityConfig,
  ) {}

  /** Signs in: sets the httpOnly session cookie and returns the user with their memberships. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: MeDto })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password (the same answer for both)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; see Retry-After' })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeDto> {
    const { token, userId } = await this.auth.login(body.email, body.password, {
      ...signInClient(request),
      userAgent: request.headers['user-agent'],
    });
    setSessionCookie(reply, token, {
      secure: this.config.secureCookies,
      maxAgeSeconds: this.config.sessionAbsoluteHours * 3600,
    });
    return this.auth.me(userId);
  }

  /** Ends this session (in the database, not only in the browser). */
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    if (actor.sessionId) await this.sessions.end(actor.sessionId);
    clearSessionCookie(reply, this.config.secureCookies);
  }

  @Get('me')
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor.userId);
  }
}
