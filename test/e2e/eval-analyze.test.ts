import { describe, expect, it } from 'vitest';
import { analyzeThroughCli } from '../../scripts/eval.js';

const seizure = {
  title: 'В Шымкенте у наркокурьера изъяли 3 кг героина',
  text: 'Полицейские Туркестанской области задержали 34-летнего жителя Шымкента и изъяли три килограмма героина.',
};

describe('harvest analyze as npm run eval drives it', () => {
  it('answers by id, ignores published_at (analysis is per item) and rejects a date that is not one', async () => {
    const answers = await analyzeThroughCli([
      { id: 'plain', ...seizure },
      { id: 'dated', ...seizure, published_at: '2025-09-18T10:00:00+05:00' },
      { id: 'bad-date', ...seizure, published_at: 'yesterday-ish' },
    ]);
    const { id: _plain, ...plain } = answers.get('plain')!;
    const { id: _dated, ...dated } = answers.get('dated')!;
    expect(plain).toMatchObject({ lang: 'rus', relevant: true, country: 'KZ' });
    expect(dated).toEqual(plain);
    expect(answers.get('bad-date')).toMatchObject({
      error: expect.stringMatching(/published_at must be a date/),
    });
  });
});
