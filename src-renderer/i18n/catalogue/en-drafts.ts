import type { MessageTable } from './types';

/** English strings of drafts, the composer's checks and the text of refused changes. */
export const enDrafts = {
  'draft.marker': 'Draft',
  'draft.markerLabel': 'You have a draft',
  'draft.kept': 'Draft kept on this computer.',
  'draft.discard': 'Discard draft',
  'draft.discarded': 'Draft discarded.',
  'draft.undo': 'Undo',
  'draft.putBack': 'The refused text is back in the composer.',

  'composer.cut': 'A message is at most {max} characters: the end was left out.',
  'composer.attach': 'Attach files',
  'composer.attachTitle':
    'PDF, JPEG, PNG, WebP or plain text: at most {count} files of {mb} MB each, sent with a reply or a forward',
  'composer.attachNeedsParty': 'Internal notes carry no files: choose the customer, the merchant or both.',
  'composer.files': 'Files attached',
  'composer.removeFile': 'Remove {name}',
  'composer.fileProblem.type':
    '{name} was not attached: only PDF, JPEG, PNG, WebP and plain text files can be sent.',
  'composer.fileProblem.size': '{name} was not attached: it is larger than {mb} MB.',
  'composer.fileProblem.empty': '{name} was not attached: it is empty.',
  'composer.fileProblem.count': 'At most {count} files per message: the others were not attached.',
  'composer.problem.filesNotHere':
    'Files go with a reply or a forward to the merchant only: send one of those, or remove the files.',
  'composer.problem.blank': 'Write the message first.',
  'composer.problem.tooLong': 'This message is too long: {max} characters at most.',
  'composer.problem.half_character':
    'This message contains half of a character (a broken emoji or symbol, often from a copy and paste). Remove it to send.',
  'composer.problem.control_character':
    'This message contains an invisible control character (often from a copy and paste). Remove it to send.',
  'composer.problem.non_character':
    'This message contains a code that is not a character (a Unicode non-character). Remove it to send.',

  'refused.discarded': 'You discarded this change ({action}):',
  'refused.text': 'What you wrote',
  'refused.copy': 'Copy',
  'refused.copied': 'Copied.',
  'refused.copySelected': 'The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  'refused.putBack': 'Put back in the composer',
  'refused.tagsSet': 'Tags: {tags}',
  'refused.tagsAdd': 'Add: {tags}',
  'refused.tagsRemove': 'Remove: {tags}',
} as const satisfies MessageTable;
