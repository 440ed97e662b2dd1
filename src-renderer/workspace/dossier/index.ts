export { DossierView } from './DossierView';
export type { DossierViewHandle, DossierViewProps } from './DossierView';
