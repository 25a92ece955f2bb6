import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiKeysManager } from "@/components/api-keys/api-keys-manager";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requireCurrentUser("/account/api-keys");
  const result = await listApiKeys({ kind: "user", userId: user.id });
  if (!result.ok) notFound();
  return (
    <div className="space-y-6">
      <PageHeader
        title="API keys"
        description="Personal keys for the REST API. A key acts as you, limited to its scopes, in every team where your role allows API access."
      />
      <p className="text-sm">
        <Link href="/docs/api" className="underline underline-offset-4">
          Read the API reference
        </Link>
      </p>
      <ApiKeysManager
        apiKeys={result.apiKeys.map((key) => ({
          ...key,
          expiresAt: key.expiresAt?.toISOString() ?? null,
          lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
          revokedAt: key.revokedAt?.toISOString() ?? null,
          createdAt: key.createdAt.toISOString(),
        }))}
      />
    </div>
  );
}
