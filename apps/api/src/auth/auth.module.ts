import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { ApiTokenAuthenticator } from './api-token-authenticator';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CallerCache } from './caller-cache';
import { LoginFailuresRepository } from './login-failures.repository';
import { LoginThrottle } from './login-throttle';
import { PasswordTokensRepository } from './password-tokens.repository';
import { PasswordTokensService } from './password-tokens.service';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { SignInFailuresController } from './sign-in-failures.controller';
import { UsersRepository } from './users.repository';

@Module({
  controllers: [AuthController, AccountController, ApiTokensController, SignInFailuresController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    AccountService,
    ApiTokenAuthenticator,
    ApiTokensRepository,
    ApiTokensService,
    AuthService,
    CallerCache,
    LoginFailuresRepository,
    LoginThrottle,
    PasswordTokensRepository,
    PasswordTokensService,
    SessionsRepository,
    SessionsService,
    UsersRepository,
  ],
  // What other modules inject (members: end sessions, issue password links).
  exports: [SessionsService, PasswordTokensService],
})
export class AuthModule {}
