import { confirmClaimAction, rejectClaimAction } from '@/app/(app)/hr/verifikasi/actions'
import { ApproveOrReject } from '@/components/forms/approve-or-reject'
import { REJECTION_REASON_MAX, REJECTION_REASON_MIN } from '@/lib/identity/review-schemas'

/** "Konfirmasi" and "Tolak klaim" (with a required reason) for one claimant. */
export function ClaimReview({ userId, name }: { userId: string; name: string }) {
  return (
    <ApproveOrReject
      id={userId}
      approve={{ action: confirmClaimAction, label: 'Konfirmasi', formLabel: `Konfirmasi NIP ${name}`, fields: { userId } }}
      reject={{
        action: rejectClaimAction,
        label: 'Tolak klaim',
        formLabel: `Tolak klaim NIP ${name}`,
        fields: { userId },
        reasonLabel: `Alasan menolak klaim ${name}`,
        reasonMinLength: REJECTION_REASON_MIN,
        reasonMaxLength: REJECTION_REASON_MAX,
      }}
    />
  )
}
