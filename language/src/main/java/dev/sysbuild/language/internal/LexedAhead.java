package dev.sysbuild.language.internal;

import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * The tokens of a lexer, made on a thread of their own while the parser consumes them: for a
 * large file (a generated configuration of thousands of services is ~650 KB, and lexing is a third
 * of parsing it), the lexing overlaps the parse instead of preceding each token.
 *
 * <p>The parser sees exactly the tokens, in order, that calling the lexer itself would give, and a
 * lexer error (the error listener throws) where that token would have come: the tokens before it,
 * then the exception, as often as it asks again (the lexer, asked again after an error, fails the
 * same way). Tokens are handed over in batches through a queue, which also publishes them safely;
 * once emitted, a token is not changed, and its text is read from the immutable char stream.
 * {@link #close} stops the lexing thread early, e.g. after a syntax error.
 */
public final class LexedAhead implements TokenSource {
    private static final int BATCH = 512;

    private final Lexer lexer;
    private final BlockingQueue<Object> handed = new LinkedBlockingQueue<>(); // Token[] batches, then a Throwable or END
    private volatile boolean closed;
    private Token[] batch = new Token[0];
    private int next;
    private Token eof;
    private Throwable failure; // what the lexer threw (a RuntimeException or an Error)

    private static final Object END = new Object();

    /** Starts lexing {@code lexer}'s input on a daemon thread. */
    public LexedAhead(Lexer lexer) {
        this.lexer = lexer;
        Thread t = new Thread(this::lexAll, "sysbuild-lex");
        t.setDaemon(true);
        t.start();
    }

    private void lexAll() {
        Token[] b = new Token[BATCH];
        int n = 0;
        try {
            while (!closed) {
                Token t = lexer.nextToken();
                b[n++] = t;
                if (t.getType() == Token.EOF) break;
                if (n == BATCH) {
                    handed.add(b);
                    b = new Token[BATCH];
                    n = 0;
                }
            }
            if (n > 0) handed.add(Arrays.copyOf(b, n));
            handed.add(END);
        } catch (RuntimeException | Error e) {
            if (n > 0) handed.add(Arrays.copyOf(b, n));
            handed.add(e);
        }
    }

    @Override
    public Token nextToken() {
        while (next == batch.length) {
            if (eof != null) return eof;
            if (failure instanceof RuntimeException e) throw e;
            if (failure instanceof Error e) throw e;
            Object o = take();
            if (o instanceof Token[] b) {
                batch = b;
                next = 0;
                if (b[b.length - 1].getType() == Token.EOF) eof = b[b.length - 1];
            } else if (o instanceof Throwable t) {
                failure = t;
            } else {
                throw new IllegalStateException("the lexer ended without an end-of-file token");
            }
        }
        return batch[next++];
    }

    private Object take() {
        try {
            return handed.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the lexer", e);
        }
    }

    /** Lets the lexing thread stop at its next token, if it has not finished. */
    public void close() {
        closed = true;
    }

    // Only what the parser's error recovery asks of a token source; tokens carry their own positions.

    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getCharPositionInLine() {
        return 0;
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        throw new UnsupportedOperationException("the lexer's token factory is fixed before it starts");
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
