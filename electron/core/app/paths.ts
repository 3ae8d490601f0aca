import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding the OCR model and the udev rules: `resources/` of the source tree, or, in the
 * packaged app, Electron's resources folder (main sets CHECKPOINT_RESOURCES_DIR from process.resourcesPath;
 * electron-builder copies resources/ocr and resources/udev there).
 */
export function resourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHECKPOINT_RESOURCES_DIR || fileURLToPath(new URL('../../../resources/', import.meta.url));
}

export const resourcePath = (...parts: string[]) => join(resourcesDir(), ...parts);
