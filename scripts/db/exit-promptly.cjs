// Preloaded into the Prisma CLI (NODE_OPTIONS=--require): on PostgreSQL the JS schema engine
// leaves long timers behind and the CLI lingers 10–60 s after finishing (toolchain notes).
// Unref'ing long timers lets the process exit as soon as its work is done.
const originalSetTimeout = global.setTimeout
global.setTimeout = function setTimeoutUnrefLong(fn, ms, ...args) {
  const timer = originalSetTimeout(fn, ms, ...args)
  if (typeof ms === 'number' && ms >= 1000 && timer && typeof timer.unref === 'function') timer.unref()
  return timer
}
