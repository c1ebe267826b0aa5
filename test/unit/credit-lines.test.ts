import { describe, expect, it } from 'vitest';
import { isCreditLine, isSignatureLine, withoutCredits } from '../../src/domain/credit-lines.js';

describe('credit lines: photo credits, bylines, sources, copyright', () => {
  it.each([
    // Russian
    'Фото: пресс-служба МВД',
    'Фото пресс-службы МВД',
    'Фото из открытых источников',
    'Фото ДКНБ',
    'Иллюстративное фото',
    'Автор: Игорь Смирнов',
    'Автор фото: Нурлан Садыков',
    'Видео: ГУ МВД по Новосибирской области',
    'Источник: МВД РК',
    '© Report.az',
    'При использовании материалов гиперссылка на Report.az обязательна.',
    'При полном или частичном использовании материалов ссылка на 24.kg обязательна',
    // Kazakh, Kyrgyz, Uzbek, Tajik, Turkmen, Azerbaijani
    'Сурет: polisia.kz',
    'Фото: ҚР ІІМ баспасөз қызметі',
    'Сүрөт: ИИМдин басма сөз кызматы',
    'Surat: IIV matbuot xizmati',
    'Фото: ЎзА',
    'Muallif: Dilnoza Karimova',
    'Акс: Хадамоти матбуоти ВКД',
    'Муаллиф: Фарҳод Раҳимов',
    'Surat: TDH',
    'Foto: APA',
    'Müəllif: Elçin Məmmədov',
    // English
    'Photo: Reuters',
    'Photo by Jane Doe/AFP',
    'By Jane Doe and John Roe',
    'Copyright 2025 Trend News Agency',
  ])('drops %s', (line) => {
    expect(isCreditLine(line)).toBe(true);
  });

  it.each([
    'Фото задержанных показали журналистам.',
    'Фото и видео изъятых наркотиков прилагаются к материалам уголовного дела',
    'Источник в правоохранительных органах сообщил, что задержаны трое.',
    'Источник сообщил: задержаны трое жителей Оша',
    'Автомобиль остановили на посту «Кордай».',
    'By the end of the operation, police had seized 12 kilograms of heroin.',
    'By Aaron Humes: The Americas cannot ignore the risk of further surges',
    'Photographers were not allowed into the court room.',
    'Суратга олинган ҳужжатлар текширилмоқда.',
    'Аксҳо дар шабакаҳои иҷтимоӣ паҳн шуданд.',
  ])('keeps %s', (line) => {
    expect(isCreditLine(line)).toBe(false);
  });
});

describe('the signature under the text', () => {
  it.each(['Айгерим Сапарова', 'И. Петров', 'Dilnoza Karimova, UzA', 'Нурбек Асанов, Бишкек'])(
    '%s is a signature',
    (line) => {
      expect(isSignatureLine(line)).toBe(true);
    },
  );

  it.each([
    'Расследование продолжается',
    'Возбуждено уголовное дело.',
    'Задержанный Асанов дал признательные показания.',
  ])('%s is text', (line) => {
    expect(isSignatureLine(line)).toBe(false);
  });
});

describe('withoutCredits', () => {
  it('drops credit lines anywhere and the signature only as the last line', () => {
    const body = [
      'Фото: пресс-служба МВД',
      'Сотрудники полиции задержали жителя Бишкека с 2 кг гашиша.',
      'Айгерим Сапарова рассказала журналистам о ходе операции.',
      'Возбуждено уголовное дело.',
      'Айгерим Сапарова',
    ].join('\n');
    expect(withoutCredits(body)).toBe(
      [
        'Сотрудники полиции задержали жителя Бишкека с 2 кг гашиша.',
        'Айгерим Сапарова рассказала журналистам о ходе операции.',
        'Возбуждено уголовное дело.',
      ].join('\n'),
    );
  });

  it('cuts a credit glued after the last sentence of a paragraph, not one inside it', () => {
    expect(withoutCredits('Первый абзац.\nИзъято 3 кг героина. Фото: МВД')).toBe(
      'Первый абзац.\nИзъято 3 кг героина.',
    );
    const inside = 'Первый абзац.\nИзъято 3 кг героина. Фото: МВД. Задержаны двое.';
    expect(withoutCredits(inside)).toBe(inside);
  });

  it('leaves a one-line body whole', () => {
    expect(withoutCredits('Айгерим Сапарова')).toBe('Айгерим Сапарова');
  });
});
