package dev.sysbuild.generations;

import java.util.List;

/** How a switch treats a change to one systemd unit ({@code units.json}, NixOS's restartIfChanged family). */
public record UnitSpec(String name, boolean restartIfChanged, boolean reloadIfChanged, boolean stopIfChanged,
        List<String> wantedBy, List<String> restartTriggers) {

    /** What a unit file without a units.json entry gets: NixOS's defaults. */
    public static UnitSpec defaults(String name) {
        return new UnitSpec(name, true, false, true, List.of(), List.of());
    }

    static UnitSpec from(String name, JsonFields f) {
        return new UnitSpec(name, f.bool("restartIfChanged", true), f.bool("reloadIfChanged", false),
                f.bool("stopIfChanged", true), f.strings("wantedBy"), f.strings("restartTriggers"));
    }
}
