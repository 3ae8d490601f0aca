import { z } from 'zod';
import type { ChannelName, EventName } from './channelNames';

/**
 * Request and response schemas per channel, and payload schemas per event. The core validates every
 * request against these before a handler runs; the renderer gets typed results from the same source.
 */

const mrzIssue = z.object({ field: z.string(), code: z.string(), message: z.string(), line: z.number(), position: z.number() });

export const mrzResultSchema = z.object({
  format: z.enum(['TD1', 'TD2', 'TD3', 'MRVA', 'MRVB']).nullable(),
  documentCode: z.string(),
  issuingState: z.string(),
  nationality: z.string(),
  surname: z.string(),
  givenNames: z.string(),
  documentNumber: z.string(),
  birthDate: z.string(),
  expiryDate: z.string(),
  sex: z.enum(['M', 'F', 'X', '']),
  optionalData: z.string(),
  valid: z.boolean(),
  errors: z.array(mrzIssue),
  warnings: z.array(mrzIssue),
  lines: z.array(z.string()),
  repairs: z.array(z.object({ line: z.number(), position: z.number(), from: z.string(), to: z.string() })).optional(),
});

export const roleSchema = z.enum(['officer', 'supervisor', 'technician', 'admin']);

export const sessionSchema = z.object({
  username: z.string(),
  role: roleSchema,
  displayName: z.string(),
});

export const scannerStatusSchema = z.object({
  readerId: z.string(),
  label: z.string(),
  state: z.enum(['connecting', 'connected', 'disconnected', 'error']),
  message: z.string(),
});

export const scannedDocumentSchema = z.object({
  readerId: z.string(),
  source: z.enum(['serial', 'hid', 'folder', 'simulator', 'manual', 'ocr']),
  lines: z.array(z.string()),
  mrz: mrzResultSchema,
  receivedAt: z.number(),
});

const empty = z.object({}).strict();
/** Bounded text so a hostile renderer cannot make the core parse megabytes. */
const zoneText = z.string().max(4096);

export const contract = {
  'app.info': {
    request: empty,
    response: z.object({ version: z.string(), transport: z.enum(['electron', 'harness']), platform: z.string() }),
  },
  'session.current': { request: empty, response: sessionSchema.nullable() },
  'scanner.simulate': {
    request: z.object({ specimen: z.string().max(32).optional(), lines: z.array(z.string().max(128)).max(3).optional() }).strict(),
    response: z.object({ emitted: z.boolean() }),
  },
  'scanner.status': { request: empty, response: z.array(scannerStatusSchema) },
  'mrz.parse': { request: z.object({ text: zoneText, correct: z.boolean().optional() }).strict(), response: mrzResultSchema },
} satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>;

export const eventContract = {
  'scanner.document': scannedDocumentSchema,
  'scanner.status': scannerStatusSchema,
} satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;
export type Session = z.output<typeof sessionSchema>;
export type Role = z.output<typeof roleSchema>;
export type ScannedDocumentView = z.output<typeof scannedDocumentSchema>;
export type ScannerStatusView = z.output<typeof scannerStatusSchema>;
