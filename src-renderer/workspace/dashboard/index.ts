export { Dashboard } from './Dashboard';
export { DashboardNav } from './DashboardNav';
export { newlyBreached, useBreachNotices } from './useBreachNotices';
