import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Notice } from '../components/Notice';
import { Header } from '../components/Header';
import { LockedAccounts } from '../components/LockedAccounts';
import { ActivitiesScreen } from '../screens/Activities';
import { CheckoutScreen } from '../screens/Checkout';
import { CloseDrawerScreen } from '../screens/CloseDrawer';
import { SyncScreen } from '../screens/Sync';
import { FirstStartScreen } from '../screens/FirstStart';
import { DaySummaryScreen } from '../screens/DaySummary';
import { DayReportsScreen } from '../screens/DayReports';
import { LookupScreen } from '../screens/Lookup';
import { MemberScreen } from '../screens/Member';
import { NewMemberScreen } from '../screens/NewMember';
import { OpenDrawerScreen } from '../screens/OpenDrawer';
import { ReceiptScreen } from '../screens/Receipt';
import { SignInScreen } from '../screens/SignIn';
import { call, setClientLanguage, whenSessionEnds } from './api';
import { IdleWarning, SignOutWithCart } from './SessionDialogs';
import { LanguageContext } from './i18n';
import { ROLES } from '../../src-shared/roles';
import { AppContext, EMPTY_CART, homeFor, MONEY_SCREENS, may, type Cart, type CartLine, type CartMember, type DeskState, type Screen, type SignOutReason } from './navigation';
import { belongsTo, startCart, withLine } from './cart';
import { CartOwnerDialog } from './CartOwnerDialog';
import { useIdleSignOut } from './idle';

