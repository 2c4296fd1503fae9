import type { AdminActions } from '../actions/admin-actions.js';
import type { AuthActions } from '../actions/auth-actions.js';
import type { AdminStores } from '../state/admin.js';
import type { SessionStores } from '../state/session.js';
import { mountAccountMenu } from './account-menu.js';
import { mountAdminPanel } from './admin-panel.js';
import { mountSetupPage } from './setup-page.js';
import { mountSignInDialog } from './sign-in-dialog.js';
import { mountTokensPanel } from './tokens-panel.js';

/**
 * The account UI in one mount: the header's menu, the sign-in dialog, the tokens and admin
 * panels and, when the page was opened from a set-up link, the first-admin form.
 */
export function mountAccountUi(
  slot: HTMLElement,
  ss: SessionStores,
  as: AdminStores,
  auth: AuthActions,
  admin: AdminActions,
  setup: { token: string | null; leave(): void },
) {
  const signIn = mountSignInDialog(ss, auth);
  const tokens = mountTokensPanel(ss, as, admin);
  const adminPanel = mountAdminPanel(ss, as, admin);
  const offMenu = mountAccountMenu(slot, ss, auth, {
    signIn: signIn.open,
    tokens: tokens.open,
    admin: adminPanel.open,
  });
  // Signed out: nothing of the last user's stays open.
  const offClose = ss.$session.listen((s) => {
    if (!s.user) {
      tokens.close();
      adminPanel.close();
    }
  });
  const offSetup =
    setup.token === null ? () => {} : mountSetupPage(setup.token, ss, auth, setup.leave);
  return {
    signIn: signIn.open,
    dispose() {
      offSetup();
      offClose();
      offMenu();
      signIn.dispose();
      tokens.dispose();
      adminPanel.dispose();
    },
  };
}
