package dev.sysbuild.store.build;

import java.io.IOException;

/** Something that turns a build request into its outputs, at their physical places in the store. */
public interface Builder {
    /**
     * Creates every output of {@code request} at {@code ctx.layout().physical(output)}. On failure
     * the outputs may be half-written; the caller deletes them and registers nothing.
     *
     * @throws BuildException when the build fails for a reason the user should see
     * @throws IOException when the store or the log cannot be written
     */
    void build(BuildRequest request, BuildContext ctx) throws BuildException, IOException;
}
