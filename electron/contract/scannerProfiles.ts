/**
 * Reader profile schemas: the core validates every profile with them on load and save, and the
 * technician's profile form checks each field with the same rules while it is filled in.
 */
import { z } from 'zod';

export const hexBytes = z
  .string()
  .regex(/^\s*([0-9a-fA-F]{2}\s*)*$/, 'bytes as hex pairs, e.g. "16 54 0D"')
  .describe('hex bytes');

export const usbId = z.number().int().min(0).max(0xffff);

/** A command the reader needs: sent when the port opens, after each document, or on a manual trigger. */
export const ReaderWrite = z.object({
  when: z.enum(['open', 'document', 'trigger']),
  hex: hexBytes,
  label: z.string().max(80).optional(),
});

const base = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1).max(80),
};

export const SerialProfileSchema = z.object({
  ...base,
  driver: z.literal('serial'),
  /** A fixed port path (`/dev/ttyUSB0`, `COM3`), or the USB ids to find the port wherever it appears. */
  port: z.union([
    z.object({ path: z.string().min(1) }),
    z.object({ vendorId: usbId, productId: usbId, serialNumber: z.string().optional() }),
  ]),
  serial: z
    .object({
      baudRate: z.number().int().positive().default(9600),
      dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
      parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).default('none'),
      stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
    })
    .prefault({}),
  framing: z.enum(['line', 'stx-etx', 'rte', 'auto']).default('line'),
  /** Inter-byte gap that ends a line document or drops a half frame (ms). */
  gapMs: z.number().int().min(10).max(10_000).optional(),
  startCode: hexBytes.optional(),
  endCode: hexBytes.optional(),
  writes: z.array(ReaderWrite).max(16).default([]),
});

export const HidProfileSchema = z.object({
  ...base,
  driver: z.literal('hid'),
  mode: z.enum(['keyboard', 'access-hid']),
  device: z.object({
    vendorId: usbId,
    productId: usbId.optional(),
    usagePage: usbId.optional(),
    path: z.string().optional(),
  }),
  reportId: z.number().int().min(0).max(255).optional(),
  gapMs: z.number().int().min(10).max(10_000).optional(),
  writes: z.array(ReaderWrite).max(16).default([]),
});

export const FolderProfileSchema = z.object({
  ...base,
  driver: z.literal('folder'),
  dir: z.string().min(1),
  /** A file must keep the same size this long before it is read (page scanners write slowly). */
  settleMs: z.number().int().min(0).max(60_000).default(300),
});

export const SimulatorProfileSchema = z.object({
  ...base,
  driver: z.literal('simulator'),
  framing: z.enum(['line', 'stx-etx', 'rte', 'keyboard', 'access-hid']).default('stx-etx'),
});

export const ScannerProfileSchema = z.discriminatedUnion('driver', [SerialProfileSchema, HidProfileSchema, FolderProfileSchema, SimulatorProfileSchema]);

export type ScannerProfile = z.infer<typeof ScannerProfileSchema>;
export type ScannerProfileInput = z.input<typeof ScannerProfileSchema>;
export type SerialProfile = z.infer<typeof SerialProfileSchema>;
export type HidProfile = z.infer<typeof HidProfileSchema>;
export type FolderProfile = z.infer<typeof FolderProfileSchema>;
export type SimulatorProfile = z.infer<typeof SimulatorProfileSchema>;
