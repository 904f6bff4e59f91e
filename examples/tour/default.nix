# A short tour of the language sysbuild reads (the Nix language).
# Run it with:  ./sysbuild eval --strict examples/tour
let
  # functions with formals and defaults
  greet = { name, greeting ? "hello" }: "${greeting}, ${name}!";

  # a recursive set, inherit, and nested attribute paths
  machine = rec {
    hostName = "demo";
    fqdn = "${hostName}.example.org";
    services.openssh.enable = false;
    services.nginx = { enable = true; port = 80; };
  };

  # lists and the builtins
  packages = builtins.sort builtins.lessThan [ "vim" "git" "curl" ];
  fib = n: if n < 2 then n else fib (n - 1) + fib (n - 2);
in
{
  message = greet { name = machine.fqdn; };
  inherit packages;
  enabled = builtins.attrNames (builtins.mapAttrs (n: s: s.enable) machine.services);
  fib20 = fib 20;
  motd = ''
    Welcome to ${machine.hostName}.
      This line keeps two spaces of indentation.
  '';
}
