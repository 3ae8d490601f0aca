import { contract, isChannelName, type ChannelName, type Envelope, type ParsedRequestOf, type ResponseOf } from '../../contract';
import type { Session as AuthSession } from '../auth';
import { describeError, isUserError } from './errors';

/** Who is calling: the transport keeps one per window (Electron) or per socket (harness). Only an id crosses. */
export interface CallerContext {
  sessionId: string | null;
}

/**
 * - `public`: anyone, signed in or not (sign-in itself, version).
 * - `session`: any signed-in person, even locked or due a password change (unlock, change password, sign out).
 * - `active`: a signed-in, unlocked person with a usable password.
 * - `permission`: an active person whose role holds the permission (auth/permissions.ts).
 */
export type Access = { kind: 'public' } | { kind: 'session' } | { kind: 'active' } | { kind: 'permission'; permission: string };

export interface HandlerContext {
  caller: CallerContext;
  session: AuthSession | null;
}

export interface HandlerDef<C extends ChannelName> {
  access: Access;
  handle(request: ParsedRequestOf<C>, ctx: HandlerContext): Promise<ResponseOf<C>> | ResponseOf<C>;
}

export type HandlerTable = { [C in ChannelName]: HandlerDef<C> };

export interface AccessControl {
  /** The caller's live session (idle lock applied); `activity` postpones the lock. */
  sessionOf(caller: CallerContext, activity: boolean): AuthSession | null;
  can(session: AuthSession, permission: string): boolean;
}

const fail = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

/** Calls that are not a person's activity (polling) must not postpone the idle lock. */
const PASSIVE = new Set<ChannelName>(['scanner.status', 'watchlist.status', 'sync.status', 'session.current', 'inspection.myShift']);

/**
 * The single entry point for every request from a screen, whatever the transport: unknown channel,
 * schema failure, missing session and missing permission are refused before any handler runs.
 */
export async function dispatch(handlers: HandlerTable, access: AccessControl, channel: unknown, payload: unknown, caller: CallerContext): Promise<Envelope<unknown>> {
  if (!isChannelName(channel)) return fail('unknown_channel', 'This request is not part of the workstation contract.');
  const parsed = contract[channel].request.safeParse(payload ?? {});
  if (!parsed.success) return fail('invalid_request', `Request for ${channel} was malformed and was refused.`);
  const def = handlers[channel] as HandlerDef<ChannelName>;
  const rule = def.access;
  const session = caller.sessionId ? access.sessionOf(caller, !PASSIVE.has(channel)) : null;
  if (rule.kind !== 'public') {
    if (!session) return fail('not_signed_in', 'Sign in to continue.');
    if (rule.kind !== 'session') {
      if (session.mustChangePassword) return fail('must_change_password', 'Choose a new password before continuing.');
      if (session.locked) return fail('locked', 'The screen is locked. Enter your password to continue.');
      if (rule.kind === 'permission' && !access.can(session, rule.permission)) {
        return fail('forbidden', 'Your role does not allow this. Ask a supervisor or administrator.');
      }
    }
  }
  try {
    const value = await def.handle(parsed.data as never, { caller, session });
    return { ok: true, value };
  } catch (e) {
    if (isUserError(e)) return fail(e.code, e.message);
    // Unexpected failures are logged without payloads (they may hold personal data).
    console.error(`[core] ${channel} failed: ${(e as Error)?.name ?? 'Error'}`);
    if (process.env.CHECKPOINT_DEBUG) console.error(e);
    return fail('internal', describeError(e));
  }
}
