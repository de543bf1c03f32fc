// "Accept all": every open proposal of the open article in one acceptProposals call, and what
// came of it. The server writes the batch in one transaction, all or none, and names the first
// proposal it could not take as `ids[i]`; so a failure fails every proposal of the batch: the named
// one for its reason, the others because they go together. Pure.

export interface Sent {
  id: string;
  sentence: string;
  state: string;
}

export interface Failure {
  id: string;
  sentence: string;
  reason: string;
}

export interface AcceptAllResult {
  accepted: number;
  failed: Failure[];
  /** One line for the summary and the status announcement. */
  text: string;
}

/** The proposals "Accept all" sends: the open ones, in the order the cards show them. */
export function openOnes<T extends { state: string }>(proposals: readonly T[]): T[] {
  return proposals.filter((p) => p.state === 'OPEN');
}

/** What the question before sending says. */
export function confirmText(count: number): string {
  const them = count === 1 ? 'the open proposal' : `all ${count} open proposals`;
  return `Accept ${them} of this article? They are written together: if one cannot be, none is.`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What came of sending `sent`: `after` is each proposal's state as the server has it now (the
 * call's answer, or after a failure the queue read again, since a write can commit and its answer
 * still be lost); `error` the call's error, with `argument` its `extensions.argument`: `ids[i]`
 * names the proposal at position i of the call. The named proposal fails for the server's reason,
 * the others of the batch because they go together.
 */
export function outcome(
  sent: readonly Sent[],
  after: readonly { id: string; state: string }[],
  error: { message: string; argument: string | null } | null = null,
): AcceptAllResult {
  const state = new Map(after.map((p) => [p.id, p.state]));
  const at = /^ids\[(\d+)\]$/.exec(error?.argument ?? '')?.[1];
  const culprit = at === undefined ? undefined : sent[Number(at)]?.id;
  const why = error?.message.replace(/^ids\[\d+\]: /, '') ?? '';
  const failed: Failure[] = [];
  for (const p of sent) {
    const now = state.get(p.id);
    if (now === 'ACCEPTED') continue;
    const reason = !error
      ? now
        ? `still ${now.toLowerCase()}`
        : 'not in the answer'
      : culprit && p.id !== culprit
        ? 'not written: the batch goes together, and another proposal of it could not be accepted'
        : why;
    failed.push({ id: p.id, sentence: p.sentence, reason });
  }
  // The named proposal first: its reason is the one to act on.
  failed.sort((a, b) => Number(b.id === culprit) - Number(a.id === culprit));
  const accepted = sent.length - failed.length;
  const nothing = error && accepted === 0 ? ' Nothing was written.' : '';
  return {
    accepted,
    failed,
    text: `${plural(accepted, 'proposal', 'proposals')} accepted, ${failed.length} failed.${nothing}`,
  };
}
