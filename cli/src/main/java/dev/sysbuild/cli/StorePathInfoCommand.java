package dev.sysbuild.cli;

import dev.sysbuild.store.hash.HashFormat;
import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.local.PathInfo;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sysbuild store path-info}: what the database knows about paths, printed as {@code nix path-info} does. */
@Command(name = "path-info", mixinStandardHelpOptions = true,
        description = "Print store paths with their sizes, or everything the database records (--json).")
final class StorePathInfoCommand implements Callable<Integer>, CommonOptions.Holder {
    @ParentCommand
    StoreCommand store;

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    @Option(names = {"-r", "--closure", "--recursive"}, description = "Print the closure of the paths, not just the paths.")
    boolean closure;

    @Option(names = {"-s", "--size"}, description = "Print the NAR size of each path.")
    boolean size;

    @Option(names = {"-S", "--closure-size"}, description = "Print the sum of the NAR sizes of each path's closure.")
    boolean closureSize;

    @Option(names = "--json", description = "Print a JSON array with one object per path.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Store paths, or links leading to them (e.g. result).")
    List<String> paths;

    @Override
    public Integer call() {
        return StoreSession.run(store.parent.err, common.verbose, () -> {
            LocalStore s = StoreSession.open(common);
            SortedSet<StorePath> selected = new TreeSet<>();
            for (String arg : paths) selected.add(StoreSession.validPath(s, arg));
            if (closure) selected = closureOf(s, selected);
            List<PathInfo> infos = new ArrayList<>();
            for (StorePath p : selected) infos.add(s.queryPathInfo(p).orElseThrow());
            String text = json ? json(s, infos) : table(s, infos);
            store.parent.out.print(text);
            store.parent.out.flush();
            return 0;
        });
    }

    private String table(LocalStore s, List<PathInfo> infos) throws IOException {
        int width = 0;
        for (PathInfo i : infos) width = Math.max(width, s.storeDir().print(i.path()).length());
        StringBuilder out = new StringBuilder();
        for (PathInfo i : infos) {
            String shown = s.storeDir().print(i.path());
            out.append(shown);
            // As nix path-info: the columns start after the longest path, each a tab and 11 places wide.
            if (size || closureSize) out.append(" ".repeat(width - shown.length()));
            if (size) out.append(String.format(java.util.Locale.ROOT, "\t%11d", i.narSize()));
            if (closureSize) out.append(String.format(java.util.Locale.ROOT, "\t%11d", closureSizeOf(s, i.path())));
            out.append('\n');
        }
        return out.toString();
    }

    private String json(LocalStore s, List<PathInfo> infos) throws IOException {
        StoreDir dir = s.storeDir();
        List<Object> array = new ArrayList<>();
        for (PathInfo i : infos) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("path", dir.print(i.path()));
            o.put("narHash", i.narHash().toPrefixed(HashFormat.NIX32));
            o.put("narSize", i.narSize());
            List<Object> refs = new ArrayList<>();
            for (StorePath r : i.references()) refs.add(dir.print(r));
            o.put("references", refs);
            if (closureSize) o.put("closureSize", closureSizeOf(s, i.path()));
            i.deriver().ifPresent(d -> o.put("deriver", dir.print(d)));
            o.put("registrationTime", i.registrationTime().getEpochSecond());
            array.add(o);
        }
        return Json.write(array) + "\n";
    }

    private static SortedSet<StorePath> closureOf(LocalStore s, SortedSet<StorePath> from) throws IOException {
        SortedSet<StorePath> seen = new TreeSet<>();
        Deque<StorePath> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            StorePath p = todo.pop();
            if (!seen.add(p)) continue;
            PathInfo info = s.queryPathInfo(p).orElseThrow(() -> new IOException("the store database is inconsistent: '"
                    + s.storeDir().print(p) + "' is referenced but not valid; run 'sysbuild store verify'"));
            todo.addAll(info.references());
        }
        return seen;
    }

    private static long closureSizeOf(LocalStore s, StorePath p) throws IOException {
        long total = 0;
        for (StorePath q : closureOf(s, new TreeSet<>(List.of(p)))) total += s.queryPathInfo(q).orElseThrow().narSize();
        return total;
    }
}
