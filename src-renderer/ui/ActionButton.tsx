import type { ButtonHTMLAttributes } from 'react';
import { useId } from 'react';

type NativeProps = Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'disabled' | 'onClick' | 'title' | 'aria-disabled' | 'aria-describedby'
>;

export interface ActionButtonProps extends NativeProps {
  /** Why the action cannot be taken now, in words; null (or absent) when it can. */
  unavailableBecause?: string | null | undefined;
  /** Unavailable with nothing to explain (the action is under way, nothing is written yet). */
  unavailable?: boolean | undefined;
  /** The action: never called while the button is unavailable. */
  onPress: () => void;
}

/**
 * A button for an action the rules may refuse now. Unavailable, it is not `disabled` but
 * `aria-disabled`: it keeps its place in the tab order, so a keyboard or screen reader user reaches
 * it and hears why (the reason is its accessible description, and its tooltip for the mouse), and
 * pressing it (click, Enter, Space) does nothing.
 */
export function ActionButton({
  unavailableBecause,
  unavailable: held = false,
  onPress,
  children,
  ...native
}: ActionButtonProps) {
  const reasonId = useId();
  const reason = unavailableBecause ?? null;
  const unavailable = reason !== null || held;
  return (
    <>
      <button
        {...native}
        type="button"
        aria-disabled={unavailable || undefined}
        aria-describedby={reason === null ? undefined : reasonId}
        title={reason ?? undefined}
        onClick={(event) => {
          if (unavailable) {
            event.preventDefault();
            return;
          }
          onPress();
        }}
      >
        {children}
      </button>
      {reason === null ? null : (
        <span id={reasonId} className="visually-hidden">
          {reason}
        </span>
      )}
    </>
  );
}

/** Whether a control cannot be used now: `disabled`, or unavailable the `ActionButton` way. */
export const isUnavailable = (control: HTMLButtonElement | HTMLInputElement | HTMLSelectElement): boolean =>
  control.disabled || control.getAttribute('aria-disabled') === 'true';
