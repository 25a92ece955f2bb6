import type { RefObject } from "react";

/**
 * For a dialog's onCloseAutoFocus. A dialog opened from a menu item would give focus back to
 * that item, which vanished with the menu; this sends it to the element that opened the menu.
 */
export function returnFocus(event: Event, target: RefObject<HTMLElement | null>) {
  const element = target.current;
  if (!element?.isConnected) return;
  event.preventDefault();
  element.focus();
}
