import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { UserError } from '../app/errors';

/**
 * Writes a file beside its destination and renames it into place only when complete, hashing the
 * bytes as they go: a supervisor never finds half an export under the final name.
 */
export class AtomicHashedFile {
  readonly tempPath: string;
  private fd: number;
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(readonly outPath: string) {
    this.tempPath = join(dirname(outPath), `.${basename(outPath)}.${randomBytes(4).toString('hex')}.partial`);
    try {
      this.fd = openSync(this.tempPath, 'wx', 0o600);
    } catch (e) {
      throw fileError(e, outPath);
    }
  }

  write(chunk: string | Buffer): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.hash.update(buf);
    let off = 0;
    try {
      while (off < buf.length) off += writeSync(this.fd, buf, off);
    } catch (e) {
      this.abort();
      throw fileError(e, this.outPath);
    }
    this.bytes += buf.length;
  }

  /** Flushes to disk and returns the content hash; the file is still under its temporary name. */
  finish(): string {
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
    } catch (e) {
      this.abort();
      throw fileError(e, this.outPath);
    }
    return this.hash.digest('hex');
  }

  commit(): void {
    try {
      renameSync(this.tempPath, this.outPath);
    } catch (e) {
      this.abort();
      throw fileError(e, this.outPath);
    }
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
    try {
      unlinkSync(this.tempPath);
    } catch {
      /* never created or already gone */
    }
  }
}

function fileError(e: unknown, path: string): UserError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return new UserError('disk_full', `The export could not be written to ${path}: the disk is full. Nothing was exported.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new UserError('export_denied', `The export cannot be written to ${path} (read-only or no permission). Choose another folder.`);
  if (code === 'ENOENT') return new UserError('export_no_folder', `The folder for ${path} does not exist. Choose an existing folder.`);
  return new UserError('export_failed', `The export could not be written to ${path} (${code ?? 'unknown error'}). Nothing was exported.`);
}
