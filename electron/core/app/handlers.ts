import { UserError } from './errors';
import type { HandlerTable } from './dispatch';
import type { CoreServices } from './types';
import { parseMrz, SPECIMENS } from '../mrz';

/**
 * Every IPC channel's handler with the access it needs. The renderer is not trusted: each handler is
 * reached only through `dispatch`, after the schema and the caller's role were checked.
 */
export function createHandlers(services: CoreServices): HandlerTable {
  return {
    'app.info': {
      access: { kind: 'public' },
      handle: () => ({ version: services.version, transport: process.versions.electron ? 'electron' : 'harness', platform: process.platform }),
    },
    'session.current': {
      access: { kind: 'public' },
      handle: (_req, caller) => caller.session,
    },
    'scanner.simulate': {
      access: { kind: 'public' },
      handle: async (req) => {
        if (req.lines) await services.simulator.emitZone(req.lines);
        else {
          const name = req.specimen ?? 'td3';
          if (!(name in SPECIMENS)) throw new UserError('unknown_specimen', `No built-in specimen called "${name}".`);
          await services.simulator.emitSpecimen(name);
        }
        return { emitted: true };
      },
    },
    'scanner.status': {
      access: { kind: 'public' },
      handle: () => [...services.readers.values()].map((r) => r.status),
    },
    'mrz.parse': {
      access: { kind: 'public' },
      handle: (req) => parseMrz(req.text, { correct: req.correct }),
    },
  };
}
