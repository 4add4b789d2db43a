import 'server-only'
import { parseEnv } from './env'

/** The validated environment, read once when the server starts (see instrumentation.ts). */
export const env = parseEnv(process.env)
