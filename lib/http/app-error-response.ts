import { isAppError } from '@/lib/errors/app-error'
import { jsonError } from './json-response'

/** Runs a route handler's work and turns an AppError into its JSON answer (4xx, Bahasa message). */
export async function withAppErrors(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work()
  } catch (error) {
    if (isAppError(error)) return jsonError(error.status, error.userMessage)
    throw error
  }
}
