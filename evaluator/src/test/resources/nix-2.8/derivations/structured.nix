# __structuredAttrs: env is __json plus the outputs; args stay args; paths are imported; nulls dropped
{
  name = "structured"; system = "x86_64-linux"; builder = "/bin/sh"; __structuredAttrs = true;
  outputs = [ "out" "lib" ]; list = [ 1 "two" true null ./tree/a ]; set = { b = "x"; a = [ ]; };
  __ignoreNulls = true; nothing = null; args = [ "-c" "true" ];
}
