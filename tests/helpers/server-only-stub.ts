// Vitest runs the data layer outside React Server Components, where the real
// "server-only" guard would throw; the guard still protects the app's client bundles.
export {};
