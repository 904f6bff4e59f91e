#!/usr/bin/env python3
"""Fill a sysbuild store with many tiny registered paths, for garbage-collection benchmarks.

Usage: gen-store.py ROOT N [--chain K] [--store-dir DIR]

Writes N text paths (like builtins.toFile) straight in the on-disk format of docs/store-format.md:
the file under ROOT/<store dir>/<hash>-tiny-<i> (mode 0444, mtime 1) and its info file under
ROOT/sysbuild/var/db/info/<hash>. Path i references path i-1 unless i is a multiple of K
(default 10), so the paths form chains of K and the collector has references to follow. Store
paths and NAR hashes are computed as Nix computes them, so `sysbuild store verify
--check-contents` passes on the result. No fsync: this is test data, not a store to keep.
"""
import hashlib, os, sys, time

CHARS = "0123456789abcdfghijklmnpqrsvwxyz"

def nix32(h: bytes) -> str:
    n = (len(h) * 8 - 1) // 5 + 1
    out = []
    for k in range(n - 1, -1, -1):
        b = k * 5
        i, j = b // 8, b % 8
        c = (h[i] >> j) | (0 if i >= len(h) - 1 else h[i + 1] << (8 - j))
        out.append(CHARS[c & 0x1f])
    return "".join(out)

def compress(h: bytes, size=20) -> bytes:
    r = bytearray(size)
    for i, b in enumerate(h):
        r[i % size] ^= b
    return bytes(r)

def nar_string(s: bytes) -> bytes:
    return len(s).to_bytes(8, "little") + s + b"\0" * ((8 - len(s) % 8) % 8)

def nar_of_file(contents: bytes) -> bytes:
    return b"".join(nar_string(x) for x in [b"nix-archive-1", b"(", b"type", b"regular", b"contents"]) \
        + nar_string(contents) + nar_string(b")")

def text_path(store_dir, name, contents, refs):
    typ = "text" + "".join(":" + r for r in refs)
    fp = f"{typ}:sha256:{hashlib.sha256(contents).hexdigest()}:{store_dir}:{name}"
    return f"{store_dir}/{nix32(compress(hashlib.sha256(fp.encode()).digest()))}-{name}"

def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__); sys.exit(2)
    root, n = args[0], int(args[1])
    chain = int(args[args.index("--chain") + 1]) if "--chain" in args else 10
    store_dir = args[args.index("--store-dir") + 1] if "--store-dir" in args else "/sysbuild/store"
    phys = os.path.join(root, store_dir.lstrip("/"))
    info = os.path.join(root, "sysbuild/var/db/info")
    os.makedirs(phys, exist_ok=True); os.makedirs(info, exist_ok=True)
    t0 = time.monotonic()
    prev = None
    for i in range(n):
        refs = [prev] if prev and i % chain else []
        contents = f"tiny {i}\n".encode() + b"".join(r.encode() + b"\n" for r in refs)
        p = text_path(store_dir, f"tiny-{i}", contents, refs)
        base = p[len(store_dir) + 1:]
        f = os.path.join(phys, base)
        with open(f, "wb") as out:
            out.write(contents)
        os.chmod(f, 0o444)
        os.utime(f, (1, 1))
        nar = nar_of_file(contents)
        text = (f"path {p}\nnarHash sha256:{nix32(hashlib.sha256(nar).digest())}\nnarSize {len(nar)}\n"
                f"registered 1700000000\n" + "".join(f"ref {r}\n" for r in refs) + "end\n")
        with open(os.path.join(info, base[:32]), "w") as out:
            out.write(text)
        prev = p
    print(f"root={root} paths={n} chain={chain} seconds={time.monotonic() - t0:.1f}")

if __name__ == "__main__":
    main()
