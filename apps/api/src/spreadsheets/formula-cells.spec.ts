import { neutralizeFormula } from './formula-cells';

describe('neutralizeFormula', () => {
  it.each(['=1+1', '+84 912', '-5', '@SUM(A1)', '\t=1', '\r=1'])(
    'quotes %j so a spreadsheet shows it as text',
    (cell) => {
      expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    },
  );

  it.each(['11.C.1', 'Bảo hiểm xã hội = an sinh', '', 'a-b', "'already"])(
    'leaves %j as it is',
    (cell) => {
      expect(neutralizeFormula(cell)).toBe(cell);
    },
  );
});
