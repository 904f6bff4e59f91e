// The Nix language grammar. Operator precedence follows Nix's parser.y:
// earlier alternatives of exprOp bind tighter. Non-associative operators are
// parsed left-associative here and rejected by the AST builder.
parser grammar NixParser;

options { tokenVocab = NixLexer; }

file: expr EOF;

expr: exprFunction;

exprFunction
    : ID COLON exprFunction                                           # lambdaSimple
    | LBRACE formals RBRACE (AT ID)? COLON exprFunction               # lambdaFormals
    | ID AT LBRACE formals RBRACE COLON exprFunction                  # lambdaAtFormals
    | ASSERT expr SEMI exprFunction                                   # assertExpr
    | WITH expr SEMI exprFunction                                     # withExpr
    | LET binds IN exprFunction                                       # letExpr
    | exprIf                                                          # plainExpr
    ;

exprIf
    : IF expr THEN expr ELSE expr                                     # ifExpr
    | exprOp                                                          # opExpr
    ;

exprOp
    : MINUS exprOp                                                    # negate
    | exprOp QUESTION attrpath                                        # hasAttr
    | <assoc=right> exprOp CONCAT exprOp                              # concat
    | exprOp op=(STAR | SLASH) exprOp                                 # mulDiv
    | exprOp op=(PLUS | MINUS) exprOp                                 # addSub
    | NOT exprOp                                                      # not
    | <assoc=right> exprOp UPDATE exprOp                              # update
    | exprOp op=(LT | GT | LEQ | GEQ) exprOp                          # compare
    | exprOp op=(EQ | NEQ) exprOp                                     # equality
    | exprOp AND exprOp                                               # and
    | exprOp OR exprOp                                                # or
    | <assoc=right> exprOp IMPL exprOp                                # impl
    | exprOp PIPE_INTO exprOp                                         # pipeInto
    | <assoc=right> exprOp PIPE_FROM exprOp                           # pipeFrom
    | exprApp                                                         # app
    ;

exprApp: exprSelect+;

// Left-factored: with one alternative per form, choosing one meant looking ahead past the
// whole exprSimple (a set literal may be most of a file) before parsing it.
exprSelect: exprSimple (DOT attrpath (OR_KW exprSelect)? | OR_KW)?;

exprSimple
    : ID                                                              # var
    | INT                                                             # int
    | FLOAT                                                           # float
    | string                                                          # str
    | IND_OPEN indPart* IND_END                                       # indString
    | PATH                                                            # path
    | HPATH                                                           # hpath
    | (PATH_START | HPATH_START) expr RBRACE pathPart* PATH_END       # interpolatedPath
    | SPATH                                                           # searchPath
    | URI                                                             # uri
    | LPAREN expr RPAREN                                              # parens
    | LET LBRACE binds RBRACE                                         # legacyLet
    | REC LBRACE binds RBRACE                                         # recAttrs
    | LBRACE binds RBRACE                                             # attrs
    | LBRACK exprSelect* RBRACK                                       # list
    ;

string: DQUOTE stringPart* STR_END;

stringPart
    : STR_TEXT                                                        # strText
    | STR_INTERP expr RBRACE                                          # strInterp
    ;

indPart
    : IND_TEXT                                                        # indText
    | IND_DOLLAR                                                      # indDollar
    | IND_QUOTES                                                      # indQuotes
    | IND_ESCAPE                                                      # indEscape
    | IND_QUOTE                                                       # indQuote
    | IND_INTERP expr RBRACE                                          # indInterp
    ;

pathPart
    : PATH_FRAGMENT                                                   # pathText
    | PATH_INTERP expr RBRACE                                         # pathInterp
    ;

binds: bind*;

bind
    : attrpath EQUALS expr SEMI                                       # assign
    | INHERIT (LPAREN expr RPAREN)? inheritAttr* SEMI                 # inherit
    ;

inheritAttr
    : ID                                                              # inheritId
    | OR_KW                                                           # inheritOr
    | string                                                          # inheritString
    | DOLLAR_CURLY expr RBRACE                                        # inheritDynamic
    ;

attrpath: attr (DOT attr)*;

attr
    : ID                                                              # attrId
    | OR_KW                                                           # attrOr
    | string                                                          # attrString
    | DOLLAR_CURLY expr RBRACE                                        # attrDynamic
    ;

formals: (formal COMMA)* (formal | ELLIPSIS)?;

formal: ID (QUESTION expr)?;
