import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiTokenAuthenticator } from './api-token-authenticator';
import { ApiTokensRepository } from './api-tokens.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginFailuresRepository } from './login-failures.repository';
import { LoginThrottle } from './login-throttle';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { UsersRepository } from './users.repository';

@Module({
  controllers: [AuthController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    ApiTokenAuthenticator,
    ApiTokensRepository,
    AuthService,
    LoginFailuresRepository,
    LoginThrottle,
    SessionsRepository,
    SessionsService,
    UsersRepository,
  ],
  exports: [SessionsService, AuthService, UsersRepository, ApiTokensRepository],
})
export class AuthModule {}
