import { readFileSync } from 'node:fs';
import type { DisputeSettings } from '../src-shared/domain/settings';
import { defaultSettings, disputeSettingsSchema } from '../src-shared/domain/settings';

/**
 * The rules' settings: the defaults of docs/product.md, overridden field by field by a JSON file,
 * e.g. `{"merchantAnswerDays": 10, "calendar": {"extraHolidays": ["2026-12-24"]}}`.
 */
export function loadSettings(path: string | undefined): DisputeSettings {
  if (path === undefined) return defaultSettings;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read the settings file ${path}: ${why}`, { cause: error });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`The settings file ${path} must hold a JSON object.`);
  }
  const overrides = raw as Record<string, unknown>;
  const calendar = overrides.calendar;
  const merged = {
    ...defaultSettings,
    ...overrides,
    calendar:
      typeof calendar === 'object' && calendar !== null
        ? { ...defaultSettings.calendar, ...calendar }
        : (calendar ?? defaultSettings.calendar),
  };
  const parsed = disputeSettingsSchema.safeParse(merged);
  if (!parsed.success) {
    throw new Error(
      `Invalid settings in ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
