import "server-only";
import { EventEmitter } from "node:events";

const globalForSignal = globalThis as unknown as { teamgateOutboxSignal?: EventEmitter };
const emitter = (globalForSignal.teamgateOutboxSignal ??= new EventEmitter());

/** Wakes this process's email sender after a commit; other instances find the rows when they poll. */
export function signalOutbox(): void {
  emitter.emit("wake");
}

export function onOutboxSignal(listener: () => void): () => void {
  emitter.on("wake", listener);
  return () => emitter.off("wake", listener);
}
