/**
 * Hot folder: a page scanner drops data-page images (and sometimes a text file with the zone) into a
 * folder. Each file is read once it stops growing, then moved to `processed/` or to `failed/` with a
 * `.reason.txt` beside it. Files are only ever renamed inside the folder, never deleted or overwritten.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { BaseDriver } from './driver';
import type { FolderProfile } from './profiles';
import { interpretZone } from './zone';
import type { ImageZoneReader, ParseZone, ReaderProblemReason, ScannerProblemCode } from './types';

export interface FolderDriverDeps {
  parse: ParseZone;
  /** OCR for images (the OCR domain's reader, or a function creating it on the first image). Null: images go to `failed/`. */
  ocr?: ImageZoneReader | (() => Promise<ImageZoneReader>) | null;
  /** Safety-net rescan period: file watching is unreliable on network shares (ms). */
  pollMs?: number;
  /** How long a file that could not be moved, or an image the OCR engine could not take, waits before a retry (ms). */
  retryMs?: number;
}

const IMAGE_EXT = new Set(['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.bmp', '.webp']);
const TEXT_EXT = new Set(['.txt', '.mrz']);
const MAX_TEXT_BYTES = 64 * 1024;
/** After a move fails (permissions, file locked by the scanner), wait before trying that file again. */
const STUCK_RETRY_MS = 30_000;

export const PROCESSED_DIR = 'processed';
export const FAILED_DIR = 'failed';

/** Temporary names scanners and copy tools use while writing; left alone until renamed. */
function isPartial(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~') || /\.(tmp|part|partial|crdownload|filepart)$/i.test(name);
}

/** Zone lines from whatever the OCR reader returns (lines, a text, or a result with `lines`/`mrz.lines`). */
export function linesFromOcrResult(result: unknown): string[] {
  if (Array.isArray(result)) return result.filter((x): x is string => typeof x === 'string');
  if (typeof result === 'string') return result.split(/\r?\n/);
  if (result && typeof result === 'object') {
    const r = result as { lines?: unknown; text?: unknown; mrz?: { lines?: unknown } };
    if (Array.isArray(r.lines)) return linesFromOcrResult(r.lines);
    if (r.mrz && Array.isArray(r.mrz.lines)) return linesFromOcrResult(r.mrz.lines);
    if (typeof r.text === 'string') return linesFromOcrResult(r.text);
  }
  return [];
}

interface Seen {
  size: number;
  mtimeMs: number;
  stableSince: number;
}

export class FolderDriver extends BaseDriver {
  private running = false;
  private watcher: FSWatcher | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private scanTimer: NodeJS.Timeout | null = null;
  private seen = new Map<string, Seen>();
  private stuck = new Map<string, number>();
  private busy: Promise<void> = Promise.resolve();
  private scanning = false;
  private rescan = false;
  private ocr: ImageZoneReader | null = null;
  /** True when this driver created the OCR reader (and so closes it). */
  private ownsOcr = false;
  /** Why images cannot be read right now (OCR engine broken); they wait in the folder meanwhile. */
  private ocrDown: { message: string; detail: string } | null = null;
  readonly dir: string;

  constructor(
    readonly profile: FolderProfile,
    private readonly deps: FolderDriverDeps,
  ) {
    super(profile.id, 'folder', deps.parse);
    this.dir = profile.dir;
  }

  async open(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.setStatus('connecting', `Watching ${this.dir}.`, 'folder_watching', { dir: this.dir });
    this.pollTimer = setInterval(() => this.ensureWatching(), this.deps.pollMs ?? 1000);
    this.ensureWatching();
    await this.busy;
  }

