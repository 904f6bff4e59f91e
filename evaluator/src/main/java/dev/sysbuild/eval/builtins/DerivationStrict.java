package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Ops;
import dev.sysbuild.eval.print.JsonPrinter;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;
import dev.sysbuild.store.derivation.Derivation;
import dev.sysbuild.store.derivation.DerivationOutput;
import dev.sysbuild.store.derivation.InstantiatedDerivation;
import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.InvalidHashException;
import dev.sysbuild.store.path.FixedOutputHash;
import dev.sysbuild.store.path.IngestionMethod;
import dev.sysbuild.store.path.StorePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code derivationStrict}: turns a set of attributes into a derivation, instantiates it in the
 * evaluation's store and returns {@code { drvPath; <output> = path; ... }}, as Nix 2.8's
 * {@code prim_derivationStrict} does.
 *
 * <p>Attributes are read in name order. {@code args} become the builder's arguments; every other
 * attribute goes into the environment, coerced to a string (lists space-joined, {@code true} to
 * {@code 1}, {@code false} and {@code null} to nothing, paths imported), or, with
 * {@code __structuredAttrs = true}, into one {@code __json} variable. The string context of all
 * of them gives the inputs. One evaluation of this class makes one derivation.
 */
final class DerivationStrict {
    private static final String TOKEN_SEPARATORS = " \t\n\r";

    private final Evaluator ev;
    private final NixAttrs attrs;
    private final String name;
    private final Span namePos;

    private final Map<String, String> env = new TreeMap<>();
    private final List<String> args = new ArrayList<>();
    private final Set<String> context = new TreeSet<>();
    private final Map<String, String> json;
    private final Set<String> outputs = new TreeSet<>(Set.of("out"));
    private String builder = "";
    private String system = "";
    private String outputHash;
    private String outputHashAlgo = "";
    private IngestionMethod hashMode;

    private DerivationStrict(Evaluator ev, NixAttrs attrs, String name, Span namePos, boolean structured) {
        this.ev = ev;
        this.attrs = attrs;
        this.name = name;
        this.namePos = namePos;
        this.json = structured ? new TreeMap<>() : null;
    }

    /** The primop: {@code derivationStrict attrs}. */
    static NixAttrs call(Evaluator ev, Value arg) {
        NixAttrs attrs;
        try {
            attrs = Force.attrs(arg, null);
        } catch (EvalException e) {
            throw e.addFrame("while evaluating the argument passed to builtins.derivationStrict", null);
        }
        int nameAt = attrs.indexOf("name");
        if (nameAt < 0) {
            throw EvalException.error("attribute 'name' missing", null)
                    .addFrame("in the attrset passed as argument to builtins.derivationStrict", null);
        }
        Span namePos = attrs.position(nameAt);
        String name;
        try {
            name = ContextBuiltins.noContext(attrs.value(nameAt));
        } catch (EvalException e) {
            throw e.addFrame("while evaluating the derivation attribute 'name'", namePos);
        }
        try {
            checkName(name, namePos);
            boolean structured = flag(attrs, "__structuredAttrs");
            return new DerivationStrict(ev, attrs, name, namePos, structured).instantiate();
        } catch (EvalException e) {
            throw e.addFrame("while evaluating derivation '" + name + "'", namePos);
        }
    }

    /**
     * A name no store path could have is refused before anything is evaluated (Nix 2.8 finds out
     * only when making the output path, and says so in terms of that path).
     */
    private static void checkName(String name, Span namePos) {
        String problem = null;
        if (name.isEmpty()) problem = "the name is empty";
        else if (name.length() > StorePath.MAX_NAME_LENGTH) {
            problem = "the name is longer than " + StorePath.MAX_NAME_LENGTH + " characters";
        } else if (!StorePath.isValidName(name)) {
            for (char c : name.toCharArray()) {
                if (!StorePath.isValidName(String.valueOf(c))) {
                    problem = "name '" + name + "' contains illegal character '" + c + "'";
                    break;
                }
            }
        }
        if (problem != null) {
            throw EvalException.error("invalid derivation name: " + problem + ". Please pass a different 'name'; it "
                    + "may contain only letters, digits and + - . _ ? =", namePos);
        }
    }

