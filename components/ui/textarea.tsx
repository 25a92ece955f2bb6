import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { fieldClassName } from "./input";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      className={cn(fieldClassName, "flex min-h-20 px-3 py-2 leading-relaxed read-only:bg-muted", className)}
      {...props}
    />
  );
}
