import { Slot } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { Spinner } from "./spinner";

const variants = {
  default: "bg-primary text-primary-foreground shadow-xs hover:bg-primary/90",
  secondary: "bg-secondary text-secondary-foreground shadow-xs hover:bg-secondary/80",
  outline: "border border-input bg-background shadow-xs hover:bg-accent hover:text-accent-foreground",
  ghost: "hover:bg-accent hover:text-accent-foreground",
  destructive:
    "bg-destructive text-destructive-foreground shadow-xs hover:bg-destructive/90 focus-visible:ring-destructive",
  link: "text-foreground underline underline-offset-4 decoration-foreground/30 hover:decoration-foreground",
} as const;

const sizes = {
  sm: "h-8 gap-1.5 px-3 text-sm",
  default: "h-9 px-4 text-sm",
  lg: "h-10 px-6 text-base",
  icon: "size-9",
} as const;

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Renders the single child (a Link, an <a>…) with the button's styles instead of a <button>. */
  asChild?: boolean;
  /** Disables the button, marks it aria-busy and shows a spinner while an action runs. */
  pending?: boolean;
};

/** The button classes, for elements that must be another component (AlertDialogAction, a Link without asChild…). */
export function buttonClassName(variant: ButtonVariant = "default", size: ButtonSize = "default", className?: string) {
  return cn(
    "inline-flex shrink-0 select-none items-center justify-center gap-2 whitespace-nowrap rounded-md font-medium transition-[color,background-color,border-color,box-shadow]",
    "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
    "disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50",
    "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
    sizes[size],
    variants[variant],
    className,
  );
}

export function Button({
  variant,
  size,
  asChild,
  pending = false,
  disabled,
  className,
  children,
  ...props
}: ButtonProps) {
  if (asChild) {
    // A Slot cannot inject a spinner into its child, so a pending link is only marked busy and disabled.
    return (
      <Slot.Root
        className={buttonClassName(variant, size, className)}
        aria-busy={pending || undefined}
        aria-disabled={pending || disabled || undefined}
        {...props}
      >
        {children}
      </Slot.Root>
    );
  }
  return (
    <button
      className={buttonClassName(variant, size, className)}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      data-pending={pending || undefined}
      {...props}
    >
      {pending ? <Spinner /> : null}
      {children}
    </button>
  );
}