  async close(): Promise<void> {
    this.running = false;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.scanTimer) clearTimeout(this.scanTimer);
    this.pollTimer = this.scanTimer = null;
    this.watcher?.close();
    this.watcher = null;
    await this.busy;
    if (this.ownsOcr) await this.ocr?.close?.().catch(() => undefined);
    this.ocr = null;
    this.setStatus('disconnected', `Stopped watching ${this.dir}.`, 'folder_stopped', { dir: this.dir });
  }

  /** Resolves once every file currently settled in the folder has been handled (tests, the CLI). */
  async idle(): Promise<void> {
    await this.busy;
  }

  private ensureWatching(): void {
    if (!this.running) return;
    if (!existsSync(this.dir)) {
      this.watcher?.close();
      this.watcher = null;
      this.setStatus('disconnected', `Hot folder ${this.dir} not found: check the scanner's output folder (or that the network share is mounted).`, 'folder_missing', { dir: this.dir });
      return;
    }
    try {
      mkdirSync(join(this.dir, PROCESSED_DIR), { recursive: true });
      mkdirSync(join(this.dir, FAILED_DIR), { recursive: true });
      if (!this.watcher) {
        this.watcher = watch(this.dir, () => this.scheduleScan());
        this.watcher.on('error', () => {
          this.watcher?.close();
          this.watcher = null;
        });
      }
      if (this.ocrDown) this.setStatus('error', this.ocrDown.message, 'ocr_down', { dir: this.dir, detail: this.ocrDown.detail });
      else this.setStatus('connected', `Watching ${this.dir} for scans.`, 'folder_ready', { dir: this.dir });
    } catch (e) {
      this.setStatus('error', `Cannot use hot folder ${this.dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): give this user read and write access to it.`, 'folder_access', {
        dir: this.dir,
        detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
      });
      return;
    }
    this.scheduleScan(0);
  }

  private scheduleScan(delayMs = 50): void {
    if (!this.running || this.scanTimer) return;
    this.scanTimer = setTimeout(() => {
      this.scanTimer = null;
      void this.scan();
    }, delayMs);
  }

  private scan(): Promise<void> {
    if (this.scanning) {
      this.rescan = true;
      return this.busy;
    }
    this.scanning = true;
    this.busy = this.busy
      .then(() => this.scanOnce())
      .catch((e) => this.reportProblem('file', `Hot folder scan failed: ${(e as Error).message}.`, 'folder_scan_failed', { error: (e as Error).message }))
      .finally(() => {
        this.scanning = false;
        if (this.rescan) {
          this.rescan = false;
          this.scheduleScan();
        }
      });
    return this.busy;
  }

  private async scanOnce(): Promise<void> {
    if (!this.running) return;
    const now = Date.now();
    const settleMs = this.profile.settleMs;
    const names = readdirSync(this.dir, { withFileTypes: true })
      .filter((d) => d.isFile() && !isPartial(d.name))
      .map((d) => d.name)
      .sort();
    const present = new Set(names);
    for (const name of this.seen.keys()) if (!present.has(name)) this.seen.delete(name);
    const settled = new Set<string>();
    let waiting = false;
    for (const name of names) {
      if ((this.stuck.get(name) ?? 0) > now) continue;
      let st;
      try {
        st = statSync(join(this.dir, name));
      } catch {
        continue; // moved away meanwhile
      }
      const prev = this.seen.get(name);
      if (!prev || prev.size !== st.size || prev.mtimeMs !== st.mtimeMs) {
        this.seen.set(name, { size: st.size, mtimeMs: st.mtimeMs, stableSince: now });
        if (settleMs > 0) {
          waiting = true;
          continue;
        }
      }
      if (now - (this.seen.get(name)!.stableSince) >= settleMs) settled.add(name);
      else waiting = true;
    }
    // Group by name without extension: scan001.jpg + scan001.txt are one document.
    const groups = new Map<string, string[]>();
    for (const name of names) {
      const stem = basename(name, extname(name));
      groups.set(stem, [...(groups.get(stem) ?? []), name]);
    }
    for (const files of groups.values()) {
      if (!this.running) return;
      if (!files.every((f) => settled.has(f))) continue;
      await this.handleGroup(files, Math.max(...files.map((f) => this.seen.get(f)!.mtimeMs)));
    }
    if (waiting) this.scheduleScan(Math.max(50, Math.min(settleMs, 250)));
  }

  private async handleGroup(files: string[], receivedAt: number): Promise<void> {
    const text = files.find((f) => TEXT_EXT.has(extname(f).toLowerCase()));
    const image = files.find((f) => IMAGE_EXT.has(extname(f).toLowerCase()));
    if (!text && !image) {
      const file = files.join(', ');
      const reason = `Not an image or a text file (${file}): the hot folder only reads data-page images (JPEG, PNG, TIFF, BMP) and zone text files (.txt, .mrz).`;
      this.fail(files, 'file', reason, 'folder_not_scan', { file });
      return;
    }
    let lines: string[];
    if (text) {
      try {
        const buf = await readFile(join(this.dir, text));
        if (buf.length > MAX_TEXT_BYTES) throw new Error(`${text} is ${buf.length} bytes, too large to be a zone`);
        lines = decodeZoneText(buf).split(/\r\n|\r|\n/);
      } catch (e) {
        const reason = `Could not read the text file ${text}: ${sentence(e)}`;
        this.fail(files, 'file', reason, 'folder_text_unreadable', { file: text, error: sentence(e) });
        return;
      }
    } else {
      let result: unknown;
      try {
        const ocr = await this.ocrReader();
        if (!ocr) {
          const reason = `No OCR engine is available in this process to read images (${image}).`;
          this.fail(files, 'ocr', reason, 'folder_no_ocr', { file: image! });
          return;
        }
        result = await ocr.read(join(this.dir, image!));
      } catch (e) {
        // The engine itself is broken (model missing, worker crashed): not this scan's fault. Keep the
        // scans where they are, say so, and try again later.
        const detail = sentence(e).replace(/\.$/, '');
        this.ocrDown = { message: `OCR cannot read images (${detail}); scans wait in ${this.dir} until this is fixed.`, detail };
        this.setStatus('error', this.ocrDown.message, 'ocr_down', { dir: this.dir, detail });
        this.reportProblem('ocr', this.ocrDown.message, 'folder_ocr_down', { dir: this.dir, detail });
        for (const f of files) this.stuck.set(f, Date.now() + (this.deps.retryMs ?? STUCK_RETRY_MS));
        // A reader we created is rebuilt on the next try (the model may have been installed meanwhile).
        if (this.ownsOcr) void this.ocr?.close?.().catch(() => undefined);
        this.ocr = null;
        return;
      }
      if (this.ocrDown) {
        this.ocrDown = null;
        this.setStatus('connected', `Watching ${this.dir} for scans.`, 'folder_ready', { dir: this.dir });
      }
      const failure = result as { ok?: unknown; reason?: unknown; code?: unknown } | null;
      // The OCR reader says why it found no zone (blurred, no zone on the page): keep that reason.
      if (failure && failure.ok === false) {
        const reason = `Could not read the image: ${typeof failure.reason === 'string' ? failure.reason : 'no zone found.'}`;
        // The OCR's own codes say the usual reasons in any language; another reason keeps its English.
        const coded: [ReaderProblemReason, Record<string, string | number>] =
          failure.code === 'no_zone' ? ['folder_image_no_zone', {}] : failure.code === 'unreadable' ? ['folder_image_unreadable', {}] : ['folder_image_unread', { reason: typeof failure.reason === 'string' ? failure.reason : '' }];
        this.fail(files, 'ocr', reason, ...coded);
        return;
      }
      lines = linesFromOcrResult(result);
    }
    const outcome = interpretZone(lines, this.parse);
    if (!outcome.ok) {
      this.fail(files, outcome.problem.code, outcome.problem.message, outcome.problem.reason, outcome.problem.params);
      return;
    }
    const moved = this.moveAll(files, PROCESSED_DIR);
    if (!moved) return;
    const imagePath = image ? moved.get(image) : undefined;
    this.emit('document', {
      lines: outcome.lines,
      mrz: outcome.mrz,
      source: 'folder',
      readerId: this.readerId,
      receivedAt,
      ...(imagePath ? { image: { path: imagePath } } : {}),
    });
  }

  private async ocrReader(): Promise<ImageZoneReader | null> {
    if (this.ocr) return this.ocr;
    const dep = this.deps.ocr;
    if (!dep) return null;
    this.ownsOcr = typeof dep === 'function';
    this.ocr = typeof dep === 'function' ? await dep() : dep;
    return this.ocr;
  }

  /** Reports why the scan could not be read, then moves its files to failed/ with that reason beside them. */
  private fail(files: string[], code: ScannerProblemCode, reason: string, reasonCode: ReaderProblemReason, params: Record<string, string | number> = {}): void {
    this.reportProblem(code, reason, reasonCode, params);
    const moved = this.moveAll(files, FAILED_DIR);
    if (!moved) return;
    const first = moved.values().next().value as string;
    try {
      writeFileSync(`${first}.reason.txt`, `${reason}\nFiles: ${files.join(', ')}\nAt: ${new Date().toISOString()}\n`);
    } catch (e) {
      this.reportProblem('file', `Could not write the reason file in ${FAILED_DIR}/: ${(e as Error).message}.`, 'folder_reason_file', { dir: FAILED_DIR, error: (e as Error).message });
    }
  }

  /** Renames each file into `sub/`, never over an existing file. Returns new paths, or null if any move failed. */
  private moveAll(files: string[], sub: string): Map<string, string> | null {
    const moved = new Map<string, string>();
    for (const f of files) {
      const target = uniqueTarget(join(this.dir, sub), f);
      try {
        renameSync(join(this.dir, f), target);
        moved.set(f, target);
        this.seen.delete(f);
      } catch (e) {
        this.stuck.set(f, Date.now() + (this.deps.retryMs ?? STUCK_RETRY_MS));
        const error = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        this.reportProblem('file', `Could not move ${f} to ${sub}/ (${error}); it stays in the hot folder and will be retried. Check folder permissions.`, 'folder_move_failed', { file: f, dir: sub, error });
        return moved.size > 0 ? moved : null;
      }
    }
    return moved;
  }
}

function uniqueTarget(dir: string, name: string): string {
  let candidate = join(dir, name);
  const ext = extname(name);
  const stem = basename(name, ext);
  for (let i = 1; existsSync(candidate); i++) candidate = join(dir, `${stem}-${i}${ext}`);
  return candidate;
}

/** Zone text files come from scanner software: UTF-16 with a BOM on some Windows tools, UTF-8 with or without a BOM elsewhere. */
export function decodeZoneText(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  return buf.toString('utf8');
}

/** An error message as one sentence ending with a full stop. */
function sentence(e: unknown): string {
  return `${((e as Error)?.message ?? String(e)).trim().replace(/[.\s]+$/, '')}.`;
}
