import type { Plugin } from "esbuild";
export function browserBundleSize(
  entry: string,
  options?: { plugins?: Plugin[]; alias?: Record<string, string>; external?: string[] },
): Promise<{ minBytes: number; gzipBytes: number }>;
