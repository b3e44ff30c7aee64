import { ForbiddenException, Injectable } from '@nestjs/common';
import { type Action, can, type PolicyResource, type PolicySubject } from '@spct/contracts';

/** The one place that decides what a workspace member may do. */
@Injectable()
export class PolicyService {
  can(actor: PolicySubject, action: Action, resource?: PolicyResource): boolean {
    return can(actor, action, resource);
  }

  /** Throws 403 unless the member may do `action` to `resource`. */
  assert(actor: PolicySubject, action: Action, resource?: PolicyResource): void {
    if (!can(actor, action, resource)) {
      throw new ForbiddenException(`Your role in this workspace does not allow ${action}`);
    }
  }
}
