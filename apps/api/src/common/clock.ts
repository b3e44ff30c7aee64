import { Injectable } from '@nestjs/common';

/**
 * The current time, as one injectable service: what decides "today" (overdue, needs an update,
 * the dashboard's periods) and stamps report decisions. Tests set it to move through periods.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
