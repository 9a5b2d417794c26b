import { TandemError } from './tandem-error.ts';

/** How a front end names a field of an operation's input: `--from` on the command line, `from` over HTTP. */
export type FieldNamer = (field: string) => string;

/** A field as the input names it (the HTTP API's query and body fields). */
const asInput: FieldNamer = (field) => field;

/**
 * Bad input about fields of an operation's input that only a rule past its schema can see: a
 * period that ends before it starts, a day with no events, a country an outside source does not
 * know. The message is written once, as a function of how the fields are named; it reads in the
 * input's own names (`from is after to`) until the front end that ran the operation names them its
 * way (`runOperation` with the caller's `fieldName`: the CLI says `--from is after --to`). Its
 * details carry the field as the issues of a schema failure do.
 */
export class FieldError extends TandemError {
  constructor(
    readonly field: string,
    private readonly say: (name: FieldNamer) => string,
    name: FieldNamer = asInput,
  ) {
    super('bad-input', say(name), { details: { issues: [{ path: field, message: say(asInput) }] } });
    this.name = 'FieldError';
  }

  /** The same refusal with the fields named as a front end names them. */
  namedBy(name: FieldNamer): FieldError {
    return new FieldError(this.field, this.say, name);
  }
}
