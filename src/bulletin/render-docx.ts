import {
  AlignmentType,
  Bookmark,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  PageReference,
  Paragraph,
  TabStopType,
  TextRun,
} from 'docx';
import type { Bulletin, BulletinEntry } from './assemble.js';
import { frontMatter, printedTitle, sectionAnchor } from './front-matter.js';
import { countryHeading, HOUSE_TEXTS } from './house-format.js';

const FONT = 'Times New Roman';
const BLUE = '1F3A68';
// A4 text width in twips (21 cm minus 2 × 2 cm margins): the contents' page numbers sit at its right edge.
const TEXT_WIDTH_TWIPS = 9638;

function centred(
  text: string,
  options: { bold?: boolean; size?: number; color?: string; before?: number } = {},
) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: options.before ?? 0, after: 120 },
    children: [
      new TextRun({
        text,
        bold: options.bold ?? false,
        size: options.size ?? 24,
        ...(options.color ? { color: options.color } : {}),
      }),
    ],
  });
}

function lines(texts: readonly string[], options: { bold?: boolean; alignment?: 'left' | 'center' } = {}) {
  return new Paragraph({
    alignment: options.alignment === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 200 },
    children: texts.map(
      (text, index) => new TextRun({ text, bold: options.bold ?? false, break: index > 0 ? 1 : 0 }),
    ),
  });
}

function titlePage(bulletin: Bulletin): Paragraph[] {
  const front = frontMatter(bulletin);
  return [
    ...front.acronym.map((line) => centred(line, { bold: true, size: 56, color: BLUE })),
    centred(front.centreName, { bold: true, before: 480 }),
    centred(front.releaseTitle, { bold: true, size: 52, color: BLUE, before: 1440 }),
    ...front.releaseSubtitle.map((line) => centred(line, { bold: true, size: 32 })),
    centred(front.periodShort, { size: 28, before: 480 }),
    centred(front.numberLabel, { bold: true, size: 40, before: 240 }),
    centred(front.placeAndYear, { before: 1440 }),
  ];
}

function editorialPage(bulletin: Bulletin): Paragraph[] {
  const front = frontMatter(bulletin);
  return [
    new Paragraph({ children: [new TextRun({ text: front.releaseHeader, bold: true })] }),
    lines(front.centreNameMixed),
    new Paragraph({ children: [new TextRun({ text: front.editorialAddress, bold: true })] }),
    lines(front.address),
    new Paragraph({ spacing: { after: 200 }, children: [new TextRun(front.publishedTitle)] }),
    new Paragraph({ children: [new TextRun(front.circulation)] }),
  ];
}

/** Contents: each country links to its heading, with its page number as a PAGEREF field Word fills in. */
function contents(bulletin: Bulletin): Paragraph[] {
  const front = frontMatter(bulletin);
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: front.contentsTitle, bold: true })],
    }),
    ...front.contents.map(
      ({ anchor, heading }) =>
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS }],
          children: [
            new InternalHyperlink({ anchor, children: [new TextRun({ text: heading, italics: true })] }),
            new TextRun('\t'),
            new PageReference(anchor),
          ],
        }),
    ),
  ];
}

function countsLine(bulletin: Bulletin): Paragraph {
  const parts = bulletin.countsLineParts;
  const runs = parts
    ? [
        new TextRun(`${parts.lead} (`),
        new TextRun({ text: parts.perCountry, italics: true }),
        new TextRun(').'),
      ]
    : [new TextRun(bulletin.countsLine)];
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { before: 360, after: 120 },
    children: runs,
  });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { after: 120 },
    children: text.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 })),
  });
}

function entryParagraphs(entry: BulletinEntry, bulletin: Bulletin): Paragraph[] {
  const paragraphs = [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 200 },
      children: [new TextRun({ text: printedTitle(entry.title, bulletin.lang), bold: true })],
    }),
    ...entry.body
      .split(/\n{2,}/)
      .filter(Boolean)
      .map(bodyParagraph),
  ];
  if (entry.url) {
    paragraphs.push(
      new Paragraph({
        spacing: { after: 240 },
        children: [
          new TextRun('<'),
          new ExternalHyperlink({
            link: entry.url,
            children: [new TextRun({ text: entry.url, style: 'Hyperlink' })],
          }),
          new TextRun('>'),
        ],
      }),
    );
  }
  return paragraphs;
}

function countryHeadingParagraph(anchor: string, text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    alignment: AlignmentType.CENTER,
    spacing: { before: 480, after: 240 },
    children: [new Bookmark({ id: anchor, children: [new TextRun({ text, bold: true })] })],
  });
}

function closingBlock(bulletin: Bulletin): Paragraph[] {
  const front = frontMatter(bulletin);
  return [
    new Paragraph({
      spacing: { before: 720 },
      border: { top: { style: 'single', size: 6, color: '000000', space: 6 } },
      children: [],
    }),
    lines(front.centreNameMixed),
    lines(front.address),
  ];
}

/** The release as a Word document: title page, editorial page, contents, items, address; page numbers below. */
export async function renderDocx(bulletin: Bulletin): Promise<Buffer> {
  const front = frontMatter(bulletin);
  const items: Paragraph[] = [
    countsLine(bulletin),
    ...bulletin.topics
      .split(/\n{2,}/)
      .filter(Boolean)
      .map(bodyParagraph),
  ];
  for (const section of bulletin.sections) {
    items.push(
      countryHeadingParagraph(sectionAnchor(section.country), countryHeading(section.country, bulletin.lang)),
    );
    for (const entry of section.items) items.push(...entryParagraphs(entry, bulletin));
  }
  if (bulletin.other.length > 0) {
    items.push(countryHeadingParagraph('country-other', front.otherHeading));
    items.push(new Paragraph({ children: [new TextRun({ text: front.otherNote, italics: true })] }));
    for (const entry of bulletin.other) items.push(...entryParagraphs(entry, bulletin));
  }
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [`${HOUSE_TEXTS[bulletin.lang].page} `, PageNumber.CURRENT] })],
      }),
    ],
  });
  const document = new Document({
    title: `${front.releaseTitle} ${front.numberLabel} ${front.periodShort}`,
    creator: 'Bulletin Harvester',
    // Word fills the contents' PAGEREF fields when it opens the file.
    features: { updateFields: true },
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      // The title page has no page number, as in the printed release.
      { children: titlePage(bulletin) },
      {
        properties: { page: { pageNumbers: { start: 1 } } },
        footers: { default: footer },
        children: [...editorialPage(bulletin), ...contents(bulletin), ...items, ...closingBlock(bulletin)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
