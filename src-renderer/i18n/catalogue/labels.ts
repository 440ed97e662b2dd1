import type { BridgeErrorCode } from '../../../src-shared/contract/bridge';
import type { QueueId } from '../../../src-shared/domain/queues';
import type { RefusalReason } from '../../../src-shared/domain/refusals';
import type {
  ActorRole,
  Audience,
  ClosureReason,
  DesiredOutcome,
  Language,
  MerchantContact,
  MerchantStage,
  MessageKind,
  Outcome,
  Reason,
  Status,
  Subject,
} from '../../../src-shared/domain/vocabulary';

/**
 * Every value of the domain's closed vocabularies must have a label: the English catalogue
 * `satisfies` these, so a value added to a vocabulary fails the compiler until it is named.
 */
type Labels<P extends string, V extends string> = Record<`${P}.${V}`, string>;

export type VocabularyLabels = Labels<'status', Status> &
  Labels<'merchantStage', MerchantStage> &
  Labels<'subject', Subject> &
  Labels<'reason', Reason> &
  Labels<'merchantContact', MerchantContact> &
  Labels<'desiredOutcome', DesiredOutcome> &
  Labels<'outcome', Outcome> &
  Labels<'closureReason', ClosureReason> &
  Labels<'audience', Audience> &
  Labels<'actor', ActorRole> &
  Labels<'messageKind', MessageKind> &
  Labels<'language', Language> &
  Labels<'refusalReason', RefusalReason>;

/** What can go wrong in a sync round: the bridge's errors and the local storage's (the engine's `SyncErrorCode`). */
export type DeskErrorCode = BridgeErrorCode | 'storage_full' | 'storage_failed' | 'app_error';

export type QueueLabels = Labels<'queue', QueueId>;
export type ErrorLabels = Labels<'error', DeskErrorCode>;
