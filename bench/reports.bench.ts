/**
 * Client reports (issue 23): CPU and size of the PDF, CPU of the web page,
 * and of all three forms (PDF, page, e-mail encoded as MIME) for a 1,000-item
 * client,
 * English and 简体中文, once the items are in (bench/snapshots.bench.ts counts
 * the Notion requests). Baseline: the Slack post of the same snapshot,
 * rendered in the same run.
 */

import nodemailer from 'nodemailer';
import type { ClientSnapshot } from '../src/domain/build-client-snapshot.ts';
import { buildSnapshotEmail } from '../src/features/reports/email.ts';
import { renderSnapshotHtml } from '../src/features/reports/html.ts';
import { renderSnapshotPdf } from '../src/features/reports/pdf.ts';
import { renderClientSnapshot } from '../src/features/snapshots/snapshot-blocks.ts';
import type { Locale } from '../src/i18n/locale.ts';
import { bigSnapshot, REPORT_ZONE, reportChart } from '../test/support/report-snapshot.ts';
import type { BenchResult } from './run.ts';

const ITEMS = 1000;
const RUNS = 20;

/** Mean CPU milliseconds (user + system) of one call, after five warm-up calls. */
async function cpuMs(fn: () => unknown, runs = RUNS): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i++) await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / runs;
}

export default {
  title: 'Client reports',
  async run(): Promise<BenchResult[]> {
    const snapshot: ClientSnapshot = bigSnapshot(ITEMS);
    const chartPng = reportChart();
    const slack = () => renderClientSnapshot(snapshot, { locale: 'en', timeZone: REPORT_ZONE });
    const baselineMs = await cpuMs(slack, 200);
    const results: BenchResult[] = [];
    for (const locale of ['en', 'zh-CN'] as const satisfies Locale[]) {
      const pdf = () => renderSnapshotPdf(snapshot, { locale, timeZone: REPORT_ZONE, chartPng });
      const ms = await cpuMs(pdf);
      const bytes = (await pdf()).length;
      results.push(
        {
          name: `CPU to render the PDF of a ${ITEMS}-item snapshot (${locale})`,
          value: ms,
          unit: 'ms',
          baseline: baselineMs,
          target: `< 200 ms (${Math.round(ms / Math.max(baselineMs, 0.001))}× the Slack post)`,
          pass: ms < 200,
        },
        {
          name: `PDF size, ${ITEMS}-item snapshot with the chart (${locale})`,
          value: Math.round(bytes / 1024),
          unit: 'KB',
          target: '< 200 KB',
          pass: bytes < 200 * 1024,
        },
      );
    }
    const chartPngBase64 = chartPng.toString('base64');
    const page = () =>
      renderSnapshotHtml(snapshot, { locale: 'en', timeZone: REPORT_ZONE, chartPngBase64 });
    const pageMs = await cpuMs(page, 200);
    results.push({
      name: `CPU to render the web page of a ${ITEMS}-item snapshot`,
      value: pageMs,
      unit: 'ms',
      baseline: baselineMs,
      target: `< 20 ms (${Math.round(pageMs / Math.max(baselineMs, 0.001))}× the Slack post)`,
      pass: pageMs < 20,
    });
    // The three forms as the weekly job will make them: the PDF once, the page, the e-mail as
    // MIME (nodemailer's stream transport encodes it as SMTP would send it, and sends nothing).
    const mime = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const all = async () => {
      const pdf = await renderSnapshotPdf(snapshot, {
        locale: 'en',
        timeZone: REPORT_ZONE,
        chartPng,
      });
      renderSnapshotHtml(snapshot, { locale: 'en', timeZone: REPORT_ZONE, chartPngBase64 });
      const message = buildSnapshotEmail(snapshot, {
        locale: 'en',
        timeZone: REPORT_ZONE,
        from: 'reports@freelancer.example',
        to: ['cto@acme.example'],
        chartPng,
        pdf,
      });
      await mime.sendMail(message);
    };
    const allMs = await cpuMs(all);
    results.push({
      name: `CPU to make all three forms (PDF, page, e-mail as MIME) of a ${ITEMS}-item snapshot`,
      value: allMs,
      unit: 'ms',
      baseline: baselineMs,
      target: `< 300 ms (${Math.round(allMs / Math.max(baselineMs, 0.001))}× the Slack post)`,
      pass: allMs < 300,
    });
    return results;
  },
};
