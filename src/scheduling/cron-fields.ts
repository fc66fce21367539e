import cron from 'node-cron';
import type { CronFields } from '../domain/snapshot-slots.ts';

/** A cron expression's fields, expanded by node-cron (the same parser that fires it). */
export const cronFields = (expression: string): CronFields => cron.parse(expression);
