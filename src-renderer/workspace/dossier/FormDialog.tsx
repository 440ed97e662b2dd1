import type { ReactNode } from 'react';
import { useT } from '../../i18n/hooks';
import { Dialog } from '../../ui/Dialog';
import { LocalRefusalNote } from './Refusals';
import type { DossierAction } from './use-action';

export interface DossierFormDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description: string;
  /** The action the form runs: its refusal shows above the buttons, its work disables them. */
  action: DossierAction;
  submitLabel: string;
  submitDisabled?: boolean;
  onSubmit: () => void;
  /** A button on the start side (e.g. "Clear the follow-up"). */
  startButton?: ReactNode;
  children: ReactNode;
}

/** A dossier action that needs a few words first: the fields, the refusal if any, Cancel and the action. */
export function DossierFormDialog(props: DossierFormDialogProps) {
  const t = useT();
  const { action } = props;
  return (
    <Dialog open={props.open} onClose={props.onClose} title={props.title} description={props.description}>
      <form
        className="dossier-dialog"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubmit();
        }}
      >
        {props.children}
        {action.refusal ? <LocalRefusalNote refusal={action.refusal} onDismiss={action.clear} /> : null}
        <div className="dossier-dialog__buttons">
          {props.startButton}
          <button type="button" className="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={action.busy || props.submitDisabled === true}
          >
            {props.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
