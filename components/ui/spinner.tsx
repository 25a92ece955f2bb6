import { Loader2 } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

type SpinnerProps = Omit<ComponentProps<typeof Loader2>, "ref"> & {
  /** When set, the spinner is announced (role="status" with this text for screen readers); otherwise it is decorative. */
  label?: string;
};

export function Spinner({ label, className, ...props }: SpinnerProps) {
  const icon = (
    <Loader2
      aria-hidden
      className={cn("size-4 shrink-0 animate-spin motion-reduce:animate-[spin_1.5s_linear_infinite]", className)}
      {...props}
    />
  );
  if (!label) return icon;
  return (
    <span role="status" className="inline-flex items-center">
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}
