"use client";

import { toast } from "sonner";

/** Puts text on the clipboard and says so; when the clipboard is out of reach, says how to copy by hand. */
export async function copyText(text: string) {
  try {
    await navigator.clipboard.writeText(text);
    toast.success("Link copied");
  } catch {
    toast.error("Couldn't reach the clipboard. Select the link and copy it by hand.");
  }
}
