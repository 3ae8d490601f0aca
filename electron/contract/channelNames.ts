/**
 * Every IPC channel and event name, in one place (the Mattermost habit). Kept free of imports so the
 * sandboxed preload can bundle it alone and refuse anything not listed here.
 */
export const CHANNELS = [
  // anyone
  'app.info',
  'session.current',
  'auth.login',
  /** First run only (no account yet): creates the first admin. */
  'setup.firstAdmin',
  // any signed-in person
  'auth.logout',
  'auth.changePassword',
  'auth.lock',
  'auth.unlock',
  'session.touch',
  'scanner.status',
  'watchlist.status',
  // officer
  'mrz.parse',
  'traveller.manualEntry',
  'traveller.readImage',
  'traveller.current',
  'traveller.discard',
  'inspection.decide',
  'inspection.myShift',
  // supervisor
  'inspection.dashboard',
  'inspection.search',
  'inspection.get',
  'log.verify',
  'export.shift',
  // technician
  'scanner.devices',
  'scanner.profiles.get',
  'scanner.profiles.save',
  'scanner.simulate',
  'scanner.testRead',
  'sync.status',
  'sync.pullNow',
  'sync.config.get',
  'sync.config.set',
  'doctor.run',
  // admin
  'users.list',
  'users.add',
  'policy.get',
  'policy.set',
] as const;

export type ChannelName = (typeof CHANNELS)[number];

/** Events pushed from the core to the screen. */
export const EVENTS = ['traveller.read', 'scanner.status', 'scanner.raw', 'scanner.problem', 'sync.status', 'session.changed'] as const;

export type EventName = (typeof EVENTS)[number];

export const isChannelName = (v: unknown): v is ChannelName => typeof v === 'string' && (CHANNELS as readonly string[]).includes(v);
export const isEventName = (v: unknown): v is EventName => typeof v === 'string' && (EVENTS as readonly string[]).includes(v);
