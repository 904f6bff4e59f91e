package dev.sysbuild.language;

import dev.sysbuild.language.ast.Expr;
import dev.sysbuild.language.diag.Source;
import dev.sysbuild.language.diag.Span;
import dev.sysbuild.language.internal.AstBuilder;
import dev.sysbuild.language.internal.LexedAhead;
import dev.sysbuild.language.internal.NixLexer;
import dev.sysbuild.language.internal.NixParser;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses Nix source into our AST and runs the static checks Nix does at parse time.
 *
 * <p>{@code globals} are the names in scope at the top (the builtins); a variable that is
 * neither bound nor global nor under a {@code with} is an "undefined variable" parse error.
 */
public final class Parser {
    private final Set<String> globals;
    private final String home;

    /**
     * Sources of at least this many chars are lexed on another thread while they are parsed
     * ({@link LexedAhead}); below it, starting a thread costs more than the overlap saves.
     */
    static final int LEX_AHEAD_FROM = 64 << 10;

    private final int lexAheadFrom;

    public Parser(Set<String> globals, String home) {
        this(globals, home, LEX_AHEAD_FROM);
    }

    /** For tests: {@code lexAheadFrom} 0 lexes every source on another thread. */
    Parser(Set<String> globals, String home, int lexAheadFrom) {
        this.lexAheadFrom = lexAheadFrom;
        // A copy: parse trees are cached process-wide with their parser's settings as the key
        // (BundledParses), which must not keep a caller's live map (an evaluator's builtins) alive.
        this.globals = Set.copyOf(globals);
        this.home = home;
    }

    /** The names in scope at the top of every file this parser reads. */
    public Set<String> globals() { return globals; }

    /** The home directory {@code ~/} paths start from (null when unknown). */
    public String home() { return home; }

    /** Parses {@code source}; relative paths in it resolve against {@code baseDir}. */
    public Expr parse(Source source, String baseDir) {
        return parse(source, baseDir, p -> { });
    }

    /**
     * {@link #parse(Source, String)}, telling {@code pathLiterals} each literal path in the source
     * (resolved: absolute, canonical), in source order, while it builds the tree.
     */
    public Expr parse(Source source, String baseDir, java.util.function.Consumer<String> pathLiterals) {
        String text = source.text();
        NixLexer lexer = new NixLexer(CharStreams.fromString(text, source.name()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new ThrowingListener(source));
        LexedAhead ahead = text.length() >= lexAheadFrom ? new LexedAhead(lexer) : null;
        CommonTokenStream tokens = new CommonTokenStream(ahead != null ? ahead : lexer);
        NixParser parser = new NixParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new ThrowingListener(source));
        NixParser.FileContext tree;
        try {
            try {
                // SLL is enough for almost every file and much faster; fall back to LL on failure.
                parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
                parser.setErrorHandler(new org.antlr.v4.runtime.BailErrorStrategy());
                tree = parser.file();
            } catch (ParseCancellationException | ParseException e) {
                tokens.seek(0);
                parser.reset();
                parser.setErrorHandler(new org.antlr.v4.runtime.DefaultErrorStrategy());
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                tree = parser.file();
            }
        } finally {
            if (ahead != null) ahead.close();
        }
        Expr expr = new AstBuilder(source, baseDir, home, pathLiterals).file(tree);
        new ScopeChecker(globals).check(expr);
        return expr;
    }

    /** Reports the first lexer or parser error as a ParseException, in Nix's wording. */
    private static final class ThrowingListener extends BaseErrorListener {
        private final Source source;

        ThrowingListener(Source source) {
            this.source = source;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col,
                                String msg, RecognitionException e) {
            int start;
            int end;
            String message;
            if (offending instanceof Token t) {
                start = Math.max(0, t.getStartIndex());
                end = Math.max(start, t.getStopIndex() + 1);
                message = t.getType() == Token.EOF
                        ? "syntax error, unexpected end of file"
                        : "syntax error, unexpected '" + t.getText() + "'";
                if (t.getType() == Token.EOF) {
                    start = end = source.text().length();
                }
            } else {
                Lexer lexer = (Lexer) recognizer;
                start = Math.min(lexer._input.index(), source.text().length());
                end = start;
                message = start >= source.text().length()
                        ? "syntax error, unexpected end of file"
                        : "syntax error, unexpected '" + source.text().charAt(start) + "'";
            }
            throw new ParseException(message, new Span(source, start, end));
        }
    }
}
