import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, isChannelName, type ChannelName, type Envelope } from '../contract';
import { isTrustedSender } from './security';

/** Dispatches a validated call into the core for the window that sent it. */
export type WindowDispatch = (webContentsId: number, channel: ChannelName, payload: unknown) => Promise<Envelope<unknown>>;

const refused = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

/**
 * The one function through which an IPC handler is registered. It refuses to register a channel that is
 * not in the contract, and at call time refuses senders that are not our top-level app frame. Schema
 * validation and role checks happen in the core's dispatch, behind it.
 */
export function registerHandler(ipcMain: Pick<IpcMain, 'handle'>, channel: string, dispatch: WindowDispatch): void {
  if (!isChannelName(channel)) throw new Error(`Refusing to register IPC channel "${channel}": not in the contract`);
  ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return refused('foreign_sender', 'Request refused: it did not come from the workstation window.');
    }
    return dispatch(event.sender.id, channel, payload);
  });
}

export function registerAllHandlers(ipcMain: Pick<IpcMain, 'handle'>, dispatch: WindowDispatch): void {
  for (const channel of CHANNELS) registerHandler(ipcMain, channel, dispatch);
}
