"use client";

import type { ComponentProps, CSSProperties } from "react";
import { Toaster as Sonner } from "sonner";

/** Render once in the root layout; call `toast.success(...)` / `toast.error(...)` from "sonner" anywhere. */
export function Toaster(props: ComponentProps<typeof Sonner>) {
  return (
    <Sonner
      theme="system"
      richColors
      closeButton
      position="bottom-right"
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
          // Sonner's own rich colors miss WCAG AA in light mode; these tokens meet it in both schemes.
          "--success-bg": "color-mix(in srgb, var(--success) 8%, var(--popover))",
          "--success-border": "color-mix(in srgb, var(--success) 30%, var(--popover))",
          "--success-text": "var(--success)",
          "--error-bg": "color-mix(in srgb, var(--destructive) 8%, var(--popover))",
          "--error-border": "color-mix(in srgb, var(--destructive) 30%, var(--popover))",
          "--error-text": "var(--destructive)",
          "--warning-bg": "color-mix(in srgb, var(--warning) 8%, var(--popover))",
          "--warning-border": "color-mix(in srgb, var(--warning) 30%, var(--popover))",
          "--warning-text": "var(--warning)",
          "--info-bg": "var(--popover)",
          "--info-border": "var(--border)",
          "--info-text": "var(--popover-foreground)",
        } as CSSProperties
      }
      {...props}
    />
  );
}
