"use client";

import {
  cloneElement,
  useEffect,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
} from "react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuTrigger } from "./dropdown-menu";

type TriggerProps = {
  "aria-haspopup"?: "menu";
  "aria-expanded"?: boolean;
  onPointerDown?: (event: PointerEvent<HTMLButtonElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLButtonElement>) => void;
  onClick?: (event: { detail: number }) => void;
};

const OPEN_KEYS = new Set(["Enter", " ", "ArrowDown"]);

type Opening = "closed" | "pointer" | "keyboard";

/**
 * A dropdown menu for a table row that mounts on first use. A page of rows then renders one
 * button per row instead of one Radix menu tree per row (measured: about a sixth of the
 * invitations page's server render). Until it mounts, the button answers like Radix's trigger:
 * a primary pointer press, or Enter, Space or ArrowDown.
 */
export function RowMenu({
  trigger,
  children,
  align = "end",
  className,
}: {
  trigger: ReactElement<TriggerProps>;
  children: ReactNode;
  align?: "start" | "end";
  className?: string;
}) {
  const [opening, setOpening] = useState<Opening>("closed");
  const [open, setOpen] = useState(false);

  useEffect(() => {
    // Radix focuses the first item when it saw a key press; this one happened before the menu
    // existed, so it is replayed to the menu's document listener (now registered) before the
    // portalled content mounts and takes focus.
    if (opening === "keyboard") document.dispatchEvent(new window.KeyboardEvent("keydown", { key: "Unidentified" }));
  }, [opening]);

  if (opening === "closed") {
    const openMenu = (how: Opening) => {
      setOpening(how);
      setOpen(true);
    };
    return cloneElement(trigger, {
      "aria-haspopup": "menu",
      "aria-expanded": false,
      onPointerDown: (event) => {
        if (event.button !== 0 || event.ctrlKey) return;
        event.preventDefault();
        openMenu("pointer");
      },
      onKeyDown: (event) => {
        if (!OPEN_KEYS.has(event.key)) return;
        event.preventDefault();
        openMenu("keyboard");
      },
      // Assistive technology may send a click with no pointer or key events before it.
      onClick: (event) => {
        if (event.detail === 0) openMenu("keyboard");
      },
    });
  }

  return (
    <DropdownMenu open={open} onOpenChange={setOpen}>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align={align} className={className}>
        {children}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
