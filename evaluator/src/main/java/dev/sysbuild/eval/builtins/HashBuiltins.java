package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;

/** Hashes: of strings and files (printed in base16), and conversion between hash encodings. */
final class HashBuiltins {
    private HashBuiltins() {}

    static void register(Registry r) {
        r.fn("hashString", 2, new Fn(0, r));
        r.fn("hashFile", 2, new Fn(1, r));
        r.fn("convertHash", 1, new Fn(2, r));
    }

    /** {@code convertHash { hash; hashAlgo ? <from the hash>; toHashFormat; }} */
    private static Value convertHash(NixAttrs args) {
        String hash = ContextBuiltins.noContext(required(args, "hash"));
        Value algoValue = args.get("hashAlgo");
        NixHash.Algorithm algorithm = algoValue == null ? null : NixHash.Algorithm.parse(ContextBuiltins.noContext(algoValue));
        NixHash.Format format = NixHash.Format.parse(ContextBuiltins.noContext(required(args, "toHashFormat")));
        return NixString.of(NixHash.parseAny(hash, algorithm).print(format, false));
    }

    private static Value required(NixAttrs args, String name) {
        Value v = args.get(name);
        if (v == null) throw EvalException.error("attribute '" + name + "' missing", null);
        return v;
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinHashString(a);
                case 1 -> builtinHashFile(a);
                case 2 -> builtinConvertHash(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code hashString} */
        private Value builtinHashString(Value[] a) {
            NixHash.Algorithm algorithm = NixHash.Algorithm.parse(ContextBuiltins.noContext(a[0]));
            String s = Force.plainString(a[1], null);
            return NixString.of(NixHash.of(algorithm, s).base16());
        }

        /** {@code hashFile} */
        private Value builtinHashFile(Value[] a) {
            NixHash.Algorithm algorithm = NixHash.Algorithm.parse(ContextBuiltins.noContext(a[0]));
            String path = FileBuiltins.realPath(ev, a[1]);
            if (ev.io().fileType(path) == null) throw EvalException.error("path '" + path + "' does not exist", null);
            return NixString.of(NixHash.of(algorithm, ev.io().readFileBytes(path, null)).base16());
        }

        /** {@code convertHash} */
        private Value builtinConvertHash(Value[] a) {
            return convertHash(Force.attrs(a[0], null));
        }
    }
}
