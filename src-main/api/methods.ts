/**
 * The contract's method names, alone: the Electron preload builds one function per name and must
 * not bundle the schemas. contract.ts checks that both lists agree.
 */
export const METHOD_NAMES = [
  'desk.state',
  'desk.setLanguage',
  'users.list',
  'session.signIn',
  'session.signOut',
  'session.keepAlive',
  'users.unlock',
  'sync.status',
  'drawer.open',
  'drawer.movement',
  'drawer.close',
  'members.search',
  'members.profile',
  'members.profileStamp',
  'members.checkDuplicates',
  'members.create',
  'members.update',
  'activities.list',
  'activities.roster',
  'registrations.register',
  'registrations.cancel',
  'sales.quote',
  'sales.checkout',
  'sales.void',
  'sales.refund',
  'orders.get',
  'receipts.email',
  'receipts.emails',
  'payments.card',
  'reports.day',
  'documents.receipt',
  'documents.memberCard',
  'documents.dayReport',
  'documents.roster',
  'files.save',
  'desk.print',
  'privacy.accessLog',
  'privacy.lapsed',
  'privacy.erase',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

/**
 * The first start's two set-ups (api/first-start.ts): not contract methods — the desk answers
 * them only before its database exists — but the Electron preload needs their channels too.
 */
export const SETUP_METHOD_NAMES = ['setup.standalone', 'setup.join'] as const;

export type SetupMethodName = (typeof SETUP_METHOD_NAMES)[number];
