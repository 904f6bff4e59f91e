# Every bundled OS module, in no particular order (the module system does not care).
[
  ./misc/assertions.nix
  ./misc/version.nix
  ./config/networking.nix
  ./config/time.nix
  ./config/i18n.nix
  ./config/shells-environment.nix
  ./config/system-path.nix
  ./config/users-groups.nix
  ./config/sysctl.nix
  ./system/etc.nix
  ./system/boot.nix
  ./system/systemd.nix
  ./system/tmpfiles.nix
  ./system/toplevel.nix
  ./services/openssh.nix
]
