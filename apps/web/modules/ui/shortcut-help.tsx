'use client';

import { useEffect, useRef } from 'react';

export interface ShortcutGroup {
  title: string;
  shortcuts: { keys: string[]; description: string }[];
}

/** The `?` overlay: every key of the page, grouped. Esc or ? closes it; focus returns after. */
export function ShortcutHelp({
  groups,
  onClose,
}: {
  groups: ShortcutGroup[];
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Parents pass a new closure each render; the dialog must open once, not reopen on each.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const element = dialog.current;
    const previous = document.activeElement as HTMLElement | null;
    element?.showModal();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === '?') {
        event.preventDefault();
        close.current();
      }
    };
    // Esc fires `cancel` while the key is handled: the parent hears it then, so the page's own
    // keys work again as soon as the dialog is gone. Left to close natively, the dialog vanished
    // at once but told the parent only in a later task, and a key pressed in between was lost.
    const onCancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    // Any other native close (its close event) tells the parent too. The listener goes before an
    // unmount closes it, so an unmount does not report a close.
    // (A close queued by an unmount that was followed by a remount finds the dialog open again.)
    const onCloseEvent = () => {
      if (!element?.open) close.current();
    };
    element?.addEventListener('keydown', onKeyDown);
    element?.addEventListener('cancel', onCancel);
    element?.addEventListener('close', onCloseEvent);
    return () => {
      element?.removeEventListener('keydown', onKeyDown);
      element?.removeEventListener('cancel', onCancel);
      element?.removeEventListener('close', onCloseEvent);
      if (element?.open) element.close();
      previous?.focus();
    };
  }, []);
  return (
    <dialog ref={dialog} className="help-dialog" aria-labelledby="help-title">
      <div className="section-title">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <button type="button" className="btn btn--small" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </div>
      <div className="help-dialog__groups">
        {groups.map((group) => (
          <section key={group.title}>
            <h3>{group.title}</h3>
            <dl className="shortcuts">
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.description} className="shortcuts__row">
                  <dt>
                    {shortcut.keys.map((key) => (
                      <kbd key={key}>{key}</kbd>
                    ))}
                  </dt>
                  <dd>{shortcut.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
