import type { Stores } from '../state/stores.js';
import { encodeView } from '../state/url-codec.js';
import { currentView } from './url-sync.js';

/** Sharing the view: a link that reopens it, copied to the clipboard (or shown). */
export function createShareActions(s: Stores) {
  return {
    async copyLink() {
      const url = `${location.origin}${location.pathname}#${encodeView(currentView(s), s.today)}`;
      try {
        await navigator.clipboard.writeText(url);
        s.$notice.set({ tone: 'info', text: 'Link to this view copied to the clipboard.' });
      } catch {
        s.$notice.set({ tone: 'info', text: `Link to this view: ${url}` });
      }
    },
  };
}
