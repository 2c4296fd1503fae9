/**
 * Resolves in a new task (a MessageChannel message: no timer clamping), so long work split
 * at its awaits never makes one main-thread task of it.
 */
export const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
