import { APOSTROPHE_CLASS_BODY } from './text/apostrophes.js';

/**
 * Lines of an article body that are not its text: photo and video credits, bylines, source and copyright notes,
 * and the author's name signed under the last paragraph. News sites of the region print them as paragraphs of
 * their own («Фото: пресс-служба МВД», «Сурат: UzA», «Акс: Хадамоти матбуотӣ», «Автор: …», «© Report.az»),
 * so a text extractor keeps them unless it is told what they look like. Only whole short lines are dropped,
 * plus a credit glued after the last sentence of a paragraph; a sentence that merely starts with «Фото» stays.
 */

const LETTERS = `\\p{L}\\p{M}${APOSTROPHE_CLASS_BODY}`;
const WORD = `[${LETTERS}.-]+`;
// «Фото:», «Фото —», «Photo |», «Foto/»: the separator after a label.
const SEPARATOR = '\\s*[:：—–|/©-]';

// Photo, picture and video in the eight languages (ru, kk, ky, uz, tg, tk, az, en) and a few of the benchmark's.
const PICTURE_LABELS =
  'фото(?:графи[яи])?|фотосурет|сурет(?:тер)?|сүрөт(?:тө[рн])?|сурат(?:лар)?|surat(?:lar)?|акс(?:ҳо)?|видео|' +
  'illustration|иллюстраци[яи]|photo(?:s|graph)?|foto(?:s|ğraf)?|fotosurat|video|image|imagen|picture|bild(?:er)?';
// Byline, "prepared by", correspondent, editor and source labels.
const BYLINE_LABELS =
  'автор(?:ы|дун)?|author(?:s)?|муаллиф|muallif|müəllif|awtor|текст|matn|мәтін|подготовил[аи]?|tayyorladi|' +
  'тайёрлади|дайындаған|даярдаган|hazırladı|taýýarlan(?:dy)?|корреспондент|muxbir|мухбир|редактор|редакция|' +
  'источник|source|manba|mənbə|дереккөз|булак|сарчашма|çeşme|quelle|credit(?:s)?|reporting|editing|writing';

// A picture label may take two words before the separator («Фото с места происшествия:»); a byline label only
// says whose words («Автор фото:»): «Источник сообщил: …» opens a sentence.
const PICTURE_WITH_SEPARATOR = new RegExp(`^(?:${PICTURE_LABELS})(?:\\s+${WORD}){0,2}${SEPARATOR}`, 'iu');
const BYLINE_WITH_SEPARATOR = new RegExp(
  `^(?:${BYLINE_LABELS})(?:\\s+(?:фото|текста|материала|photos?|text))?${SEPARATOR}`,
  'iu',
);
// «Фото пресс-службы МВД», «Фото из открытых источников», «Photo by Jane Doe/AFP»: a label, then a word that
// says whose picture it is (a preposition of origin, a press service, an agency's acronym), then a few more.
const PICTURE_PHRASE = new RegExp(`^(?:${PICTURE_LABELS})\\s+(\\S+)(?:\\s+\\S+){0,6}$`, 'iu');
const CREDIT_CUE =
  /^(?:(?:by|from|via|courtesy|из|с|со|от|автора)$|credit|illustrat|пресс|предоставлен|архив|иллюстр|открыт)/iu;
const ACRONYM = /^\p{Lu}{2,}/u;
const ILLUSTRATIVE =
  /^(?:иллюстративное|архивное|иллюстрационное)\s+фото|^фото\s+(?:иллюстративное|архивное)/iu;
// English bylines without a colon: «By Jane Doe», «By Jane Doe and John Roe» (every word capitalised).
const ENGLISH_BYLINE =
  /^By\s+\p{Lu}[\p{L}'’.-]*(?:(?:\s+|\s*,\s*|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}'’.-]*){0,5}$/u;
const COPYRIGHT = /^(?:©|\(c\)\s|copyright\b)/iu;
const REUSE_NOTICE =
  /^при\s+(?:полном\s+или\s+частичном\s+)?(?:использовании|копировании|цитировании|перепечатке)\s.{0,120}обязательн/iu;
// The author signed under the text: «Айгерим Сапарова», «И. Петров», «Dilnoza Karimova, UzA» — capitalised
// words only, no sentence punctuation at the end.
const SIGNATURE = new RegExp(
  `^(?:\\p{Lu}[${LETTERS}.-]*\\s+){1,2}\\p{Lu}[${LETTERS}-]*(?:\\s*,\\s*[^.!?:;]{1,30})?$`,
  'u',
);
// A credit after the last sentence of a paragraph: «…возбуждено уголовное дело. Фото: МВД».
const TRAILING_CREDIT = new RegExp(`(?<=[.!?»"”])\\s+(?:${PICTURE_LABELS})${SEPARATOR}[^.!?]{1,60}$`, 'iu');

const MAX_CREDIT_CHARS = 150;
const MAX_PHRASE_CHARS = 80;
const MAX_SIGNATURE_CHARS = 60;

/** True for a line that credits a picture, names the author or the source, or states the copyright. */
export function isCreditLine(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > MAX_CREDIT_CHARS) return false;
  if (PICTURE_WITH_SEPARATOR.test(text) || BYLINE_WITH_SEPARATOR.test(text)) return true;
  if (COPYRIGHT.test(text) || REUSE_NOTICE.test(text) || ILLUSTRATIVE.test(text)) return true;
  if (text.length > MAX_PHRASE_CHARS || /[.!?]$/.test(text)) return false;
  return isPicturePhrase(text) || ENGLISH_BYLINE.test(text);
}

function isPicturePhrase(text: string): boolean {
  const cue = PICTURE_PHRASE.exec(text)?.[1];
  return cue !== undefined && (CREDIT_CUE.test(cue) || ACRONYM.test(cue));
}

/** A short line of capitalised words closing the text: the author's or the service's signature. */
export function isSignatureLine(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= MAX_SIGNATURE_CHARS && SIGNATURE.test(text);
}

/**
 * The body without credit lines, without a signature as its last line, and without a credit glued to the end
 * of a paragraph. A body of one line is left whole: there is nothing to tell its text from a credit.
 */
export function withoutCredits(body: string): string {
  const lines = body.split('\n');
  if (lines.length < 2) return body;
  const kept = lines.filter((line) => !isCreditLine(line)).map((line) => line.replace(TRAILING_CREDIT, ''));
  if (kept.length > 1 && isSignatureLine(kept[kept.length - 1] ?? '')) kept.pop();
  return kept.join('\n');
}
