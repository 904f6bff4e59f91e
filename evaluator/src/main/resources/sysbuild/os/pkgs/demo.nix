# A few small packages that are real programs (POSIX shell scripts), so a configuration has
# something to install. Each looks like a nixpkgs package: pname, version, name, meta.
{ lib, builders }:
let
  # A package of scripts under bin/: `bin` maps each program name to its script body.
  scriptPackage = { pname, version, bin, meta }:
    builders.makeTree {
      name = "${pname}-${version}";
      entries = lib.mapAttrsToList (prog: body: {
        path = "bin/${prog}";
        text = "#!/bin/sh\n" + body;
        executable = true;
      }) bin;
      meta = { mainProgram = pname; platforms = [ "x86_64-linux" "aarch64-linux" ]; } // meta;
      passthru = { inherit pname version; };
    };
in
{
  inherit scriptPackage;

  hello = scriptPackage {
    pname = "hello";
    version = "2.12";
    bin.hello = ''
      case "''${1:-}" in
        --version) echo "hello (sysbuild demo) 2.12" ;;
        -g|--greeting) echo "''${2:-Hello, world!}" ;;
        *) echo "Hello, world!" ;;
      esac
    '';
    meta = { description = "A program that produces a familiar, friendly greeting"; license = "GPL-3.0-or-later"; };
  };

  cowsay = scriptPackage {
    pname = "cowsay";
    version = "3.8";
    bin.cowsay = ''
      msg="$*"
      [ -n "$msg" ] || msg=$(cat)
      line=$(printf '%s' "$msg" | sed 's/./-/g')
      echo " -$line-"
      echo "< $msg >"
      echo " -$line-"
      echo '        \   ^__^'
      echo '         \  (oo)\_______'
      echo '            (__)\       )\/\'
      echo '                ||----w |'
      echo '                ||     ||'
    '';
    meta = { description = "A program which generates ASCII pictures of a cow with a message"; license = "GPL-3.0-or-later"; };
  };

  # Prints the message of the day and the running generation.
  motd = scriptPackage {
    pname = "motd";
    version = "1.0";
    bin.motd = ''
      [ -r /etc/motd ] && cat /etc/motd
      if [ -e /run/current-system ]; then
        echo "generation: $(readlink /run/current-system)"
      fi
    '';
    meta = { description = "Shows /etc/motd and the running sysbuild generation"; license = "MIT"; };
  };
}
