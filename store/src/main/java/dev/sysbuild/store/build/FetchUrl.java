package dev.sysbuild.store.build;

import dev.sysbuild.store.nar.NarReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * {@code builtin:fetchurl}, as Nix 2.8's: downloads {@code url} ({@code file://},
 * {@code http://}, {@code https://}) to {@code $out}. With {@code executable = "1"} the file is
 * made executable; with {@code unpack = "1"} the download is a NAR (xz-compressed when the URL
 * ends in {@code .xz}) restored as {@code $out}. A fetchurl derivation is fixed-output, so the
 * scheduler checks the result against {@code outputHash} before anything is registered.
 */
final class FetchUrl implements Builder {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public void build(BuildRequest req, BuildContext ctx) throws BuildException, IOException {
        String url = BuiltinBuilders.required(req, "url");
        Path out = BuiltinBuilders.output(req, ctx, "out");
        boolean unpack = "1".equals(req.envVar("unpack"));
        ctx.log("downloading '" + url + "'...");
        try (InputStream raw = open(req, url); InputStream in = new BufferedInputStream(raw)) {
            if (unpack) {
                NarReader.restore(url.endsWith(".xz") ? new XZCompressorInputStream(in) : in, out);
            } else {
                Files.copy(in, out);
            }
        }
        if ("1".equals(req.envVar("executable"))) {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static InputStream open(BuildRequest req, String url) throws BuildException, IOException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw fail(req, url, "it is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        switch (scheme) {
            case "file":
                try {
                    return Files.newInputStream(Path.of(uri));
                } catch (IOException e) {
                    throw fail(req, url, e.getMessage());
                }
            case "http", "https":
                return http(req, uri);
            default:
                throw fail(req, url, "only file://, http:// and https:// URLs are supported");
        }
    }

    private static InputStream http(BuildRequest req, URI uri) throws BuildException, IOException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT).build();
        try {
            HttpResponse<InputStream> resp = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (resp.statusCode() != 200) {
                resp.body().close();
                throw fail(req, uri.toString(), "the server answered HTTP " + resp.statusCode());
            }
            return resp.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri, e);
        } catch (IOException e) {
            throw fail(req, uri.toString(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static BuildException fail(BuildRequest req, String url, String why) {
        return new BuildException("builtin:fetchurl for '" + req.name() + "': cannot download '" + url + "': " + why);
    }
}
