import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** Shared by Input, Textarea and SelectTrigger so form controls line up. */
export const fieldClassName = cn(
  "w-full min-w-0 rounded-md border border-input bg-background text-sm shadow-xs transition-[color,border-color,box-shadow]",
  "placeholder:text-muted-foreground",
  "focus-visible:border-ring focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/40",
  "disabled:cursor-not-allowed disabled:opacity-50",
  "aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive/40",
);

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      className={cn(
        fieldClassName,
        "flex h-9 px-3 py-1 read-only:bg-muted",
        "file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}
