/**
 * The shell line the bench runs before a build "after an edit": one sentence of the bundled
 * strategy gains or loses a word (alternately), so every deck's input changes and each deck is
 * laid out, written and checked again, while the project's `.cache` stays as a user's would.
 */
export const EDIT_ONE_SENTENCE = `perl -pi -e 's/^(  why: For å gi )(alle )?/$1 . ($2 ? "" : "alle ")/e' data/strategy.yaml`;
