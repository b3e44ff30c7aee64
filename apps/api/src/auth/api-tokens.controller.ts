import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { ApiTokenListDto, CreateApiTokenDto, CreatedApiTokenDto } from './account.dto';
import type { Actor } from './actor';
import { ApiTokensService } from './api-tokens.service';
import { CurrentActor } from './current-actor.decorator';

/** The caller's personal API tokens (`Authorization: Bearer …`). */
@ApiTags('auth')
@Controller('auth/tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @ApiOkResponse({ type: ApiTokenListDto })
  list(@CurrentActor() actor: Actor): Promise<ApiTokenListDto> {
    return this.tokens.list(actor);
  }

  /** Creates a token; the response holds it in full, this once. */
  @Post()
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @ApiBadRequestResponse()
  @ApiForbiddenResponse({ description: 'Called with an API token: sign in to create tokens' })
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateApiTokenDto,
  ): Promise<CreatedApiTokenDto> {
    return this.tokens.create(actor, body);
  }

  /** Revokes a token at once. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  revoke(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<void> {
    return this.tokens.revoke(actor, id);
  }
}
