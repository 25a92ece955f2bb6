import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

type EmptyStateProps = Omit<ComponentProps<"div">, "title"> & {
  /** A decorative icon (pass aria-hidden); shown in a muted circle. */
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** A button or link that resolves the empty state. */
  action?: ReactNode;
};

export function EmptyState({ icon, title, description, action, className, ...props }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center gap-4 rounded-lg border border-dashed px-4 py-10 text-center sm:px-6 sm:py-12",
        className,
      )}
      {...props}
    >
      {icon ? (
        <div className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-6">
          {icon}
        </div>
      ) : null}
      <div className="max-w-sm space-y-1">
        <p className="font-medium text-foreground">{title}</p>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {action ? <div className="flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}
