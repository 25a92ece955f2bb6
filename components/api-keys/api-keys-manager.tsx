"use client";

import { formatDistanceToNow } from "date-fns";
import { Copy, KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { createApiKeyAction } from "@/actions/api-keys/create-api-key-action";
import { revokeApiKeyAction } from "@/actions/api-keys/revoke-api-key-action";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { copyText } from "@/components/ui/copy-text";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES, type ApiKeyScope } from "@/lib/api-keys/api-key-scopes";

type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};

const ago = (value: string | null, fallback: string) =>
  value ? formatDistanceToNow(new Date(value), { addSuffix: true }) : fallback;

export function ApiKeysManager({ apiKeys }: { apiKeys: ApiKeyRow[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["invitations:read"]);
  const [expiry, setExpiry] = useState("90");
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [pending, startTransition] = useTransition();

  const create = () =>
    startTransition(async () => {
      const result = await createApiKeyAction({
        name,
        scopes,
        expiresInDays: expiry === "never" ? null : Number(expiry),
      });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setName("");
      setCreated(result.key);
      router.refresh();
    });

  return (
    <div className="space-y-6">
      <Card className="space-y-4 p-5">
        <h2 className="font-semibold">Create a key</h2>
        {error ? <Alert variant="destructive">{error}</Alert> : null}
        {created ? (
          <div className="space-y-2">
            <Alert variant="success">Copy this key now: it won&apos;t be shown again.</Alert>
            <div className="flex gap-2">
              <Input
                readOnly
                value={created}
                aria-label="New API key"
                className="font-mono text-xs"
                onFocus={(event) => event.currentTarget.select()}
              />
              <Button variant="outline" size="icon" aria-label="Copy key" onClick={() => void copyText(created)}>
                <Copy aria-hidden className="size-4" />
              </Button>
            </div>
          </div>
        ) : null}
        <form
          className="grid gap-4 sm:grid-cols-2"
          onSubmit={(event) => {
            event.preventDefault();
            create();
          }}
        >
          <div className="space-y-2">
            <Label htmlFor="api-key-name">Name</Label>
            <Input
              id="api-key-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder="Onboarding script"
              maxLength={60}
            />
          </div>
          <div className="space-y-2">
            <Label htmlFor="api-key-expiry">Expires</Label>
            <Select value={expiry} onValueChange={setExpiry}>
              <SelectTrigger id="api-key-expiry" aria-label="Expires">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="30">In 30 days</SelectItem>
                <SelectItem value="90">In 90 days</SelectItem>
                <SelectItem value="365">In a year</SelectItem>
                <SelectItem value="never">Never</SelectItem>
              </SelectContent>
            </Select>
          </div>
          <fieldset className="space-y-2 sm:col-span-2">
            <legend className="text-sm font-medium">Scopes</legend>
            {API_KEY_SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                <Checkbox
                  checked={scopes.includes(scope)}
                  onCheckedChange={(checked) =>
                    setScopes((current) =>
                      checked === true ? [...current, scope] : current.filter((s) => s !== scope),
                    )
                  }
                  aria-label={scope}
                />
                <code className="text-xs">{scope}</code>
                <span className="text-muted-foreground">{API_KEY_SCOPE_LABELS[scope]}</span>
              </label>
            ))}
          </fieldset>
          <div className="sm:col-span-2">
            <Button type="submit" pending={pending}>
              <KeyRound aria-hidden className="size-4" /> Create key
            </Button>
          </div>
        </form>
      </Card>

      {apiKeys.length === 0 ? (
        <EmptyState icon={<KeyRound aria-hidden className="size-8" />} title="No API keys yet" />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Name</TableHead>
              <TableHead scope="col">Key</TableHead>
              <TableHead scope="col">Scopes</TableHead>
              <TableHead scope="col">Last used</TableHead>
              <TableHead scope="col">Expires</TableHead>
              <TableHead scope="col">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {apiKeys.map((key) => (
              <TableRow key={key.id}>
                <TableCell className="font-medium">{key.name}</TableCell>
                <TableCell>
                  <code className="text-xs">{key.prefix}…</code>
                </TableCell>
                <TableCell className="space-x-1">
                  {key.scopes.map((scope) => (
                    <Badge key={scope} variant="secondary">
                      {scope}
                    </Badge>
                  ))}
                </TableCell>
                <TableCell>{ago(key.lastUsedAt, "Never")}</TableCell>
                <TableCell>
                  {key.revokedAt ? <Badge variant="destructive">Revoked</Badge> : ago(key.expiresAt, "Never")}
                </TableCell>
                <TableCell>
                  {key.revokedAt ? null : (
                    <Button
                      variant="outline"
                      size="sm"
                      onClick={() => setRevoking(key)}
                      aria-label={`Revoke ${key.name}`}
                    >
                      Revoke
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ConfirmDialog
        open={!!revoking}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        description="Anything using this key stops working at once."
        confirmLabel="Revoke"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await revokeApiKeyAction({ apiKeyId: revoking!.id });
            if (result.ok) toast.success("Key revoked");
            else toast.error(result.error);
            setRevoking(null);
            router.refresh();
          })
        }
      />
    </div>
  );
}
