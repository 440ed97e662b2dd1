export { Dashboard } from './Dashboard';
export { DashboardNav } from './DashboardNav';
