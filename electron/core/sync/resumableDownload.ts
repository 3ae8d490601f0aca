/**
 * Downloads a signed target into a temporary file in the data folder, resuming with HTTP range requests
 * after an interruption (checkpoint links are often slow or flaky), and never accepting more bytes than
 * the signed length: an endless or oversized response is cut off, not buffered.
 */
import { createReadStream, existsSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { open, truncate } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import type { TargetFile } from '@tufjs/models';

/** A download problem that retrying later may fix (network) versus one it will not (wrong content). */
export class DownloadFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'DownloadFailure';
  }
}

export interface DownloadOptions {
  /** Give up on a connection that sends nothing for this long. */
  idleTimeoutMs?: number;
  /** Attempts within one pull; each resumes where the last stopped. */
  attempts?: number;
  onProgress?: (bytes: number, total: number) => void;
}

function get(url: URL, headers: Record<string, string>, idleTimeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method: 'GET', headers }, resolve);
    req.setTimeout(idleTimeoutMs, () => req.destroy(new DownloadFailure(`no answer from ${url.host} for ${Math.round(idleTimeoutMs / 1000)} s`, true)));
    req.on('error', (e) => reject(e instanceof DownloadFailure ? e : new DownloadFailure(`could not reach ${url.host} (${(e as NodeJS.ErrnoException).code ?? e.message})`, true)));
    req.end();
  });
}

/** One request: appends to `partPath` from its current size; returns the new size. */
async function fetchRemainder(url: URL, partPath: string, total: number, idleTimeoutMs: number, onProgress?: DownloadOptions['onProgress']): Promise<number> {
  let have = existsSync(partPath) ? statSync(partPath).size : 0;
  if (have > total) {
    await truncate(partPath, 0);
    have = 0;
  }
  if (have === total) return have;
  const res = await get(url, { 'accept-encoding': 'identity', ...(have > 0 ? { range: `bytes=${have}-` } : {}) }, idleTimeoutMs);
  if (res.statusCode === 206) {
    const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(String(res.headers['content-range'] ?? ''));
    if (!m || Number(m[1]) !== have) {
      res.destroy();
      await truncate(partPath, 0);
      throw new DownloadFailure(`the server answered a resume request with the wrong range (${res.headers['content-range'] ?? 'none'})`, true);
    }
    if (m[3] !== '*' && Number(m[3]) !== total) {
      res.destroy();
      throw new DownloadFailure(`the server's file is ${m[3]} bytes, the signed metadata says ${total}`, false);
    }
  } else if (res.statusCode === 200) {
    // The server ignored the range: start over rather than append a second copy.
    if (have > 0) await truncate(partPath, 0);
    have = 0;
  } else if (res.statusCode === 416 && have > 0) {
    res.resume();
    await truncate(partPath, 0);
    throw new DownloadFailure('the server refused to resume the download', true);
  } else {
    res.resume();
    throw new DownloadFailure(`the server answered HTTP ${res.statusCode}`, (res.statusCode ?? 0) >= 500 || res.statusCode === 429);
  }
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && have + declared > total) {
    res.destroy();
    throw new DownloadFailure(`the server offers ${have + declared} bytes where the signed metadata says ${total}`, false);
  }
  const fh = await open(partPath, 'a');
  try {
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        if (have + chunk.length > total) {
          res.destroy();
          throw new DownloadFailure(`the server sent more than the signed ${total} bytes`, false);
        }
        await fh.write(chunk);
        have += chunk.length;
        onProgress?.(have, total);
      }
    } catch (e) {
      if (e instanceof DownloadFailure) throw e;
      // What arrived so far is on disk; the next attempt resumes from there.
      throw new DownloadFailure('the connection broke before the file was complete', true);
    } finally {
      await fh.sync();
    }
  } finally {
    await fh.close();
  }
  if (have < total) {
    // A response that ended cleanly at its declared length is the server's whole file: it is not the
    // signed one (truncated or replaced on the server), and resuming would not help.
    const cleanEnd = res.complete && Number.isFinite(declared);
    throw new DownloadFailure(
      cleanEnd ? `the server's copy is shorter than the signed ${total} bytes (truncated or replaced)` : `the server sent ${have} of ${total} bytes`,
      !cleanEnd,
    );
  }
  return have;
}

/**
 * Downloads `targetUrl` to `<dir>/<sha256>.bundle`, resuming from `<sha256>.part` left by an earlier
 * attempt, and verifies length and hashes against the signed target info before returning its path.
 * A file that fails verification is deleted so the next attempt starts clean.
 */
export async function downloadVerifiedTarget(targetUrl: string, target: TargetFile, dir: string, opts: DownloadOptions = {}): Promise<string> {
  const sha = target.hashes.sha256;
  if (!sha || !/^[0-9a-f]{64}$/.test(sha)) throw new DownloadFailure(`the signed metadata for ${target.path} has no SHA-256`, false);
  const done = join(dir, `${sha}.bundle`);
  const part = join(dir, `${sha}.part`);
  if (existsSync(done)) {
    try {
      await target.verify(createReadStream(done));
      return done;
    } catch {
      unlinkSync(done);
    }
  }
  const url = new URL(targetUrl);
  const attempts = Math.max(1, opts.attempts ?? 4);
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      await fetchRemainder(url, part, target.length, opts.idleTimeoutMs ?? 30_000, opts.onProgress);
      lastError = undefined;
      break;
    } catch (e) {
      lastError = e;
      if (!(e instanceof DownloadFailure) || !e.retryable) break;
      await new Promise((r) => setTimeout(r, Math.min(2_000, 200 * 2 ** i)));
    }
  }
  if (lastError) {
    if (lastError instanceof DownloadFailure && !lastError.retryable && existsSync(part)) unlinkSync(part);
    throw lastError;
  }
  try {
    await target.verify(createReadStream(part));
  } catch {
    unlinkSync(part);
    throw new DownloadFailure(`${target.path} does not match its signed length and hash (the server or the network altered it)`, false);
  }
  renameSync(part, done);
  return done;
}
