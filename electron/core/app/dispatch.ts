import { contract, isChannelName, type ChannelName, type Envelope, type RequestOf, type ResponseOf, type Session } from '../../contract';
import { describeError, isUserError } from './errors';

/** Who is calling: the transport keeps one of these per window (Electron) or per socket (harness). */
export interface CallerContext {
  session: Session | null;
  setSession(session: Session | null): void;
}

export type Access = { kind: 'public' } | { kind: 'signedIn' } | { kind: 'permission'; permission: string };

export interface HandlerDef<C extends ChannelName> {
  access: Access;
  handle(request: RequestOf<C>, caller: CallerContext): Promise<ResponseOf<C>> | ResponseOf<C>;
}

export type HandlerTable = { [C in ChannelName]: HandlerDef<C> };

/** Permission check supplied by the auth domain (roles are enforced here, in the core, never in the renderer). */
export type PermissionCheck = (session: Session, permission: string) => boolean;

const fail = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

/**
 * The single entry point for every request from a screen, whatever the transport: unknown channel,
 * schema failure and missing permission are refused before any handler runs.
 */
export async function dispatch(
  handlers: HandlerTable,
  can: PermissionCheck,
  channel: unknown,
  payload: unknown,
  caller: CallerContext,
): Promise<Envelope<unknown>> {
  if (!isChannelName(channel)) return fail('unknown_channel', 'This request is not part of the workstation contract.');
  const parsed = contract[channel].request.safeParse(payload ?? {});
  if (!parsed.success) return fail('invalid_request', `Request for ${channel} was malformed and was refused.`);
  const def = handlers[channel] as HandlerDef<ChannelName>;
  const access = def.access;
  if (access.kind !== 'public') {
    if (!caller.session) return fail('not_signed_in', 'Sign in to continue.');
    if (access.kind === 'permission' && !can(caller.session, access.permission)) {
      return fail('forbidden', 'Your role does not allow this. Ask a supervisor or administrator.');
    }
  }
  try {
    const value = await def.handle(parsed.data as never, caller);
    return { ok: true, value };
  } catch (e) {
    if (isUserError(e)) return fail(e.code, e.message);
    // Unexpected failures are logged without payloads (they may hold personal data).
    console.error(`[core] ${channel} failed: ${(e as Error)?.name ?? 'Error'}`);
    return fail('internal', describeError(e));
  }
}
