import type { Fact, FactKind } from './facts';
import { stripMarkup } from './sanitize';
import type { NoteTemplate } from './templates';
import {
  isSegmentEvidence,
  type Draft,
  type DraftEngine,
  type DraftSection,
} from './types';

/**
 * Places facts into the template's sections by kind, in the section's kind
 * order and then in transcript order. Text is cleaned of markup one last
 * time; a fact left empty is dropped rather than written blank.
 */
export function composeDraft(
  template: NoteTemplate,
  facts: readonly Fact[],
  engine: DraftEngine,
): Draft {
  const sections: DraftSection[] = template.sections.map((section) => {
    const chosen = facts
      .filter((f) => section.kinds.includes(f.kind))
      .sort(
        (a, b) =>
          kindRank(section.kinds, a.kind) - kindRank(section.kinds, b.kind) ||
          startOf(a) - startOf(b),
      );
    const sentences = chosen
      .map((fact) => ({ fact, text: stripMarkup(fact.text) }))
      .filter(({ text }) => text.length > 0)
      .map(({ fact, text }, i) => ({
        id: `${section.id}-${i + 1}`,
        text,
        kind: fact.kind,
        evidence: fact.evidence,
        ...(fact.lowEvidence ? { lowEvidence: true } : {}),
      }));
    return { id: section.id, title: section.title, sentences };
  });
  return { format: template.id, sections, engine };
}

/** A draft with the template's sections and nothing in them. */
export function noContentDraft(
  template: NoteTemplate,
  engine: DraftEngine,
): Draft {
  return {
    format: template.id,
    engine,
    noContent: true,
    sections: template.sections.map((s) => ({
      id: s.id,
      title: s.title,
      sentences: [],
    })),
  };
}

function kindRank(kinds: readonly FactKind[], kind: FactKind): number {
  return kinds.indexOf(kind);
}

function startOf(fact: Fact): number {
  return isSegmentEvidence(fact.evidence) ? fact.evidence.start : -1;
}
