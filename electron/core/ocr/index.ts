/** Reading the machine readable zone from page images, offline, with the project's own model. */
export { createMrzReader, locateZone } from './reader';
export { decodeGray, readInput, WORK_MAX_SIDE, DEFAULT_MAX_PIXELS } from './decode';
export { defaultModelDir, defaultWorkers, findModel } from './model';
export type { Box, MrzReader, MrzReaderOptions, OcrFailure, OcrLine, OcrResult, OcrSuccess } from './types';
export { ocrDoctorChecks } from './doctor';
