import { z } from 'zod';
import { tenantConfigSchema, type TenantConfig } from '../../../../shared/contract/index.js';
import { stripControlCharacters } from '../../../../shared/lib/plain-text.js';

/**
 * A stored practice was valid for the version that wrote it. On the way out the schema is
 * re-applied so fields added since (languages, texts, voice, brain, localized names…) get their
 * defaults; text stored before control characters were refused is cleaned rather than rejected;
 * and a part today's schema cannot read is kept as stored while every part around it still gets
 * its defaults. An old or hand-edited practice keeps answering calls.
 */
export function readStoredTenant(raw: unknown): TenantConfig {
  const { $schema: _editorHint, ...config } = lenient(tenantConfigSchema, raw) as TenantConfig & { $schema?: unknown };
  return config as TenantConfig;
}

function lenient(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const cleaned = schema.safeParse(mapStrings(value, stripControlCharacters));
  if (cleaned.success) return cleaned.data;
  if (schema instanceof z.ZodDefault) return lenient(schema.unwrap() as z.ZodType, value === undefined ? schema.def.defaultValue : value);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return value == null ? value : lenient(schema.unwrap() as z.ZodType, value);
  if (schema instanceof z.ZodObject && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const next = lenient(field, out[key]);
      if (next === undefined) delete out[key];
      else out[key] = next;
    }
    return out;
  }
  if (schema instanceof z.ZodArray && Array.isArray(value)) return value.map((item) => lenient(schema.element as z.ZodType, item));
  return value;
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
  return value;
}
