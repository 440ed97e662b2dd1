/** What the command palette can do on the open dossier, as its toolbar and composer offer it. */
export const paletteActions = [
  'take-over',
  'assign-to-me',
  'unassign',
  'assign',
  'tag',
  'remind',
  'follow-up',
  'close',
  'reopen',
  'mark-unread',
  'customer-profile',
  'merchant-profile',
] as const;
export type PaletteAction = (typeof paletteActions)[number];
