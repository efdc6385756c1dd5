/**
 * Removes model reasoning and chat-template markup from text before it can
 * reach a note: <think> blocks (closed or not), <|im_start|>-style special
 * tokens, [INST] tags, role prefixes and stray XML-ish tags.
 */
const THINK_BLOCK =
  /<(think|thinking|reasoning|scratchpad)>[\s\S]*?(<\/\1>|$)/gi;
const SPECIAL_TOKEN = /<\|[^|>]{0,40}\|>/g;
const INST_TAG = /\[\/?(INST|SYS)\]|<<\/?SYS>>|<\/?s>/gi;
const STRAY_TAG = /<\/?[a-z_|][^<>]{0,40}>/gi;
const ROLE_PREFIX = /^\s*(system|assistant|user)\s*[:\n]/i;

export function stripMarkup(text: string): string {
  let out = text.replace(THINK_BLOCK, ' ');
  out = out
    .replace(SPECIAL_TOKEN, ' ')
    .replace(INST_TAG, ' ')
    .replace(STRAY_TAG, ' ');
  while (ROLE_PREFIX.test(out)) out = out.replace(ROLE_PREFIX, ' ');
  return out.replace(/\s+/g, ' ').trim();
}

/** True when text still holds anything that looks like markup. */
export function hasMarkup(text: string): boolean {
  return /<\|?\/?[a-z_|]+\|?>|\[\/?INST\]/i.test(text);
}
