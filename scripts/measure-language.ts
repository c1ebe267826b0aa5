/**
 * Measures detectLanguage on the shared language-identification set: accuracy per language and a confusion
 * list for the NTREX sentences, the NTREX headlines and the UDHR paragraphs (script variants).
 * Usage: node --import tsx scripts/measure-language.ts [eval-dir] [--show-errors]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage } from '../src/domain/language.js';
import type { DetectedLanguage, Language } from '../src/domain/types.js';
import { languageCodes } from '../src/domain/types.js';

interface Sample {
  expected: Language;
  file: string;
  text: string;
}

interface SetReport {
  name: string;
  correct: number;
  total: number;
}

const args = process.argv.slice(2);
const showErrors = args.includes('--show-errors');
const evalDir = args.find((arg) => !arg.startsWith('--')) ?? '/work/shared/eval/langid';

/** UDHR files are named by franc-style code and script (uzn_cyrl); the language is the part before `_`. */
const udhrLanguage: Readonly<Record<string, Language>> = { uzn: 'uzb', azj: 'aze' };

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

function perLanguageFiles(dir: string): Sample[] {
  return languageCodes.flatMap((lang) =>
    readLines(join(dir, `${lang}.txt`)).map((text) => ({ expected: lang, file: lang, text })),
  );
}

function udhrFiles(dir: string): Sample[] {
  return readdirSync(dir)
    .filter((name) => /^[a-z]{3}(_[a-z]{4})?\.txt$/.test(name))
    .flatMap((name) => {
      const file = name.replace('.txt', '');
      const code = file.split('_')[0]!;
      const expected = (udhrLanguage[code] ?? code) as Language;
      return readLines(join(dir, name)).map((text) => ({ expected, file, text }));
    });
}

function measure(name: string, samples: readonly Sample[]): SetReport {
  const byFile = new Map<string, { correct: number; total: number }>();
  const confusions = new Map<string, number>();
  let correct = 0;
  for (const sample of samples) {
    const got: DetectedLanguage = detectLanguage({ text: sample.text }).lang;
    const tally = byFile.get(sample.file) ?? { correct: 0, total: 0 };
    tally.total++;
    if (got === sample.expected) {
      tally.correct++;
      correct++;
    } else {
      const key = `${sample.file} → ${got}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
      if (showErrors) console.log(`  ✗ ${key}: ${sample.text}`);
    }
    byFile.set(sample.file, tally);
  }
  console.log(`\n${name}: ${correct}/${samples.length} = ${(correct / samples.length).toFixed(4)}`);
  for (const [file, tally] of byFile) {
    console.log(
      `  ${file.padEnd(9)} ${tally.correct}/${tally.total} = ${(tally.correct / tally.total).toFixed(3)}`,
    );
  }
  const confusionList = [...confusions].sort((a, b) => b[1] - a[1]);
  if (confusionList.length > 0) {
    console.log(`  confusions: ${confusionList.map(([key, count]) => `${key} ×${count}`).join(', ')}`);
  }
  return { name, correct, total: samples.length };
}

const reports = [
  measure('sentences', perLanguageFiles(evalDir)),
  measure('headlines', perLanguageFiles(join(evalDir, 'headlines'))),
  measure('udhr', udhrFiles(join(evalDir, 'udhr'))),
];
console.log(`\n${reports.map((r) => `${r.name} ${(r.correct / r.total).toFixed(4)}`).join(' | ')}`);
