//! Small general word lists the stages share (speech verbs, titles, pronouns, demonyms).
