import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from './errors';
import type { HandlerTable } from './dispatch';
import type { CoreServices } from './types';
import { syncStatusView, ACTIVE_READER_SETTING } from './views';
import { runDoctor } from './doctor';
import { doctorChecks } from './doctorChecks';
import { readImageZone } from './imageReads';
import { sessionView, officerOf } from './sessionView';
import { parseMrz, SPECIMENS } from '../mrz';
import { createDriver, defaultProfiles, describeBytes, listDevices, loadProfiles, saveProfiles, type ScannedDocument, type ScannerProblem } from '../scanners';
import { exportShiftCsv, exportShiftPdf } from '../export';
import type { PolicyView, RawTrafficView, WatchlistStatusView } from '../../contract/schemas';

const permission = (p: string) => ({ kind: 'permission' as const, permission: p });

/** Bytes in a page photo we accept for OCR (the contract bounds the base64 text too). */
const MAX_IMAGE_BYTES = 11 * 1024 * 1024;

/**
 * Every IPC channel's handler with the access it needs. The renderer is not trusted: each handler is
 * reached only through `dispatch`, after the schema, the session and the role were checked.
 */
export function createHandlers(services: CoreServices): HandlerTable {
  const { auth, log, counter, watchlist, sync } = services;
  const policy = auth.policy;

  const watchlistStatus = (): WatchlistStatusView => {
    const v = watchlist.listVersion();
    const stats = watchlist.stats();
    const staleAfterHours = sync.settings().staleAfterHours;
    const ageHours = v.publishedAt ? Math.max(0, (Date.now() - Date.parse(v.publishedAt)) / 3_600_000) : null;
    return { version: v.version, publishedAt: v.publishedAt, ageHours, stale: sync.status().stale, staleAfterHours, persons: stats.persons, documents: stats.documents };
  };

  const policyView = (): PolicyView => ({ idleLockMinutes: policy.idleLockMinutes, retentionDays: log.retentionDays() });

  return {
    'app.info': {
      access: { kind: 'public' },
      handle: () => ({ version: services.version, transport: process.versions.electron ? 'electron' : 'harness', platform: process.platform, workstation: counter.workstation, setupNeeded: auth.needsSetup() }),
    },
    'session.current': {
      access: { kind: 'public' },
      handle: (_req, { session }) => (session ? sessionView(session, policy) : null),
    },
    'auth.login': {
      access: { kind: 'public' },
      handle: async (req, { caller }) => {
        const result = await auth.login(req.username, req.password);
        if (!result.ok) throw new UserError(result.error, result.message);
        if (caller.sessionId) auth.logout(caller.sessionId);
        counter.clear();
        caller.sessionId = result.session.id;
        return sessionView(result.session, policy);
      },
    },
    'setup.firstAdmin': {
      // Public only while no account exists: createFirstAdmin refuses once one does (checked in the write).
      access: { kind: 'public' },
      handle: async (req, { caller }) => {
        const admin = await auth.createFirstAdmin({ username: req.username, password: req.password, displayName: req.displayName });
        const result = await auth.login(admin.username, req.password);
        if (!result.ok) throw new UserError(result.error, result.message);
        if (caller.sessionId) auth.logout(caller.sessionId);
        counter.clear();
        caller.sessionId = result.session.id;
        return sessionView(result.session, policy);
      },
    },
    'auth.logout': {
      access: { kind: 'session' },
      handle: (_req, { caller }) => {
        if (caller.sessionId) auth.logout(caller.sessionId);
        caller.sessionId = null;
        counter.clear();
        return { ok: true as const };
      },
    },
    'auth.changePassword': {
      access: { kind: 'session' },
      handle: async (req, { session }) => sessionView(await auth.changePassword(session!.id, req.currentPassword, req.newPassword), policy),
    },
    'auth.lock': {
      access: { kind: 'session' },
      handle: (_req, { session }) => {
        auth.lock(session!.id);
        // A locked screen holds no traveller: the read on screen is dropped with the lock.
        counter.clear();
        return sessionView(auth.getSession(session!.id, false)!, policy);
      },
    },
    'auth.unlock': {
      access: { kind: 'session' },
      handle: async (req, { session }) => sessionView(await auth.unlock(session!.id, req.password), policy),
    },
    'session.touch': {
      access: { kind: 'public' },
      handle: (_req, { session }) => (session ? sessionView(session, policy) : null),
    },
    'scanner.status': {
      access: { kind: 'active' },
      handle: () => [...services.readers.values()].map((r) => r.status),
    },
    'watchlist.status': { access: permission('watchlist.status'), handle: watchlistStatus },

    'mrz.parse': {
      access: permission('inspection.record'),
      handle: (req) => parseMrz(req.text, { correct: req.correct }),
    },
    'traveller.manualEntry': {
      access: permission('inspection.record'),
      handle: (req) => {
        const lines = req.text.split(/\r\n|\r|\n/).map((l) => l.trim().toUpperCase()).filter(Boolean);
        const mrz = parseMrz(lines);
        if (!mrz.format) throw new UserError('not_a_zone', mrz.errors[0]?.message ?? 'That is not a machine readable zone. Check the number of lines and characters.');
        return counter.check({ lines: mrz.lines, mrz, source: 'manual', readerId: 'manual', receivedAt: Date.now() });
      },
    },
    'traveller.readImage': {
      access: permission('inspection.record'),
      handle: async (req) => {
        const image = Buffer.from(req.dataBase64, 'base64');
        if (image.length === 0) throw new UserError('empty_image', 'The image file is empty. Take the photo again.');
        if (image.length > MAX_IMAGE_BYTES) throw new UserError('image_too_large', 'The image is larger than 11 MB. Scan at 300 dpi or send a smaller photo.');
        const receivedAt = Date.now();
        const zone = await readImageZone(image);
        if (!zone.ok || !zone.mrz) throw new UserError('no_zone', zone.error ?? 'No machine readable zone was found on the image. Rescan the data page or enter the zone by hand.');
        // Lines that do not form a zone (cut off at the edge, half covered) are not a document: say so, show nothing.
        if (!zone.mrz.format) {
          throw new UserError('partial_zone', 'The zone on the image could not be read completely (cut off or covered?). Rescan the whole data page, or enter the zone by hand.');
        }
        return counter.check({ lines: zone.lines, mrz: zone.mrz, source: 'ocr', readerId: 'image', receivedAt, images: zone.images });
      },
    },
    'traveller.current': { access: permission('inspection.record'), handle: () => counter.current() },
    'traveller.discard': { access: permission('inspection.record'), handle: (req) => ({ discarded: counter.discard(req.readId) }) },
    'inspection.decide': {
      access: permission('inspection.record'),
      handle: (req, { session }) => {
        if (req.decision !== 'admit' && (!req.reason.trim() || !req.notes.trim())) {
          throw new UserError('reason_required', `A reason and notes are required to ${req.decision}.`);
        }
        return counter.decide(officerOf(session!), req.readId, req.decision, req.reason.trim(), req.notes.trim());
      },
    },
    'inspection.myShift': { access: permission('inspection.viewOwnShift'), handle: (_req, { session }) => counter.shiftCounters(officerOf(session!)) },

    'inspection.dashboard': {
      access: permission('inspection.viewSite'),
      handle: (req, { session }) => log.dashboard(auth.scopeShiftFilter(session!, { from: req.from, to: req.to })),
    },
    'inspection.search': {
      access: permission('inspection.viewSite'),
      handle: (req, { session }) => {
        const filter = auth.scopeShiftFilter(session!, { from: req.from, to: req.to, officer: req.officer });
        const text = req.text?.trim().toUpperCase() ?? '';
        const records = [];
        let truncated = false;
        for (const r of log.iterateShift(filter)) {
          if (req.decision && r.decision !== req.decision) continue;
          if (req.hitsOnly && r.checks.hitCount + r.checks.possibleCount === 0) continue;
          if (text) {
            const f = r.document.fields;
            const hay = f ? `${f.documentNumber} ${f.surname} ${f.givenNames}`.toUpperCase() : '';
            if (!hay.includes(text)) continue;
          }
          if (records.length >= req.limit) {
            truncated = true;
            break;
          }
          records.push(r);
        }
        return { records, truncated };
      },
    },
    'inspection.get': {
      access: permission('inspection.viewSite'),
      handle: (req, { session }) => {
        const r = log.getInspection(req.id);
        if (!r || !auth.mayAccessRecord(session!, r.record)) throw new UserError('not_found', 'No such inspection at this site.');
        log.appendAudit('record.view', session!.username, { id: req.id });
        return r;
      },
    },
    'log.verify': {
      access: permission('log.verify'),
      handle: (_req, { session }) => {
        const result = log.verifyChain();
        log.appendAudit('log.verify', session!.username, { ok: result.ok, checked: result.checked, firstBroken: result.firstBroken?.seq ?? null });
        return result;
      },
    },
    'export.shift': {
      access: permission('export.shift'),
      handle: async (req, { session }) => {
        const filter = auth.scopeShiftFilter(session!, { from: req.from, to: req.to, officer: req.officer });
        const dir = mkdtempSync(join(tmpdir(), 'checkpoint-export-'));
        const stamp = `${req.from.slice(0, 10)}_${req.to.slice(0, 10)}${req.officer ? `_${req.officer}` : ''}`.replace(/[^A-Za-z0-9_.-]/g, '-');
        const fileName = `shift-${stamp}.${req.format}`;
        try {
          const out = join(dir, fileName);
          const opts = { actor: session!.username };
          const result = req.format === 'csv' ? await exportShiftCsv(log, filter, out, opts) : await exportShiftPdf(log, filter, out, opts);
          return {
            fileName,
            mimeType: req.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/pdf',
            dataBase64: readFileSync(result.path).toString('base64'),
            sha256: result.sha256,
            rows: result.rows,
          };
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },

    'scanner.devices': { access: permission('scanner.configure'), handle: () => listDevices() },
    'scanner.profiles.get': {
      access: permission('scanner.configure'),
      handle: () => ({ profiles: loadProfiles(services.dataDir), active: log.getSetting(ACTIVE_READER_SETTING), defaults: defaultProfiles(services.dataDir) }),
    },
    'scanner.profiles.save': {
      access: permission('scanner.configure'),
      handle: async (req, { session }) => {
        const saved = saveProfiles(services.dataDir, req.profiles as never);
        if (req.active !== null && !saved.some((p) => p.id === req.active)) throw new UserError('unknown_profile', `No profile with id "${req.active}".`);
        log.appendAudit('scanner.profileChange', session!.username, { ids: saved.map((p) => p.id), active: req.active });
        log.setSetting(ACTIVE_READER_SETTING, req.active ?? '', session!.username);
        await services.reloadReaders();
        return { profiles: saved, active: req.active };
      },
    },
    'scanner.simulate': {
      access: permission('scanner.configure'),
      handle: async (req) => {
        if (!services.simulator) throw new UserError('no_simulator', 'The simulated reader is not enabled on this workstation.');
        if (req.lines) await services.simulator.emitZone(req.lines);
        else {
          const name = req.specimen ?? 'td3';
          if (!(name in SPECIMENS)) throw new UserError('unknown_specimen', `No built-in specimen called "${name}".`);
          await services.simulator.emitSpecimen(name);
        }
        return { emitted: true };
      },
    },
    'scanner.testRead': {
      access: permission('scanner.configure'),
      handle: async (req) => {
        // A separate driver on the profile being edited: shows the bytes and the parse, records nothing.
        const driver = createDriver(req.profile as never);
        const raw: RawTrafficView[] = [];
        driver.on('raw', (r: { direction: 'in' | 'out'; bytes: Buffer; at: number }) => {
          if (raw.length < 200) raw.push({ readerId: 'test', direction: r.direction, ...describeBytes(r.bytes), at: r.at });
        });
        let problem: ScannerProblem | null = null;
        driver.on('error', (e: ScannerProblem) => (problem = e));
        try {
          const doc = await new Promise<ScannedDocument | null>((resolve, reject) => {
            const timer = setTimeout(() => resolve(null), req.seconds * 1000);
            driver.once('document', (d: ScannedDocument) => {
              clearTimeout(timer);
              resolve(d);
            });
            driver.open().catch((e) => {
              clearTimeout(timer);
              reject(e);
            });
          });
          const last = problem as ScannerProblem | null;
          return doc
            ? { lines: doc.lines, mrz: doc.mrz, raw, error: null, problem: null }
            : last
              ? { lines: [], mrz: null, raw, error: last.message, problem: { code: last.reason, params: last.params } }
              : { lines: [], mrz: null, raw, error: `No document within ${req.seconds} s. Present a passport to the reader, or check the port and framing.`, problem: { code: 'test_no_document', params: { seconds: req.seconds } } };
        } finally {
          await driver.close().catch(() => undefined);
        }
      },
    },
    'sync.status': { access: permission('watchlist.status'), handle: () => syncStatusView(services) },
    'sync.pullNow': {
      access: permission('sync.manage'),
      handle: async () => {
        await sync.pullNow().catch(() => undefined); // the status carries the error for the technician
        return syncStatusView(services);
      },
    },
    'sync.config.get': { access: permission('sync.manage'), handle: () => sync.settings() },
    'sync.config.set': {
      access: permission('sync.manage'),
      handle: (req, { session }) => {
        const next = sync.configure(req as never);
        log.appendAudit('config.change', session!.username, { area: 'sync', keys: Object.keys(req) });
        return next;
      },
    },
    'doctor.run': {
      access: permission('diagnostics.view'),
      handle: () => runDoctor({ dataDir: services.dataDir, extraChecks: doctorChecks(services.dataDir) }),
    },

    'users.list': { access: permission('users.manage'), handle: () => auth.listUsers() },
    'users.add': {
      access: permission('users.manage'),
      handle: (req, { session }) =>
        auth.addUser({ username: req.username, role: req.role, password: req.password, displayName: req.displayName, site: req.site ?? null }, session!.username),
    },
    'policy.get': { access: permission('policy.manage'), handle: () => policyView() },
    'policy.set': {
      access: permission('policy.manage'),
      // each change is its own config.change entry in the audit chain (setSetting)
      handle: (req, { session }) => {
        if (req.idleLockMinutes !== undefined) auth.setIdleLockMinutes(req.idleLockMinutes, session!.username);
        if (req.retentionDays !== undefined) log.setRetentionDays(req.retentionDays, session!.username);
        return policyView();
      },
    },
  };
}

