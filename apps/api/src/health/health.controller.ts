import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { DatabaseAvailability } from '../database/database-availability';
import { DatabaseUnavailableError } from '../database/database-errors';

class HealthDto {
  @ApiProperty({ example: 'ok' })
  status: string;
}

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(private readonly database: DatabaseAvailability) {}

  /** Liveness: the process answers. */
  @Get('health')
  @ApiOkResponse({ type: HealthDto })
  health(): HealthDto {
    return { status: 'ok' };
  }

  /** Readiness: the database answers `SELECT 1` within DB_PROBE_TIMEOUT_MS. */
  @Get('ready')
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable' })
  async ready(): Promise<HealthDto> {
    if (!(await this.database.isReachable())) {
      throw new DatabaseUnavailableError();
    }
    return { status: 'ok' };
  }
}
