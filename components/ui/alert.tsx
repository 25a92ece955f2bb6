import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

const variants = {
  default: "border-border bg-muted/50 text-foreground",
  destructive: "border-destructive/40 bg-destructive/10 text-destructive",
  success: "border-success/40 bg-success/10 text-success",
} as const;

export type AlertVariant = keyof typeof variants;

/**
 * Inline message box. Destructive alerts use role="alert" (announced at once); the others role="status" (polite).
 * Children may be plain text, or an icon followed by AlertTitle/AlertDescription.
 */
export function Alert({
  variant = "default",
  className,
  ...props
}: ComponentProps<"div"> & { variant?: AlertVariant }) {
  return (
    <div
      role={variant === "destructive" ? "alert" : "status"}
      data-variant={variant}
      className={cn(
        "relative w-full rounded-md border px-3 py-2.5 text-sm leading-relaxed",
        "has-[>svg]:grid has-[>svg]:grid-cols-[1rem_1fr] has-[>svg]:gap-x-2.5 [&>svg]:size-4 [&>svg]:translate-y-1 [&>svg]:text-current",
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}

export function AlertTitle({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("col-start-2 font-medium leading-relaxed", className)} {...props} />;
}

export function AlertDescription({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("col-start-2 [&_p]:leading-relaxed", className)} {...props} />;
}
