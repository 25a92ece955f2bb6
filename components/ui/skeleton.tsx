import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** Decorative placeholder; announce loading elsewhere (e.g. aria-busy on the region, or a Spinner with a label). */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden
      className={cn("animate-pulse rounded-md bg-muted motion-reduce:animate-none", className)}
      {...props}
    />
  );
}
