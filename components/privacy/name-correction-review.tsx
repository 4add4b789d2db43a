import { decideNameCorrectionAction } from '@/app/(app)/hr/koreksi-nama/actions'
import { ApproveOrReject } from '@/components/forms/approve-or-reject'
import { CORRECTION_REASON_MAX, CORRECTION_REASON_MIN } from '@/lib/privacy/name-correction'

/** "Setujui" and "Tolak" (with a required reason) for one name-correction request. */
export function NameCorrectionReview({ requestId, name }: { requestId: string; name: string }) {
  return (
    <ApproveOrReject
      id={requestId}
      approve={{ action: decideNameCorrectionAction, label: 'Setujui', formLabel: `Setujui koreksi nama ${name}`, fields: { requestId, decision: 'setujui' } }}
      reject={{
        action: decideNameCorrectionAction,
        label: 'Tolak',
        formLabel: `Tolak koreksi nama ${name}`,
        fields: { requestId, decision: 'tolak' },
        reasonLabel: `Alasan menolak koreksi nama ${name}`,
        reasonMinLength: CORRECTION_REASON_MIN,
        reasonMaxLength: CORRECTION_REASON_MAX,
      }}
    />
  )
}
