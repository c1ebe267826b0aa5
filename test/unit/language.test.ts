import { describe, expect, it } from 'vitest';
import { detectLanguage, detectScript } from '../../src/domain/language.js';
import type { Language, Script } from '../../src/domain/types.js';

interface Example {
  lang: Language;
  script: Script;
  text: string;
}

/** Our own drug-news-like sentences: one long and one headline-length example per language and script. */
const examples: Example[] = [
  {
    lang: 'rus',
    script: 'Cyrl',
    text: 'Сотрудники полиции задержали в Москве двух мужчин, подозреваемых в сбыте синтетических наркотиков через интернет.',
  },
  { lang: 'rus', script: 'Cyrl', text: 'В Бишкеке изъяли крупную партию героина' },
  {
    lang: 'kaz',
    script: 'Cyrl',
    text: 'Алматы облысында полиция қызметкерлері есірткі сатумен айналысқан қылмыстық топты ұстады. Тінту кезінде 20 келіден астам героин тәркіленді.',
  },
  { lang: 'kaz', script: 'Cyrl', text: 'Шекарада есірткі тәркіленді' },
  {
    lang: 'kir',
    script: 'Cyrl',
    text: 'Бишкек шаарында милиция кызматкерлери баңгизат саткан эки адамды кармашты. Тинтүү учурунда алардан беш килограмм гашиш табылды.',
  },
  { lang: 'kir', script: 'Cyrl', text: 'Ош шаарында баңгизат кармалды' },
  {
    lang: 'tgk',
    script: 'Cyrl',
    text: 'Кормандони Агентии назорати маводи нашъадор дар ноҳияи Ҳисор ду нафарро бо 10 килограмм ҳероин боздошт карданд.',
  },
  { lang: 'tgk', script: 'Cyrl', text: 'Дар Душанбе қочоқчиёни маводи мухаддир боздошт шуданд' },
  {
    lang: 'uzb',
    script: 'Latn',
    text: 'Toshkent shahrida ichki ishlar xodimlari giyohvand moddalar savdosi bilan shugʻullangan guruhni qoʻlga olishdi. Tintuv paytida 3 kilogramm geroin topildi.',
  },
  { lang: 'uzb', script: 'Latn', text: 'Chegarada giyohvand modda musodara qilindi' },
  {
    lang: 'uzb',
    script: 'Cyrl',
    text: 'Тошкент шаҳрида ички ишлар ходимлари гиёҳванд моддалар савдоси билан шуғулланган гуруҳни қўлга олишди. Тинтув пайтида 3 килограмм героин топилди.',
  },
  { lang: 'uzb', script: 'Cyrl', text: 'Чегарада гиёҳванд модда бўйича тадбир ўтказилди' },
  {
    lang: 'tuk',
    script: 'Latn',
    text: 'Aşgabat şäherinde polisiýa işgärleri neşe serişdelerini satmak bilen meşgullanan toparyň agzalaryny tussag etdiler. Gözleg wagtynda 5 kilogram geroin tapyldy.',
  },
  { lang: 'tuk', script: 'Latn', text: 'Serhetde neşe serişdesi ele salyndy' },
  {
    lang: 'tuk',
    script: 'Cyrl',
    text: 'Ашгабат шәхеринде полиция ишгәрлери неше серишделерини сатмак билен мешгулланан топарың агзаларыны туссаг этдилер. Гөзлег вагтында 5 килограм героин тапылды.',
  },
  {
    lang: 'aze',
    script: 'Latn',
    text: 'Bakıda polis əməkdaşları narkotik vasitələrin satışı ilə məşğul olan qrupun üzvlərini saxlayıb. Axtarış zamanı onlardan 2 kiloqram heroin götürülüb.',
  },
  { lang: 'aze', script: 'Latn', text: 'Sərhəddə narkotik aşkarlandı' },
  {
    lang: 'aze',
    script: 'Cyrl',
    text: 'Бакыда полис әмәкдашлары наркотик васитәләрин сатышы илә мәшғул олан групун үзвләрини сахлајыб. Ахтарыш заманы онлардан 2 килограм һероин ҝөтүрүлүб.',
  },
  {
    lang: 'eng',
    script: 'Latn',
    text: 'Police in Almaty seized more than 20 kilograms of heroin and detained three suspects, the interior ministry said on Tuesday.',
  },
  { lang: 'eng', script: 'Latn', text: 'Border guards seize heroin shipment' },
  {
    lang: 'kaz',
    script: 'Latn',
    text: 'Qazaqstan Respýblıkasy Ishki ister mınıstrliginiń málimetinshe, esirtki satýmen aınalysqan qylmystyq top ustaldy. Sot qylmystyq toptyń jetekshisin on jylǵa bas bostandyǵynan aıyrdy.',
  },
  { lang: 'kaz', script: 'Latn', text: 'Jasóspirimder arasynda sıntetıkalyq esirtki tutyný kóbeıdi' },
  { lang: 'kaz', script: 'Latn', text: 'Shekarada esirtki tárkilendi' },
  {
    lang: 'kaz',
    script: 'Arab',
    text: 'قازاقستان پوليتسياسى ۇلكەن پارتيا ەسىرتكى ۇستادى. سوت قىلمىستىق توپتىڭ جەتەكشىسىن ون جىلعا باس بوستاندىعىنان ايىردى.',
  },
  { lang: 'kaz', script: 'Arab', text: 'شەكارادا 500 كيلوگرامنان استام ەسىرتكى ۇستالدى' },
];

