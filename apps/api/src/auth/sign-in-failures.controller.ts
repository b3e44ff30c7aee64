import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '../permissions/permission.decorator';
import type { WorkspaceActor } from './actor';
import { CurrentMember } from './current-actor.decorator';
import { LoginThrottle } from './login-throttle';
import { SignInFailureListDto } from './sign-in-failures.dto';

/** Recent failed sign-ins of the workspace's members: for its administrators. */
@ApiTags('auth')
@Permission('workspace.manage')
@Controller('workspaces/:slug/sign-in-failures')
export class SignInFailuresController {
  constructor(private readonly throttle: LoginThrottle) {}

  @Get()
  @ApiOkResponse({
    type: SignInFailureListDto,
    description: 'Per member and address, the latest first: the last 24 hours, at most 200',
  })
  list(@CurrentMember() member: WorkspaceActor): Promise<SignInFailureListDto> {
    return this.throttle.recentFailures(member.workspaceId);
  }
}
