import 'server-only'
import { AppError } from '@/lib/errors/app-error'
import { getCurrentUser } from './session.server'

/** For route handlers: the signed-in HR officer and their agency, or an AppError (401/403). */
export async function requireHrOfficerForApi() {
  const user = await getCurrentUser()
  if (!user) throw new AppError(401, 'Silakan masuk sebagai admin kepegawaian.')
  if (user.role !== 'hr' || !user.agencyId) throw new AppError(403, 'Hanya admin kepegawaian instansi yang dapat melakukan ini.')
  return { ...user, agencyId: user.agencyId }
}

/** For route handlers: the signed-in platform admin, or an AppError (401/403). */
export async function requireAdminForApi() {
  const user = await getCurrentUser()
  if (!user) throw new AppError(401, 'Silakan masuk sebagai admin platform.')
  if (user.role !== 'admin') throw new AppError(403, 'Hanya admin platform yang dapat melakukan ini.')
  return user
}
