// The review keys, one list: the panel's key handler, its help line and docs/client.md read it.
// Pure: a key press in, an action out.

export type ReviewAction = 'next' | 'previous' | 'accept' | 'reject' | 'edit' | 'new' | 'accept-all';

export const REVIEW_KEYS: readonly { key: string; action: ReviewAction; help: string }[] = [
  { key: 'j', action: 'next', help: 'next proposal' },
  { key: 'k', action: 'previous', help: 'previous proposal' },
  { key: 'a', action: 'accept', help: 'accept' },
  { key: 'r', action: 'reject', help: 'reject (asks why)' },
  { key: 'e', action: 'edit', help: 'edit, then accept' },
  { key: 'n', action: 'new', help: 'new proposal from the selected text' },
  { key: 'A', action: 'accept-all', help: 'accept all open (asks first)' },
];

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** True when the key goes into a text field, a select or a button that takes it. */
  typing?: boolean;
}

/** The action of a key press, or null: keys typed into a field, or with a modifier, are not review keys. */
export function reviewAction(press: KeyPress): ReviewAction | null {
  if (press.typing || press.ctrlKey || press.metaKey || press.altKey) return null;
  return REVIEW_KEYS.find((k) => k.key === press.key)?.action ?? null;
}

/** The card the focus moves to: one down or up, staying inside the list; -1 when the list is empty. */
export function moveFocus(current: number, count: number, action: 'next' | 'previous'): number {
  if (count === 0) return -1;
  if (current < 0 || current >= count) return action === 'next' ? 0 : count - 1;
  return Math.max(0, Math.min(count - 1, current + (action === 'next' ? 1 : -1)));
}
