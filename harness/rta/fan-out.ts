/**
 * Messages to listeners, keeping what arrives before the first listener: a socket may receive frames
 * between its open and the moment its client registers (connect() resolves first).
 */
export function fanOut() {
  const listeners: ((text: string) => void)[] = [];
  const early: string[] = [];
  return {
    emit(text: string) {
      if (listeners.length === 0) early.push(text);
      for (const listener of listeners) listener(text);
    },
    add(listener: (text: string) => void) {
      listeners.push(listener);
      for (const text of early.splice(0)) listener(text);
    },
  };
}
