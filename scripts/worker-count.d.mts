export function isValidWorkerCount(requested: string): boolean;
export function databaseIsLocal(url: string): boolean;
export function workerCount(env: { DATABASE_URL?: string; WEB_CONCURRENCY?: string }, cores: number): number;
