/** A command of the palette: what it is called, how to find it, what it does. */
export interface PaletteCommand {
  id: string;
  label: string;
  /** A heading the command is listed under, e.g. "Queues", "Dossier". */
  group?: string;
  /** Other words it is found by (e.g. the English name in a French UI). */
  keywords?: readonly string[];
  /** Its shortcut, as shown: "r", "Ctrl K". */
  shortcut?: string;
  disabled?: boolean;
  run: () => void;
}

/** Lower case without accents: "Clôturer" is found by "clot", "Réponse" by "reponse". */
export const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The commands matching a query: every word of the query appears in the label or a keyword.
 * Those whose label starts with the query come first; otherwise the given order is kept.
 */
export function filterCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  const matching = commands.filter((c) => {
    const haystack = fold([c.label, c.group ?? '', ...(c.keywords ?? [])].join(' '));
    return words.every((w) => haystack.includes(w));
  });
  const head = fold(query.trim());
  return [
    ...matching.filter((c) => fold(c.label).startsWith(head)),
    ...matching.filter((c) => !fold(c.label).startsWith(head)),
  ];
}
