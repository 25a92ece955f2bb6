import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

type PageHeaderProps = Omit<ComponentProps<"div">, "title"> & {
  /** Rendered as the page's <h1>. */
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links; they wrap under the title on small screens. */
  actions?: ReactNode;
};

export function PageHeader({ title, description, actions, className, ...props }: PageHeaderProps) {
  return (
    <div className={cn("flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between", className)} {...props}>
      <div className="min-w-0 space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2 sm:shrink-0 sm:justify-end">{actions}</div> : null}
    </div>
  );
}
