import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { Permission } from '../permissions/permission.decorator';
import {
  applyDecorators,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { readEvidenceInput } from './evidence-input';
import {
  CreateLinkEvidenceDto,
  EvidenceDto,
  EvidenceListDto,
  UploadEvidenceForm,
} from './evidence.dto';
import { EvidenceService } from './evidence.service';
import { downloadHeaders } from './download-headers';

const error = (description: string) => ({
  description,
  schema: { $ref: '#/components/schemas/ApiErrorDto' },
});

/** A link as JSON, or a file as multipart/form-data: the two forms of an evidence POST. */
const EvidenceBody = () =>
  applyDecorators(
    ApiExtraModels(CreateLinkEvidenceDto, UploadEvidenceForm),
    ApiConsumes('application/json', 'multipart/form-data'),
    ApiBody({
      description:
        'JSON `{ kind: "LINK", url, title }`, or multipart/form-data with a `file` and an optional `title`',
      schema: {
        oneOf: [
          { $ref: getSchemaPath(CreateLinkEvidenceDto) },
          { $ref: getSchemaPath(UploadEvidenceForm) },
        ],
      },
    }),
    ApiCreatedResponse({ type: EvidenceDto }),
    ApiForbiddenResponse(error('Not an editor of one of its organizations (nor ADMIN)')),
    ApiPayloadTooLargeResponse(error('The file is over 25 MB; nothing was stored')),
    ApiUnsupportedMediaTypeResponse(
      error('The content is not an accepted type; nothing was stored'),
    ),
  );

@ApiTags('evidence')
@Controller('workspaces/:slug/commitments/:commitmentId')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get('evidence')
  @Permission('commitment.read')
  @ApiOkResponse({ type: EvidenceListDto })
  list(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
  ): Promise<EvidenceListDto> {
    return this.evidence.list(member, commitmentId);
  }

  @Post('evidence')
  @Permission('evidence.write')
  @EvidenceBody()
  async create(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @Req() request: FastifyRequest,
  ): Promise<EvidenceDto> {
    return this.evidence.create(member, { commitmentId }, await readEvidenceInput(request));
  }

  @Post('updates/:updateId/evidence')
  @Permission('evidence.write')
  @EvidenceBody()
  @ApiConflictResponse(error('The update is no longer a DRAFT or RETURNED'))
  async createForUpdate(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('updateId') updateId: string,
    @Req() request: FastifyRequest,
  ): Promise<EvidenceDto> {
    const input = await readEvidenceInput(request);
    return this.evidence.create(member, { commitmentId, updateId }, input);
  }

  @Get('evidence/:evidenceId/download')
  @Permission('commitment.read')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file, always as an attachment, with its detected type',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse(error('No such file (links have no download)'))
  async download(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('evidenceId') evidenceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.evidence.download(member, commitmentId, evidenceId);
    void reply.headers(downloadHeaders(file));
    return new StreamableFile(file.content);
  }

  @Delete('evidence/:evidenceId')
  @Permission('evidence.write')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse(error('Not its uploader (nor ADMIN), or not of its organizations'))
  @ApiConflictResponse(
    error("The update's evidence is final, or it is a COMPLETED commitment's last evidence"),
  )
  remove(
    @CurrentMember() member: WorkspaceActor,
    @UuidParam('commitmentId') commitmentId: string,
    @UuidParam('evidenceId') evidenceId: string,
  ): Promise<void> {
    return this.evidence.remove(member, commitmentId, evidenceId);
  }
}