describe('detectLanguage', () => {
  it.each(examples)('tells $lang in $script: $text', ({ lang, script, text }) => {
    const result = detectLanguage({ text });
    expect(result).toMatchObject({ lang, script });
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it('reads title and body together', () => {
    // The title alone is plain Cyrillic; the Kazakh body decides.
    const result = detectLanguage({ title: 'Наркотики', text: 'Шекарада есірткі тәркіленді' });
    expect(result.lang).toBe('kaz');
  });

  it('accepts every apostrophe Uzbek writers type for oʻ and gʻ', () => {
    for (const apostrophe of ["'", '‘', '’', 'ʻ', '`']) {
      const text = `Samarqand viloyatida noqonuniy yo${apostrophe}l bilan olib o${apostrophe}tilgan dorilar topildi`;
      expect(detectLanguage({ text }).lang).toBe('uzb');
    }
  });

  it('reads Latin i typed for Kazakh і inside Cyrillic words', () => {
    const text = 'Полиция қызметкерлерi есiрткi сатумен айналысқан топты ұстады';
    expect(detectLanguage({ text }).lang).toBe('kaz');
  });

  it.each([
    ['empty text', ''],
    ['blank text', '   \n '],
    ['digits and punctuation', '12345 67-89, 2024.'],
    ['too few letters', 'Ош'],
  ])('answers und with no confidence for %s', (_, text) => {
    expect(detectLanguage({ text })).toMatchObject({ lang: 'und', confidence: 0 });
  });

  it.each([
    [
      'German',
      'Die Polizei hat in Hamburg mehr als zwei Tonnen Kokain beschlagnahmt und drei Verdächtige festgenommen, die über Jahre Drogen verkauft haben sollen.',
    ],
    [
      'Ukrainian',
      'Поліція затримала двох чоловіків, які перевозили наркотики через кордон, повідомляє прес-служба відомства.',
    ],
    [
      'Turkish',
      "Polis, İstanbul'da düzenlediği operasyonda 50 kilogram eroin ele geçirdi ve uyuşturucu kaçakçılığı şebekesine yönelik soruşturmada 12 şüpheliyi gözaltına aldı.",
    ],
    [
      'Persian',
      'وزارت کشور ایران اعلام کرد که پلیس در مرز شرقی کشور مقدار زیادی مواد مخدر کشف و ضبط کرده است',
    ],
  ])('answers und for %s rather than the nearest language of ours', (_, text) => {
    expect(detectLanguage({ text }).lang).toBe('und');
  });

  describe('declared source languages', () => {
    // Reads the same in Kazakh and Kyrgyz: "a person was injured".
    const ambiguousTitle = { title: 'Адам жараланды', text: '' };

    it('break the tie on a short title that Kazakh and Kyrgyz share', () => {
      expect(detectLanguage(ambiguousTitle, { declared: ['kaz'] }).lang).toBe('kaz');
      expect(detectLanguage(ambiguousTitle, { declared: ['kir'] }).lang).toBe('kir');
    });

    it('raise the confidence in the declared language', () => {
      const plain = detectLanguage(ambiguousTitle);
      const declared = detectLanguage(ambiguousTitle, { declared: [plain.lang as Language] });
      expect(declared.confidence).toBeGreaterThan(plain.confidence);
    });

    it('never override clear evidence', () => {
      const text = 'Шекарада есірткі тәркіленді';
      expect(detectLanguage({ text }, { declared: ['kir'] }).lang).toBe('kaz');
      expect(
        detectLanguage({ text: 'Border guards seize heroin shipment' }, { declared: ['uzb'] }).lang,
      ).toBe('eng');
    });
  });

  describe('allowed languages', () => {
    it('narrow the choice on an ambiguous text', () => {
      expect(detectLanguage({ text: 'Адам жараланды' }, { allowed: ['rus', 'kaz'] }).lang).toBe('kaz');
    });

    it('answer und when the text is clearly another language of ours', () => {
      const text =
        'Алматы облысында полиция қызметкерлері есірткі сатумен айналысқан қылмыстық топты ұстады.';
      expect(detectLanguage({ text }, { allowed: ['rus'] }).lang).toBe('und');
    });

    it('answer und when no allowed language writes the script', () => {
      expect(detectLanguage({ text: 'Border guards seize heroin shipment' }, { allowed: ['rus'] }).lang).toBe(
        'und',
      );
    });
  });
});

describe('detectScript', () => {
  it.each([
    ['Шекарада есірткі тәркіленді', 'Cyrl'],
    ['Chegarada giyohvand modda musodara qilindi', 'Latn'],
    ['شەكارادا ەسىرتكى ۇستالدى', 'Arab'],
    ['2024-05-01 12:00', 'Zyyy'],
    ['', 'Zyyy'],
  ] as const)('%s → %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });

  it('goes by the majority of letters in mixed text', () => {
    expect(detectScript('Компания Philip Morris сообщила о росте продаж')).toBe('Cyrl');
  });
});

describe('detectLanguage on seizure reports and posts with links', () => {
  it('reads the separating ъ of изъять as Russian, not as the Bulgarian vowel', () => {
    const report = {
      title: 'Полиция изъяла партию мефедрона',
      text: 'Сотрудники управления по противодействию наркопреступности задержали мужчину. При досмотре у него изъяли три килограмма героина. Изъят мефедрон.',
    };
    expect(detectLanguage(report).lang).toBe('rus');
  });

  it('does not let the Latin letters of a link outvote a short Russian text', () => {
    const post =
      'ЛСД впервые применили для лечения тревожности у собак https://naked-science.ru/article/biology/lsd-trevozhnost-u-sobak';
    expect(detectLanguage({ text: post }).lang).toBe('rus');
  });
});

describe('detectLanguage on English reports full of Uzbek place names', () => {
  // Names keep the letters of the language they come from (q, x, oʻ of Uzbek Latin); the English words around
  // them must decide. Reports written for this test in the style of the region's English-language outlets.
  it.each([
    'Seizure in Tashkent. Police seized 700 grams of opium in Qashqadaryo and Surxondaryo.',
    'Police in Tashkent seized 700 grams of opium. The suspect, a resident of Qo‘qon, was detained in Yunusobod.',
    'Officers in Yashnobod district of Tashkent seized 700 grams of opium. A criminal case was opened against the Xorazm native.',
    'Uzbek police seized 700 grams of opium in Tashkent. Two residents of Qashqadaryo were arrested.',
  ])('%s', (text) => {
    expect(detectLanguage({ text }).lang).toBe('eng');
  });

  it('still reads Uzbek whose words, not only its names, are Uzbek', () => {
    const text =
      'Toshkentda 700 gramm qoradori musodara qilindi. Gumonlanuvchi Qashqadaryo viloyatida qo‘lga olindi.';
    expect(detectLanguage({ text }).lang).toBe('uzb');
  });

  it('still reads an Azerbaijani headline whose names carry its letters', () => {
    expect(detectLanguage({ text: 'Sərhəddə Qərbi Azərbaycan sakinindən heroin götürülüb' }).lang).toBe(
      'aze',
    );
  });
});

describe('detectLanguage on Kazakh in the Latin alphabet of 2021', () => {
  // ä ğ ñ ö ş ü as in Turkish, ū for ұ, ı for і: without its own table the alphabet read as Azerbaijani or none.
  it.each([
    'Qazaqstanda jaña zañ qabyldandy: esırtkı satqandarğa jaza küşeiedı.',
    'Elımızde esırtkı qylmystarynyñ sany azaidy, dep habarlady İşkı ıster mınıstrlıgı.',
    'Dükennen telefon ūrlağan jıgıt ūstaldy, onyñ ısı sotqa joldandy.',
  ])('%s', (text) => {
    expect(detectLanguage({ text }).lang).toBe('kaz');
  });

  it('leaves Turkish, which shares most of those letters, to the foreign languages', () => {
    const text =
      "Polis, İstanbul'da düzenlenen operasyonda 50 kilogram eroin ele geçirdi ve üç şüpheliyi gözaltına aldı.";
    expect(detectLanguage({ text }).lang).toBe('und');
  });
});