    private static boolean flag(NixAttrs attrs, String key) {
        Value v = attrs.get(key);
        if (v == null) return false;
        try {
            return Force.bool(v, null);
        } catch (EvalException e) {
            throw e.addFrame("while evaluating the `" + key + "` attribute passed to builtins.derivationStrict", null);
        }
    }

    private NixAttrs instantiate() {
        boolean ignoreNulls = flag(attrs, "__ignoreNulls");
        for (int i = 0; i < attrs.size(); i++) {
            String key = attrs.name(i);
            if (key.equals("__ignoreNulls")) continue;
            Value v = attrs.value(i);
            try {
                if (ignoreNulls && v.force() instanceof NixNull) continue;
                attribute(key, v, attrs.position(i));
            } catch (EvalException e) {
                throw e.addFrame("while evaluating attribute '" + key + "' of derivation '" + name + "'",
                        attrs.position(i));
            }
        }
        if (json != null) env.put("__json", jsonObject());

        DerivationInputs inputs = DerivationInputs.of(context, ev.store(), namePos);

        if (builder.isEmpty()) throw EvalException.error("required attribute 'builder' missing", namePos);
        if (system.isEmpty()) throw EvalException.error("required attribute 'system' missing", namePos);
        if (name.endsWith(StorePath.DRV_EXTENSION)) {
            throw EvalException.error("derivation names are not allowed to end in '" + StorePath.DRV_EXTENSION + "'",
                    namePos);
        }

        Map<String, DerivationOutput> drafts = new TreeMap<>();
        if (outputHash != null) {
            if (!outputs.equals(Set.of("out"))) {
                throw EvalException.error("multiple outputs are not supported in fixed-output derivations", namePos);
            }
            IngestionMethod method = hashMode == null ? IngestionMethod.FLAT : hashMode;
            drafts.put("out", DerivationOutput.fixed("", new FixedOutputHash(method, promisedHash())));
        } else {
            for (String o : outputs) drafts.put(o, DerivationOutput.deferred());
        }
        Derivation draft = new Derivation(name, drafts, inputs.inputDrvs(), inputs.inputSrcs(), system, builder, args,
                env);
        InstantiatedDerivation done;
        try {
            done = ev.store().addDerivation(draft);
        } catch (IllegalArgumentException e) {
            // An invalid name (InvalidStorePathException), or an input derivation the store lacks.
            throw EvalException.error(e.getMessage(), namePos);
        }
        return result(done);
    }

    /** One attribute, in name order (Nix's {@code lexicographicOrder}). */
    private void attribute(String key, Value v, Span pos) {
        switch (key) {
            case "__contentAddressed", "__impure" -> {
                if (Force.bool(v, null)) {
                    throw EvalException.error("'" + key + "' derivations are an experimental Nix feature, which "
                            + "sysbuild does not support", pos);
                }
            }
            case "args" -> {
                NixList list = Force.list(v, null);
                for (Value item : list.items()) {
                    try {
                        args.add(Ops.coerceToString(ev, item, context, true, true, pos));
                    } catch (EvalException e) {
                        throw e.addFrame("while evaluating an element of the argument list", null);
                    }
                }
            }
            default -> {
                if (json != null) structuredAttribute(key, v);
                else environmentAttribute(key, v, pos);
            }
        }
    }

    private void environmentAttribute(String key, Value v, Span pos) {
        String s = Ops.coerceToString(ev, v, context, true, true, pos);
        env.put(key, s);
        switch (key) {
            case "builder" -> builder = s;
            case "system" -> system = s;
            case "outputHash" -> outputHash = s;
            case "outputHashAlgo" -> outputHashAlgo = s;
            case "outputHashMode" -> hashMode = hashMode(s);
            case "outputs" -> outputs(tokens(s));
            default -> { }
        }
    }

