/** Filters, sort, personal saved views and bulk actions: the parts the queue screen embeds. */
export { FilterBar } from './FilterBar';
export type { FilterBarProps } from './FilterBar';
export { SavedViewsNav } from './SavedViewsNav';
export type { SavedViewsNavProps } from './SavedViewsNav';
export { SaveViewButton } from './SaveViewButton';
export type { SaveViewButtonProps } from './SaveViewButton';
export { BulkBar, confirmAbove } from './BulkBar';
export type { BulkBarProps, BulkSelection, BulkSelection as Selection } from './BulkBar';
export type { BulkAction, BulkReport, RefusalGroup } from './bulk-run';
export { runBulk } from './bulk-run';
export { summaryLine } from './BulkSummary';
export { parseMajorAmount, minorToMajorText } from './amount';
export { checkFilters, cleanFilter } from './filter-model';
export { deleteView, renameView, saveView } from './views';
