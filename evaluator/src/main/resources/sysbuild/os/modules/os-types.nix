# Option types the OS modules need beyond lib.types.
lib:
{
  # A submodule whose options are reported as declared in `file` (the module written inline
  # would otherwise be "<unknown-file>" in errors and in docs/options.md).
  submoduleIn = file: module: lib.types.submodule { _file = toString file; imports = [ module ]; };

  # A list whose definitions are concatenated as they are. `types.listOf` merges every
  # element on its own (so mkIf works inside lists), which costs a merge per element; lists
  # that modules fill with thousands of entries (assertions, generated /etc entries) use this.
  concatenatedList = description: lib.types.mkOptionType {
    name = "concatenatedList";
    inherit description;
    descriptionClass = "composite";
    check = builtins.isList;
    merge = _: defs: builtins.concatMap (d: d.value) defs;
    emptyValue = { value = [ ]; };
  };
}
