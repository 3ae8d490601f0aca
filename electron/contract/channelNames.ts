/**
 * Every IPC channel and event name, in one place (the Mattermost habit). Kept free of imports so the
 * sandboxed preload can bundle it alone and refuse anything not listed here.
 */
export const CHANNELS = [
  'app.info',
  'session.current',
  'scanner.simulate',
  'scanner.status',
  'mrz.parse',
] as const;

export type ChannelName = (typeof CHANNELS)[number];

/** Events pushed from the core to the screen. */
export const EVENTS = ['scanner.document', 'scanner.status'] as const;

export type EventName = (typeof EVENTS)[number];

export const isChannelName = (v: unknown): v is ChannelName => typeof v === 'string' && (CHANNELS as readonly string[]).includes(v);
export const isEventName = (v: unknown): v is EventName => typeof v === 'string' && (EVENTS as readonly string[]).includes(v);
