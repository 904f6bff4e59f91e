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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sysbuild store path-info}: what the database knows about paths, printed as {@code nix path-info} does. */
final class StorePathInfoCommand implements Callable<Integer>, CommonOptions.Holder {
    final StoreCommand store;

    private CommandSpec spec;

    StorePathInfoCommand(StoreCommand store) {
        this.store = store;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "path-info", 
                "Print store paths with their sizes, or everything the database records (--json).");
        c.addOption(Specs.flag("Print the closure of the paths, not just the paths.", "-r", "--closure", "--recursive"));
        c.addOption(Specs.flag("Print the NAR size of each path.", "-s", "--size"));
        c.addOption(Specs.flag("Print the sum of the NAR sizes of each path's closure.", "-S", "--closure-size"));
        c.addOption(Specs.flag("Print a JSON array with one object per path.", "--json"));
        c.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("PATH").type(List.class)
                .auxiliaryTypes(String.class).description("Store paths, or links leading to them (e.g. result).").build());
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    boolean closure;

    boolean size;

    boolean closureSize;

    boolean json;

    List<String> paths;

    @Override
    public Integer call() {
        closure = Specs.value(spec, "--closure");
        size = Specs.value(spec, "--size");
        closureSize = Specs.value(spec, "--closure-size");
        json = Specs.value(spec, "--json");
        paths = Specs.positional(spec, 0);
        return StoreSession.run(store.parent.err, common.verbose, () -> {
            LocalStore s = StoreSession.openExisting(common);
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
