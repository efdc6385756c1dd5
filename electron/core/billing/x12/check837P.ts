import { X12Parser, type X12Interchange, type X12Segment } from 'node-x12';
import { AppError } from '../../../contract/errors';
import { isValidNpi } from '../npi';

export interface HlNode {
  id: number;
  parent: number | null;
  level: string;
  hasChild: boolean;
}

/** What a strict read of an 837P found; `problems` empty means it passed. */
export interface Check837PReport {
  interchanges: 1;
  groups: number;
  transactionSets: number;
  claims: number;
  hl: HlNode[];
  /** Structure: HL tree, claim totals, diagnosis format. */
  problems: string[];
  /** NPIs failing their check digit (TR3 sample files use made-up ones). */
  identifierProblems: string[];
}

/**
 * Reads an 837P strictly with node-x12 (which checks SE01, GE01 and IEA01
 * against what it counted) and then checks what node-x12 does not: the HL
 * tree (sequential, parents earlier, 22 under 20, 23 under 22), CLM02 equal
 * to the sum of SV102, NPI check digits and dot-free diagnosis codes.
 * Throws `claim_invalid` when the file does not parse at all.
 */
export function check837P(x12: string): Check837PReport {
  let interchange: X12Interchange;
  try {
    interchange = new X12Parser(true).parse(x12) as X12Interchange;
  } catch (error) {
    const detail =
      error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
    throw new AppError(
      'claim_invalid',
      `The 837P does not parse strictly: ${detail}`,
    );
  }

  const problems: string[] = [];
  const groups = interchange.functionalGroups;
  const transactions = groups.flatMap((g) => g.transactions);
  const report: Check837PReport = {
    interchanges: 1,
    groups: groups.length,
    transactionSets: transactions.length,
    claims: 0,
    hl: [],
    problems,
    identifierProblems: [],
  };

  for (const transaction of transactions) {
    const segments = transaction.segments;
    report.hl.push(...checkHlTree(segments, problems));
    report.claims += checkClaims(segments, problems);
    checkIdentifiers(segments, problems, report.identifierProblems);
  }
  return report;
}

function values(seg: X12Segment): string[] {
  return seg.elements.map((e) => e.value);
}

function checkHlTree(
  segments: readonly X12Segment[],
  problems: string[],
): HlNode[] {
  const nodes = segments
    .filter((s) => s.tag === 'HL')
    .map((s) => {
      const [id, parent, level, child] = values(s);
      return {
        id: Number(id),
        parent: parent ? Number(parent) : null,
        level: level ?? '',
        hasChild: child === '1',
      };
    });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const expectedParent: Record<string, string | null> = {
    '20': null,
    '22': '20',
    '23': '22',
  };

  nodes.forEach((node, i) => {
    if (node.id !== i + 1)
      problems.push(`HL${i + 1}: HL01 is ${node.id}, expected ${i + 1}.`);
    const parent = node.parent === null ? undefined : byId.get(node.parent);
    const want = expectedParent[node.level];
    // Only the billing provider (20), subscriber (22) and patient (23) levels
    // are checked; other levels (e.g. 19 pay-to) keep their own rules.
    if (want === undefined) return;
    if (!parentOk(node, want, parent)) {
      problems.push(`HL${node.id}: level ${node.level} has a wrong parent.`);
    }
    const children = nodes.some((n) => n.parent === node.id);
    if (children !== node.hasChild)
      problems.push(`HL${node.id}: HL04 does not match its children.`);
  });
  return nodes;
}

/** A top level has no parent; others hang under an earlier HL of `want`. */
function parentOk(
  node: HlNode,
  want: string | null,
  parent: HlNode | undefined,
): boolean {
  if (want === null) return node.parent === null;
  return parent !== undefined && parent.level === want && parent.id < node.id;
}

function checkClaims(
  segments: readonly X12Segment[],
  problems: string[],
): number {
  let claims = 0;
  let current: { id: string; total: number; lines: number } | undefined;
  const close = () => {
    if (current && Math.abs(current.total - current.lines) > 0.005) {
      problems.push(
        `Claim ${claims}: CLM02 ${current.total} is not the sum of its lines ${current.lines}.`,
      );
    }
  };

  for (const seg of segments) {
    if (seg.tag === 'CLM' || seg.tag === 'HL') close();
    if (seg.tag === 'HL') current = undefined;
    if (seg.tag === 'CLM') {
      claims += 1;
      current = {
        id: values(seg)[0] ?? '',
        total: Number(values(seg)[1]),
        lines: 0,
      };
    }
    if (seg.tag === 'SV1' && current) current.lines += Number(values(seg)[1]);
  }
  close();
  return claims;
}

function checkIdentifiers(
  segments: readonly X12Segment[],
  problems: string[],
  npiProblems: string[],
): void {
  for (const seg of segments) {
    const v = values(seg);
    if (seg.tag === 'NM1' && v[7] === 'XX' && !isValidNpi(v[8] ?? '')) {
      npiProblems.push(`NM1*${v[0] ?? ''}: NPI fails its check digit.`);
    }
    if (seg.tag === 'HI' && v.some((c) => /^AB[KF]:.*\./.test(c))) {
      problems.push(
        'HI: diagnosis codes must be sent without a decimal point.',
      );
    }
  }
}
