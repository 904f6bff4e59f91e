// The Nix language lexer. Strings, indented strings and interpolated paths
// are lexed in modes; `{` and `${` push the default mode so that the matching
// `}` pops back into whatever string or path we were in.
lexer grammar NixLexer;

tokens { PATH_END }

@members {
    /** Closes an interpolated path: emits a zero-width PATH_END when the path text stops. */
    @Override
    public org.antlr.v4.runtime.Token nextToken() {
        if (_mode == PATH_MODE) {
            int c = _input.LA(1);
            boolean interpolation = c == '$' && _input.LA(2) == '{';
            if (!interpolation && !isPathChar(c) && c != '/') {
                popMode();
                int index = _input.index();
                org.antlr.v4.runtime.Token t = _factory.create(_tokenFactorySourcePair, PATH_END, "",
                        DEFAULT_TOKEN_CHANNEL, index, index - 1, getLine(), getCharPositionInLine());
                emit(t);
                return t;
            }
        }
        return super.nextToken();
    }

    static boolean isPathChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '.' || c == '_' || c == '-' || c == '+';
    }

    private void popIfNested() {
        if (!_modeStack.isEmpty()) popMode();
    }
}

IF: 'if';
THEN: 'then';
ELSE: 'else';
ASSERT: 'assert';
WITH: 'with';
LET: 'let';
IN: 'in';
REC: 'rec';
INHERIT: 'inherit';
OR_KW: 'or';
ELLIPSIS: '...';

EQ: '==';
NEQ: '!=';
LEQ: '<=';
GEQ: '>=';
LT: '<';
GT: '>';
AND: '&&';
OR: '||';
IMPL: '->';
UPDATE: '//';
CONCAT: '++';
PIPE_INTO: '|>';
PIPE_FROM: '<|';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
NOT: '!';
QUESTION: '?';
AT: '@';
COLON: ':';
SEMI: ';';
COMMA: ',';
DOT: '.';
EQUALS: '=';
LPAREN: '(';
RPAREN: ')';
LBRACK: '[';
RBRACK: ']';
DOLLAR_CURLY: '${' -> pushMode(DEFAULT_MODE);
LBRACE: '{' -> pushMode(DEFAULT_MODE);
RBRACE: '}' { popIfNested(); };

ID: [a-zA-Z_] [a-zA-Z0-9_'-]*;
INT: [0-9]+;
FLOAT: ([1-9] [0-9]* '.' [0-9]* | '0'? '.' [0-9]+) ([Ee] [+-]? [0-9]+)?;

// A path followed by `${` starts an interpolated path; the token includes the `${`.
PATH_START: PATH_CHAR* '/' (PATH_CHAR+ ('/' PATH_CHAR+)* '/'?)? '${' -> pushMode(PATH_MODE), pushMode(DEFAULT_MODE);
HPATH_START: '~' '/' (PATH_CHAR+ ('/' PATH_CHAR+)* '/'?)? '${' -> pushMode(PATH_MODE), pushMode(DEFAULT_MODE);
PATH: PATH_CHAR* ('/' PATH_CHAR+)+ '/'?;
HPATH: '~' ('/' PATH_CHAR+)+ '/'?;
SPATH: '<' PATH_CHAR+ ('/' PATH_CHAR+)* '>';
URI: [a-zA-Z] [a-zA-Z0-9+\-.]* ':' [a-zA-Z0-9%/?:@&=+$,\-_.!~*']+;

DQUOTE: '"' -> pushMode(STRING_MODE);
IND_OPEN: '\'\'' (' '* '\n')? -> pushMode(IND_MODE);

// Skipped, not kept on a hidden channel: nothing reads them, and every token the parser steps
// over or back across (each rule's end) would otherwise mean walking past them.
WS: [ \t\r\n]+ -> skip;
LINE_COMMENT: '#' ~[\r\n]* -> skip;
BLOCK_COMMENT: '/*' .*? '*/' -> skip;

fragment PATH_CHAR: [a-zA-Z0-9._\-+];

mode STRING_MODE;
STR_TEXT: (~[$"\\] | '$' ~[{"\\] | '\\' . | '$\\' .)+
        | (~[$"\\] | '$' ~[{"\\] | '\\' . | '$\\' .)* '$' { _input.LA(1) == '"' }?
        ;
STR_INTERP: '${' -> pushMode(DEFAULT_MODE);
STR_END: '"' -> popMode;
// only at the end of the input: an unterminated string
STR_TAIL: '$' | '\\' | '$\\';

mode IND_MODE;
IND_TEXT: (~[$'] | '$' ~[{'] | '\'' ~['$])+;
IND_DOLLAR: '\'\'$' | '$';
IND_QUOTES: '\'\'\'';
IND_ESCAPE: '\'\'\\' .;
IND_INTERP: '${' -> pushMode(DEFAULT_MODE);
IND_END: '\'\'' -> popMode;
IND_QUOTE: '\'';

mode PATH_MODE;
PATH_INTERP: '${' -> pushMode(DEFAULT_MODE);
PATH_FRAGMENT: (PATH_CHAR | '/')+;