    /** With {@code __structuredAttrs}, attributes are JSON; the special ones must also be strings as such. */
    private void structuredAttribute(String key, Value v) {
        if (key.equals("__structuredAttrs")) return;
        json.put(key, JsonPrinter.toJson(ev, v, context));
        switch (key) {
            case "builder" -> {
                NixString s = Force.string(v, null);
                context.addAll(s.context());
                builder = s.value;
            }
            case "system" -> system = ContextBuiltins.noContext(v);
            case "outputHash" -> outputHash = ContextBuiltins.noContext(v);
            case "outputHashAlgo" -> outputHashAlgo = ContextBuiltins.noContext(v);
            case "outputHashMode" -> hashMode = hashMode(ContextBuiltins.noContext(v));
            case "outputs" -> {
                List<String> names = new ArrayList<>();
                for (Value o : Force.list(v, null).items()) names.add(ContextBuiltins.noContext(o));
                outputs(names);
            }
            default -> { }
        }
    }

    private String jsonObject() {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> e : json.entrySet()) {
            if (sb.length() > 1) sb.append(',');
            JsonPrinter.quote(sb, e.getKey());
            sb.append(':').append(e.getValue());
        }
        return sb.append('}').toString();
    }

    private static IngestionMethod hashMode(String mode) {
        return switch (mode) {
            case "flat" -> IngestionMethod.FLAT;
            case "recursive" -> IngestionMethod.RECURSIVE;
            default -> throw EvalException.error("invalid value '" + mode + "' for 'outputHashMode' attribute", null);
        };
    }

    private void outputs(List<String> names) {
        outputs.clear();
        for (String o : names) {
            if (!outputs.add(o)) throw EvalException.error("duplicate derivation output '" + o + "'", null);
            // Nix 2.8 refuses only 'drv'; 'drvPath' would clash with the drvPath attribute, and newer Nix refuses it.
            if (o.equals("drv") || o.equals("drvPath")) {
                throw EvalException.error("invalid derivation output name '" + o + "'", null);
            }
        }
        if (outputs.isEmpty()) throw EvalException.error("derivation cannot have an empty set of outputs", null);
    }

    /** Nix's {@code tokenizeString}: words separated by runs of blanks and line breaks. */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && TOKEN_SEPARATORS.indexOf(s.charAt(i)) >= 0) i++;
            int start = i;
            while (i < s.length() && TOKEN_SEPARATORS.indexOf(s.charAt(i)) < 0) i++;
            if (i > start) out.add(s.substring(start, i));
        }
        return out;
    }

    /**
     * {@code outputHash}, in any encoding, of the algorithm {@code outputHashAlgo} names or the
     * hash itself does. An empty hash with a known algorithm is the all-zero one (Nix warns and
     * goes on, so that the build reports the real hash).
     */
    private Hash promisedHash() {
        HashAlgo algo = HashAlgo.find(outputHashAlgo).orElse(null);
        try {
            if (outputHash.isEmpty()) {
                if (algo == null) throw new InvalidHashException("empty hash requires explicit hash type");
                return emptyHash(algo);
            }
            return Hash.parseAny(outputHash, algo);
        } catch (InvalidHashException e) {
            throw EvalException.error(e.getMessage(), namePos);
        }
    }

    /**
     * What an empty expected hash stands for: all zeros, with a warning, so that building reports
     * the real hash (a common way to find it out).
     */
    static Hash emptyHash(HashAlgo algo) {
        Hash zero = new Hash(algo, new byte[algo.size()]);
        System.err.println("warning: found empty hash, assuming '" + zero.toSri() + "'");
        return zero;
    }

    /** {@code { drvPath = ...; <output> = ...; }}, each string depending on the derivation as Nix's context says. */
    private NixAttrs result(InstantiatedDerivation done) {
        Derivation drv = done.derivation();
        String drvPath = ev.store().storeDir().print(done.drvPath());
        AttrsBuilder b = new AttrsBuilder(drv.outputs().size() + 1);
        b.put("drvPath", NixString.of(drvPath, Set.of("=" + drvPath)));
        for (Map.Entry<String, DerivationOutput> o : drv.outputs().entrySet()) {
            b.put(o.getKey(), NixString.of(o.getValue().path(), Set.of("!" + o.getKey() + "!" + drvPath)));
        }
        return b.build();
    }
}
