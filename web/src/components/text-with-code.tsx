/** A sentence whose `backticked` parts (commands to type) are shown as code, not with backticks. */
export function TextWithCode({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, i) =>
        // Odd parts stood between backticks.
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence, in order
        i % 2 ? <code key={i}>{part}</code> : <span key={i}>{part}</span>,
      )}
    </>
  );
}
