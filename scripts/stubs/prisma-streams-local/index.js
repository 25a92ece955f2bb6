// The prisma CLI depends on @prisma/dev, which depends on Prisma Streams (Node >= 22) for the
// `prisma dev` command only. Teamgate runs its own embedded database, so that command is not
// supported here; anything that loads this module learns why instead of running on an engine
// the real package does not support.
throw new Error("`prisma dev` is not supported in Teamgate (Prisma Streams needs Node 22); use `npm run dev`.");
