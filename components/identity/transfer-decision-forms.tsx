import { AdminForm } from '@/components/admin/admin-form'
import type { AdminFormState } from '@/lib/admin/form-result'

/** "Setujui" and "Tolak" (with a reason) for one pending mutasi request: HR of the old agency, or an admin. */
export function TransferDecisionForms({
  action,
  requestId,
  personName,
}: {
  action: (previous: AdminFormState, formData: FormData) => Promise<AdminFormState>
  requestId: string
  personName: string
}) {
  return (
    <>
      <AdminForm action={action} idPrefix={`setujui-${requestId}`} label={`Setujui mutasi ${personName}`} hidden={{ requestId, decision: 'setujui' }} fields={[]} submitLabel="Setujui" compact />
      <AdminForm
        action={action}
        idPrefix={`tolak-${requestId}`}
        label={`Tolak mutasi ${personName}`}
        hidden={{ requestId, decision: 'tolak' }}
        fields={[{ name: 'reason', label: 'Alasan menolak', maxLength: 500 }]}
        submitLabel="Tolak"
        secondary
        compact
      />
    </>
  )
}
