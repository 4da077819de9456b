/*
 * Rego for CodeMirror 6: a stream tokenizer (enough for highlighting; the real parser is OPA on the server)
 * and a highlighter that gives every token a stable "tok-*" class, so the theme and the tests can rely on it.
 */
import { StreamLanguage, type StreamParser, type StringStream } from '@codemirror/language';
import { tagHighlighter, tags } from '@lezer/highlight';

const KEYWORDS = new Set([
  'package', 'import', 'if', 'else', 'contains', 'every', 'some', 'in', 'not', 'with', 'as', 'default',
]);
const ATOMS = new Set(['true', 'false', 'null']);
const ROOT_DOCUMENTS = new Set(['input', 'data']);

interface RegoState {
  /** Raw (backtick) strings may span lines; the tokenizer has to remember it is inside one. */
  inRawString: boolean;
}

function rawString(stream: StringStream, state: RegoState): string {
  while (!stream.eol()) {
    if (stream.next() === '`') {
      state.inRawString = false;
      break;
    }
  }
  return 'rawString';
}

function quotedString(stream: StringStream): string {
  let ch: string | void;
  while ((ch = stream.next()) != null) {
    if (ch === '\\') {
      stream.next();
    } else if (ch === '"') {
      break;
    }
  }
  return 'string';
}

function word(stream: StringStream, name: string): string {
  if (KEYWORDS.has(name)) {
    return 'keyword';
  }
  if (ATOMS.has(name)) {
    return 'atom';
  }
  // A (dotted) name followed by "(" is a call: count.x, time.now_ns(), io.jwt.decode(...)
  if (stream.match(/^(?:\.[A-Za-z_]\w*)*(?=\s*\()/)) {
    return 'builtin';
  }
  return ROOT_DOCUMENTS.has(name) ? 'rootDocument' : 'variable';
}

const regoParser: StreamParser<RegoState> = {
  name: 'rego',
  startState: () => ({ inRawString: false }),
  token(stream, state) {
    if (state.inRawString) {
      return rawString(stream, state);
    }
    if (stream.eatSpace()) {
      return null;
    }
    if (stream.match('#')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('`')) {
      state.inRawString = true;
      return rawString(stream, state);
    }
    if (stream.match('"')) {
      return quotedString(stream);
    }
    if (stream.match(/^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/)) {
      return 'number';
    }
    if (stream.match(/^(?:future\.keywords|rego\.v1)\b/)) {
      return 'keyword';
    }
    const name = stream.match(/^[A-Za-z_]\w*/);
    if (name && typeof name === 'object') {
      return word(stream, name[0]);
    }
    if (stream.match(/^(?::=|==|!=|<=|>=|[=<>+\-*/%|&])/)) {
      return 'operator';
    }
    const ch = stream.next();
    return ch != null && '()[]{}'.includes(ch) ? 'bracket' : 'punctuation';
  },
  languageData: {
    commentTokens: { line: '#' },
  },
  tokenTable: {
    keyword: tags.keyword,
    atom: tags.atom,
    string: tags.string,
    rawString: tags.special(tags.string),
    number: tags.number,
    comment: tags.lineComment,
    operator: tags.operator,
    builtin: tags.function(tags.variableName),
    rootDocument: tags.special(tags.variableName),
    variable: tags.variableName,
    bracket: tags.bracket,
    punctuation: tags.punctuation,
  },
};

export const regoLanguage = StreamLanguage.define(regoParser);

export const regoHighlighter = tagHighlighter([
  { tag: tags.keyword, class: 'tok-keyword' },
  { tag: tags.atom, class: 'tok-atom' },
  { tag: tags.special(tags.string), class: 'tok-string tok-raw' },
  { tag: tags.string, class: 'tok-string' },
  { tag: tags.number, class: 'tok-number' },
  { tag: tags.comment, class: 'tok-comment' },
  { tag: tags.operator, class: 'tok-operator' },
  { tag: tags.function(tags.variableName), class: 'tok-builtin' },
  { tag: tags.special(tags.variableName), class: 'tok-root' },
  { tag: tags.variableName, class: 'tok-variable' },
  { tag: tags.punctuation, class: 'tok-punctuation' },
]);
