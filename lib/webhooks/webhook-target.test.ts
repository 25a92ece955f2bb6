import { describe, expect, it } from "vitest";
import { checkWebhookUrl, isPublicAddress } from "./webhook-target";

const production = { allowPrivateNetwork: false };
const development = { allowPrivateNetwork: true };

describe("isPublicAddress", () => {
  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])("accepts %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:169.254.169.254",
    "not-an-address",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe("checkWebhookUrl", () => {
  it("accepts public https URLs and drops the fragment", () => {
    expect(checkWebhookUrl(" https://hooks.example.com/in?x=1#frag ", production)).toEqual({
      ok: true,
      url: "https://hooks.example.com/in?x=1",
    });
  });

  it.each([
    "http://hooks.example.com/in",
    "ftp://hooks.example.com/in",
    "https://localhost/in",
    "https://127.0.0.1/in",
    "https://10.0.0.5/in",
    "https://[::1]/in",
    "https://169.254.169.254/latest/meta-data",
    "https://printer.local/in",
    "https://metadata.google.internal/in",
    "https://intranet/in",
    "http://127.0.0.1:3000/in",
  ])("refuses %s in production", (url) => {
    expect(checkWebhookUrl(url, production).ok).toBe(false);
  });

  it("allows plain http only to this machine, where private networks are allowed", () => {
    expect(checkWebhookUrl("http://127.0.0.1:4000/hook", development)).toEqual({
      ok: true,
      url: "http://127.0.0.1:4000/hook",
    });
    expect(checkWebhookUrl("http://localhost:4000/hook", development).ok).toBe(true);
    expect(checkWebhookUrl("http://hooks.example.com/in", development).ok).toBe(false);
  });

  it("refuses credentials in the URL and things that are not URLs", () => {
    expect(checkWebhookUrl("https://user:pass@hooks.example.com/", production).ok).toBe(false);
    expect(checkWebhookUrl("hooks.example.com", production).ok).toBe(false);
  });
});
