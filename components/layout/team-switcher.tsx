"use client";

import Link from "next/link";
import { Check, ChevronsUpDown } from "lucide-react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Button } from "@/components/ui/button";

type Team = { name: string; slug: string };

export function TeamSwitcher({ teams, current }: { teams: Team[]; current: Team | null }) {
  if (teams.length === 0) return <span className="text-sm text-muted-foreground">No team yet</span>;

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="sm"
          className="min-w-0 shrink gap-1 px-2"
          aria-label={`${current?.name ?? "Choose a team"}: switch team`}
        >
          <span className="max-w-28 truncate sm:max-w-48">{current?.name ?? "Choose a team"}</span>
          <ChevronsUpDown aria-hidden className="size-4 text-muted-foreground" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-56 max-w-[calc(100vw-1rem)]">
        <DropdownMenuLabel>Your teams</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {teams.map((team) => (
          <DropdownMenuItem key={team.slug} asChild>
            <Link href={`/teams/${team.slug}`} className="flex items-center justify-between">
              <span className="truncate">{team.name}</span>
              {team.slug === current?.slug ? <Check aria-label="Current team" className="size-4" /> : null}
            </Link>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
