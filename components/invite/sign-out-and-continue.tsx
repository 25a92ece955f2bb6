"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutAndContinue({ token, label }: { token: string; label: string }) {
  return (
    <Button className="w-full" onClick={() => void signOut({ callbackUrl: `/invite/${token}` })}>
      {label}
    </Button>
  );
}
