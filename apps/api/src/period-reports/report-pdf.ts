import type { CommitmentStatus, Locale } from '@spct/contracts';
import { COMMITMENT_STATUSES } from '@spct/contracts';
import PDFDocument from 'pdfkit';
import { enumLabel } from '../spreadsheets/enum-labels';
import type {
  PositionTally,
  ReportEvidence,
  ReportIndicator,
  ReportItem,
  ReportPosition,
  ReportSummary,
} from './period-reports.repository';
import { POSITION_LABELS, REPORT_TEXT, type ReportText } from './report-text';

// DejaVu Sans has every Vietnamese letter (precomposed and combining); the subset of the glyphs
// used is embedded, so any reader shows the diacritics.
export const FONTS = {
  body: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

const MARGIN = 50;
const INK = '#1a1a1a';
const MUTED = '#5c5c5c';
const LINK = '#1c5fb8';
const STATUS_COLORS: Record<CommitmentStatus, string> = {
  NOT_STARTED: '#9e9e9e',
  ON_TRACK: '#2e7d32',
  AT_RISK: '#f9a825',
  OFF_TRACK: '#c62828',
  COMPLETED: '#1565c0',
  DISCONTINUED: '#6d4c41',
};

type Style = 'title' | 'h1' | 'h2' | 'body' | 'bold' | 'small';
const STYLES: Record<Style, { font: keyof typeof FONTS; size: number }> = {
  title: { font: 'bold', size: 22 },
  h1: { font: 'bold', size: 15 },
  h2: { font: 'bold', size: 11 },
  body: { font: 'body', size: 9.5 },
  bold: { font: 'bold', size: 9.5 },
  small: { font: 'body', size: 8 },
};

export interface CoverInfo {
  workspaceName: string;
  /** "2026-Q3" or null for a date range. */
  periodKey: string | null;
  startsOn: Date;
  endsOn: Date;
  /** Each filter as a label and the names of its values; empty: no filter. */
  filters: { label: string; values: string[] }[];
  summary: ReportSummary;
}

/**
 * The period report as pdfkit draws it, section by section, so that the caller can feed the
 * commitments batch by batch while the bytes stream out. Nothing in it depends on the clock or on
 * chance: the same data gives the same document.
 */
export class ReportPdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly text: ReportText;
  private readonly number: Intl.NumberFormat;
  private readonly date: Intl.DateTimeFormat;
  private current: { style: Style; color: string } = { style: 'body', color: INK };
  private pages = 0;
  private footerText = '';

  constructor(
    private readonly locale: Locale,
    info: { title: string; asOf: Date },
  ) {
    this.text = REPORT_TEXT[locale];
    this.number = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      maximumFractionDigits: 2,
    });
    this.date = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: 'UTC',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      lang: locale,
      displayTitle: true,
      autoFirstPage: false,
      info: {
        Title: info.title,
        Creator: 'Social Protection Commitments Tracker',
        Producer: 'Social Protection Commitments Tracker',
        // From the data, not the clock: a document made again from the same data is the same.
        CreationDate: info.asOf,
        ModDate: info.asOf,
      },
    });
    this.doc.registerFont('body', FONTS.body);
    this.doc.registerFont('bold', FONTS.bold);
    this.doc.on('pageAdded', () => this.footer());
  }

  cover(info: CoverInfo): void {
    const t = this.text;
    const period = this.periodLabel(info);
    this.footerText = `${t.title} · ${period}`;
    this.doc.addPage();
    this.doc.y = 180;
    this.write('title', t.title);
    this.write('h2', t.subtitle, { color: MUTED });
    this.doc.moveDown(2);
    this.write('h1', info.workspaceName);
    this.doc.moveDown(1);
    this.field(info.periodKey ? t.period : t.dateRange, period);
    if (info.filters.length === 0) this.field(t.filters, t.allItems);
    for (const filter of info.filters) this.field(filter.label, filter.values.join(', '));
    this.field(t.items, this.number.format(info.summary.total));
    if (info.summary.asOf) this.field(t.asOf, this.date.format(info.summary.asOf));
  }

  summary(summary: ReportSummary): void {
    const t = this.text;
    this.doc.addPage();
    this.write('h1', t.summary);
    this.doc.moveDown(0.5);
    if (summary.total === 0) {
      this.write('body', t.noItems);
      return;
    }
    this.write('h2', t.byStatus);
    this.doc.moveDown(0.3);
    const counts = new Map(summary.byStatus.map((s) => [s.status, s.items]));
    const most = Math.max(1, ...counts.values());
    // A bar chart drawn as vector shapes: one bar per status, its length the count.
    for (const status of COMMITMENT_STATUSES) {
      const count = counts.get(status) ?? 0;
      const y = this.doc.y;
      this.write('body', enumLabel('status', status, this.locale), { x: MARGIN, width: 120 });
      const width = (count / most) * 280;
      if (count > 0) this.doc.rect(MARGIN + 130, y + 1, width, 10).fill(STATUS_COLORS[status]);
      this.write('bold', this.number.format(count), { x: MARGIN + 136 + width, y, width: 60 });
      this.doc.x = MARGIN;
      this.doc.y = Math.max(this.doc.y, y + 16);
    }
    this.doc.moveDown(1);
    this.write('h2', t.byFramework);
    this.doc.moveDown(0.3);
    for (const f of summary.byFramework) {
      this.room(34);
      const y = this.doc.y;
      const title = this.locale === 'vi' ? f.titleVi : f.titleEn;
      this.write('bold', `${f.code} — ${title}`, { x: MARGIN });
      const barY = this.doc.y + 2;
      this.doc.rect(MARGIN, barY, 280, 8).fill('#e0e0e0');
      this.doc.rect(MARGIN, barY, (Math.min(100, f.progress) / 100) * 280, 8).fill('#1565c0');
      this.write(
        'body',
        `${t.progress}: ${this.percent(f.progress)} · ${t.items}: ${this.number.format(f.items)} · ${t.completed}: ${this.number.format(f.completed)}`,
        { x: MARGIN + 290, y: barY - 1 },
      );
      this.doc.x = MARGIN;
      this.doc.y = Math.max(this.doc.y, y) + 4;
    }
  }

  commitmentsHeading(): void {
    this.doc.addPage();
    this.write('h1', this.text.commitments);
    this.doc.moveDown(0.5);
  }

  item(
    item: ReportItem,
    evidence: ReportEvidence[],
    indicators: ReportIndicator[],
    links: (e: ReportEvidence) => string | null,
  ): void {
    const t = this.text;
    this.room(80);
    this.doc
      .moveTo(MARGIN, this.doc.y)
      .lineTo(this.doc.page.width - MARGIN, this.doc.y)
      .lineWidth(0.5)
      .stroke('#bdbdbd');
    this.doc.moveDown(0.4);
    const title = this.locale === 'vi' ? item.titleVi : item.titleEn;
    this.write('h2', `${item.frameworkCode} ${item.reference} — ${title}`);
    const change =
      item.previousProgress === null || item.previousPeriod === null
        ? t.noPrevious
        : t.change(this.signed(item.progress - item.previousProgress), item.previousPeriod);
    this.write(
      'body',
      `${t.status}: ${enumLabel('status', item.status, this.locale)} · ${t.progress}: ${this.percent(item.progress)} (${change})`,
    );
    if (item.leadOrg) this.write('body', `${t.lead}: ${item.leadOrg}`, { color: MUTED });
    this.doc.moveDown(0.3);
    if (item.narrative !== null && item.reportPeriod !== null) {
      this.write('bold', t.narrative(item.reportPeriod));
      this.write('body', item.narrative);
    } else {
      this.write('body', t.noNarrative, { color: MUTED });
    }
    this.doc.moveDown(0.3);
    this.write('bold', t.evidence);
    if (evidence.length === 0) this.write('body', t.noEvidence, { color: MUTED });
    for (const e of evidence) {
      const link = links(e);
      this.write('body', `• ${e.title}${e.fileName ? ` (${e.fileName})` : ''}`, {
        continued: link !== null,
      });
      if (link) this.write('small', ` ${link}`, { color: LINK, link, underline: true });
    }
    if (indicators.length > 0) {
      this.doc.moveDown(0.3);
      this.write('bold', t.indicators);
      for (const i of indicators) this.write('body', `• ${this.indicatorLine(i)}`);
    }
    this.doc.moveDown(0.8);
  }

  annex(tally: PositionTally[]): void {
    const t = this.text;
    this.doc.addPage();
    this.write('h1', t.annex);
    this.doc.moveDown(0.5);
    if (tally.length === 0) {
      this.write('body', t.noPositions);
      return;
    }
    const kinds = ['AGREE', 'RESERVATION', 'DISAGREE'] as const;
    const columns = [MARGIN, MARGIN + 150, MARGIN + 260, MARGIN + 370];
    const header = this.doc.y;
    this.write('bold', t.organization, { x: columns[0], y: header, width: 140 });
    kinds.forEach((kind, i) =>
      this.write('bold', POSITION_LABELS[kind][this.locale], {
        x: columns[i + 1],
        y: header,
        width: 105,
      }),
    );
    this.doc.y = header + 16;
    for (const row of tally) {
      this.room(16);
      const y = this.doc.y;
      this.write('body', row.organization, { x: columns[0], y, width: 140 });
      kinds.forEach((kind, i) =>
        this.write('body', this.number.format(row[kind]), { x: columns[i + 1], y, width: 105 }),
      );
      this.doc.x = MARGIN;
      this.doc.y = y + 14;
    }
    this.doc.moveDown(1);
  }

  /** The positions of a batch of items; `last` is the item the previous batch ended with. */
  positions(positions: ReportPosition[], last: string | null): string | null {
    for (const p of positions) {
      if (p.commitmentId !== last) {
        this.room(50);
        this.doc.moveDown(0.4);
        const title = this.locale === 'vi' ? p.titleVi : p.titleEn;
        this.write('h2', `${p.frameworkCode} ${p.reference} — ${title}`);
        last = p.commitmentId;
      }
      this.write(
        'bold',
        `${p.organization}: ${POSITION_LABELS[p.position][this.locale]} (${this.date.format(p.decidedOn)})`,
      );
      if (p.rationale) this.write('body', p.rationale);
    }
    return last;
  }

  end(): void {
    this.doc.end();
  }

  private indicatorLine(i: ReportIndicator): string {
    const t = this.text;
    const [name, unit] = this.locale === 'vi' ? [i.nameVi, i.unitVi] : [i.nameEn, i.unitEn];
    const value = (v: number) => `${this.number.format(v)} ${unit}`;
    const latest =
      i.latestValue === null || i.latestOn === null
        ? t.noValue
        : `${value(i.latestValue)} (${this.date.format(i.latestOn)})`;
    return `${name}: ${t.latest} ${latest}; ${t.target} ${value(i.targetValue)} (${i.targetYear}); ${t.baseline} ${value(i.baselineValue)} (${i.baselineYear})`;
  }

  private periodLabel(info: Pick<CoverInfo, 'periodKey' | 'startsOn' | 'endsOn'>): string {
    const range = `${this.date.format(info.startsOn)} – ${this.date.format(info.endsOn)}`;
    return info.periodKey ? `${info.periodKey} (${range})` : range;
  }

  private field(label: string, value: string): void {
    this.write('bold', `${label}: `, { continued: true });
    this.write('body', value);
    this.doc.moveDown(0.2);
  }

  private percent(value: number): string {
    return `${this.number.format(value)}%`;
  }

  private signed(delta: number): string {
    return delta > 0 ? `+${this.number.format(delta)}` : this.number.format(delta);
  }

  /** Starts a new page unless `height` points are left on this one. */
  private room(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) {
      this.doc.addPage();
    }
  }

  private write(
    style: Style,
    text: string,
    options: PDFKit.Mixins.TextOptions & { x?: number; y?: number; color?: string } = {},
  ): void {
    const { x, y, color = INK, ...rest } = options;
    this.apply(style, color);
    if (x !== undefined || y !== undefined)
      this.doc.text(text, x ?? this.doc.x, y ?? this.doc.y, rest);
    else this.doc.text(text, rest);
  }

  private apply(style: Style, color: string): void {
    this.current = { style, color };
    this.doc.font(STYLES[style].font).fontSize(STYLES[style].size).fillColor(color);
  }

  /**
   * The running footer, drawn when a page starts; a text that flows onto the new page goes on in
   * the style it had, which is put back afterwards.
   */
  private footer(): void {
    this.pages += 1;
    const { doc } = this;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(STYLES.small.font)
      .fontSize(STYLES.small.size)
      .fillColor(MUTED)
      .text(`${this.footerText} · ${this.text.page} ${this.pages}`, MARGIN, doc.page.height - 32, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
    doc.x = MARGIN;
    doc.y = doc.page.margins.top;
    this.apply(this.current.style, this.current.color);
  }
}