export function App() {
  const [state, setDeskState] = useState<DeskState | null>(null);
  const [screen, setScreen] = useState<Screen>({ name: 'signIn' });
  const [cart, setCartState] = useState<Cart>(EMPTY_CART);
  // A line for someone outside the waiting cart's household, until the volunteer says what to do.
  const [pendingLine, setPendingLine] = useState<{ member: CartMember; line: CartLine; then?: Screen } | null>(null);
  // The cart as last set, for decisions taken before React re-renders (two quick clicks).
  const cartNow = useRef<Cart>(EMPTY_CART);
  const setCart = useCallback((next: Cart) => {
    cartNow.current = next;
    setCartState(next);
  }, []);
  const [bootError, setBootError] = useState<string | null>(null);
  const [firstStart, setFirstStart] = useState(false);
  // The latest state, for navigation decided right after a change (before React re-renders).
  const latest = useRef<DeskState | null>(null);
  // Carts left by volunteers who signed out (or were signed out), each waiting for its volunteer.
  const keptCarts = useRef(new Map<string, Cart>());
  const [askingSignOut, setAskingSignOut] = useState(false);

  const setState = useCallback((next: DeskState) => {
    const before = latest.current?.user?.id ?? null;
    latest.current = next;
    setDeskState(next);
    // A volunteer signing back in finds the cart they left.
    const now = next.user?.id ?? null;
    const kept = now && now !== before ? keptCarts.current.get(now) : undefined;
    if (now && kept) {
      keptCarts.current.delete(now);
      setCart(kept);
    }
    setClientLanguage(next.language);
    document.documentElement.lang = next.language === 'fr' ? 'fr-CA' : 'en-CA';
  }, [setCart]);

  const refresh = useCallback(async () => {
    const result = await call('desk.state', {});
    if (!result.ok) {
      // The desk's database does not exist yet: its first start (« Poste autonome » or join the club's server).
      if (result.error.code === 'DESK_NOT_SET_UP') setFirstStart(true);
      else setBootError(result.error.message);
      return null;
    }
    setFirstStart(false);
    setState(result.value);
    return result.value;
  }, [setState]);

  useEffect(() => {
    void refresh().then((next) => next && setScreen(homeFor(next)));
  }, [refresh]);

  const navigate = useCallback(
    (next: Screen) => {
      // Nothing past sign-in without a volunteer; nothing that takes money without a drawer.
      if (!latest.current?.user && next.name !== 'signIn') return setScreen({ name: 'signIn' });
      if (MONEY_SCREENS.includes(next.name) && !may(latest.current!, ROLES.desk)) return setScreen({ name: 'lookup' });
      setScreen(next);
      window.scrollTo(0, 0);
    },
    [],
  );

  const signOut = useCallback(
    async (reason: SignOutReason) => {
      const user = latest.current?.user;
      const cartKept = Boolean(user && cartNow.current.lines.length > 0);
      if (user && cartKept) keptCarts.current.set(user.id, cartNow.current);
      setAskingSignOut(false);
      setPendingLine(null);
      const result = await call('session.signOut', {});
      if (result.ok) setState(result.value);
      setCart(EMPTY_CART);
      setScreen({ name: 'signIn', reason, cartKept });
    },
    [setState, setCart],
  );
  const signOutIdle = useCallback(() => void signOut('idle'), [signOut]);
  // The core ended the session on its own clock (a tab asleep): the same as the idle sign-out here.
  useEffect(() => {
    whenSessionEnds(() => {
      if (latest.current?.user) signOutIdle();
    });
    return () => whenSessionEnds(null);
  }, [signOutIdle]);

  const idle = useIdleSignOut(state?.user ? state.idleMinutes : null, signOutIdle);

  const addToCart = useCallback(
    (member: CartMember, line: CartLine, then?: Screen) => {
      if (!belongsTo(cartNow.current, member)) return setPendingLine({ member, line, ...(then ? { then } : {}) });
      setCart(withLine(cartNow.current, member, line));
      if (then) navigate(then);
    },
    [setCart, navigate],
  );

  /** The volunteer answered the question about a line for someone else: this cart, then where they were going. */
  const settlePendingLine = (next: Cart) => {
    setCart(next);
    setPendingLine(null);
    if (pendingLine?.then) navigate(pendingLine.then);
  };

  const context = useMemo(
    () => (state ? { state, navigate, refresh, setState, cart, setCart, addToCart } : null),
    [state, navigate, refresh, setState, cart, setCart, addToCart],
  );

  if (!context) {
    if (firstStart) return <FirstStartScreen onReady={() => void refresh().then((next) => next && setScreen(homeFor(next)))} />;
    return <main className="screen">{bootError ? <Notice kind="error">{bootError}</Notice> : <p>Un instant…</p>}</main>;
  }
  return (
    <LanguageContext.Provider value={context.state.language}>
      <AppContext.Provider value={context}>
        <Header screen={screen.name} onSignOut={() => (cartNow.current.lines.length > 0 ? setAskingSignOut(true) : void signOut('asked'))} />
        <LockedAccounts />
        {context.state.fileDamaged ? (
          <Notice kind="error">
            {context.state.language === 'fr'
              ? 'Le fichier de la base de données est endommagé : ce poste n’enregistre plus rien. Notez les ventes sur papier et appelez le responsable, qui restaurera la dernière copie de sauvegarde.'
              : 'The database file is damaged: this desk saves nothing more. Write sales down on paper and call the person in charge, who will restore the latest backup.'}
          </Notice>
        ) : null}
        <main className="screen" id="main">
          <CurrentScreen screen={screen} />
        </main>
        {idle.secondsLeft !== null ? <IdleWarning secondsLeft={idle.secondsLeft} cart={cart} onStay={idle.stay} onLeave={() => void signOut('asked')} /> : null}
        {askingSignOut && idle.secondsLeft === null ? (
          <SignOutWithCart cart={cart} onSignOut={() => void signOut('asked')} onStay={() => setAskingSignOut(false)} />
        ) : null}
        {pendingLine ? (
          <CartOwnerDialog
            cart={cart}
            other={pendingLine.member}
            onCancel={() => setPendingLine(null)}
            onBackToCart={() => {
              setPendingLine(null);
              navigate({ name: 'checkout' });
            }}
            onAddAnyway={() => settlePendingLine(withLine(cartNow.current, pendingLine.member, pendingLine.line))}
            onStartOver={() => settlePendingLine(startCart(pendingLine.member, pendingLine.line))}
          />
        ) : null}
      </AppContext.Provider>
    </LanguageContext.Provider>
  );
}

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'signIn':
      return <SignInScreen reason={screen.reason ?? null} cartKept={screen.cartKept ?? false} />;
    case 'openDrawer':
      return <OpenDrawerScreen />;
    case 'lookup':
      return <LookupScreen />;
    case 'member':
      return <MemberScreen key={screen.number} number={screen.number} />;
    case 'newMember':
      return <NewMemberScreen firstName={screen.firstName} lastName={screen.lastName} />;
    case 'checkout':
      return <CheckoutScreen />;
    case 'receipt':
      return <ReceiptScreen receiptNumber={screen.receiptNumber} change={screen.change ?? null} reprint={screen.reprint ?? false} />;
    case 'activities':
      return <ActivitiesScreen memberNumber={screen.memberNumber} />;
    case 'closeDrawer':
      return <CloseDrawerScreen />;
    case 'dayReports':
      return <DayReportsScreen date={screen.date ?? null} />;
    case 'sync':
      return <SyncScreen />;
    case 'daySummary':
      return <DaySummaryScreen session={screen.session} day={screen.day} backupProblem={screen.backupProblem ?? null} />;
  }
}
