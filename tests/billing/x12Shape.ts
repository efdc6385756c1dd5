import { X12Parser, type X12Interchange } from 'node-x12';

/**
 * Independent counts from a strict node-x12 parse, for assertions that do
 * not trust the generator's own checker.
 */
export function x12Shape(x12: string) {
  const interchange = new X12Parser(true).parse(x12) as X12Interchange;
  const group = interchange.functionalGroups[0];
  const transaction = group?.transactions[0];
  if (!group || !transaction) throw new Error('no transaction');

  const el = (values: { value: string }[]) => values.map((e) => e.value);
  const segs = transaction.segments.map((s) => ({
    tag: s.tag,
    v: el(s.elements),
  }));
  return {
    iea01: Number(el(interchange.trailer.elements)[0]),
    ge01: Number(el(group.trailer.elements)[0]),
    se01: Number(el(transaction.trailer.elements)[0]),
    groups: interchange.functionalGroups.length,
    transactionSets: group.transactions.length,
    stToSe: transaction.segments.length + 2,
    segs,
    hl: segs
      .filter((s) => s.tag === 'HL')
      .map((s) => s.v.slice(0, 4).join('*')),
    find: (tag: string) => segs.filter((s) => s.tag === tag).map((s) => s.v),
  };
}
