import type { WorkspaceActor } from '../auth/actor';
import { CurrentMember } from '../auth/current-actor.decorator';
import { type JsonText, SendsJsonText } from '../common/json-text';
import { Permission } from '../permissions/permission.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MyWorkDto } from './my-work.dto';
import { MyWorkService } from './my-work.service';

@ApiTags('my work')
@Permission('commitment.read')
@Controller('workspaces/:slug/my-work')
export class MyWorkController {
  constructor(private readonly myWork: MyWorkService) {}

  @Get()
  @SendsJsonText()
  @ApiOperation({
    summary: 'What waits for the caller: due commitments, returned reports, approvals, drafts',
  })
  @ApiOkResponse({ type: MyWorkDto })
  @ApiNotFoundResponse({ description: 'Not a member of this workspace' })
  get(@CurrentMember() member: WorkspaceActor): Promise<JsonText<MyWorkDto>> {
    return this.myWork.getJson(member);
  }
}
