import { mentionedEmails } from './mentions';

describe('mentionedEmails', () => {
  it('finds @email tokens anywhere in the text, lower-cased and once each', () => {
    expect(
      mentionedEmails('@Union@Demo.test xin ý kiến, cc (@viewer@demo.test). @union@demo.test!'),
    ).toEqual(['union@demo.test', 'viewer@demo.test']);
  });

  it('ignores plain addresses and a lone @', () => {
    expect(mentionedEmails('write to union@demo.test or @ me, or @someone')).toEqual([]);
  });

  it('stops before trailing punctuation', () => {
    expect(mentionedEmails('thanks @official@demo.test.')).toEqual(['official@demo.test']);
  });
});
