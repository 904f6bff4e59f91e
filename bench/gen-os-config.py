#!/usr/bin/env python3
"""Writes a large system.conf for the OS-evaluation benchmark: N services (every tenth with a
timer), M normal users and a few groups, each written out literally, as a big hand-written
configuration would be.

    bench/gen-os-config.py [--services N] [--users M] OUT.conf
"""
import argparse

p = argparse.ArgumentParser()
p.add_argument("--services", type=int, default=2000)
p.add_argument("--users", type=int, default=500)
p.add_argument("out")
a = p.parse_args()

lines = ["{ config, lib, pkgs, ... }:", "{",
         '  networking.hostName = "bench";',
         "  environment.systemPackages = [ pkgs.hello pkgs.cowsay ];",
         "  services.openssh.enable = true;",
         '  users.groups.staff = { };',
         '  users.groups.svc = { };']
for i in range(a.users):
    lines.append(f'  users.users.user{i} = {{ isNormalUser = true; description = "User {i}"; '
                 f'extraGroups = [ "staff" ]; openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAkey{i} user{i}@host" ]; }};')
for i in range(a.services):
    lines.append(f'  systemd.services.svc{i} = {{')
    lines.append(f'    description = "Benchmark service {i}";')
    lines.append('    wantedBy = [ "multi-user.target" ];')
    lines.append('    after = [ "network.target" ];')
    lines.append(f'    environment.SVC_ID = "{i}";')
    lines.append(f'    script = "exec sleep {i % 97 + 1}";')
    lines.append('    serviceConfig = { Restart = "on-failure"; User = "nobody"; };')
    lines.append('  };')
    if i % 10 == 0:
        lines.append(f'  systemd.timers.svc{i}.timerConfig.OnCalendar = "hourly";')
lines.append("}")
with open(a.out, "w") as f:
    f.write("\n".join(lines) + "\n")
