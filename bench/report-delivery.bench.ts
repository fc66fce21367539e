/**
 * Client reports end to end (issue 23): a 1,000-item client's week, read from
 * a fake Notion over HTTP once, then made into every form from the kept
 * report: the Slack post (with its chart, to a fake Slack), the PDF, the
 * e-mail (encoded as MIME, as SMTP would carry it) and the link's page and
 * PDF opened three times each. Counts the Notion requests of all of it, and
 * the CPU of each part in this process: the three forms from the kept report
 * (the budget), the week from Notion to Slack (the fake servers in process
 * count too: an upper bound) against the Notion read alone, and a link view.
 */

import nodemailer from 'nodemailer';
import {
  buildSnapshotEmail,
  renderSnapshotHtml,
  renderSnapshotPdf,
} from '../src/features/reports/index.ts';
import { loadClientItems } from '../src/features/snapshots/load-client-items.ts';
import { postClientSnapshot } from '../src/features/snapshots/post-client-snapshot.ts';
import { linkedReport } from '../src/features/snapshots/report-link.ts';
import { weekReport } from '../src/features/snapshots/week-report.ts';
import { tempDir } from '../test/support/env.ts';
import { FakeNotionSnapshots, notionPage } from '../test/support/fake-notion-snapshots.ts';
import { FakeSlack } from '../test/support/fake-slack.ts';
import { bigSnapshot } from '../test/support/report-snapshot.ts';
import { SNAPSHOT_YAML, snapshotDeps } from '../test/support/snapshot-deps.ts';
import type { BenchResult } from './run.ts';

const ITEMS = 1000;
const VIEWS = 3;
const SLOT = new Date('2026-11-25T15:00:00.000Z'); // Wed 10:00 New York
const STATUSES = ['✅ Done', '🔄 In Review', '📝 Draft', '⛔ Closed', 'Not started'];

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

export default {
  title: 'Client reports, end to end',
  async run(): Promise<BenchResult[]> {
    const notion = await new FakeNotionSnapshots('ds-delivery').start();
    const slack = await new FakeSlack().start();
    notion.pages = [
      ...Array.from({ length: ITEMS }, (_, i) =>
        notionPage({
          title: `${i % 3 === 0 ? '重构订单服务' : 'Refactor the order service'} ${i}`,
          status: STATUSES[i % STATUSES.length]!,
          points: (i % 8) + 1,
          blocked: i % 37 === 0,
          date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}T12:00:00.000Z`,
          reviewer: i % 2 ? 'Ana' : 'Bo',
          qa: 'success',
          pr: `https://github.com/acme/api/pull/${i}`,
        }),
      ),
      ...Array.from({ length: 300 }, (_, i) =>
        notionPage({ title: `Other ${i}`, client: 'Globex', status: '✅ Done' }),
      ),
    ];
    const deps = snapshotDeps({
      yaml: SNAPSHOT_YAML(),
      dataDir: tempDir(),
      slackApiUrl: slack.apiUrl,
      notionUrl: notion.url,
      now: () => SLOT,
    });
    const client = deps.config.clients[0]!;
    try {
      // The first PDF of a process opens the 8 MB font (~100 ms, once per process): done here.
      await renderSnapshotPdf(bigSnapshot(10), { locale: 'en', timeZone: 'UTC' });
      // Baseline: the Notion read alone (the same pages, the same client).
      const delivery = deps.config.delivery!.notion!;
      const readStart = process.cpuUsage();
      await loadClientItems({ notion: deps.notion!, delivery }, client);
      const readMs = cpuMs(readStart);
      notion.requests.length = 0;

      // The week: read once, build and keep the report, post it to Slack with its chart.
      const weekStart = process.cpuUsage();
      await postClientSnapshot(deps, client, { slotTime: SLOT, chartWait: { looks: 1 } });
      const weekMs = cpuMs(weekStart);

      // The three forms, from the kept report: the PDF, the e-mail (PDF and chart in it) as
      // MIME, the link's page.
      const formsStart = process.cpuUsage();
      const report = (await weekReport(deps, client, SLOT))!;
      const form = { locale: deps.config.locale, timeZone: report.timeZone, week: report.week };
      const pdf = await renderSnapshotPdf(report.snapshot, { ...form, chartPng: report.chartPng });
      const mime = nodemailer.createTransport({ streamTransport: true, buffer: true });
      await mime.sendMail(
        buildSnapshotEmail(report.snapshot, {
          ...form,
          from: 'reports@freelancer.example',
          to: ['cto@acme.example'],
          chartPng: report.chartPng,
          pdf,
        }),
      );
      renderSnapshotHtml(report.snapshot, {
        ...form,
        chartPngBase64: report.chartPng?.toString('base64'),
      });
      const formsMs = cpuMs(formsStart);

      // The link opened: its page and its PDF, from the store each time.
      const viewsStart = process.cpuUsage();
      for (let view = 0; view < VIEWS; view++) {
        const linked = (await linkedReport(deps, client.id, report.week))!;
        renderSnapshotHtml(linked.snapshot, {
          ...form,
          chartPngBase64: linked.chartPng?.toString('base64'),
        });
        await renderSnapshotPdf(linked.snapshot, { ...form, chartPng: linked.chartPng });
      }
      const viewMs = cpuMs(viewsStart) / VIEWS;
      const requests = notion.requests.length;
      const minimum = Math.ceil(ITEMS / 100) + 1;
      return [
        {
          name: `Notion requests, ${ITEMS}-item client's week: Slack post, PDF, e-mail, ${VIEWS} link views`,
          value: requests,
          unit: 'requests',
          baseline: minimum,
          target: `≤ ${minimum} (the data read once per client and week)`,
          pass: requests <= minimum,
        },
        {
          name: `CPU to make all three forms (PDF, e-mail as MIME, page) from the kept report, ${ITEMS} items`,
          value: formsMs,
          unit: 'ms',
          target: '< 300 ms',
          pass: formsMs < 300,
        },
        {
          name: `CPU to read, build, keep and post a ${ITEMS}-item client's week to Slack (fakes in process)`,
          value: weekMs,
          unit: 'ms',
          baseline: readMs,
          target: `informational (the Notion read alone, fake Notion in process: ${Math.round(readMs)} ms)`,
          pass: true,
        },
        {
          name: `CPU per link view (page and PDF, from the store), ${ITEMS} items`,
          value: viewMs,
          unit: 'ms',
          target: '< 100 ms',
          pass: viewMs < 100,
        },
      ];
    } finally {
      await deps.store.close();
      await notion.stop();
      await slack.stop();
    }
  },
};
