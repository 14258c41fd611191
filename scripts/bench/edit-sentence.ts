/**
 * The shell line the bench runs before a build "after an edit": one sentence of the strategy (the
 * bundled one's, which the synthetic strategies share) gets a word no earlier run gave it («alle»
 * and perl's process id), so every deck's input changes and each deck is laid out, written and
 * checked again, while the project's `.cache` stays as a user's would. Not a word added and taken
 * away in turn: `.cache/decks` keeps both versions' decks, and every "edited" build reused them.
 */
export const EDIT_ONE_SENTENCE = `perl -pi -e 's/^(  why: For å gi )(?:alle\\d* )?/$1alle$$ /' data/strategy.yaml`;
