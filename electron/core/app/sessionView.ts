import type { AuthPolicy, Session as AuthSession } from '../auth';
import type { Session } from '../../contract/schemas';
import type { Officer } from '../counter';

/** What the screen may know about a session: never its id (the transport holds that). */
export function sessionView(s: AuthSession, policy: AuthPolicy): Session {
  return {
    username: s.username,
    role: s.role,
    displayName: s.displayName,
    site: s.site,
    mustChangePassword: s.mustChangePassword,
    locked: s.locked,
    idleLockMinutes: policy.idleLockMinutes,
  };
}

export function officerOf(s: AuthSession): Officer {
  return { username: s.username, site: s.site, shiftId: `${s.username}@${s.startedAt}`, shiftStartedAt: s.startedAt };
}
