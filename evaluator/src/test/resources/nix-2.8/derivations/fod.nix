# nix-formats.md §3 "fod": flat sha256 in base 16
{
  name = "fod"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "printf x > $out" ];
  outputHashMode = "flat"; outputHashAlgo = "sha256";
  outputHash = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881";
}
