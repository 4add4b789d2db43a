// Identity statuses are vocabulary: one definition in lib/vocabulary/statuses.ts.
export {
  IDENTITY_METHOD_LABELS,
  IDENTITY_STATUS_LABELS,
  IDENTITY_STATUSES,
  identityStatusLabel,
  isIdentityStatus,
  type IdentityStatus,
} from '@/lib/vocabulary/statuses'
