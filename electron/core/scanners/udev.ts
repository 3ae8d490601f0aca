import { resourcePath } from '../app/paths';

export const UDEV_RULES_FILE = '70-checkpoint-readers.rules';

/** The rules shipped in resources/udev (packaged apps keep resources/ next to the app). */
export function udevRulesPath(): string {
  return resourcePath('udev', UDEV_RULES_FILE);
}

export function udevInstallCommand(): string {
  return `sudo install -m 644 ${udevRulesPath()} /etc/udev/rules.d/ && sudo udevadm control --reload && sudo udevadm trigger, then unplug and replug the reader`;
}
