/**
 * Turns what TUF verification and the network report into one sentence a technician can act on.
 * Every message ends by saying which list stays in use, because that is what the officer cares about.
 */
import { UserError } from '../app/errors';
import { DownloadFailure } from './resumableDownload';

/**
 * Every code a failed pull can leave in the sync state (`lastErrorCode`): the ones below and the
 * `UserError` codes the pull itself throws. The screens translate each (`error.<code>`); any other code
 * (a watchlist store error passed through) is shown with its English sentence.
 */
export const SYNC_PULL_ERROR_CODES = [
  'sync_network',
  'sync_bad_download',
  'sync_expired',
  'sync_mixed',
  'sync_rollback',
  'sync_bad_signature',
  'sync_http',
  'sync_failed',
  'sync_bad_bundle',
  'sync_busy',
  'sync_bad_config',
  'sync_bad_root',
  'sync_count_mismatch',
  'sync_disk_full',
  'sync_no_root',
  'sync_no_url',
  'sync_repo_empty',
] as const;

export interface PullFailure {
  code: string;
  message: string;
}

function chainText(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let i = 0; cur && i < 5; i++) {
    const err = cur as Error & { cause?: unknown };
    parts.push(`${err.constructor?.name ?? ''}: ${err.message ?? String(err)}`);
    cur = err.cause;
  }
  return parts.join(' <- ');
}

/** Classifies an error from a pull. tuf-js wraps some errors into strings, so the text is inspected too. */
export function classifyPullError(e: unknown): PullFailure {
  if (e instanceof UserError) return { code: e.code, message: e.message };
  if (e instanceof DownloadFailure) {
    return e.retryable
      ? { code: 'sync_network', message: `Download interrupted: ${e.message}. The next pull resumes where it stopped.` }
      : { code: 'sync_bad_download', message: `Download rejected: ${e.message}.` };
  }
  const t = chainText(e);
  if (/ExpiredMetadataError|is expired/.test(t)) {
    return { code: 'sync_expired', message: 'The signed list metadata on the server has expired: the server may be replaying an old copy (freeze), or headquarters has not re-signed it (`checkpoint sync refresh`).' };
  }
  if (/EqualVersionError|BadVersionError|less than current version|does not match snapshot version|doesn't match timestamp|Expected version/.test(t)) {
    if (/does not match snapshot version|doesn't match timestamp/.test(t)) {
      return { code: 'sync_mixed', message: 'The server offered metadata files from different publications (mix-and-match): refused.' };
    }
    return { code: 'sync_rollback', message: 'The server offered older signed metadata than this workstation has already seen (rollback): refused.' };
  }
  if (/UnsignedMetadataError|was signed by \d+\/\d+ keys|failed to verify .* signature|no signature for key/.test(t)) {
    return { code: 'sync_bad_signature', message: 'The list metadata is not signed by the keys this workstation trusts: refused.' };
  }
  if (/LengthOrHashMismatchError|Expected hash|Expected length/.test(t)) {
    return { code: 'sync_mixed', message: 'A metadata file does not match the length and hash signed for it (altered or mixed files): refused.' };
  }
  if (/DownloadLengthMismatchError|Max length reached/.test(t)) {
    return { code: 'sync_bad_download', message: 'The server sent a metadata file larger than allowed: refused.' };
  }
  const http = /DownloadHTTPError/.test(t) ? (e as { statusCode?: number }).statusCode : undefined;
  if (http !== undefined || /DownloadHTTPError|Failed to download/.test(t)) {
    return { code: 'sync_http', message: `The server did not provide the signed metadata${http ? ` (HTTP ${http})` : ''}. Check the repository URL.` };
  }
  if (/fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|TimeoutError|aborted|socket/i.test(t)) {
    return { code: 'sync_network', message: 'Could not reach the headquarters server (network down or wrong URL).' };
  }
  if (/SyntaxError|JSON/.test(t)) {
    return { code: 'sync_bad_download', message: 'The server sent a metadata file that is not valid JSON: refused.' };
  }
  return { code: 'sync_failed', message: 'The pull failed for an unexpected reason. Run `checkpoint doctor` and report this to the technician.' };
}
