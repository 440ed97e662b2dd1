import type { ReactNode } from 'react';
import { useEffect } from 'react';
import type { User } from '../src-shared/domain/model';
import { useSession, useSignOut } from './api/session';
import { useI18n } from './i18n/I18nProvider';
import { Link, match, usePath } from './router';
import { Claims } from './screens/customer/Claims';
import { FileClaim } from './screens/customer/ClaimForm';
import { Transaction } from './screens/customer/Transaction';
import { Transactions } from './screens/customer/Transactions';
import { Dossier } from './screens/Dossier';
import { MerchantClaims } from './screens/merchant/MerchantClaims';
import { SignIn } from './screens/SignIn';
import { ErrorNote, Loading } from './ui/Feedback';
import { usePageTitle } from './ui/page';
import type { NavItem } from './ui/Shell';
import { Shell } from './ui/Shell';

/** The portal: sign-in, then the customer's or the merchant's pages (the API decides who is who). */

function NotFound() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('error.notFound')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}

const customerNav: readonly NavItem[] = [
  { to: '/', label: 'nav.transactions', prefix: '/transactions' },
  { to: '/claims', label: 'nav.claims', prefix: '/claims' },
];
const merchantNav: readonly NavItem[] = [{ to: '/', label: 'nav.merchantClaims', prefix: '/claims' }];

function customerPage(path: string): ReactNode {
  if (path === '/') return <Transactions />;
  if (path === '/claims') return <Claims />;
  let params = match('/transactions/:id', path);
  if (params?.id) return <Transaction id={params.id} />;
  params = match('/transactions/:id/claim', path);
  if (params?.id) return <FileClaim id={params.id} />;
  params = match('/claims/:id', path);
  if (params?.id) return <Dossier key={params.id} id={params.id} party="customer" />;
  return <NotFound />;
}

function merchantPage(path: string): ReactNode {
  if (path === '/' || path === '/claims') return <MerchantClaims />;
  const params = match('/claims/:id', path);
  if (params?.id) return <Dossier key={params.id} id={params.id} party="merchant" />;
  return <NotFound />;
}

/** Staff never get a cookie session; should one appear, it is ended, and the reason said plainly. */
function StaffSession() {
  const { t } = useI18n();
  const { mutate } = useSignOut();
  useEffect(() => mutate(), [mutate]);
  return <SignIn notice={t('signIn.staff')} />;
}

function SignedIn({ user }: { user: User }) {
  const path = usePath();
  if (user.role === 'customer')
    return (
      <Shell user={user} nav={customerNav}>
        {customerPage(path)}
      </Shell>
    );
  if (user.role === 'merchant')
    return (
      <Shell user={user} nav={merchantNav}>
        {merchantPage(path)}
      </Shell>
    );
  return <StaffSession />;
}

export function App() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorNote error={session.error} retry={() => void session.refetch()} />;
  if (session.data.user === null) return <SignIn ended={session.data.ended} />;
  return <SignedIn user={session.data.user} />;
}
