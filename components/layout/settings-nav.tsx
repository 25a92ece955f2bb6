"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";

/** A link's count (pending requests) is shown as a badge; screen readers hear it after the label. */
export function SettingsNav({ links }: { links: Array<{ href: string; label: string; count?: number }> }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Team settings" className="md:w-52 md:shrink-0">
      <p className="mb-2 hidden px-3 text-xs font-medium uppercase tracking-wide text-muted-foreground md:block">
        Team
      </p>
      <ul className="flex flex-wrap gap-1 md:flex-col md:flex-nowrap">
        {links.map((link) => {
          const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center justify-between gap-2 whitespace-nowrap rounded-md px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                  active
                    ? "bg-accent font-medium text-foreground"
                    : "text-muted-foreground hover:bg-accent hover:text-foreground",
                )}
              >
                {link.label}
                {link.count ? (
                  <span
                    data-testid="settings-nav-count"
                    className="rounded-full bg-primary px-1.5 py-0.5 text-xs font-medium leading-none text-primary-foreground"
                  >
                    {link.count > 99 ? "99+" : link.count}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
